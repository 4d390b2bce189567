/**
 * Generated valid budget inputs (fast-check): random 项 with general-budget, government-fund and other
 * money, carry-overs, the basic spending split into 人员/公用 款, 三公, 政府采购, prior-year budgets that
 * are absent, equal, zero, larger or smaller — for property tests of the budget composer.
 */
import fc from 'fast-check';
import { formatFen } from '../../model/index.js';
import type { BudgetInputDraft } from './input-schema.js';

const CODES: Record<string, string> = {
  '2010101': '行政运行', '2010350': '事业运行', '2050202': '小学教育', '2080505': '机关事业单位基本养老保险缴费支出',
  '2101101': '行政单位医疗', '2101501': '行政运行', '2120801': '征地和拆迁补偿支出', '2130101': '行政运行',
  '2210201': '住房公积金', '2296003': '用于体育事业的彩票公益金支出',
};
const FUND_CODES = new Set(['2120801', '2296003']);
const str = (n: number) => formatFen(n, '元', 2);
const steps = (max: number) => fc.integer({ min: 0, max });

const leafArb = fc.record({ code: fc.constantFrom(...Object.keys(CODES)), basic: steps(3_000_000), project: steps(3_000_000), other: steps(200_000), carry: steps(100_000) });

function priorOf(cur: number, kind: number, r: number): string | undefined {
  if (kind === 0) return undefined;
  return str(kind === 1 ? cur : kind === 2 ? 0 : kind === 3 ? cur + 1 + Math.floor(r * 100_000) : Math.max(0, cur - Math.floor(r * cur)));
}

export const budgetInputArb: fc.Arbitrary<BudgetInputDraft> = fc.record({
  // A budget that spends nothing at all is no disclosure anyone publishes (and its narrative's fund names
  // 国有资本经营预算支出0.00元 are then the only 'function class' figures): at least one 项 spends money.
  leaves: fc.uniqueArray(leafArb, { minLength: 1, maxLength: 7, selector: (l) => l.code }).filter((ls) => ls.some((l) => l.basic + l.project > 0)),
  unit: fc.constantFrom('元' as const, '万元' as const),
  scope: fc.constantFrom('department' as const, 'unit' as const),
  entityKind: fc.constantFrom('administrative' as const, 'public-institution' as const),
  publicShare: fc.double({ min: 0, max: 1, noNaN: true }),
  tp: fc.array(steps(50_000), { minLength: 4, maxLength: 4 }),
  kinds: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 6, maxLength: 6 }),
  r: fc.double({ min: 0, max: 1, noNaN: true }),
  procurement: fc.option(fc.array(steps(500_000), { minLength: 3, maxLength: 3 }), { nil: undefined }),
}).map((x): BudgetInputDraft => {
  const general = x.leaves.filter((l) => !FUND_CODES.has(l.code));
  const funds = x.leaves.filter((l) => FUND_CODES.has(l.code));
  const basic = general.reduce((s, l) => s + l.basic, 0);
  const pub = Math.floor(basic * x.publicShare);
  const carry = general.reduce((s, l) => s + l.carry, 0);
  const gbTotal = general.reduce((s, l) => s + l.basic + l.project + l.carry, 0);
  const fundTotal = funds.reduce((s, l) => s + l.project, 0);
  const tp = { abroad: str(x.tp[0]!), vehiclePurchase: str(x.tp[1]!), vehicleOperation: str(x.tp[2]!), reception: str(x.tp[3]!) };
  const tpTotal = x.tp.reduce((s, v) => s + v, 0);
  return {
    kind: 'budget', entity: '某县测试局', year: 2025, unit: x.unit, scope: x.scope, entityKind: x.entityKind,
    income: x.leaves.map((l) => FUND_CODES.has(l.code)
      ? { code: l.code, name: CODES[l.code], governmentFund: str(l.project) }
      : { code: l.code, name: CODES[l.code], generalBudget: str(l.basic + l.project), ...(l.carry && { carryover: str(l.carry) }), ...(l.other && { other: str(l.other) }) }),
    expenditure: x.leaves.map((l) => ({ code: l.code, name: CODES[l.code], ...(l.basic && !FUND_CODES.has(l.code) && { basic: str(l.basic) }), project: str(l.project + (FUND_CODES.has(l.code) ? 0 : l.carry + l.other)) })),
    generalBudget: general.map((l) => ({ code: l.code, name: CODES[l.code], basic: str(l.basic), project: str(l.project + l.carry) })),
    governmentFund: funds.map((l) => ({ code: l.code, name: CODES[l.code], project: str(l.project) })),
    fiscalCarryover: { generalBudget: str(carry) },
    basicByEconomic: { personnel: [{ code: '30101', amount: str(basic - pub) }], public: [{ code: '30201', amount: str(pub) }] },
    threePublic: tp,
    ...(x.procurement && { procurement: { goods: str(x.procurement[0]!), works: str(x.procurement[1]!), services: str(x.procurement[2]!) } }),
    prior: Object.fromEntries(Object.entries({
      grandTotal: priorOf(gbTotal + fundTotal + x.leaves.reduce((s, l) => s + (FUND_CODES.has(l.code) ? 0 : l.other), 0), x.kinds[0]!, x.r),
      generalBudgetExpenditure: priorOf(gbTotal, x.kinds[1]!, x.r),
      fiscalGrandTotal: priorOf(gbTotal + fundTotal, x.kinds[2]!, x.r),
      governmentFund: priorOf(fundTotal, x.kinds[3]!, x.r),
      operatingExpense: priorOf(pub, x.kinds[4]!, x.r),
      ...(x.kinds[5] ? { threePublic: { reception: priorOf(tpTotal, x.kinds[5]!, x.r)! } } : {}),
    }).filter(([, v]) => v !== undefined)),
    reasons: { total: '业务量变化', fiscal: '财政拨款变化', generalBudget: '项目调整', threePublic: '厉行节约', operatingExpense: '公用经费调整', governmentFund: '基金项目调整' },
  };
});
