/**
 * The parts of an entity name: the region it belongs to (高台县; the last administrative segment of
 * 甘肃省高台县) and the body (医疗保障局), so other mentions of the same kind of body can be compared.
 */
export interface EntityName {
  /** The last administrative segment ('高台县', '乌鲁木齐市'). */
  region: string;
  /** Its level: the administrative suffix ('县', '市', '区', '旗', '州', '省'). */
  level: string;
  body: string;
}

const ADMIN = /[省市县区州旗盟]/g;
/** Bodies that begin with an administrative character (市场监督管理局, 市政, 区划). */
const NOT_A_BODY_START = /^[场政域划委]/;

export function splitEntity(entity: string): EntityName | undefined {
  const name = entity.normalize('NFKC').replace(/[（(][^）)]*[）)]\s*$/, '').replace(/\s+/g, '');
  const cuts = [...name.matchAll(ADMIN)].map((m) => m.index!).filter((i) => i >= 1);
  for (const cut of cuts.reverse()) {
    const body = name.slice(cut + 1);
    if (body.length < 3 || NOT_A_BODY_START.test(body)) continue;
    const prefix = name.slice(0, cut + 1);
    const previous = Math.max(...[...prefix.slice(0, -1).matchAll(ADMIN)].map((m) => m.index!), -1);
    const region = prefix.slice(previous + 1);
    if (region.length < 2) continue;
    return { region, level: name[cut]!, body };
  }
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Mentions of `<region><body>` in a text with a region other than the entity's own. */
export function otherRegionMentions(text: string, e: EntityName): { region: string; level: string; at: number; printed: string }[] {
  const re = new RegExp(`([\\u4e00-\\u9fff]{1,5}?([县市区旗州]))${escapeRe(e.body)}`, 'g');
  const out: { region: string; level: string; at: number; printed: string }[] = [];
  for (const m of text.matchAll(re)) {
    const lead = /^[根据按照依经由向对与和及在将受为是的了报送至到原现配合协助会同]+/.exec(m[1]!)?.[0] ?? '';
    const region = m[1]!.slice(lead.length);
    const at = m.index! + lead.length;
    if (region.length < 2 || region === e.region || e.region.endsWith(region) || region.endsWith(e.region)) continue;
    out.push({ region, level: m[2]!, at, printed: m[0].slice(lead.length) });
  }
  return out;
}
