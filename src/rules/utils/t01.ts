/** Reading T01 (收入支出决算总表) and T04 (财政拨款收入支出决算总表): income lines and function-class lines. */
import type { Row, Table } from '../../model/index.js';
import { functionClassOf, mainCell } from './table-access.js';

const FUNDS = ['generalBudget', 'governmentFund', 'stateCapital'] as const;
export type Fund = (typeof FUNDS)[number];
export const FUND_KEYS: readonly Fund[] = FUNDS;
export const FUND_NAMES: Record<Fund, string> = {
  generalBudget: '一般公共预算财政拨款', governmentFund: '政府性基金预算财政拨款', stateCapital: '国有资本经营预算财政拨款',
};

function isSubItem(row: Row): boolean {
  return /^\s*其中/.test(row.name);
}

/**
 * The income lines that make up 本年收入合计 (一…八). When 财政拨款收入 is printed as one line, the
 * fund lines under it are its breakdown and are left out.
 */
export function incomeLines(table: Table): Row[] {
  const lines = table.rows.filter((r) => r.key?.startsWith('income:') && r.side !== 'expenditure' && !isSubItem(r));
  const hasFiscal = lines.some((r) => r.key === 'income:fiscal');
  return hasFiscal ? lines.filter((r) => !FUNDS.some((f) => r.key === `income:${f}`)) : lines;
}

/** The expenditure lines by function class (一、一般公共服务支出 …), keyed 'fn:201'. */
export function functionClassLines(table: Table): Row[] {
  return table.rows.filter((r) => r.side !== 'income' && r.key?.startsWith('fn:') && functionClassOf(r) !== undefined);
}

/** The single amount of a T01 row. */
export { mainCell };
