/**
 * 政府采购 buys goods, works and services: its total cannot plausibly exceed what the unit spent
 * beyond personnel (本年支出合计 − 人员经费). A higher figure usually counts contracts of several
 * years, another entity's purchases, or a typing error (e.g. 1,002.73 against 1,016.01 − 364.28 = 651.73).
 */
import type { RawFinding, Rule } from '../check/types.js';
import { formatLike } from './utils/amounts.js';
import { assertFen } from '../model/index.js';
import { expenditureTotal, personnelExpense, procurementTotal, type SourcedAmount } from './utils/plausibility-sources.js';

function related(role: string, s: SourcedAmount): NonNullable<RawFinding['related']>[number] {
  return { role, at: s.at, evidence: s.amount.printed, ...(s.table ? { table: s.table } : {}) };
}

const rule: Rule = {
  meta: {
    id: 'plausibility-procurement-exceeds-spending',
    family: 'plausibility',
    title: { zh: '政府采购支出超过非人员支出', en: 'Procurement exceeds non-personnel spending' },
    description: 'The 政府采购 total stated in the text is above 本年支出合计 − 人员经费.',
    severity: 'warning',
    kinds: ['final-accounts'],
    references: [
      '财预〔2016〕143号《地方预决算公开操作规程》：部门决算应公开政府采购情况',
      '部门决算公开模板：政府采购支出总额 = 货物 + 工程 + 服务，为本年度实际支出中的采购部分',
    ],
  },
  check(ctx) {
    const d = ctx.disclosure;
    const procurement = procurementTotal(d);
    if (!procurement) {
      ctx.skip('未找到政府采购支出总额 (no procurement total stated)');
      return [];
    }
    const total = expenditureTotal(d);
    if (!total) {
      ctx.skip('未找到本年支出合计 (no expenditure total)');
      return [];
    }
    const personnel = personnelExpense(d);
    const ceiling = assertFen(total.amount.fen - (personnel?.amount.fen ?? 0));
    if (procurement.amount.fen <= ceiling) return [];
    const ceilingText = formatLike(ceiling, procurement.amount);
    const u = (a: SourcedAmount): string => `${a.amount.printed}${a.amount.unit}`;
    const ceilingWithUnit = `${ceilingText}${procurement.amount.unit}`;
    const what = personnel ? `本年支出合计 ${u(total)} − 人员经费 ${u(personnel)} = ${ceilingWithUnit}` : `本年支出合计 ${u(total)}`;
    return [{
      messageId: 'exceeds-spending',
      message: `政府采购支出总额 ${u(procurement)} 超过可用于采购的支出（${what}），请核实口径`,
      evidence: procurement.amount.printed,
      expected: `≤ ${ceilingText}`,
      at: procurement.at,
      ...(procurement.section ? { section: procurement.section } : {}),
      related: [related('expenditure-total', total), ...(personnel ? [related('personnel-expense', personnel)] : [])],
      data: { procurementFen: procurement.amount.fen, ceilingFen: ceiling },
    }];
  },
};

export default rule;
