/**
 * A bounded rate (参保率, 覆盖率, 知晓率, 满意度, 合格率 …) cannot exceed 100%: 基本医疗保险参保率 101.27%
 * needs an explanation (a denominator that excludes people insured elsewhere, double counting).
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { IndicatorRow, PerformanceEvaluation } from '../model/index.js';
import { cmp, ratio } from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_METHOD, evaluationTables, indicatorAt, perfFinding, projectLabel } from './utils/performance-report.js';
import { bareName, parseIndicatorValue } from './utils/performance-values.js';

const BOUNDED = /(参保率|覆盖率|覆盖面|知晓率|知晓度|满意度|满意率|合格率|达标率|准确率|正确率|出勤率|受理率|到位率|完好率|稽查率|检查率|审核率|结算率|及时率|办结率|上岗率|入库率|参与率)$/;

function checkIndicator(ev: PerformanceEvaluation, ind: IndicatorRow): RawFinding | undefined {
  const name = bareName(ind);
  if (!BOUNDED.test(name) || !ind.actual) return undefined;
  const v = parseIndicatorValue(ind.actual.text);
  const percent = v && (v.number.percent || v.unit === '%' || (ind.unitText ?? '').trim() === '%');
  if (!v || !percent || cmp(v.number.value, ratio(100)) <= 0) return undefined;
  return perfFinding(ev, {
    messageId: 'rate-over-100',
    message: `${projectLabel(ev)}指标“${name}”实际完成值 ${ind.actual.text} 超过 100%，该比率不应大于 100%`,
    at: indicatorAt(ind, ind.actual), evidence: ind.actual.text, expected: '≤100%', row: ind.level3, column: '实际完成值',
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-rate-over-100',
    family: 'performance',
    title: { zh: '覆盖率等比率超过100%', en: 'Bounded rate above 100%' },
    description: 'Rates that are shares of a whole (参保率, 覆盖率, 知晓率, 满意度, 合格率, 及时率 …) cannot exceed 100%; a value above it is implausible and must be explained.',
    severity: 'warning',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [`${REF_METHOD}：绩效指标完成值应真实、准确`, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap((ev) => ev.indicators.flatMap((ind) => checkIndicator(ev, ind) ?? []));
  },
};

export default rule;
