import type { Rule } from '../check/types.js';
import { compareFundTable } from './utils/fund-tables.js';

/** T04 政府性基金预算财政拨款 column = T07; T07 printed empty ⇒ the column states nothing or zero. */
const rule: Rule = {
  meta: {
    id: 'crosstable-t04-t07-government-fund',
    family: 'crosstable',
    title: { zh: '财政拨款收支总表政府性基金预算财政拨款与政府性基金预算财政拨款表一致', en: 'T04 Government-fund column equals T07' },
    description: '财政拨款收入支出决算总表中政府性基金预算财政拨款的本年收入、本年支出，应等于政府性基金预算财政拨款决算表合计行的对应数；该表注明无数据时，总表中对应数应为空或零。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：财政拨款收入支出决算总表与政府性基金预算财政拨款决算表的勾稽关系', '财预〔2016〕143号《地方预决算公开操作规程》（无数据的表应保留并说明）'],
    needsTables: ['T04'],
  },
  check({ disclosure, skip }) {
    return compareFundTable(disclosure, 'governmentFund', 'T07', skip);
  },
};
export default rule;
