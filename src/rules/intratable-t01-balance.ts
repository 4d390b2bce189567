import type { Rule } from '../check/types.js';
import { checkIdentity } from './utils/identity.js';
import { mainCell, presentTables, rowLabel, sideRow, tableName } from './utils/table-access.js';

/** T01: 收入总计 = 支出总计. */
const rule: Rule = {
  meta: {
    id: 'intratable-t01-balance',
    family: 'intratable',
    title: { zh: '收入支出决算总表：收入总计等于支出总计', en: 'T01: income grand total equals expenditure grand total' },
    description: '收入支出决算总表两方平衡：收入总计应等于支出总计。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：收入支出决算总表（收入总计 = 支出总计）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T01'],
  },
  check({ disclosure, skip }) {
    return presentTables(disclosure, 'T01').flatMap((t) => {
      const income = sideRow(t, 'grandTotal', 'income');
      const expenditure = sideRow(t, 'grandTotal', 'expenditure');
      if (!income || !expenditure || income === expenditure) { skip('未识别到收入、支出两方的总计行'); return []; }
      const f = checkIdentity({
        messageId: 'unbalanced',
        statement: '支出总计 = 收入总计',
        total: mainCell(expenditure, t),
        totalLabel: `${tableName(t)}支出方的${rowLabel(expenditure)}`,
        table: t.key!, row: rowLabel(expenditure),
        terms: [{ cell: mainCell(income, t), label: `收入方${rowLabel(income)}`, row: rowLabel(income) }],
        termRole: '对应',
      });
      return f ? [f] : [];
    });
  },
};
export default rule;
