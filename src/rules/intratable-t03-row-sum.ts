import type { Rule } from '../check/types.js';
import { checkRowSums } from './utils/row-sums.js';
import { presentTables } from './utils/table-access.js';

/** T03: in every row, 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出. */
const rule: Rule = {
  meta: {
    id: 'intratable-t03-row-sum',
    family: 'intratable',
    title: { zh: '支出决算表：各行本年支出合计等于各项支出之和', en: 'T03: each row total equals the sum of its expenditure columns' },
    description: '支出决算表每一行的本年支出合计应等于基本支出、项目支出、上缴上级支出、经营支出与对附属单位补助支出之和。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：支出决算表（本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T03'],
  },
  check({ disclosure }) {
    return presentTables(disclosure, 'T03').flatMap((t) => checkRowSums(t, {
      messageId: 'row-sum-mismatch',
      totalColumn: 'total',
      parts: ['basic', 'project', 'remittance', 'business', 'subsidy', 'reserve', 'carryoverEnd'],
    }));
  },
};
export default rule;
