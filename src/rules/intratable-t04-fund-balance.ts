import type { RawFinding, Rule } from '../check/types.js';
import type { Cell, Table } from '../model/index.js';
import { checkIdentity } from './utils/identity.js';
import { FUND_KEYS, FUND_NAMES, type Fund } from './utils/t01.js';
import { amountOf, columnLabel, isNil, mainCell, presentTables, rowLabel, sideRow, tableName } from './utils/table-access.js';

/**
 * The fund's 年初 cell: the breakdown row under 年初财政拨款结转和结余; when there is none, the fund
 * can be judged only if the whole 年初 states nothing or zero (then its share is zero).
 */
function opening(t: Table, fund: Fund): { cell: Cell | undefined; judgeable: boolean; label: string } {
  const label = `年初结转和结余（${FUND_NAMES[fund]}）`;
  const breakdown = t.rows.find((r) => r.key === `carryoverBegin:${fund}`);
  if (breakdown) return { cell: mainCell(breakdown, t), judgeable: true, label };
  const begin = sideRow(t, 'carryoverBegin', 'income');
  const cell = begin ? mainCell(begin, t) : undefined;
  return { cell: undefined, judgeable: isNil(cell) || amountOf(cell)?.fen === 0, label };
}

function checkFund(t: Table, fund: Fund): RawFinding | undefined {
  const income = t.rows.find((r) => r.key === `income:${fund}` && r.side !== 'expenditure');
  const spent = sideRow(t, 'expenditureTotal', 'expenditure');
  const end = sideRow(t, 'carryoverEnd', 'expenditure');
  const open = opening(t, fund);
  if (!income || !spent?.cells[fund] || !open.judgeable) return undefined;
  const name = FUND_NAMES[fund];
  return checkIdentity({
    messageId: 'fund-balance-mismatch',
    statement: `${name}：本年支出 = 年初结转和结余 + 本年收入 − 年末结转和结余`,
    total: spent.cells[fund],
    totalLabel: `${tableName(t)}「${rowLabel(spent)}」的${columnLabel(t, fund)}`,
    table: t.key!, row: rowLabel(spent), column: columnLabel(t, fund),
    terms: [
      { cell: open.cell, label: open.label, row: open.label },
      { cell: mainCell(income, t), label: rowLabel(income), row: rowLabel(income) },
      { cell: end?.cells[fund], label: `年末结转和结余（${name}）`, sign: -1, ...(end ? { row: rowLabel(end) } : {}), column: columnLabel(t, fund) },
    ],
    impliedZero: true,
  });
}

/** T04 per fund: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余. */
const rule: Rule = {
  meta: {
    id: 'intratable-t04-fund-balance',
    family: 'intratable',
    title: { zh: '财政拨款收入支出决算总表：各类财政拨款收支平衡', en: 'T04: each fund balances (opening + income = expenditure + closing)' },
    description: '财政拨款收入支出决算总表中，一般公共预算、政府性基金预算、国有资本经营预算财政拨款分别满足：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。',
    severity: 'error',
    kinds: ['final-accounts'],
    references: ['《部门决算报表》填报说明：财政拨款收入支出决算总表（分资金来源收支平衡）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T04'],
  },
  check({ disclosure }) {
    return presentTables(disclosure, 'T04').flatMap((t) =>
      FUND_KEYS.map((f) => checkFund(t, f)).filter((x): x is RawFinding => x !== undefined));
  },
};
export default rule;
