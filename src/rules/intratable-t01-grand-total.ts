import type { RawFinding, Rule } from '../check/types.js';
import type { Table } from '../model/index.js';
import { checkIdentity } from './utils/identity.js';
import { isNil, mainCell, presentTables, rowLabel, sideRow, tableName } from './utils/table-access.js';

const SIDES = {
  income: { parts: ['incomeTotal', 'useNonFiscalSurplus', 'carryoverBegin'], statement: '收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余' },
  expenditure: { parts: ['expenditureTotal', 'surplusDistribution', 'carryoverEnd'], statement: '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余' },
} as const;

function checkSide(t: Table, side: keyof typeof SIDES): RawFinding | undefined {
  const grand = sideRow(t, 'grandTotal', side);
  const [main, ...rest] = SIDES[side].parts.map((k) => sideRow(t, k, side));
  // A 本年合计 row printed without a figure is not judged here (completeness-empty-total-row says it);
  // budget forms often print no 本年收入合计 line at all, their 收入总计 being the sum of the lines.
  if (!grand || !main || isNil(mainCell(main, t))) return undefined;
  const rows = [main, ...rest].filter((r) => r !== undefined);
  return checkIdentity({
    messageId: `${side}-grand-total-mismatch`,
    statement: SIDES[side].statement,
    total: mainCell(grand, t),
    totalLabel: `${tableName(t)}${side === 'income' ? '收入方' : '支出方'}的${rowLabel(grand)}`,
    table: t.key!, row: rowLabel(grand),
    terms: rows.map((r) => ({ cell: mainCell(r, t), label: rowLabel(r), row: rowLabel(r) })),
  });
}

/** T01: 总计 = 本年合计 + 结余 lines, on each side. */
const rule: Rule = {
  meta: {
    id: 'intratable-t01-grand-total',
    family: 'intratable',
    title: { zh: '收入支出决算总表：总计等于本年合计加结转结余', en: 'T01: grand totals equal the year totals plus carry-overs' },
    description: '收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：收入支出决算总表（总计行）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T01'],
  },
  check({ disclosure }) {
    return presentTables(disclosure, 'T01').flatMap((t) =>
      [checkSide(t, 'income'), checkSide(t, 'expenditure')].filter((f): f is RawFinding => f !== undefined));
  },
};
export default rule;
