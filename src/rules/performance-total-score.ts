/**
 * 总分 = 执行率得分 + Σ 指标得分 (and a printed indicator subtotal = Σ 指标得分), within the rounding of
 * the printed scores: 0.2 + 100 = 100.2 against a printed 90.2 is an error.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Cell, PerformanceEvaluation } from '../model/index.js';
import { cmp, formatRatio, sub, type Printed, type Ratio } from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_SCORING, evaluationTables, perfFinding, projectLabel } from './utils/performance-report.js';
import { printedOf, scoreParts, sumParts, tolerance, type Part } from './utils/performance-sums.js';

function abs(r: Ratio): Ratio {
  return r.n < 0n ? { n: -r.n, d: r.d } : r;
}

function judgeSum(
  ev: PerformanceEvaluation, cell: Cell, printed: Printed, parts: Part[], what: { id: string; name: string },
): RawFinding | undefined {
  const sum = sumParts(parts);
  const gap = abs(sub(printed.value, sum));
  if (gap.n === 0n) return undefined;
  const rounding = cmp(gap, tolerance(parts, printed)) <= 0;
  const decimals = Math.max(printed.decimals, ...parts.map((p) => p.decimals));
  const expected = formatRatio(sum, decimals);
  const terms = parts.map((p) => p.cell?.text ?? String(p.label)).join(' + ');
  return perfFinding(ev, {
    messageId: rounding ? `${what.id}-rounding` : `${what.id}-mismatch`,
    message: `${projectLabel(ev)}${what.name} ${cell.text} 与各项得分之和 ${expected} 不符${rounding ? '（在舍入范围内）' : ''}（${terms}）`,
    at: cell.prov, evidence: cell.text, expected, column: what.name,
    ...(rounding ? { severity: 'info' as const } : {}),
    data: { terms: parts.length },
  });
}

function checkEvaluation(ev: PerformanceEvaluation): RawFinding[] {
  const out: RawFinding[] = [];
  const { parts, missing } = scoreParts(ev);
  const indicatorParts = parts.filter((p) => p.label !== '预算执行率');
  if (missing || !indicatorParts.length) return out;
  const total = printedOf(ev.totalScore);
  if (total && ev.totalScore) {
    const f = judgeSum(ev, ev.totalScore, total, parts, { id: 'total', name: '总分' });
    if (f) out.push(f);
  }
  const sub = ev.indicatorTotal?.score;
  const subPrinted = printedOf(sub);
  const onlyIndicators = indicatorParts.filter((p) => ev.indicators.some((i) => i.score === p.cell));
  if (sub && subPrinted && onlyIndicators.length === indicatorParts.length) {
    const f = judgeSum(ev, sub, subPrinted, onlyIndicators, { id: 'subtotal', name: '指标得分小计' });
    if (f) out.push(f);
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'performance-total-score',
    family: 'performance',
    title: { zh: '总分与各项得分之和不符', en: 'Total score differs from the sum of the scores' },
    description: '总分 (总得分) of a 绩效自评表 equals the 预算执行率 score plus the scores of every indicator (or of every 一级 block where the form scores blocks); a printed indicator subtotal equals the indicator scores. Gaps within the rounding of the printed scores are info.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [REF_SCORING, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap(checkEvaluation);
  },
};

export default rule;
