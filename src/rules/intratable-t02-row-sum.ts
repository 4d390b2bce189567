import type { Rule } from '../check/types.js';
import { checkRowSums } from './utils/row-sums.js';
import { presentTables } from './utils/table-access.js';

/** T02: in every row, 本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入. */
const rule: Rule = {
  meta: {
    id: 'intratable-t02-row-sum',
    family: 'intratable',
    title: { zh: '收入决算表：各行本年收入合计等于各项收入之和', en: 'T02: each row total equals the sum of its income columns' },
    description: '收入决算表每一行的本年收入合计应等于财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入与其他收入之和（“其中：教育收费”不另计）。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：收入决算表（本年收入合计 = 各项收入之和）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T02'],
  },
  check({ disclosure }) {
    return presentTables(disclosure, 'T02').flatMap((t) => checkRowSums(t, {
      messageId: 'row-sum-mismatch',
      totalColumn: 'total',
      parts: disclosure.meta.kind === 'budget' ? budgetParts(t) : ['fiscal', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'],
    }));
  },
};
/**
 * 收入预算总表: 合计 = 上年结转 + each source; the fiscal money either as one 财政拨款 column or per budget
 * (一般公共预算 / 政府性基金 / 国有资本经营), never both (the per-budget columns are then its parts).
 */
function budgetParts(t: { columns: { key: string }[] }): string[] {
  const perFund = t.columns.some((c) => c.key === 'generalBudget' || c.key === 'governmentFund' || c.key === 'stateCapital');
  return ['carryoverBegin', ...(perFund ? ['generalBudget', 'governmentFund', 'stateCapital'] : ['fiscal']), 'fiscalSpecialAccount', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'];
}

export default rule;
