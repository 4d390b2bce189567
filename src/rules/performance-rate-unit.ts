/**
 * A rate indicator (…率, …比例) is measured in percent: a count unit (件, 人, 个, 次 …) for 参保群众政策
 * 知晓率 is a wrong unit.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { IndicatorRow, PerformanceEvaluation } from '../model/index.js';
import { REF_DOMAIN, REF_METHOD, evaluationTables, indicatorAt, perfFinding, projectLabel } from './utils/performance-report.js';
import { bareName, parseIndicatorValue } from './utils/performance-values.js';

const RATE_NAME = /(率|比例|比重|占比)$/;
/** Names ending in 率 that are not shares of a whole (a frequency, a speed). */
const NOT_A_SHARE = /(频率|速率|效率|汇率|利率|功率|税率|费率)$/;
const COUNT_UNIT = /^(件|人|个|次|人次|户|家|项|台|起|批|期|名|场|份|篇|套|辆|张|所|座|条|册|本|元|万元|万人|天|日)$/;

function unitOf(ind: IndicatorRow): { unit: string; evidence: string; at: ReturnType<typeof indicatorAt> } | undefined {
  if (ind.unitText) return { unit: ind.unitText.trim(), evidence: ind.unitText.trim(), at: ind.unitProv ?? indicatorAt(ind) };
  for (const cell of [ind.target, ind.actual]) {
    const v = parseIndicatorValue(cell?.text);
    if (v?.unit) return { unit: v.unit, evidence: cell!.text, at: cell!.prov };
  }
  return undefined;
}

function checkIndicator(ev: PerformanceEvaluation, ind: IndicatorRow): RawFinding | undefined {
  const name = bareName(ind);
  if (!RATE_NAME.test(name) || NOT_A_SHARE.test(name)) return undefined;
  const u = unitOf(ind);
  if (!u || !COUNT_UNIT.test(u.unit)) return undefined;
  return perfFinding(ev, {
    messageId: 'rate-count-unit',
    message: `${projectLabel(ev)}指标“${name}”是比率，度量单位却是“${u.unit}”（应为 %）`,
    at: u.at, evidence: u.evidence, expected: '%', row: ind.level3, column: '度量单位',
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-rate-unit',
    family: 'performance',
    title: { zh: '比率指标使用了计数单位', en: 'Rate indicator with a count unit' },
    description: 'An indicator whose name is a rate (…率, …比例, …占比) is measured in %, not in a count unit such as 件, 人, 个 or 次.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [`${REF_METHOD}：绩效指标应当细化、量化，指标值与度量单位相符`, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap((ev) => ev.indicators.flatMap((ind) => checkIndicator(ev, ind) ?? []));
  },
};

export default rule;
