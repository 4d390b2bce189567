/** The 项目资金 block: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 per funding row. */
import type { FundingRow, Unit } from '../../model/index.js';
import { numberOf, toCell } from './performance-cells.js';
import { fundingColumnOf, fundingRowKey, type FundingKey } from './performance-labels.js';
import { unitIn } from './performance-meta.js';
import { squash, type PCell, type PRow } from './performance-rows.js';
import { align, leftovers, type ColumnSpec } from './performance-shift.js';

export interface FundingHeader {
  columns: ColumnSpec<FundingKey>[];
  /** A unit printed in the header ('项目资金（万元）'). */
  unit?: Unit;
}

/** The header of the 项目资金 block, or undefined when the row is not one. */
export function fundingHeaderOf(row: PRow): FundingHeader | undefined {
  const columns: ColumnSpec<FundingKey>[] = [];
  let unit: Unit | undefined;
  row.cells.forEach((c, col) => {
    const key = c.text ? fundingColumnOf(c.text) : undefined;
    if (key && !columns.some((x) => x.key === key)) columns.push(c.x ? { key, col, x: c.x } : { key, col });
    unit ??= unitIn(c.text) ?? undefined;
  });
  const keys = new Set(columns.map((c) => c.key));
  if (!(keys.has('annualBudget') || keys.has('initialBudget')) || !keys.has('executed')) return undefined;
  return unit ? { columns, unit } : { columns };
}

const AMOUNT_LIKE = /^[+-]?[\d,]+(?:\.\d+)?$/;

function fit(key: FundingKey, text: string): number {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  if (/^[-—–]+$/.test(t)) return key === 'weight' || key === 'score' || key === 'rate' ? 1 : 0;
  const n = numberOf(t);
  if (key === 'rate') return n ? (n.percent ? 2 : 1) : -2;
  if (key === 'weight' || key === 'score') return n && !n.percent ? 1 : -2;
  return AMOUNT_LIKE.test(t) ? 1 : -2;
}

/**
 * Reads a funding row ('年度资金总额 | 15 | 15 | 11.44 | 10 | 76.27% | 7.63'); undefined when it is not
 * one. Printed cells that fall under no column are returned as `rest`.
 */
export function readFundingRow(row: PRow, header: FundingHeader, unit: Unit): { funding: FundingRow; rest: PCell[] } | undefined {
  const labelIndex = row.cells.findIndex((c) => c.text !== '');
  const label = row.cells[labelIndex];
  if (!label) return undefined;
  const key = fundingRowKey(label.text);
  if (key === undefined) return undefined;
  const aligned = align(row.cells, header.columns, labelIndex, fit);
  const out: FundingRow = { key, label: label.text, prov: { line: row.line } };
  for (const { key: k } of header.columns) {
    const cell = aligned.cells[k];
    if (!cell) continue;
    const kind = k === 'rate' || k === 'weight' || k === 'score' ? 'number' : 'amount';
    out[k] = toCell(cell, unit, kind);
  }
  return { funding: out, rest: leftovers(row.cells, aligned, labelIndex) };
}

/** Rows that open a different breakdown inside the funding block (湖南: 按收入性质分 / 按支出性质分). */
export function isFundingBreakdown(row: PRow): boolean {
  return row.cells.some((c) => /^按(收入|支出)(性质|类型|来源)分/.test(squash(c.text)));
}
