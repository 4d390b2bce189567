/**
 * 执行率得分 = min(执行率, 100%) × 分值, at the printed precision (34.55% × 10 = 3.46). A score that only
 * agrees once rounded to fewer decimals than the form's two (0.4 for 0.38) is a warning; a score that
 * the rounding of the printed amounts does not explain is an error.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { FundingRow, PerformanceEvaluation } from '../model/index.js';
import {
  agreesAtPrinted, cmp, div, formatRatio, min, mul, parsePrinted, ratio, roundScaled, withinAtPrinted, type Printed, type Ratio,
} from './utils/performance-decimal.js';
import { rateOf, rowAmounts } from './utils/performance-rate.js';
import { REF_DOMAIN, REF_METHOD, evaluationTables, perfFinding, projectLabel } from './utils/performance-report.js';
import { totalFunding } from './utils/performance-values.js';

const HUNDRED = ratio(100);

function scoreFor(ratePercent: Ratio, weight: Ratio): Ratio {
  return mul(div(min(ratePercent, HUNDRED), HUNDRED), weight);
}

interface Expectation {
  exact: Ratio;
  lo: Ratio;
  hi: Ratio;
  from: string;
}

/** The score the row's amounts imply (or its printed rate, when the amounts are not printed). */
function expectation(row: FundingRow, weight: Ratio): Expectation | undefined {
  const amounts = rowAmounts(row);
  const r = amounts ? rateOf(amounts.executed, amounts.budget) : undefined;
  if (r) {
    return {
      exact: scoreFor(r.exact, weight), lo: scoreFor(r.lo, weight), hi: scoreFor(r.hi, weight),
      from: `${row.executed!.text} ÷ ${row.annualBudget!.text}`,
    };
  }
  const printedRate = row.rate ? parsePrinted(row.rate.text) : null;
  if (!printedRate) return undefined;
  const s = scoreFor(printedRate.value, weight);
  return { exact: s, lo: s, hi: s, from: `执行率 ${row.rate!.text}` };
}

function judge(score: Printed, x: Expectation): 'ok' | 'coarse' | 'rounding' | 'mismatch' {
  if (agreesAtPrinted(score, x.exact)) {
    const two = Math.max(score.decimals, 2);
    return score.decimals < 2 && roundScaled(x.exact, two) !== score.scaled * 10n ** BigInt(two - score.decimals) ? 'coarse' : 'ok';
  }
  return withinAtPrinted(score, x.lo, x.hi) ? 'rounding' : 'mismatch';
}

const MESSAGES = {
  coarse: (s: string, e: string, from: string) => `执行率得分 ${s} 只在舍入到较少小数位时与 ${from} × 分值 = ${e} 相符（表中得分应保留两位小数）`,
  rounding: (s: string, e: string, from: string) => `执行率得分 ${s} 与 ${from} × 分值 = ${e} 相差在舍入范围内`,
  mismatch: (s: string, e: string, from: string) => `执行率得分 ${s} 与 min(执行率, 100%) × 分值 = ${e}（${from}）不符`,
};

function checkEvaluation(ev: PerformanceEvaluation): RawFinding | undefined {
  const row = totalFunding(ev);
  const weight = row?.weight ? parsePrinted(row.weight.text) : null;
  const score = row?.score ? parsePrinted(row.score.text) : null;
  if (!row || !weight || !score) return undefined;
  const x = expectation(row, weight.value);
  if (!x) return undefined;
  const verdict = cmp(score.value, weight.value) > 0 ? 'mismatch' : judge(score, x);
  if (verdict === 'ok') return undefined;
  const decimals = verdict === 'coarse' ? 2 : Math.max(score.decimals, 2);
  const expected = formatRatio(x.exact, decimals);
  return perfFinding(ev, {
    messageId: `score-${verdict}`,
    message: `${projectLabel(ev)}${MESSAGES[verdict](row.score!.text, expected, x.from)}`,
    at: row.score!.prov, evidence: row.score!.text, expected, row: row.label, column: '得分',
    ...(verdict === 'rounding' ? { severity: 'info' as const } : verdict === 'coarse' ? { severity: 'warning' as const } : {}),
    related: [{ role: 'weight', at: row.weight!.prov, evidence: row.weight!.text }],
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-execution-score',
    family: 'performance',
    title: { zh: '预算执行率得分计算有误', en: 'Execution-rate score is not min(rate, 100%) × points' },
    description: 'The 得分 of the 项目资金 block equals min(全年执行数 / 全年预算数, 100%) × 分值 at the printed precision. A score agreeing only at fewer than two decimals is a warning; a gap within the rounding of the printed amounts is info.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [`${REF_METHOD} 附件 项目支出绩效自评表（预算执行率得分 = 执行率 × 分值）`, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap((ev) => checkEvaluation(ev) ?? []);
  },
};

export default rule;
