/**
 * 自评等级 follows from 总分: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 — or the bands the table's own notes
 * print (优秀（S≥90）、良好（90＞S≥80）…). 优秀/良好/中等/合格/不合格 are read as 优/良/中/中/差.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { GradeBand, PerformanceEvaluation } from '../model/index.js';
import { cmp, parsePrinted, type Ratio } from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_FORM_NOTES, REF_GRADES, perfFinding, projectLabel } from './utils/performance-report.js';
import { decimalRatio } from './utils/performance-values.js';

const DEFAULT_BANDS: GradeBand[] = [
  { grade: '优', min: 90, minInclusive: true, max: 100, maxInclusive: true, text: '90（含）-100分为优' },
  { grade: '良', min: 80, minInclusive: true, max: 90, maxInclusive: false, text: '80（含）-90分为良' },
  { grade: '中', min: 60, minInclusive: true, max: 80, maxInclusive: false, text: '60（含）-80分为中' },
  { grade: '差', min: 0, minInclusive: true, max: 60, maxInclusive: false, text: '60分以下为差' },
];

const CANONICAL: Record<string, string> = { 优秀: '优', 良好: '良', 中等: '中', 合格: '中', 一般: '中', 不合格: '差' };

function canonical(grade: string): string {
  const g = grade.normalize('NFKC').replace(/\s/g, '');
  return CANONICAL[g] ?? g;
}

function inBand(score: Ratio, b: GradeBand): boolean {
  const lo = cmp(score, decimalRatio(b.min));
  if (lo < 0 || (lo === 0 && !b.minInclusive)) return false;
  if (b.max === undefined) return true;
  const hi = cmp(score, decimalRatio(b.max));
  return hi < 0 || (hi === 0 && !!b.maxInclusive);
}

function checkEvaluation(ev: PerformanceEvaluation): RawFinding | undefined {
  const score = ev.totalScore ? parsePrinted(ev.totalScore.text) : null;
  const grade = ev.grade?.text.trim();
  if (!score || !grade) return undefined;
  const printed = ev.gradeBands?.length ? ev.gradeBands : undefined;
  const bands = printed ?? DEFAULT_BANDS;
  const known = bands.some((b) => canonical(b.grade) === canonical(grade));
  if (!known) return undefined; // not a grade of this scale ('项目暂未开展', 较差 without printed bands)
  const band = bands.find((b) => inBand(score.value, b));
  if (!band || canonical(band.grade) === canonical(grade)) return undefined;
  return perfFinding(ev, {
    messageId: 'grade-band',
    message: `${projectLabel(ev)}总分 ${ev.totalScore!.text} 对应等级“${band.grade}”（${band.text}），表中自评等级为“${grade}”`,
    at: ev.grade!.prov, evidence: ev.grade!.text, expected: band.grade, column: '自评等级',
    related: [{ role: 'total', at: ev.totalScore!.prov, evidence: ev.totalScore!.text }],
    data: { bands: printed ? 'printed' : 'default' },
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-grade-band',
    family: 'performance',
    title: { zh: '自评等级与总分不符', en: 'Grade does not follow from the total score' },
    description: 'The 自评等级 is the band the 总分 falls in: the bands printed in the table notes when there are any, else 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60. Grades outside the scale are not judged.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [REF_GRADES, REF_FORM_NOTES, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    const evs = ctx.disclosure.performance;
    if (!evs.length) ctx.skip('无绩效自评表 (no performance self-evaluation tables)');
    return evs.flatMap((ev) => checkEvaluation(ev) ?? []);
  },
};

export default rule;
