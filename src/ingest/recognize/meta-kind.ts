/**
 * The kind, year and scope of a disclosure. Kind: 部门决算/单位决算/决算公开 → final-accounts; a
 * 部门整体支出绩效自评报告 without the nine tables → performance-self-evaluation; 部门预算 → budget.
 * Year: the title's, else the tables' and evaluations', else the year the text names most
 * ('YYYY年度' counting more than 'YYYY年').
 */
import type { DisclosureKind, DisclosureScope, Provenance, Table } from '../../model/index.js';
import { isBudgetVariant } from '../../catalog/budget-tables.js';
import type { RawDocument } from '../raw.js';
import type { MetaParts } from './meta.js';
import type { TitleInfo } from './meta-title.js';

const HEAD_LINES = 30;

function headText(raw: RawDocument): string {
  return raw.lines.slice(0, HEAD_LINES).map((l) => l.text).join('\n');
}

export function kindOf(raw: RawDocument, title: string | undefined, parts: MetaParts): DisclosureKind {
  const nineTables = parts.tables.filter((t) => t.key).length;
  const budgetTables = parts.tables.filter((t) => isBudgetVariant(t.variant)).length;
  const fromTitle = title ? kindFromWords(title, nineTables) : undefined;
  if (fromTitle) return fromTitle;
  // Tables titled as budget tables (收支预算总表 …) outnumbering final-accounts ones make a budget.
  if (budgetTables > 0 && budgetTables * 2 > parts.tables.length) return 'budget';
  const fromHead = kindFromWords(headText(raw), nineTables);
  if (fromHead) return fromHead;
  if (nineTables) return 'final-accounts';
  if (parts.performance.length) return 'performance-self-evaluation';
  return 'other';
}

function kindFromWords(text: string, nineTables: number): DisclosureKind | undefined {
  const t = text.replace(/\s+/g, '');
  const budget = /(部门|单位|区级|省级|市级|县级|年度?)预算(?:公开|信息公开|报表|表|说明)?|预算公开/.exec(t);
  const final = /决算/.exec(t);
  if (budget && (!final || budget.index < final.index)) return 'budget';
  if (final) return 'final-accounts';
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

export function scopeOf(title: string | undefined, entity: string | undefined, raw: RawDocument, tables: readonly Table[] = []): DisclosureScope | undefined {
  const t = `${title ?? ''}${entity ?? ''}`.replace(/\s+/g, '');
  if (/本级/.test(t)) return 'own-office';
  if (/单位决算|单位预算/.test(t)) return 'unit';
  if (/部门决算|部门预算|部门整体/.test(t)) return 'department';
  const head = headText(raw).replace(/\s+/g, '');
  if (/单位决算|单位预算|预算单位[：:]/.test(head)) return 'unit';
  if (/部门决算|部门预算|预算主管部门[：:]/.test(head)) return 'department';
  // Table titles: '2025年预算单位财务收支预算总表', '单位“三公”经费…' / '2025年部门…'.
  const titles = tables.filter((x) => x.key).map((x) => x.title.replace(/\s+/g, '').replace(/^[\d一二三四五六七八九十]+[、.．]\s*/, '').replace(/^\d{4}年度?/, ''));
  const unit = titles.filter((x) => /^(?:预算)?单位/.test(x)).length;
  const dept = titles.filter((x) => /^部门/.test(x)).length;
  if (unit > dept) return 'unit';
  if (dept > unit) return 'department';
  return undefined;
}
