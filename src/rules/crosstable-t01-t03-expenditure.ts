import type { Rule } from '../check/types.js';
import { checkEquality } from './utils/identity.js';
import { columnLabel, mainCell, presentTable, rowLabel, sideRow, tableName, totalRow } from './utils/table-access.js';

/** T01 本年支出合计 = T03 合计 (本年支出合计). */
const rule: Rule = {
  meta: {
    id: 'crosstable-t01-t03-expenditure',
    family: 'crosstable',
    title: { zh: '收入支出决算总表本年支出合计与支出决算表合计一致', en: 'T01 expenditure total equals the T03 total' },
    description: '收入支出决算总表的本年支出合计应等于支出决算表合计行的本年支出合计。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：收入支出决算总表与支出决算表的勾稽关系', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T01', 'T03'],
  },
  check({ disclosure, skip }) {
    const t01 = presentTable(disclosure, 'T01')!;
    const t03 = presentTable(disclosure, 'T03')!;
    const a = sideRow(t01, 'expenditureTotal', 'expenditure');
    const b = totalRow(t03);
    if (!a || !b) { skip('未识别到本年支出合计行或支出决算表合计行'); return []; }
    const f = checkEquality({
      messageId: 'expenditure-total-mismatch', statement: `${t01.key} 本年支出合计 = ${t03.key} 合计`,
      a: { cell: mainCell(a, t01), label: `${tableName(t01)}的${rowLabel(a)}`, table: t01.key!, row: rowLabel(a) },
      b: { cell: b.cells.total, label: `${tableName(t03)}合计行的本年支出合计`, table: t03.key!, row: rowLabel(b), column: columnLabel(t03, 'total') },
    });
    return f ? [f] : [];
  },
};
export default rule;
