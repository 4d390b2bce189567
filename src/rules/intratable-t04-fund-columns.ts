import type { Rule } from '../check/types.js';
import { checkRowSums } from './utils/row-sums.js';
import { presentTables } from './utils/table-access.js';

/** T04 expenditure side: in every row, 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算. */
const rule: Rule = {
  meta: {
    id: 'intratable-t04-fund-columns',
    family: 'intratable',
    title: { zh: '财政拨款收入支出决算总表：合计列等于各类财政拨款之和', en: 'T04: the total column equals the sum of the fund columns' },
    description: '财政拨款收入支出决算总表支出方每一行，合计应等于一般公共预算财政拨款、政府性基金预算财政拨款与国有资本经营预算财政拨款之和。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：财政拨款收入支出决算总表（合计 = 各类财政拨款之和）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T04'],
  },
  check({ disclosure }) {
    return presentTables(disclosure, 'T04').flatMap((t) => checkRowSums(t, {
      messageId: 'fund-columns-mismatch',
      totalColumn: 'total',
      parts: ['generalBudget', 'governmentFund', 'stateCapital'],
    }));
  },
};
export default rule;
