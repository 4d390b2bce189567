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
  /** Columns headed 项目名称 right of the label column that hold no figure: more of the label. */
  labelAlso?: number[];
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
  // each side's 项目 on a header line of its own (a layout text sets the expenditure side's header
  // lower, under 支出用途): the second column holding one
  const itemColumns = [...new Set(header.flatMap((h) => h.cells.flatMap((c, i) => (/^项目/.test(compactText(c.text)) ? [i] : []))))].sort((a, b) => a - b);
  if (itemColumns.length >= 2 && itemColumns[0]! < itemColumns[1]!) return itemColumns[1]!;
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
  const labelAlso: number[] = [];
  for (let c = from + 1; c < to; c++) {
    if (c === lineNo) continue;
    // the side's 项目名称 header set right of the labels (a layout text): a label column, not an amount
    if (/(?:^|\/)项目(?:名称)?$/.test(paths[c] ?? '') && !data.some((g) => isNumberText(cellText(g, c)))) {
      labelAlso.push(c);
      continue;
    }
    const rule = matchColumn(def.columnRules, paths[c] ?? '');
    const key = side === 'income' || def.key === 'T01' ? 'amount' : rule?.key ?? `c${values.length + 1}`;
    values.push({ index: c, key, label: paths[c] || rule?.label || '金额' });
  }
  if (def.key === 'T04' && side === 'expenditure' && values.length === 4 && new Set(values.map((v) => v.key)).size < 4) {
    ['total', 'generalBudget', 'governmentFund', 'stateCapital'].forEach((k, i) => (values[i]!.key = k));
  }
  dedupeKeys(values);
  const plan: SidePlan = { side, label: from, values };
  if (labelAlso.length) plan.labelAlso = labelAlso;
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
  const byGrid = { rows: [...incomeRows, ...expenditureRows], columns };
  const bySequence = sequenceRows(def, plans, header, data, unit);
  return bySequence && sideScore(bySequence.rows) > sideScore(byGrid.rows) ? bySequence : byGrid;
}

/**
 * The same table read from each row's cells in order rather than from grid columns: per side a label,
 * a 行次 and the figures (`一、一般公共预算财政拨款收入 | 1 | 6,663,125.83 | 一、一般公共服务支出 | 31`,
 * `9 | 九、卫生健康支出 | 39 | 6,039,490.19`). Text whose columns do not line up (a tab-separated
 * text printed with tab stops and extracted again, words one space apart) is read this way; the
 * grid reading is kept unless this one satisfies more of the table's own sums.
 */
function sequenceRows(def: TableDef, plans: SidePlan[], header: GridRow[], data: GridRow[], unit: Unit): { rows: Row[]; columns: Column[] } | undefined {
  const small = (t: string): boolean => isIntegerText(t.trim()) && !/[.,，]/.test(t) && Number(t) < 200;
  // 行次 printed: by the header, or a small integer after the label in most rows
  const numbered = data.filter((g) => rawCells(g).some((c, k, all) => small(c.text) && k > 0 && !isNumberText(all[k - 1]!.text))).length;
  const lineNos = plans.some((p) => p.lineNo !== undefined) || header.some((h) => h.cells.some((c) => /行次/.test(compactText(c.text)))) || numbered >= data.length / 2;
  const keysOf = (side: Side): { key: string; label: string }[] => {
    const plan = plans.find((p) => p.side === side)!;
    const known = plan.values.filter((v) => !/^c\d+$|\.\d+$/.test(v.key));
    if (known.length) return known;
    const keys = side === 'income' || def.key === 'T01' ? ['amount'] : def.forms[0]?.columns ?? ['amount'];
    return keys.map((key) => ({ key, label: def.columnRules.find((r) => r.key === key)?.label ?? '金额' }));
  };
  const sideKeys = { income: keysOf('income'), expenditure: keysOf('expenditure') };
  const rightX = labelX(header, data);
  const rows: Record<Side, Row[]> = { income: [], expenditure: [] };
  const state = { income: '', expenditure: '' };
  for (const g of data) {
    const toks = rawCells(g).filter((c) => c.text.trim() !== '').flatMap((cell) => tokensOf(cell, lineNos));
    if (!toks.length) continue;
    // each side opens with its label; a third block (支出用途 beside 功能分类) is more of the expenditure side
    const opens = [0, ...toks.map((t, k) => (k > 0 && t.kind === 'L' ? k : -1)).filter((k) => k > 0), toks.length];
    const parts = opens.slice(0, -1).map((o, k) => toks.slice(o, opens[k + 1]));
    parts.forEach((part, k) => {
      const side: Side = parts.length >= 2 ? (k === 0 ? 'income' : 'expenditure') : sideOfLone(part, rightX);
      const label = part.find((t) => t.kind === 'L')?.cell;
      const lineNo = part.find((t) => t.kind === 'I')?.cell;
      const figures = part.filter((t) => t.kind === 'A').map((t) => t.cell);
      const keys = sideKeys[side];
      if (figures.length > keys.length) return;
      const cells: Record<string, Cell> = {};
      keys.forEach((v, i) => (cells[v.key] = makeCell(figures[i]?.text ?? '', unit, provOf(g, figures[i]))));
      if (!label && !figures.length) return;
      const row: Row = { name: label?.text.trim() ?? '', cells, side, prov: provOf(g, label ?? figures[0]) };
      if (lineNo) row.lineNo = lineNo.text.trim();
      assignKey(def, row, state);
      rows[side].push(row);
    });
  }
  if (!rows.income.length && !rows.expenditure.length) return undefined;
  const columns: Column[] = [];
  for (const v of [...sideKeys.income, ...sideKeys.expenditure]) if (!columns.some((c) => c.key === v.key)) columns.push({ key: v.key, label: v.label });
  return { rows: [...rows.income, ...rows.expenditure], columns };
}

/** The row's cells as the line printed them (not re-gridded: a grid may have merged two of them). */
export function rawCells(g: GridRow): GridRow['cells'] {
  const x = g.raw.cellX;
  return g.raw.cells.map((text, index) => (x && x.length === g.raw.cells.length ? { text, index, x0: x[index]!.x0, x1: x[index]!.x1 } : { text, index }));
}

/** A cell as tokens; a 行次 glued to its label ('年初结转和结余29') is a token of its own. */
export function tokensOf(cell: GridRow['cells'][number], lineNos: boolean): { cell: GridRow['cells'][number]; kind: 'L' | 'I' | 'A' }[] {
  const kind = tokenKind(cell.text, lineNos);
  const glued = lineNos && kind === 'L' ? /^(.*[\u4e00-\u9fff）)])(\d{1,2})$/.exec(cell.text.trim()) : null;
  if (!glued) return [{ cell, kind }];
  return [{ cell: { ...cell, text: glued[1]! }, kind: 'L' }, { cell: { ...cell, text: glued[2]! }, kind: 'I' }];
}

function tokenKind(text: string, lineNos: boolean): 'L' | 'I' | 'A' {
  const t = text.trim();
  if (isDash(t)) return 'A';
  if (isIntegerText(t) && !/[.,，]/.test(t) && Number(t) < 200) return lineNos ? 'I' : 'A';
  return isNumberText(t) ? 'A' : 'L';
}

/** The x where the expenditure side's labels start (the second 项目 of the header), when located. */
function labelX(header: GridRow[], data: GridRow[]): number | undefined {
  for (const h of header) {
    const items = h.cells.filter((c) => /^项目/.test(compactText(c.text)) && c.x0 !== undefined);
    if (items.length >= 2) return items[1]!.x0;
  }
  const xs = data.flatMap((g) => g.cells.filter((c) => c.x0 !== undefined && functionClassOf(c.text) !== undefined).map((c) => c.x0!));
  return xs.length ? Math.min(...xs) : undefined;
}

/** The side of a row printing one side only: by its label, else by where it stands. */
function sideOfLone(part: { cell: GridRow['cells'][number]; kind: string }[], rightX: number | undefined): Side {
  const label = part.find((t) => t.kind === 'L')?.cell;
  if (label) {
    if (functionClassOf(label.text) !== undefined || /支出|年末|结余分配/.test(label.text)) return 'expenditure';
    if (/收入|年初|使用/.test(label.text)) return 'income';
  }
  const x = part[0]!.cell.x0;
  return rightX !== undefined && x !== undefined && x >= rightX - 1 ? 'expenditure' : 'income';
}

/** +1 per keyed row with a printed amount, ±3 per identity of the sides that holds / fails. */
function sideScore(rows: Row[]): number {
  const first = (r: Row): number | undefined => {
    for (const c of Object.values(r.cells)) if (c.value.kind === 'amount') return c.value.amount.fen;
    return undefined;
  };
  let score = 0;
  const get = (side: Side, key: string): number | undefined => {
    const r = rows.find((x) => x.side === side && x.key === key);
    return r ? first(r) : undefined;
  };
  // a figure printed with decimals or separators (a 行次 read as an amount has neither)
  const printed = (r: Row): boolean => Object.values(r.cells).some((c) => c.value.kind === 'amount' && /\d[.,，]\d/.test(c.text));
  for (const r of rows) if (r.key && printed(r)) score++;
  const check = (total: number | undefined, parts: (number | undefined)[]): void => {
    if (total === undefined || !parts.some((p) => p !== undefined)) return;
    const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
    score += Math.abs(sum - total) <= parts.length + 1 ? 3 : -3;
  };
  check(get('income', 'incomeTotal'), rows.filter((r) => r.side === 'income' && r.key?.startsWith('income:')).map(first));
  check(get('expenditure', 'expenditureTotal'), rows.filter((r) => r.side === 'expenditure' && r.key?.startsWith('fn:')).map(first));
  const gi = get('income', 'grandTotal');
  const ge = get('expenditure', 'grandTotal');
  if (gi !== undefined && ge !== undefined) score += gi === ge ? 3 : -3;
  return score;
}

function sideRow(def: TableDef, g: GridRow, plan: SidePlan, unit: Unit, state: Record<Side, string>): Row | undefined {
  let labelCell = g.cells[plan.label];
  for (const c of plan.labelAlso ?? []) {
    if (labelCell && labelCell.text !== '') break;
    labelCell = g.cells[c];
  }
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
