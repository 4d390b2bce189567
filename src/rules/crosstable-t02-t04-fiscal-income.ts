import type { Rule } from '../check/types.js';
import { checkEquality } from './utils/identity.js';
import { columnLabel, mainCell, presentTable, rowLabel, sideRow, tableName, totalRow } from './utils/table-access.js';

/** T02 合计 财政拨款收入 = T04 本年收入合计 (three funds). */
const rule: Rule = {
  meta: {
    id: 'crosstable-t02-t04-fiscal-income',
    family: 'crosstable',
    title: { zh: '收入决算表财政拨款收入与财政拨款收支总表本年收入一致', en: 'T02 fiscal income equals the T04 income total' },
    description: '收入决算表合计行的财政拨款收入应等于财政拨款收入支出决算总表的本年收入合计（一般公共预算、政府性基金预算、国有资本经营预算财政拨款之和）。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：收入决算表与财政拨款收入支出决算总表的勾稽关系', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T02', 'T04'],
  },
  check({ disclosure, skip }) {
    const t02 = presentTable(disclosure, 'T02')!;
    const t04 = presentTable(disclosure, 'T04')!;
    const a = totalRow(t02);
    const b = sideRow(t04, 'incomeTotal', 'income');
    if (!a?.cells.fiscal || !b) { skip('未识别到收入决算表财政拨款收入合计或财政拨款收支总表本年收入合计'); return []; }
    const f = checkEquality({
      messageId: 'fiscal-income-mismatch', statement: `${t02.key} 财政拨款收入 = ${t04.key} 本年收入合计`,
      a: { cell: a.cells.fiscal, label: `${tableName(t02)}合计行的${columnLabel(t02, 'fiscal')}`, table: t02.key!, row: rowLabel(a), column: columnLabel(t02, 'fiscal') },
      b: { cell: mainCell(b, t04), label: `${tableName(t04)}的${rowLabel(b)}`, table: t04.key!, row: rowLabel(b) },
    });
    return f ? [f] : [];
  },
};
export default rule;
