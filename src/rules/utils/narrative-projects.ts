/**
 * Project counts and funds stated in the 预算绩效 text ('二级项目 6 个，共涉及资金 309.42 万元';
 * '评价项目 6 个，全年预算数 X 万元，全年执行数 Y 万元') and the projects' own figures: from the
 * 项目支出绩效自评表 (Disclosure.performance) or, where the tables are absent, from the per-project
 * sentences ('项目全年预算数为 66 万元，执行数为 66 万元').
 */
import type { Amount, Disclosure, PerformanceEvaluation } from '../../model/index.js';
import { isAmount, locateFigures, type LocatedFigure } from './narrative-figures.js';
import { amountOf } from './table-access.js';
import { topicOf } from './narrative-subjects.js';
import { topSection, type SentenceContext } from './narrative-walk.js';

export type FundKind = 'budget' | 'executed' | 'any';

export interface FundsStatement {
  ctx: SentenceContext;
  count: number;
  /** The printed count phrase ('项目 6 个'). */
  countText: string;
  amounts: { f: LocatedFigure; kind: FundKind }[];
}

export interface ProjectFunds {
  name: string;
  initial?: Amount;
  annual?: Amount;
  executed?: Amount;
}

const COUNT_RE = /(?:(?:二级|一级|评价|绩效|预算)?项目|涵盖项目)\s*(\d+)\s*个|(?<!\d)(\d+)\s*个(?:二级|一级|预算)?项目/g;

function fundKind(cue: string): FundKind {
  if (/执行(数|金额)/.test(cue)) return 'executed';
  if (/预算(数|资金|总额|金额)|全年预算/.test(cue)) return 'budget';
  return 'any';
}

/** The first amount of the statement, and a second one only when it is worded as the other of 预算/执行. */
function statedAmounts(figs: LocatedFigure[]): { f: LocatedFigure; kind: FundKind }[] {
  const [first, second] = figs.map((f) => ({ f, kind: fundKind(f.cue) }));
  if (!first) return [];
  const pair = second && second.kind !== 'any' && first.kind !== 'any' && second.kind !== first.kind;
  return pair ? [first, second] : [first];
}

/** Statements of a project count with the funds they involve, in one sentence. */
export function fundsStatements(ctx: SentenceContext): FundsStatement[] {
  const text = ctx.sentence.text;
  const counts = [...text.matchAll(COUNT_RE)];
  if (!counts.length) return [];
  const figs = locateFigures(ctx.sentence).filter(isAmount);
  return counts.map((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = counts[i + 1]?.index ?? text.length;
    const amounts = statedAmounts(figs.filter((f) => f.start >= from && f.end <= to && /资金|金额|预算|执行|支出|总额/.test(f.cue)));
    return { ctx, count: Number(m[1] ?? m[2]), countText: m[0], amounts };
  }).filter((s) => s.count > 0 && s.amounts.length > 0);
}

function fundingOf(e: PerformanceEvaluation): ProjectFunds {
  const row = e.funding.find((r) => r.key === 'total') ?? e.funding[0];
  const initial = amountOf(row?.initialBudget);
  const annual = amountOf(row?.annualBudget);
  const executed = amountOf(row?.executed);
  return { name: e.project, ...(initial ? { initial } : {}), ...(annual ? { annual } : {}), ...(executed ? { executed } : {}) };
}

export function tableProjects(d: Disclosure): ProjectFunds[] {
  return d.performance.filter((e) => e.kind === 'project').map(fundingOf);
}

/**
 * Per-project sentences after the statement, up to the next section about something else (a topic
 * other than 预算绩效): one budget and one executed amount each.
 */
export function narrativeProjects(all: readonly SentenceContext[], statement: SentenceContext): ProjectFunds[] {
  const part = topSection(statement);
  const out: ProjectFunds[] = [];
  for (const ctx of all.slice(statement.order + 1)) {
    const topic = topicOf(ctx);
    if (topSection(ctx) !== part && topic !== undefined && topic !== 'performance') break;
    const figs = locateFigures(ctx.sentence).filter(isAmount);
    const annual = figs.find((f) => /全年预算|预算数/.test(f.cue) && !/年初/.test(f.cue))?.fig.amount;
    const executed = figs.find((f) => /执行数|实际支出|执行金额/.test(f.cue))?.fig.amount;
    if (annual && executed) out.push({ name: ctx.sentence.text.slice(0, 20), annual, executed });
  }
  return out;
}
