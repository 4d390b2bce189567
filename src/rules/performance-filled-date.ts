/**
 * A self-evaluation of a whole year is filled after that year has ended: 填报时间 2023.8.18 on a 2023
 * 年度 table predates the year's end.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { PerformanceEvaluation } from '../model/index.js';
import { REF_DOMAIN, REF_METHOD, evaluationTables, perfFinding, projectLabel } from './utils/performance-report.js';

function evaluatedYear(ev: PerformanceEvaluation, docYear: number | undefined): number | undefined {
  return ev.year ?? docYear;
}

function checkEvaluation(ev: PerformanceEvaluation, docYear: number | undefined): RawFinding | undefined {
  const d = ev.filledDate;
  const year = evaluatedYear(ev, docYear);
  if (!d || d.year === undefined || year === undefined) return undefined;
  const lastDay = d.month === 12 && d.day === 31;
  if (d.year > year || (d.year === year && (d.month === undefined || lastDay))) return undefined;
  return perfFinding(ev, {
    messageId: 'filled-before-year-end',
    message: `${projectLabel(ev)}为 ${year} 年度自评，填报时间 ${d.text} 却早于该年度结束`,
    at: d.prov, evidence: d.text, expected: `${year + 1} 年以后的日期`, column: '填报时间',
    data: { year },
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-filled-date',
    family: 'performance',
    title: { zh: '填报时间早于评价年度结束', en: 'Filled before the evaluated year ended' },
    description: 'The 填报时间 of a 绩效自评表 of year N is after 31 December of year N: a full-year self-evaluation cannot be filled before the year ends.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [`${REF_METHOD}：单位自评是指预算部门组织部门本级和所属单位对预算批复的项目绩效目标完成情况进行自我评价（年度终了后开展）`, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap((ev) => checkEvaluation(ev, ctx.disclosure.meta.year) ?? []);
  },
};

export default rule;
