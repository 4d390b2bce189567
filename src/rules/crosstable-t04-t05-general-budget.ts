import type { RawFinding, Rule } from '../check/types.js';
import { checkEquality } from './utils/identity.js';
import { columnLabel, mainCell, presentTable, rowLabel, sideRow, tableName, totalRow } from './utils/table-access.js';

/** T04 一般公共预算 本年支出 = T05 合计 (and, in the older T05 form, 本年收入 likewise). */
const rule: Rule = {
  meta: {
    id: 'crosstable-t04-t05-general-budget',
    family: 'crosstable',
    title: { zh: '财政拨款收支总表一般公共预算支出与一般公共预算支出表合计一致', en: 'T04 general-budget expenditure equals the T05 total' },
    description: '财政拨款收入支出决算总表本年支出合计中的一般公共预算财政拨款，应等于一般公共预算财政拨款支出决算表合计行的本年支出；列示本年收入的旧式表，一般公共预算财政拨款收入也应一致。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：财政拨款收入支出决算总表与一般公共预算财政拨款支出决算表的勾稽关系', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T04', 'T05'],
  },
  check({ disclosure, skip }) {
    const t04 = presentTable(disclosure, 'T04')!;
    const t05 = presentTable(disclosure, 'T05')!;
    const total = totalRow(t05);
    if (!total) { skip('一般公共预算财政拨款支出决算表未识别到合计行'); return []; }
    const out: (RawFinding | undefined)[] = [];
    const spent = sideRow(t04, 'expenditureTotal', 'expenditure');
    if (spent?.cells.generalBudget) {
      out.push(checkEquality({
        messageId: 'expenditure-mismatch', statement: `${t04.key} 一般公共预算财政拨款本年支出 = ${t05.key} 合计`,
        a: { cell: spent.cells.generalBudget, label: `${tableName(t04)}「${rowLabel(spent)}」的${columnLabel(t04, 'generalBudget')}`, table: t04.key!, row: rowLabel(spent), column: columnLabel(t04, 'generalBudget') },
        b: { cell: total.cells.total, label: `${tableName(t05)}合计行的本年支出`, table: t05.key!, row: rowLabel(total), column: columnLabel(t05, 'total') },
      }));
    }
    const income = t04.rows.find((r) => r.key === 'income:generalBudget' && r.side !== 'expenditure');
    if (income && total.cells.income) {
      out.push(checkEquality({
        messageId: 'income-mismatch', statement: `${t04.key} 一般公共预算财政拨款收入 = ${t05.key} 合计行本年收入`,
        a: { cell: mainCell(income, t04), label: `${tableName(t04)}的「${rowLabel(income)}」`, table: t04.key!, row: rowLabel(income) },
        b: { cell: total.cells.income, label: `${tableName(t05)}合计行的本年收入`, table: t05.key!, row: rowLabel(total), column: columnLabel(t05, 'income') },
      }));
    }
    return out.filter((f): f is RawFinding => f !== undefined);
  },
};
export default rule;
