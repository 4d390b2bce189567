/**
 * Generated valid compose inputs (fast-check): random departments with random leaves, funds,
 * carryovers, prior-year figures (equal, larger, smaller, zero), 三公, procurement and performance
 * evaluations — every reason the template requires filled in.
 */
import fc from 'fast-check';
import { FEN_PER_UNIT, formatFen, type Unit } from '../../model/index.js';
import { computeFigures } from '../figures.js';
import { ComposeInputSchema, type ComposeInput, type ComposeInputDraft } from '../input-schema.js';
import { ECONOMIC_SECTIONS } from '../standard-lists.js';
import { requiredReasons } from '../validate-figures.js';

const CODES: Record<string, string> = {
  '2010101': '行政运行', '2010350': '事业运行', '2050101': '行政运行', '2050201': '学前教育', '2050202': '小学教育',
  '2080505': '机关事业单位基本养老保险缴费支出', '2080506': '机关事业单位职业年金缴费支出', '2089999': '其他社会保障和就业支出',
  '2101101': '行政单位医疗', '2101103': '公务员医疗补助', '2101301': '城乡医疗救助', '2101501': '行政运行',
  '2130101': '行政运行', '2130104': '事业运行', '2210201': '住房公积金', '2296004': '用于教育事业的彩票公益金支出',
};
const PARENT_NAMES: Record<string, string> = Object.fromEntries(
  [...new Set(Object.keys(CODES).flatMap((c) => [c.slice(0, 3), c.slice(0, 5)]))].map((c) => [c, `科目${c}`]),
);
const ECON = Object.keys(ECONOMIC_SECTIONS);

/** Amounts as integers of 0.01 of the unit, printed as decimal strings (valid in 元 and 万元 alike). */
const steps = (max: number) => fc.integer({ min: 0, max });
const str = (n: number) => formatFen(n, '元', 2);

function split(total: number, parts: number, rnd: number[]): number[] {
  if (parts <= 1) return [total];
  const cuts = Array.from({ length: parts - 1 }, (_, i) => Math.floor(rnd[i % rnd.length]! * total)).sort((a, b) => a - b);
  return [...cuts, total].map((c, i) => c - (i ? cuts[i - 1]! : 0));
}

interface Leaf {
  code: string;
  basic: number;
  project: number;
  gbBasic: number;
  gbProject: number;
  fund: number;
  other: number;
  initial: number;
}

const leafArb = fc.record({
  code: fc.constantFrom(...Object.keys(CODES)),
  basic: steps(5_000_000), project: steps(5_000_000), gbShare: fc.double({ min: 0, max: 1, noNaN: true }),
  fundShare: fc.double({ min: 0, max: 1, noNaN: true }), other: steps(200_000), initial: steps(6_000_000),
}).map((x): Leaf => {
  const gbBasic = Math.floor(x.basic * x.gbShare);
  const gbProject = Math.floor(x.project * x.gbShare);
  const fund = x.code.startsWith('229') ? Math.floor((x.project - gbProject) * x.fundShare) : 0;
  return { code: x.code, basic: x.basic, project: x.project, gbBasic, gbProject, fund, other: x.other, initial: x.initial };
});

/** A prior-year figure: absent, equal, zero, larger or smaller than the current one (分, printed in `unit`). */
function priorOf(cur: number, kind: number, r: number, unit: Unit): string | undefined {
  const step = FEN_PER_UNIT[unit] / 100;
  const fen = kind === 1 ? cur : kind === 2 ? 0 : kind === 3 ? cur + Math.floor(r * 100000) * step : Math.max(0, cur - Math.floor(r * (cur / step)) * step);
  return kind === 0 ? undefined : formatFen(fen, unit, 2);
}

const indicatorArb = fc.record({
  nature: fc.constantFrom('>=', '<=', '=', 'qualitative' as const),
  target: fc.integer({ min: 1, max: 1000 }), actual: fc.integer({ min: 0, max: 1200 }), achievement: fc.integer({ min: 0, max: 100 }),
});

const performanceArb = fc.record({
  annual: steps(1_000_000), executedShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
  indicators: fc.array(indicatorArb, { minLength: 1, maxLength: 6 }),
});

export const composeInputArb: fc.Arbitrary<ComposeInput> = fc
  .record({
    unit: fc.constantFrom<Unit>('元', '万元'),
    variant: fc.constantFrom('national', 'yunnan-2021', 'shanghai' as const),
    leaves: fc.uniqueArray(leafArb, { selector: (l) => l.code, minLength: 1, maxLength: 8 }),
    rnd: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
    priorKinds: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 10, maxLength: 10 }),
    econCodes: fc.uniqueArray(fc.constantFrom(...ECON), { minLength: 2, maxLength: 10 }),
    begin: steps(300_000), fiscalBegin: steps(100_000),
    threePublic: fc.array(steps(50_000), { minLength: 8, maxLength: 8 }),
    procurement: fc.array(steps(500_000), { minLength: 3, maxLength: 3 }),
    performance: fc.array(performanceArb, { maxLength: 2 }),
  })
  .map((g) => {
    const leaves = g.leaves;
    const tot = (f: (l: Leaf) => number) => leaves.reduce((s, l) => s + f(l), 0);
    const gbBasic = tot((l) => l.gbBasic);
    const personnelCodes = g.econCodes.filter((c) => c.startsWith('301') || c.startsWith('303'));
    const publicCodes = g.econCodes.filter((c) => !personnelCodes.includes(c));
    const pShare = personnelCodes.length && publicCodes.length ? Math.floor(gbBasic * g.rnd[0]!) : personnelCodes.length ? gbBasic : 0;
    const pAmounts = split(pShare, personnelCodes.length, g.rnd.slice(1));
    const qAmounts = split(gbBasic - pShare, publicCodes.length, g.rnd.slice(4));
    const [tp, pk] = [g.threePublic, g.priorKinds];
    const draft: ComposeInputDraft = {
      entity: '测试县某局', year: 2024, unit: g.unit, variant: g.variant, functionNames: PARENT_NAMES,
      income: leaves.map((l) => ({ code: l.code, name: CODES[l.code], fiscal: str(l.gbBasic + l.gbProject + l.fund), other: str(l.other) })),
      expenditure: leaves.map((l) => ({ code: l.code, name: CODES[l.code], basic: str(l.basic), project: str(l.project) })),
      generalBudget: leaves.map((l) => ({ code: l.code, name: CODES[l.code], basic: str(l.gbBasic), project: str(l.gbProject), initialBudget: str(l.initial) })),
      governmentFund: leaves.filter((l) => l.fund > 0).map((l) => ({ code: l.code, name: CODES[l.code], income: str(l.fund), project: str(l.fund) })),
      basicByEconomic: {
        personnel: personnelCodes.map((code, i) => ({ code, amount: str(pAmounts[i]!) })),
        public: publicCodes.map((code, i) => ({ code, amount: str(qAmounts[i]!) })),
      },
      carryover: { begin: str(g.begin + g.fiscalBegin + Math.max(0, tot((l) => l.basic + l.project - l.other - l.gbBasic - l.gbProject - l.fund))), fiscalBegin: { generalBudget: str(g.fiscalBegin) } },
      threePublic: {
        budget: { abroad: str(tp[0]!), vehiclePurchase: str(tp[1]!), vehicleOperation: str(tp[2]!), reception: str(tp[3]!) },
        actual: { abroad: str(tp[4]!), vehiclePurchase: str(tp[5]!), vehicleOperation: str(tp[6]!), reception: str(tp[3]!) },
        counts: { vehiclesHeld: 1, receptionBatches: 3, receptionPeople: 20 },
      },
      procurement: { goods: str(g.procurement[0]!), works: str(g.procurement[1]!), services: str(g.procurement[2]!), smeAwarded: str(g.procurement[0]!), smallMicroAwarded: str(Math.floor(g.procurement[0]! / 2)) },
      performance: g.performance.map((p, i) => performanceInput(p, i)),
    };
    const base = ComposeInputSchema.parse(draft);
    const f = computeFigures(base);
    const u = g.unit;
    const prior = Object.fromEntries(Object.entries({
      grandTotal: priorOf(f.t01.grandTotal, pk[0]!, g.rnd[7]!, u), fiscalGrandTotal: priorOf(f.t04.grandTotal, pk[1]!, g.rnd[8]!, u),
      generalBudgetExpenditure: priorOf(f.t05.total.total!, pk[2]!, g.rnd[9]!, u), personnel: priorOf(f.t06.personnelTotal, pk[3]!, g.rnd[10]!, u),
      public: priorOf(f.t06.publicTotal, pk[4]!, g.rnd[11]!, u), basic: priorOf(f.t03.total.basic!, pk[5]!, g.rnd[2]!, u),
      operatingExpense: priorOf(f.t06.publicTotal, pk[6]!, g.rnd[3]!, u),
    }).filter(([, x]) => x !== undefined));
    const withPrior = ComposeInputSchema.parse({ ...draft, prior });
    const reasons = Object.fromEntries(requiredReasons(withPrior, computeFigures(withPrior)).map((r) => [r.key, `原因：${r.what}`]));
    return { ...withPrior, reasons };
  });

interface GeneratedPerformance {
  annual: number;
  executedShare: number;
  indicators: { nature: string; target: number; actual: number; achievement: number }[];
}

function performanceInput(p: GeneratedPerformance, i: number) {
  const n = p.indicators.length;
  const weights = split(90, n, p.indicators.map((_, k) => (k + 1) / (n + 1)));
  return {
    project: `项目${i + 1}`,
    funding: { fiscal: { initialBudget: str(p.annual), annualBudget: str(p.annual), executed: str(p.annual === 0 ? 0 : Math.floor(p.annual * p.executedShare)) } },
    indicators: p.indicators.map((x, k) => ({
      level1: '产出指标', level2: '数量指标', level3: `指标${k + 1}`, nature: x.nature as '>=' | '<=' | '=' | 'qualitative',
      target: String(x.target), unit: '个', actual: String(x.actual), weight: String(weights[k]!), ...(x.nature === 'qualitative' && { achievement: x.achievement }),
    })),
  };
}
