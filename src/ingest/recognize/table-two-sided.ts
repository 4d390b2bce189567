/**
 * The two-sided summary tables (T01 收入支出决算总表, T04 财政拨款收入支出决算总表): income lines on
 * the left, expenditure by function class on the right, each side with 项目 | 行次 | amounts.
 */
import type { Unit } from '../../model/money.js';
import type { Cell, Column, Row } from '../../model/table.js';
import { lookupLabel, T01_ROWS, T04_ROWS, type TableDef } from '../../catalog/tables.js';
import { functionCategoryByName } from '../../catalog/function-codes.js';
import { compactText, isIntegerText, isNumberText, isDash, makeCell } from './cells.js';
import type { GridRow } from './table-grid.js';
import { cellText, maxOf } from './table-grid.js';
import { headerPaths } from './table-header.js';
import { matchColumn } from './table-columns.js';
import { provOf } from './table-code-rows.js';

type Side = 'income' | 'expenditure';

interface SidePlan {
  side: Side;
  label: number;
  lineNo?: number;
  values: { index: number; key: string; label: string }[];
}

const ENUM_RE = /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.](?!\d))/;

/** Canonical label form for row lookup: no spaces, no enumerator, no 其中：. */
export function rowLabel(text: string): string {
  return compactText(text).replace(/[“”"'‘’]/g, '').replace(/^其中[:：]/, '').replace(ENUM_RE, '').replace(/^其中[:：]/, '');
}

function lookup(table: Readonly<Record<string, string>>, text: string): string | undefined {
  const l = rowLabel(text);
  return lookupLabel(table, l) ?? lookupLabel(table, l.replace(/[(（][^)）]*[)）]/g, ''));
}

export function functionClassOf(text: string): string | undefined {
  return functionCategoryByName(rowLabel(text));
}

/** A label known to the two-sided tables (used to tell data rows from header rows). */
export function isTwoSidedLabel(text: string): boolean {
  return lookup(T01_ROWS, text) !== undefined || lookup(T04_ROWS, text) !== undefined || functionClassOf(text) !== undefined;
}

function splitIndex(header: GridRow[], data: GridRow[], width: number): number {
  for (const h of header) {
    const items = h.cells.map((c, i) => [compactText(c.text), i] as const).filter(([t]) => /^项目/.test(t));
    if (items.length >= 2) return items[1]![1];
  }
  for (const h of header) {
    const i = h.cells.findIndex((c, k) => k > 0 && /^支出/.test(compactText(c.text)));
    if (i > 0) return i;
  }
  for (const g of data) {
    const i = g.cells.findIndex((c, k) => k > 0 && functionClassOf(c.text) !== undefined);
    if (i > 0) return i;
  }
  return Math.ceil(width / 2);
}

function planSide(def: TableDef, side: Side, from: number, to: number, paths: string[], header: GridRow[], data: GridRow[]): SidePlan {
  let lineNo: number | undefined;
  for (let c = from; c < to; c++) {
    if (header.some((h) => /^行次$/.test(compactText(cellText(h, c))))) lineNo = c;
  }
  if (lineNo === undefined && to - from >= 3) {
    const c = from + 1;
    const ints = data.filter((g) => isIntegerText(cellText(g, c)) && Number(cellText(g, c)) < 200);
    if (ints.length >= data.length / 2) lineNo = c;
  }
  const values: SidePlan['values'] = [];
  for (let c = from + 1; c < to; c++) {
    if (c === lineNo) continue;
    const rule = matchColumn(def.columnRules, paths[c] ?? '');
    const key = side === 'income' || def.key === 'T01' ? 'amount' : rule?.key ?? `c${values.length + 1}`;
    values.push({ index: c, key, label: paths[c] || rule?.label || '金额' });
  }
  if (def.key === 'T04' && side === 'expenditure' && values.length === 4 && new Set(values.map((v) => v.key)).size < 4) {
    ['total', 'generalBudget', 'governmentFund', 'stateCapital'].forEach((k, i) => (values[i]!.key = k));
  }
  dedupeKeys(values);
  const plan: SidePlan = { side, label: from, values };
  if (lineNo !== undefined) plan.lineNo = lineNo;
  return plan;
}

function dedupeKeys(values: SidePlan['values']): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v.key)) v.key = `${v.key}.${i + 1}`;
    seen.add(v.key);
  });
}

export function buildTwoSided(def: TableDef, header: GridRow[], data: GridRow[], unit: Unit): { rows: Row[]; columns: Column[] } {
  const width = maxOf([...header, ...data].map((g) => g.cells.length));
  const paths = headerPaths(header, width);
  const split = splitIndex(header, data, width);
  const plans = [planSide(def, 'income', 0, split, paths, header, data), planSide(def, 'expenditure', split, width, paths, header, data)];
  const incomeRows: Row[] = [];
  const expenditureRows: Row[] = [];
  const state = { income: '', expenditure: '' };
  for (const g of data) {
    for (const plan of plans) {
      const row = sideRow(def, g, plan, unit, state);
      if (row) (plan.side === 'income' ? incomeRows : expenditureRows).push(row);
    }
  }
  const columns: Column[] = [];
  for (const p of plans) for (const v of p.values) if (!columns.some((c) => c.key === v.key)) columns.push({ key: v.key, label: v.label });
  return { rows: [...incomeRows, ...expenditureRows], columns };
}

function sideRow(def: TableDef, g: GridRow, plan: SidePlan, unit: Unit, state: Record<Side, string>): Row | undefined {
  let labelCell = g.cells[plan.label];
  if (!labelCell || labelCell.text === '') {
    const moved = plan.values.map((v) => g.cells[v.index]).find((c) => c && c.text !== '' && !isNumberText(c.text) && !isDash(c.text));
    if (moved) labelCell = moved;
  }
  const name = labelCell?.text.trim() ?? '';
  const cells: Record<string, Cell> = {};
  for (const v of plan.values) {
    const gc = g.cells[v.index];
    const text = gc && gc !== labelCell ? gc.text : '';
    cells[v.key] = makeCell(text, unit, provOf(g, gc));
  }
  const lineNo = plan.lineNo !== undefined ? cellText(g, plan.lineNo).trim() : '';
  const hasValues = Object.values(cells).some((c) => c.value.kind !== 'blank');
  if (!name && !lineNo && !hasValues) return undefined;
  const row: Row = { name, cells, side: plan.side, prov: provOf(g, labelCell) };
  if (lineNo) row.lineNo = lineNo;
  assignKey(def, row, state);
  return row;
}

function assignKey(def: TableDef, row: Row, state: Record<Side, string>): void {
  if (!row.name) return;
  const side = row.side as Side;
  const fn = side === 'expenditure' ? functionClassOf(row.name) : undefined;
  if (fn) {
    row.key = `fn:${fn}`;
    row.code = fn;
    row.codeLevel = 'category';
    return;
  }
  const table = def.key === 'T04' ? T04_ROWS : T01_ROWS;
  let key = lookup(table, row.name) ?? lookup(T01_ROWS, row.name);
  if (!key) return;
  if (key.startsWith('income:') && (state[side] === 'carryoverBegin' || state[side] === 'carryoverEnd')) {
    key = `${state[side]}:${key.slice('income:'.length)}`;
  }
  if (key === 'carryoverBegin' || key === 'carryoverEnd') state[side] = key;
  if (key === 'grandTotal' || key === 'incomeTotal' || key === 'expenditureTotal') state[side] = '';
  row.key = key;
}
