/**
 * Quantitative indicators are scored by the method's rule: a met target gets the full 分值; an unmet
 * one gets 实际/目标 × 分值 (≥ indicators) or 目标/实际 × 分值 (≤ indicators), at the printed precision
 * (87.5 / 95 × 10 = 9.21, not 9.24). Where the form scores whole 一级 blocks, a block given its full
 * 分值 while one of its quantitative indicators missed its target is reported too.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { IndicatorBlock, IndicatorRow, PerformanceEvaluation } from '../model/index.js';
import {
  agreesAtPrinted, cmp, div, formatRatio, min, mul, parsePrinted, ratio, type Printed, type Ratio,
} from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_QUANT, evaluationTables, indicatorAt, perfFinding, projectLabel } from './utils/performance-report.js';
import { bareName, judgeIndicator, weightOf, type Judged } from './utils/performance-values.js';

const ONE = ratio(1);

/** The score the method gives an unmet indicator; undefined when the ratio is undefined (zero actual). */
function ratioScore(j: Judged, weight: Ratio): Ratio | undefined {
  const a = j.actual.number.value;
  const t = j.target.number.value;
  const reverse = j.cmp === '<=' || j.cmp === '<' || (j.cmp === '=' && cmp(a, t) > 0);
  if (reverse ? a.n === 0n : t.n === 0n) return undefined;
  return mul(min(reverse ? div(t, a) : div(a, t), ONE), weight);
}

function metNotFull(ev: PerformanceEvaluation, ind: IndicatorRow, j: Judged, weight: Ratio, score: Printed): RawFinding | undefined {
  if (agreesAtPrinted(score, weight) || cmp(score.value, weight) > 0) return undefined;
  if ((j.cmp === '<=' || j.cmp === '<') && j.actual.number.value.n === 0n) return undefined; // nothing spent, nothing done
  const full = formatRatio(weight, score.decimals);
  return perfFinding(ev, {
    messageId: 'met-not-full',
    message: `${projectLabel(ev)}指标“${bareName(ind)}”实际完成值 ${ind.actual!.text} 已达到指标值 ${ind.target!.text}，应得满分 ${full}，却得 ${ind.score!.text} 分`,
    at: indicatorAt(ind, ind.score), evidence: ind.score!.text, expected: full, row: ind.level3, column: '得分',
    ...(j.inferred ? { severity: 'warning' as const } : {}),
    related: [{ role: 'actual', at: indicatorAt(ind, ind.actual), evidence: ind.actual!.text }],
  });
}

function unmetMiscored(ev: PerformanceEvaluation, ind: IndicatorRow, j: Judged, weight: Ratio, score: Printed): RawFinding | undefined {
  const expected = ratioScore(j, weight);
  if (!expected || agreesAtPrinted(score, expected)) return undefined;
  const over = cmp(score.value, expected) > 0;
  const exp = formatRatio(expected, Math.max(score.decimals, 2));
  const how = j.cmp === '<=' || j.cmp === '<' ? '指标值 ÷ 实际完成值' : '实际完成值 ÷ 指标值';
  return perfFinding(ev, {
    messageId: over ? 'unmet-overscored' : 'unmet-underscored',
    message: `${projectLabel(ev)}指标“${bareName(ind)}”未达到指标值（${ind.actual!.text} 对 ${ind.target!.text}），按 ${how} × 分值应得 ${exp} 分，表中为 ${ind.score!.text} 分`,
    at: indicatorAt(ind, ind.score), evidence: ind.score!.text, expected: exp, row: ind.level3, column: '得分',
    ...(over && !j.inferred ? {} : { severity: 'warning' as const }),
    related: [{ role: 'actual', at: indicatorAt(ind, ind.actual), evidence: ind.actual!.text }],
  });
}

function checkIndicator(ev: PerformanceEvaluation, ind: IndicatorRow): RawFinding | undefined {
  const weight = weightOf(ind);
  const score = ind.score ? parsePrinted(ind.score.text) : null;
  const j = judgeIndicator(ind);
  if (!weight || !score || !j) return undefined;
  return j.met ? metNotFull(ev, ind, j, weight, score) : unmetMiscored(ev, ind, j, weight, score);
}

/** A block scored in full although a quantitative indicator in it missed its target. */
function checkBlock(ev: PerformanceEvaluation, block: IndicatorBlock): RawFinding | undefined {
  const w = block.weight ? parsePrinted(block.weight.text) : null;
  const s = block.score ? parsePrinted(block.score.text) : null;
  if (!w || !s || cmp(s.value, w.value) < 0) return undefined;
  for (const ind of ev.indicators.filter((i) => i.level1 === block.level1 && !i.score?.text)) {
    const j = judgeIndicator(ind);
    if (!j || j.met) continue;
    return perfFinding(ev, {
      messageId: 'block-full-unmet',
      message: `${projectLabel(ev)}“${block.text}”得满分 ${block.score!.text}，但其下指标“${bareName(ind)}”实际完成值 ${ind.actual!.text} 未达到指标值 ${ind.target!.text}`,
      at: indicatorAt(ind, ind.actual), evidence: ind.actual!.text, row: ind.level3, column: '实际完成值',
      ...(j.inferred ? { severity: 'warning' as const } : {}),
      related: [{ role: 'block score', at: block.score!.prov, evidence: block.score!.text }],
    });
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'performance-indicator-score',
    family: 'performance',
    title: { zh: '定量指标得分与完成情况不符', en: 'Quantitative indicator scored against the method' },
    description: 'A quantitative indicator that meets its target gets its full 分值; one that misses it gets 实际/目标 × 分值 (≥) or 目标/实际 × 分值 (≤), compared at the printed precision. An over-score is an error, an under-score a warning (local methods may be stricter). A block scored in full with an unmet indicator is reported.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [REF_QUANT, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap((ev) => [
      ...ev.indicators.flatMap((ind) => checkIndicator(ev, ind) ?? []),
      ...(ev.blocks ?? []).flatMap((b) => checkBlock(ev, b) ?? []),
    ]);
  },
};

export default rule;
