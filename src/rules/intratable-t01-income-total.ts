import type { Rule } from '../check/types.js';
import { checkIdentity } from './utils/identity.js';
import { incomeLines } from './utils/t01.js';
import { mainCell, presentTables, rowLabel, sideRow, tableName } from './utils/table-access.js';

/** T01: 本年收入合计 = 一般公共预算财政拨款收入 + … + 其他收入. */
const rule: Rule = {
  meta: {
    id: 'intratable-t01-income-total',
    family: 'intratable',
    title: { zh: '收入支出决算总表：本年收入合计等于各项收入之和', en: 'T01: income total equals the sum of the income lines' },
    description: '收入支出决算总表中，本年收入合计应等于一般公共预算财政拨款收入、政府性基金预算财政拨款收入、国有资本经营预算财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入和其他收入之和。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：收入支出决算总表（本年收入合计 = 各项收入之和）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T01'],
  },
  check({ disclosure, skip }) {
    return presentTables(disclosure, 'T01').flatMap((t) => {
      const totalRow = sideRow(t, 'incomeTotal', 'income');
      const lines = incomeLines(t);
      if (!totalRow || !lines.length) { skip('未识别到本年收入合计行或各项收入行'); return []; }
      const f = checkIdentity({
        messageId: 'income-total-mismatch',
        statement: '本年收入合计 = 各项收入之和',
        total: mainCell(totalRow, t),
        totalLabel: `${tableName(t)}的${rowLabel(totalRow)}`,
        table: t.key!, row: rowLabel(totalRow),
        terms: lines.map((r) => ({ cell: mainCell(r, t), label: rowLabel(r), row: rowLabel(r) })),
      });
      return f ? [f] : [];
    });
  },
};
export default rule;
