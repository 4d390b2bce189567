/**
 * 执行率 = 全年执行数 / 全年预算数, compared at the printed precision: 8.44 / 524.8 = 1.61%, not 1.60%.
 * A gap that the rounding of the two printed amounts explains is info, never an error.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { FundingRow, PerformanceEvaluation } from '../model/index.js';
import { agreesAtPrinted, div, formatRatio, parsePrinted, ratio, withinAtPrinted } from './utils/performance-decimal.js';
import { rateOf } from './utils/performance-rate.js';
import { REF_DOMAIN, REF_METHOD, evaluationTables, perfFinding, projectLabel } from './utils/performance-report.js';

function sameAs(row: FundingRow, total: FundingRow | undefined): boolean {
  return !!total && row !== total && ['annualBudget', 'executed', 'rate'].every(
    (k) => row[k as 'rate']?.text === total[k as 'rate']?.text);
}

/** The printed rate is 执行数 / 年初预算数 (the wrong base, but a known practice, not an arithmetic slip). */
function ofInitialBudget(row: FundingRow, p: NonNullable<ReturnType<typeof parsePrinted>>): boolean {
  const e = row.executed?.value.kind === 'amount' ? row.executed.value.amount : undefined;
  const i = row.initialBudget?.value.kind === 'amount' ? row.initialBudget.value.amount : undefined;
  const r = e && i ? rateOf(e, i) : undefined;
  return !!r && withinAtPrinted(p, r.lo, r.hi);
}

function checkRow(ev: PerformanceEvaluation, row: FundingRow): RawFinding | undefined {
  const rate = row.rate;
  const p = rate ? parsePrinted(rate.text) : null;
  const e = row.executed?.value.kind === 'amount' ? row.executed.value.amount : undefined;
  const b = row.annualBudget?.value.kind === 'amount' ? row.annualBudget.value.amount : undefined;
  if (!rate || !p || !e || !b) return undefined;
  const r = rateOf(e, b);
  if (!r || agreesAtPrinted(p, r.exact)) return undefined;
  // A rate printed as a fraction ('0.7627' for 76.27%) agrees once scaled.
  if (!p.percent && p.scaled <= 2n * 10n ** BigInt(p.decimals) && agreesAtPrinted(p, div(r.exact, ratio(100)))) return undefined;
  const expected = `${formatRatio(r.exact, p.decimals)}%`;
  const rounding = withinAtPrinted(p, r.lo, r.hi);
  const onInitial = !rounding && ofInitialBudget(row, p);
  const id = rounding ? 'rate-rounding' : onInitial ? 'rate-of-initial-budget' : 'rate-mismatch';
  const note = rounding ? '（在金额舍入范围内）' : onInitial ? `（按年初预算数 ${row.initialBudget!.text} 计算，应以全年预算数为分母）` : '';
  return perfFinding(ev, {
    messageId: id,
    message: `${projectLabel(ev)}执行率 ${rate.text} 与全年执行数 ${row.executed!.text} ÷ 全年预算数 ${row.annualBudget!.text} = ${expected} 不符${note}`,
    at: rate.prov, evidence: rate.text, expected, row: row.label, column: '执行率',
    ...(rounding ? { severity: 'info' as const } : onInitial ? { severity: 'warning' as const } : {}),
    related: [
      { role: 'executed', at: row.executed!.prov, evidence: row.executed!.text },
      { role: 'annualBudget', at: row.annualBudget!.prov, evidence: row.annualBudget!.text },
    ],
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-execution-rate',
    family: 'performance',
    title: { zh: '预算执行率与执行数、预算数不符', en: 'Execution rate differs from executed ÷ annual budget' },
    description: 'In the 项目资金 block of a 绩效自评表, 执行率 equals 全年执行数 / 全年预算数 at the printed precision; a gap explained by the rounding of the printed amounts is info.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [`${REF_METHOD} 附件 项目支出绩效自评表（执行率 = 全年执行数 / 全年预算数）`, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const ev of evaluationTables(ctx)) {
      const total = ev.funding.find((f) => f.key === 'total');
      for (const row of ev.funding) {
        if (sameAs(row, total)) continue;
        const f = checkRow(ev, row);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

export default rule;
