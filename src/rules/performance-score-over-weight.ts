/**
 * No score exceeds its 分值: an indicator, a 一级 block or the 预算执行率 row scored above the points it
 * carries.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Cell, PerformanceEvaluation } from '../model/index.js';
import { cmp, formatRatio, parsePrinted, type Ratio } from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_QUANT, evaluationTables, perfFinding, projectLabel } from './utils/performance-report.js';
import { decimalRatio, formatWeight, totalFunding, weightOf } from './utils/performance-values.js';

interface Scored {
  name: string;
  score: Cell;
  weight: Ratio;
  weightText: string;
}

function scoredParts(ev: PerformanceEvaluation): Scored[] {
  const out: Scored[] = [];
  const exec = totalFunding(ev);
  const ew = exec?.weight ? parsePrinted(exec.weight.text) : null;
  if (exec?.score && ew) out.push({ name: '预算执行率', score: exec.score, weight: ew.value, weightText: exec.weight!.text });
  for (const b of ev.blocks ?? []) {
    const w = b.weight ? parsePrinted(b.weight.text) : null;
    const weight = w?.value ?? (b.declaredWeight !== undefined ? decimalRatio(b.declaredWeight) : undefined);
    if (b.score && weight) out.push({ name: b.text, score: b.score, weight, weightText: b.weight?.text ?? String(b.declaredWeight) });
  }
  for (const ind of ev.indicators) {
    const weight = weightOf(ind);
    if (ind.score && weight) out.push({ name: ind.level3, score: ind.score, weight, weightText: formatWeight(ind) });
  }
  return out;
}

function check(ev: PerformanceEvaluation, p: Scored): RawFinding | undefined {
  const s = parsePrinted(p.score.text);
  if (!s || cmp(s.value, p.weight) <= 0) return undefined;
  return perfFinding(ev, {
    messageId: 'score-over-weight',
    message: `${projectLabel(ev)}“${p.name}”得分 ${p.score.text} 超过其分值 ${p.weightText}`,
    at: p.score.prov, evidence: p.score.text, expected: `≤${formatRatio(p.weight, s.decimals)}`, row: p.name, column: '得分',
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-score-over-weight',
    family: 'performance',
    title: { zh: '得分超过分值', en: 'Score above its points' },
    description: 'The 得分 of the 预算执行率 row, of a 一级 block or of an indicator never exceeds its 分值 (the cell, or the points declared in the name).',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [REF_QUANT, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap((ev) => scoredParts(ev).flatMap((p) => check(ev, p) ?? []));
  },
};

export default rule;
