/**
 * Region and department type from the entity name as printed: '上海市普陀区社会福利院' → region
 * '上海市普陀区', type '社会福利院'; '中共江苏省委办公厅' → '江苏省', '省委办公厅'. And whether the document is a
 * blank template (XX placeholders for the entity and the figures) rather than a disclosure.
 */
import type { RawDocument } from '../raw.js';

const PARTY_PREFIX = /^(?:中共|中国共产党)/;
/** One administrative segment: a name of 1–8 characters and its level. */
const SEGMENT = /^([\u4e00-\u9fff]{1,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗))/;
/** Bodies that begin with an administrative character: 市场监督管理局, 市政…, 区划…, 县域… */
const NOT_A_BODY_START = /^(?:场|政|域|划|级|属|直|管|里)/;

export interface EntityParts {
  region?: string;
  departmentType?: string;
}

export function entityParts(entity: string | undefined): EntityParts {
  if (!entity) return {};
  const name = entity.normalize('NFKC').replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '').replace(PARTY_PREFIX, '');
  let region = '';
  let rest = name;
  for (let k = 0; k < 4; k++) {
    const m = SEGMENT.exec(rest);
    if (!m) break;
    const after = rest.slice(m[1]!.length);
    // '市场监督管理局' is no segment '市' + '场…'; a segment needs a body of 2+ characters after it.
    if (after.length < 2 || NOT_A_BODY_START.test(after)) break;
    region += m[1]!;
    rest = after;
  }
  const out: EntityParts = {};
  if (region) out.region = region;
  const type = departmentTypeOf(rest, region);
  if (type) out.departmentType = type;
  return out;
}

const TYPE_TAILS = /(街道办事处|镇人民政府|乡人民政府|人民政府办公室|人民政府办公厅|人民政府)$/;

function departmentTypeOf(body: string, region: string): string | undefined {
  if (!body) return undefined;
  // 委办公厅 after 江苏省 → 省委办公厅 (the party committee's office).
  if (/^委/.test(body) && region) return `${region.slice(-1)}${body}`;
  const tail = TYPE_TAILS.exec(body);
  if (tail && body.length > tail[1]!.length && tail[1] === '街道办事处') return '街道办事处';
  return body;
}

const PLACEHOLDER = /(?:X{2,}|Ｘ{2,}|×{2,}|x{2,})/g;

/**
 * A blank template: the entity itself is a placeholder ('上海市XX局') or placeholders fill the text and
 * the tables (XX 万元, XX%) while almost no real figure is printed.
 */
export function isBlankTemplate(raw: RawDocument, entity: string | undefined): boolean {
  let placeholders = 0;
  let lines = 0;
  for (const l of raw.lines) {
    if (!/[XＸ×x]{2}/.test(l.text)) continue;
    const n = l.text.match(PLACEHOLDER)?.length ?? 0;
    if (n) lines++;
    placeholders += n;
  }
  const entityPlaceholder = entity !== undefined && /(?:X{2,}|Ｘ{2,}|×{2,})/.test(entity.normalize('NFKC'));
  return (entityPlaceholder && placeholders >= 5) || (lines >= 20 && lines * 5 >= raw.lines.length);
}
