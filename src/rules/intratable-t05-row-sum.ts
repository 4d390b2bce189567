import type { Rule } from '../check/types.js';
import { checkRowSums } from './utils/row-sums.js';
import { presentTables } from './utils/table-access.js';

/** T05: in every row, 小计 = 基本支出 + 项目支出; in the older form also 基本支出 = 人员经费 + 公用经费. */
const rule: Rule = {
  meta: {
    id: 'intratable-t05-row-sum',
    family: 'intratable',
    title: { zh: '一般公共预算财政拨款支出决算表：各行小计等于基本支出加项目支出', en: 'T05: each row subtotal equals basic plus project expenditure' },
    description: '一般公共预算财政拨款支出决算表每一行的本年支出小计应等于基本支出与项目支出之和；列示人员经费、公用经费的格式中，基本支出应等于人员经费与公用经费之和。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：一般公共预算财政拨款支出决算表（小计 = 基本支出 + 项目支出）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T05'],
  },
  check({ disclosure }) {
    return presentTables(disclosure, 'T05').flatMap((t) => [
      ...checkRowSums(t, { messageId: 'row-sum-mismatch', totalColumn: 'total', parts: ['basic', 'project', 'reserve'] }),
      ...checkRowSums(t, { messageId: 'basic-split-mismatch', totalColumn: 'basic', parts: ['personnel', 'public'] }),
    ]);
  },
};
export default rule;
