/**
 * A qualitative indicator whose actual value says the target was fully reached ('完全达到预期',
 * '全部完成') is scored in full; a lower score contradicts the row's own words (35 of 40).
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { IndicatorRow, PerformanceEvaluation } from '../model/index.js';
import { agreesAtPrinted, cmp, parsePrinted } from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_QUAL, evaluationTables, indicatorAt, perfFinding, projectLabel } from './utils/performance-report.js';
import { bareName, formatWeight, weightOf } from './utils/performance-values.js';

const FULL = /^(完全达到预期(目标)?|完全达到|完全达成|全部完成|全部达成|完全实现)$/;

function checkIndicator(ev: PerformanceEvaluation, ind: IndicatorRow): RawFinding | undefined {
  const actual = ind.actual?.text.normalize('NFKC').replace(/[\s=。]/g, '');
  const weight = weightOf(ind);
  const score = ind.score ? parsePrinted(ind.score.text) : null;
  if (!actual || !FULL.test(actual) || !weight || !score) return undefined;
  if (agreesAtPrinted(score, weight) || cmp(score.value, weight) > 0) return undefined;
  return perfFinding(ev, {
    messageId: 'qualitative-full-not-scored',
    message: `${projectLabel(ev)}指标“${bareName(ind)}”实际完成情况为“${ind.actual!.text}”，却只得 ${ind.score!.text} 分（分值 ${formatWeight(ind)}）`,
    at: indicatorAt(ind, ind.actual), evidence: ind.actual!.text, expected: formatWeight(ind), row: ind.level3, column: '得分',
    related: [{ role: 'score', at: indicatorAt(ind, ind.score), evidence: ind.score!.text }],
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-qualitative-full',
    family: 'performance',
    title: { zh: '定性指标完全达到预期却未得满分', en: 'Qualitative indicator fully reached but not scored in full' },
    description: 'A qualitative indicator whose actual value states that the target was fully reached (完全达到预期, 全部完成) gets its full 分值; a lower score contradicts the row.',
    severity: 'warning',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [REF_QUAL, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap((ev) => ev.indicators.flatMap((ind) => checkIndicator(ev, ind) ?? []));
  },
};

export default rule;
