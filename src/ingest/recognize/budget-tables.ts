/**
 * What the recognizer adds for 部门预算 / 单位预算 tables (src/catalog/budget-tables.ts): titles wrapped onto
 * a second line, the other budget tables (机关运行经费, 政府采购 …) read and kept without a key, ordinals
 * printed above the title (表一 / 公开01表), and the budget catalogue's row keys on the summary tables.
 */
import type { RawLine } from '../raw.js';
import type { Table } from '../../model/table.js';
import { BUDGET_OTHER_VARIANT, tableDef } from '../../catalog/tables.js';
import { lookupLabel } from '../../catalog/tables.js';
import { findRegion, type Region } from './table-region.js';
import { findOrdinal, isMetaLine, isOrdinalOnly, matchOtherBudgetTitleText, matchTitle, matchTitleText, type TitleMatch } from './table-titles.js';
import { parseTable, type TableInput } from './table-parse.js';
import { rowLabel } from './table-two-sided.js';

export interface TitleAt {
  match: TitleMatch;
  /** Index of the title's last line. */
  last: number;
  other?: boolean;
}

function lineText(l: RawLine): string {
  return l.cells.length === 1 ? l.cells[0]! : l.cells.filter((c) => c !== '').join('');
}

/** A title at line `i`: one of the nine, another budget table's, or either wrapped onto line i + 1. */
export function titleAt(lines: readonly RawLine[], i: number): TitleAt | null {
  const l = lines[i]!;
  const match = matchTitle(l);
  if (match) return { match, last: i };
  const text = lineText(l);
  const other = matchOtherBudgetTitleText(text);
  if (other) return { match: { ...other }, last: i, other: true };
  const next = lines[i + 1];
  if (!next || text.length < 4 || !/预算|决算|支出|经费/.test(text) || /表\s*$/.test(text)) return null;
  const tail = lineText(next).trim();
  if (tail.length === 0 || tail.length > 8 || !/表$/.test(tail) || next.cells.filter((c) => c.trim()).length > 1) return null;
  const joined = `${text.trimEnd()}${tail}`;
  const m = matchTitleText(joined);
  if (m) return { match: { ...m }, last: i + 1 };
  const o = matchOtherBudgetTitleText(joined);
  return o ? { match: { ...o }, last: i + 1, other: true } : null;
}

/**
 * The region of a table whose unit line wraps the entity's name ('部门：…办 | 单位：万元' / '公厅'): the meta
 * lines and short fragments are skipped, then the region is looked for again. Null when none follows.
 */
export function regionAfterFragments(lines: readonly RawLine[], start: number, stop: number): Region | null {
  const skipped: number[] = [];
  let i = start;
  while (i < stop && skipped.length < 4) {
    const l = lines[i]!;
    const t = lineText(l).trim();
    const fragment = !l.tabular && t.length > 0 && t.length <= 8 && !/[。；;，,：:]/.test(t) && !/表$/.test(t);
    if (!isMetaLine(l) && !fragment) break;
    skipped.push(i++);
  }
  if (!skipped.length || i >= stop) return null;
  const region = findRegion(lines as RawLine[], i, stop);
  if (!region) return null;
  region.meta.unshift(...skipped);
  return region;
}

/** An ordinal printed alone on the line just above a title (表一, 公开01表). */
export function ordinalAbove(lines: readonly RawLine[], index: number): string | undefined {
  const prev = lines[index - 1];
  if (!prev || !isOrdinalOnly(lineText(prev))) return undefined;
  return findOrdinal(lineText(prev));
}

/** Another budget table: read with the generic budget columns, kept in the model without a key. */
export function parseOtherTable(input: Omit<TableInput, 'key' | 'variant'>): Table {
  const t = parseTable({ ...input, key: 'T05', variant: BUDGET_OTHER_VARIANT });
  delete t.key;
  t.variant = BUDGET_OTHER_VARIANT;
  return t;
}

const SPLIT_HEADER = /^(?:合计|小计|基本支出|项目支出|人员经费|公用经费|预算数|本年支出)$/;

/**
 * The expenditure side of a 单位预算 summary table printed with 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出:
 * its header levels come back as label-only rows ('合计 … 基本支出 … 项目支出', '人员经费 … 公用经费'). They
 * name the side's value columns (leaves in printed order) and are dropped.
 */
function splitExpenditureHeader(t: Table): void {
  const side = t.rows.filter((r) => r.side === 'expenditure');
  const isFragment = (r: Table['rows'][number]): boolean => !r.key && (SPLIT_HEADER.test(compact(r.name)) || r.name === '') &&
    Object.values(r.cells).every((c) => c.value.kind === 'blank' || (c.value.kind === 'text' && SPLIT_HEADER.test(compact(c.text))));
  const fragments = side.filter(isFragment);
  if (!fragments.length) return;
  const words = new Set(fragments.flatMap((r) => [r.name, ...Object.values(r.cells).map((c) => c.text)]).map(compact).filter((w) => w !== ''));
  const valueKeys = [...new Set(side.filter((r) => !fragments.includes(r)).flatMap((r) => Object.keys(r.cells)))];
  let keys: string[] | undefined;
  if (words.has('人员经费') && words.has('公用经费') && words.has('项目支出') && valueKeys.length === 4) keys = ['amount', 'personnel', 'public', 'project'];
  else if (words.has('基本支出') && words.has('项目支出') && valueKeys.length === 3) keys = ['amount', 'basic', 'project'];
  if (!keys) return;
  const rename = new Map(valueKeys.map((k, i) => [k, keys![i]!]));
  for (const r of side) {
    const cells: typeof r.cells = {};
    for (const [k, c] of Object.entries(r.cells)) cells[rename.get(k) ?? k] = c;
    r.cells = cells;
  }
  t.rows = t.rows.filter((r) => !fragments.includes(r));
  const labels: Record<string, string> = { basic: '本年支出/基本支出', project: '本年支出/项目支出', personnel: '本年支出/基本支出/人员经费', public: '本年支出/基本支出/公用经费' };
  t.columns = [...t.columns.filter((c) => !rename.has(c.key) || c.key === 'amount'), ...keys.filter((k) => k !== 'amount').map((k) => ({ key: k, label: labels[k]! }))];
}

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * A Jiangsu 收支预算总表 prints the expenditure twice, side by side: by function class (功能分类: name |
 * 金额) and by purpose (支出用途: 基本支出 / 项目支出 / 单位预留机动经费 | 金额). The purpose pairs come back
 * as two extra cells of the function rows; they become rows of their own (keys expenditure:basic …), and
 * the totals printed under 支出用途 only (当年支出小计 …) become the rows' amounts.
 */
function splitPurposeColumns(t: Table, rows: Readonly<Record<string, string>>): void {
  const side = t.rows.filter((r) => r.side === 'expenditure');
  const extra = [...new Set(side.flatMap((r) => Object.keys(r.cells)))].filter((k) => k !== 'amount');
  if (extra.length !== 2) return;
  const [labelKey, valueKey] = extra as [string, string];
  const labelled = side.filter((r) => r.cells[labelKey]?.value.kind === 'text');
  if (!labelled.length || !labelled.every((r) => lookupLabel(rows, rowLabel(r.cells[labelKey]!.text))?.startsWith('expenditure:'))) return;
  const added: Table['rows'] = [];
  for (const r of side) {
    const label = r.cells[labelKey];
    const value = r.cells[valueKey];
    if (label?.value.kind === 'text') {
      const key = lookupLabel(rows, rowLabel(label.text));
      added.push({ name: label.text, side: 'expenditure', ...(key && { key }), cells: value ? { amount: value } : {}, prov: label.prov });
    } else if (value && value.value.kind !== 'blank' && (!r.cells.amount || r.cells.amount.value.kind === 'blank')) {
      r.cells.amount = value;
    }
    delete r.cells[labelKey];
    delete r.cells[valueKey];
  }
  const firstTotal = t.rows.findIndex((r) => r.side === 'expenditure' && !r.key?.startsWith('fn:') && r.cells.amount !== undefined && !added.includes(r));
  const at = firstTotal >= 0 ? firstTotal : t.rows.length;
  t.rows.splice(at, 0, ...added);
  t.columns = t.columns.filter((c) => c.key !== labelKey && c.key !== valueKey);
}

/** Row keys of a budget summary table (收支预算总表, 财政拨款收支预算总表) from the budget catalogue's labels. */
export function applyBudgetRows(t: Table): void {
  // A default label from the final-accounts readers ('决算数') names a budget figure here.
  for (const c of t.columns) c.label = c.label.replace(/决算数/g, '预算数');
  const rows = t.key ? tableDef(t.key, t.variant).rows : undefined;
  if (!rows) return;
  if (t.key === 'T01') splitExpenditureHeader(t);
  if (t.key === 'T01') splitPurposeColumns(t, rows);
  for (const row of t.rows) {
    if (!row.name || row.key?.startsWith('fn:') || row.code) continue;
    const label = rowLabel(row.name);
    const key = lookupLabel(rows, label) ?? lookupLabel(rows, label.replace(/[(（][^)）]*[)）]/g, ''));
    if (key) row.key = key;
  }
}
