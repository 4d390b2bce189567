import type { Rule } from '../check/types.js';
import { compareClasses } from './utils/class-sums.js';
import { presentTable } from './utils/table-access.js';

/** T01 类 lines = T03 类 totals (本年支出合计 column). */
const rule: Rule = {
  meta: {
    id: 'crosstable-t01-t03-function-classes',
    family: 'crosstable',
    title: { zh: '收入支出决算总表各类支出与支出决算表一致', en: 'T01 function-class lines equal the class totals of T03' },
    description: '收入支出决算总表支出方按功能分类（类级）列示的各项支出，应等于支出决算表中相应类级科目的本年支出合计（未列类级行时为其下各款、项之和）。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：收入支出决算总表与支出决算表的勾稽关系', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T01', 'T03'],
  },
  check({ disclosure }) {
    const t01 = presentTable(disclosure, 'T01')!;
    const t03 = presentTable(disclosure, 'T03')!;
    return compareClasses(t01, undefined, t03, 'total', 'class-mismatch');
  },
};
export default rule;
