/**
 * The 分值 of a 绩效自评表 add up to its 总分值 (100 when not printed): 10 for 预算执行率 plus 90 for the
 * indicators; a printed indicator 分值 subtotal (云南: 90.00) equals the indicator 分值.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { PerformanceEvaluation } from '../model/index.js';
import { cmp, formatRatio, parsePrinted, ratio } from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_FORM_NOTES, REF_WEIGHTS, evaluationTables, perfFinding, projectLabel } from './utils/performance-report.js';
import { printedOf, sumParts, weightParts, type Part } from './utils/performance-sums.js';

function describe(parts: Part[]): string {
  return parts.map((p) => p.cell?.text ?? `${p.label}`).join(' + ');
}

function checkTotal(ev: PerformanceEvaluation, parts: Part[]): RawFinding | undefined {
  const sum = sumParts(parts);
  const printed = printedOf(ev.totalWeight);
  const expected = printed?.value ?? ratio(100);
  if (cmp(sum, expected) === 0) return undefined;
  const decimals = Math.max(0, ...parts.map((p) => p.decimals));
  const got = formatRatio(sum, decimals);
  const target = ev.totalWeight?.text ?? '100';
  const first = parts.find((p) => p.cell) ?? parts[0]!;
  return perfFinding(ev, {
    messageId: 'weight-sum',
    message: `${projectLabel(ev)}各项分值之和为 ${got}，与总分值 ${target} 不符（${describe(parts)}）`,
    at: ev.totalWeight?.prov ?? first.cell?.prov ?? ev.prov,
    evidence: ev.totalWeight?.text ?? first.cell?.text,
    expected: got,
    column: '分值',
    data: { sum: got, total: target },
  });
}

function checkSubtotal(ev: PerformanceEvaluation, parts: Part[]): RawFinding | undefined {
  const cell = ev.indicatorTotal?.weight;
  const printed = cell ? parsePrinted(cell.text) : null;
  const indicatorParts = parts.filter((p) => p.label !== '预算执行率');
  if (!cell || !printed || indicatorParts.length !== ev.indicators.length) return undefined;
  const sum = sumParts(indicatorParts);
  if (cmp(sum, printed.value) === 0) return undefined;
  const expected = formatRatio(sum, printed.decimals);
  return perfFinding(ev, {
    messageId: 'subtotal-weight',
    message: `${projectLabel(ev)}指标分值小计 ${cell.text} 与各指标分值之和 ${expected} 不符`,
    at: cell.prov, evidence: cell.text, expected, column: '分值',
  });
}

function checkEvaluation(ev: PerformanceEvaluation): RawFinding[] {
  const { parts, missing } = weightParts(ev);
  if (missing || !parts.some((p) => p.label === '预算执行率') || !ev.indicators.length) return [];
  return [checkTotal(ev, parts), checkSubtotal(ev, parts)].filter((f): f is RawFinding => !!f);
}

const rule: Rule = {
  meta: {
    id: 'performance-weight-total',
    family: 'performance',
    title: { zh: '分值合计不等于总分值', en: 'Points do not add up to the total' },
    description: 'The 分值 of the 预算执行率 row and of every indicator (or 一级 block) add up to the printed 总分值, or 100 when none is printed; a printed indicator 分值 subtotal equals the indicator points.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [REF_WEIGHTS, REF_FORM_NOTES, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap(checkEvaluation);
  },
};

export default rule;
