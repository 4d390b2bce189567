/**
 * Nothing spent (全年执行数 0, or not printed with no execution score) yet every 产出指标 reported fully
 * achieved: the outputs cannot have been produced by this project's money. A warning: funds may come
 * from elsewhere, but the self-evaluation must say so.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { IndicatorRow, PerformanceEvaluation } from '../model/index.js';
import { agreesAtPrinted, cmp, parsePrinted, ratio } from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_METHOD, evaluationTables, perfFinding, projectLabel } from './utils/performance-report.js';
import { judgeIndicator, totalFunding, weightOf } from './utils/performance-values.js';

function isZeroOrBlank(text: string | undefined): boolean {
  const p = text ? parsePrinted(text) : null;
  return !text || (p !== null && p.scaled === 0n);
}

/** No execution: 执行数 printed as 0, or left blank with a blank/zero 执行率 and 得分. */
function noExecution(ev: PerformanceEvaluation): boolean {
  const row = totalFunding(ev);
  const budget = row?.annualBudget?.value.kind === 'amount' ? row.annualBudget.value.amount : undefined;
  if (!row || !budget || budget.fen <= 0) return false;
  const executed = row.executed?.text;
  if (executed) return parsePrinted(executed)?.scaled === 0n;
  return isZeroOrBlank(row.rate?.text) && isZeroOrBlank(row.score?.text);
}

function fullyAchieved(ind: IndicatorRow): boolean {
  const completion = ind.completion ? parsePrinted(ind.completion.text) : null;
  if (completion) return cmp(completion.value, ratio(100)) >= 0;
  const weight = weightOf(ind);
  const score = ind.score ? parsePrinted(ind.score.text) : null;
  if (weight && score && weight.n !== 0n) return agreesAtPrinted(score, weight);
  const j = judgeIndicator(ind);
  if (j) return j.met;
  return !!ind.actual?.text && ind.actual.text === ind.target?.text;
}

function checkEvaluation(ev: PerformanceEvaluation): RawFinding | undefined {
  const outputs = ev.indicators.filter((i) => i.level1 === '产出指标');
  if (!outputs.length || !noExecution(ev) || !outputs.every(fullyAchieved)) return undefined;
  const row = totalFunding(ev)!;
  const cell = row.executed?.text ? row.executed : row.annualBudget!;
  return perfFinding(ev, {
    messageId: 'zero-execution-outputs-met',
    message: `${projectLabel(ev)}全年执行数为${row.executed?.text ? ` ${row.executed.text}` : '空'}（全年预算数 ${row.annualBudget!.text}），但 ${outputs.length} 项产出指标均报告全部完成`,
    at: cell.prov, evidence: cell.text, row: row.label, column: row.executed?.text ? '全年执行数' : '全年预算数', severity: 'warning',
    related: outputs.slice(0, 3).map((o) => ({ role: 'output', at: o.actual?.prov ?? o.prov, evidence: o.actual?.text ?? o.level3 })),
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-zero-execution-met',
    family: 'performance',
    title: { zh: '资金未执行但产出指标全部完成', en: 'No spending, yet every output indicator achieved' },
    description: 'A project that spent nothing (全年执行数 0 or not stated, with no execution score) but reports every 产出指标 fully achieved: implausible unless other funds paid for the outputs.',
    severity: 'warning',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [`${REF_METHOD}：单位自评内容主要包括项目总体绩效目标、各项绩效指标完成情况以及预算执行情况`, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap((ev) => checkEvaluation(ev) ?? []);
  },
};

export default rule;
