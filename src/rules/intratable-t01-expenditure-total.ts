import type { Rule } from '../check/types.js';
import { checkIdentity } from './utils/identity.js';
import { functionClassLines } from './utils/t01.js';
import { mainCell, presentTables, rowLabel, sideRow, tableName } from './utils/table-access.js';

/** T01: 本年支出合计 = Σ 支出功能分类 类 lines. */
const rule: Rule = {
  meta: {
    id: 'intratable-t01-expenditure-total',
    family: 'intratable',
    title: { zh: '收入支出决算总表：本年支出合计等于各类支出之和', en: 'T01: expenditure total equals the sum of the function classes' },
    description: '收入支出决算总表中，本年支出合计应等于按支出功能分类科目（类级）列示的各项支出之和。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：收入支出决算总表（本年支出合计 = 各功能分类类级支出之和）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T01'],
  },
  check({ disclosure, skip }) {
    return presentTables(disclosure, 'T01').flatMap((t) => {
      const totalRow = sideRow(t, 'expenditureTotal', 'expenditure');
      const lines = functionClassLines(t);
      if (!totalRow || !lines.length) { skip('未识别到本年支出合计行或按功能分类列示的支出行'); return []; }
      const f = checkIdentity({
        messageId: 'expenditure-total-mismatch',
        statement: '本年支出合计 = 各功能分类（类）支出之和',
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
