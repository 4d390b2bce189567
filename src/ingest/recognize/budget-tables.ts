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

/** Row keys of a budget summary table (收支预算总表, 财政拨款收支预算总表) from the budget catalogue's labels. */
export function applyBudgetRows(t: Table): void {
  const rows = t.key ? tableDef(t.key, t.variant).rows : undefined;
  if (!rows) return;
  for (const row of t.rows) {
    if (!row.name || row.key?.startsWith('fn:') || row.code) continue;
    const label = rowLabel(row.name);
    const key = lookupLabel(rows, label) ?? lookupLabel(rows, label.replace(/[(（][^)）]*[)）]/g, ''));
    if (key) row.key = key;
  }
}
