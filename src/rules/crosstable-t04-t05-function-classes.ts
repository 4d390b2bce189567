import type { Rule } from '../check/types.js';
import { compareClasses } from './utils/class-sums.js';
import { presentTable } from './utils/table-access.js';

/** T04 类 lines (一般公共预算财政拨款 column) = T05 类 totals. */
const rule: Rule = {
  meta: {
    id: 'crosstable-t04-t05-function-classes',
    family: 'crosstable',
    title: { zh: '财政拨款收支总表各类一般公共预算支出与一般公共预算支出表一致', en: 'T04 general-budget class lines equal the class totals of T05' },
    description: '财政拨款收入支出决算总表支出方各功能分类（类级）的一般公共预算财政拨款支出，应等于一般公共预算财政拨款支出决算表相应类级科目的本年支出合计。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：财政拨款收入支出决算总表与一般公共预算财政拨款支出决算表的勾稽关系', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T04', 'T05'],
  },
  check({ disclosure }) {
    const t04 = presentTable(disclosure, 'T04')!;
    const t05 = presentTable(disclosure, 'T05')!;
    const column = t04.columns.some((c) => c.key === 'generalBudget') ? 'generalBudget' : 'total';
    return compareClasses(t04, column, t05, 'total', 'class-mismatch');
  },
};
export default rule;
