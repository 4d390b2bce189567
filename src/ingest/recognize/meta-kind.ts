/**
 * The kind, year and scope of a disclosure. Kind: 部门决算/单位决算/决算公开 → final-accounts; a
 * 部门整体支出绩效自评报告 without the nine tables → performance-self-evaluation; 部门预算 → budget.
 * Year: the title's, else the tables' and evaluations', else the year the text names most
 * ('YYYY年度' counting more than 'YYYY年').
 */
import type { DisclosureKind, DisclosureScope, Provenance } from '../../model/index.js';
import type { RawDocument } from '../raw.js';
import type { MetaParts } from './meta.js';
import type { TitleInfo } from './meta-title.js';

const HEAD_LINES = 30;

function headText(raw: RawDocument): string {
  return raw.lines.slice(0, HEAD_LINES).map((l) => l.text).join('\n');
}

export function kindOf(raw: RawDocument, title: string | undefined, parts: MetaParts): DisclosureKind {
  const nineTables = parts.tables.filter((t) => t.key).length;
  const fromTitle = title ? kindFromWords(title, nineTables) : undefined;
  if (fromTitle) return fromTitle;
  const fromHead = kindFromWords(headText(raw), nineTables);
  if (fromHead) return fromHead;
  if (nineTables) return 'final-accounts';
  if (parts.performance.length) return 'performance-self-evaluation';
  return 'other';
}

function kindFromWords(text: string, nineTables: number): DisclosureKind | undefined {
  const t = text.replace(/\s+/g, '');
  if (/决算/.test(t)) return 'final-accounts';
  if (/(绩效自评|绩效评价|自评报告|整体支出绩效)/.test(t)) return nineTables >= 3 ? 'final-accounts' : 'performance-self-evaluation';
  if (/(部门|单位)预算|预算公开|预算信息公开/.test(t)) return 'budget';
  return undefined;
}

export function yearOf(raw: RawDocument, title: TitleInfo | undefined, parts: MetaParts): { year: number; prov: Provenance } | undefined {
  if (title?.year) return { year: title.year, prov: title.prov };
  const scores = new Map<number, { score: number; prov: Provenance }>();
  const add = (year: number, weight: number, prov: Provenance) => {
    if (year < 2000 || year > 2100) return;
    const e = scores.get(year) ?? { score: 0, prov };
    e.score += weight;
    scores.set(year, e);
  };
  for (const t of parts.tables) for (const m of t.title.matchAll(/((?:19|20)\d\d)\s*年/g)) add(Number(m[1]), 5, t.prov);
  for (const p of parts.performance) if (p.year) add(p.year, 5, p.prov);
  for (const l of raw.lines) {
    if (!l.text.includes('年')) continue;
    for (const m of l.text.matchAll(/((?:19|20)\d\d)\s*年(度)?/g)) {
      add(Number(m[1]), m[2] ? 3 : 1, { line: l.line, ...(l.page !== undefined && { page: l.page }), offset: m.index });
    }
  }
  let best: { year: number; prov: Provenance } | undefined;
  let score = 0;
  for (const [year, e] of scores) if (e.score > score) [best, score] = [{ year, prov: e.prov }, e.score];
  return best;
}

export function scopeOf(title: string | undefined, entity: string | undefined, raw: RawDocument): DisclosureScope | undefined {
  const t = `${title ?? ''}${entity ?? ''}`.replace(/\s+/g, '');
  if (/本级/.test(t)) return 'own-office';
  if (/单位决算|单位预算/.test(t)) return 'unit';
  if (/部门决算|部门预算|部门整体/.test(t)) return 'department';
  const head = headText(raw).replace(/\s+/g, '');
  if (/单位决算/.test(head)) return 'unit';
  if (/部门决算/.test(head)) return 'department';
  return undefined;
}
