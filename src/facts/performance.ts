/**
 * The `performance` entries of juesuan.facts/1: one per performance self-evaluation table (项目,
 * 部门整体, 转移支付), with what the table prints — 全年预算数 and 全年执行数 of its 年度资金总额 row in 元,
 * 执行率 as printed without '%', 总分, 自评等级. A row of a summary table (绩效自评情况汇总表) fills what
 * the matching table leaves unprinted (often the grade), and stands as its own entry when no table
 * matches it.
 */
import { fenToYuanString, type Cell, type FundingRow, type PerformanceEvaluation } from '../model/index.js';
import type { FactsPerformance } from './types.js';

const SCORE_RE = /^[0-9]+(\.[0-9]+)?$/;
const RATE_RE = /^-?[0-9]+(\.[0-9]+)?$/;

function yuan(cell: Cell | undefined): string | undefined {
  return cell?.value.kind === 'amount' ? fenToYuanString(cell.value.amount.fen) : undefined;
}

function numberText(cell: Cell | undefined, re: RegExp): string | undefined {
  if (cell?.value.kind !== 'number') return undefined;
  return re.test(cell.value.value) ? cell.value.value : undefined;
}

/** The 年度资金总额 row, or the only funding row when the table prints just one. */
function totalRow(ev: PerformanceEvaluation): FundingRow | undefined {
  return ev.funding.find((f) => f.key === 'total') ?? (ev.funding.length === 1 ? ev.funding[0] : undefined);
}

function entryOf(ev: PerformanceEvaluation): FactsPerformance {
  const out: FactsPerformance = { project: ev.project };
  const total = totalRow(ev);
  const annualBudget = yuan(total?.annualBudget);
  const executed = yuan(total?.executed);
  const executionRate = numberText(total?.rate, RATE_RE);
  const totalScore = numberText(ev.totalScore, SCORE_RE);
  const grade = ev.grade?.text.trim();
  if (annualBudget !== undefined) out.annualBudget = annualBudget;
  if (executed !== undefined) out.executed = executed;
  if (executionRate !== undefined) out.executionRate = executionRate;
  if (totalScore !== undefined) out.totalScore = totalScore;
  if (grade) out.grade = grade;
  return out;
}

/** A project name compared without spaces, brackets and the word 年/年度. */
export function projectKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s()（）【】[\]“”"'、·:：]/g, '').replace(/年度?/g, '');
}

function matchTable(summary: PerformanceEvaluation, tables: PerformanceEvaluation[]): number {
  const key = projectKey(summary.project);
  const exact = tables.findIndex((t) => projectKey(t.project) === key);
  if (exact >= 0) return exact;
  const near = tables
    .map((t, i) => ({ i, k: projectKey(t.project) }))
    .filter(({ k }) => k.length >= 4 && (k.includes(key) || key.includes(k)));
  return near.length === 1 ? near[0]!.i : -1;
}

const GRADE_RE = /^(优秀?|良好?|中等?|差|较差|合格|不合格|一般)$/;

/** Fills what the table leaves unprinted; a summary's 等级 cell counts only when it holds a grade. */
function fillFrom(target: FactsPerformance, from: FactsPerformance): void {
  for (const k of ['annualBudget', 'executed', 'executionRate', 'totalScore', 'grade'] as const) {
    if (k === 'grade' && !GRADE_RE.test((from.grade ?? '').replace(/\s/g, ''))) continue;
    if (target[k] === undefined && from[k] !== undefined) target[k] = from[k];
  }
}

export function performanceFacts(evals: readonly PerformanceEvaluation[]): FactsPerformance[] {
  // a 基础数据表 (basicData) is a data table beside the 部门整体支出绩效自评表, not an evaluation of its own
  const tables = evals.filter((e) => e.kind !== 'summary' && !e.basicData);
  const entries = tables.map(entryOf);
  const extra: FactsPerformance[] = [];
  for (const s of evals.filter((e) => e.kind === 'summary')) {
    const i = matchTable(s, tables);
    if (i >= 0) fillFrom(entries[i]!, entryOf(s));
    else extra.push(entryOf(s));
  }
  return [...entries, ...extra];
}
