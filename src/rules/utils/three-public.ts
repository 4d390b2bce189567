/**
 * Reading 三公经费 items from T09 in either form: the national one-row form (columns budget.total …
 * actual.reception) or the older row form (rows total/abroad/… with columns budget/actual).
 */
import type { Cell, Row, Table } from '../../model/index.js';
import { columnLabel, rowLabel } from './table-access.js';

export type ThreePublicItem = 'total' | 'abroad' | 'vehicle' | 'vehiclePurchase' | 'vehicleOperation' | 'reception'
  /** Budget forms (江苏): 会议费, 培训费 and the table's 合计 that includes them. */
  | 'meeting' | 'training' | 'totalAll';
export type ThreePublicBasis = 'budget' | 'actual';

export const ITEM_NAMES: Record<ThreePublicItem, string> = {
  total: '合计', abroad: '因公出国（境）费', vehicle: '公务用车购置及运行维护费', vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费', reception: '公务接待费',
  meeting: '会议费', training: '培训费', totalAll: '合计（含会议费、培训费）',
};
export const BASIS_NAMES: Record<ThreePublicBasis, string> = { budget: '预算数', actual: '决算数' };

export interface LocatedCell { cell: Cell; row: string; column: string }

function itemCells(t: Table, r: Row, basis: ThreePublicBasis, into: Map<ThreePublicItem, LocatedCell>): void {
  for (const item of Object.keys(ITEM_NAMES) as ThreePublicItem[]) {
    const key = `${basis}.${item}`;
    const cell = r.cells[key];
    if (cell && !into.has(item)) into.set(item, { cell, row: rowLabel(r) || BASIS_NAMES[basis], column: columnLabel(t, key) });
  }
}

/**
 * The cells of the items on `basis`: one map per printed row of the national form (columns
 * budget.total … on one row), or one map for the row forms (a row per item, its cells keyed
 * `budget.abroad` or plain `budget`).
 */
export function threePublicCells(t: Table, basis: ThreePublicBasis): Map<ThreePublicItem, LocatedCell>[] {
  const keyed = t.rows.filter((r) => Object.keys(r.cells).some((k) => k.startsWith(`${basis}.`)));
  const perRow = keyed.map((r) => { const m = new Map<ThreePublicItem, LocatedCell>(); itemCells(t, r, basis, m); return m; });
  if (perRow.some((m) => m.size > 1)) return perRow.filter((m) => m.size > 0);
  const merged = new Map<ThreePublicItem, LocatedCell>();
  for (const r of keyed) itemCells(t, r, basis, merged);
  for (const item of Object.keys(ITEM_NAMES) as ThreePublicItem[]) {
    const row: Row | undefined = t.rows.find((r) => r.key === item);
    const cell = row?.cells[basis];
    if (row && cell && !merged.has(item)) merged.set(item, { cell, row: rowLabel(row), column: columnLabel(t, basis) });
  }
  return merged.size ? [merged] : [];
}
