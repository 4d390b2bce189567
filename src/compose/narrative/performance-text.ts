/** 预算绩效情况说明: what was evaluated and each evaluation's result, from the scored tables. */
import { add, percent } from '../amounts.js';
import type { PerformanceInput } from '../input-schema.js';
import { printPoints, type PerformanceFigures } from '../performance/score.js';
import type { DocumentWriter } from './writer.js';

/** The name an evaluation is known by: the project, or 部门整体支出 for a whole-department one. */
export function evaluationName(p: PerformanceInput): string {
  return p.kind === 'department' ? '部门整体支出' : p.project;
}

export function writePerformanceText(
  w: DocumentWriter,
  evaluations: { input: PerformanceInput; figures: PerformanceFigures }[],
  ctx: { year: number; org: string; partNumber: string },
): void {
  w.heading(0, ctx.partNumber, '预算绩效情况说明', 'performance');
  w.heading(1, '一、', '预算绩效管理工作开展情况', 'performance-management');
  if (!evaluations.length) {
    w.text(`本${ctx.org}${ctx.year}年度未开展项目支出绩效自评。`);
    return;
  }
  const totals = evaluations.map((e) => e.figures.funding[0]!);
  const budget = add(...totals.map((t) => t.annualBudget));
  const executed = add(...totals.map((t) => t.executed));
  const p = w.newPara().say(`根据预算绩效管理要求，本${ctx.org}对${ctx.year}年度`).count(evaluations.length, '个', '绩效自评项目')
    .say('项目开展了绩效自评，全年预算数合计').amount(budget, '绩效自评项目', 'budget').say('，全年执行数合计').amount(executed, '绩效自评项目');
  const rate = percent(executed, budget);
  if (rate !== null) p.say('，执行率为').pct(rate, '绩效自评项目', 'execution-rate');
  w.para(p.end());
  w.heading(1, '二、', '绩效自评得分情况', 'performance-results');
  w.text('各项目绩效自评得分、全年预算数和执行数如下：');
  evaluations.forEach(({ input, figures }) => {
    const total = figures.funding[0]!;
    const name = evaluationName(input);
    const q = w.newPara().say(`“${name}”${input.kind === 'department' || name.endsWith('项目') ? '' : '项目'}绩效自评情况：`);
    q.say(`绩效自评得分为${printPoints(figures.totalScore)}分，自评等级为${figures.grade}`).end();
    q.say('全年预算数为').amount(total.annualBudget, name, 'budget').say('，执行数为').amount(total.executed, name);
    const r = percent(total.executed, total.annualBudget);
    if (r !== null) q.say('，完成预算的').pct(r, name, 'execution-rate');
    q.end();
    w.para(q);
  });
}
