/**
 * Per-project statements of the 预算绩效情况说明 ('1.“甲”项目绩效自评情况：…自评得分为 97 分。项目全年预算数为
 * 202.4 万元，执行数为 198.24 万元') with the project table they speak of. The project is named by the
 * sentence itself (a quoted name, or the words before 项目绩效自评), else by the opening words of its
 * paragraph, else by the nearest section heading; a name that fits no table, or two, names nothing.
 */
import type { Disclosure, PerformanceEvaluation, Section } from '../../model/index.js';
import type { LocatedFigure } from './narrative-figures.js';
import { projectMatcher, type MatchLevel, type ProjectMatcher } from './perf-consistency-names.js';
import type { SentenceContext } from './narrative-walk.js';
import { runFigures, runSentences } from './run-cache.js';

export type ProjectField = 'annualBudget' | 'initialBudget' | 'executed' | 'score';

export interface ProjectStatement {
  ctx: SentenceContext;
  f: LocatedFigure;
  field: ProjectField;
  ev: PerformanceEvaluation;
  level: MatchLevel;
  /** The name as the text gives it. */
  name: string;
}

// matches start where a run of digits or numerals does (else a long run is rescanned from each of its characters: quadratic)
const PROJECT_COUNT = /((?<!\d)\d+|(?<![一二三四五六七八九十])[一二三四五六七八九十]+)\s*个(项目|二级项目)|项目\s*\d+\s*个/;
const QUOTED = /[“"「『]([^”"」』]{4,40})[”"」』]/g;
const NAME_BEFORE = /^(?:\s*(?:\d+|[一二三四五六七八九十]+)[.、．)）]\s*)?(.{4,60}?)(?:项目)?(?:绩效)?(?:自评|评价)(?:综述|情况|结果|得分)?/;

/** Names a piece of text gives: quoted names, else the words before 项目绩效自评. */
function namesIn(text: string): string[] {
  const quoted = [...text.matchAll(QUOTED)].map((m) => m[1]!.trim());
  if (quoted.length) return quoted;
  const m = NAME_BEFORE.exec(text.normalize('NFKC'));
  return m ? [m[1]!.replace(/[:：，,。]/g, '').trim()] : [];
}

interface Resolved { ev: PerformanceEvaluation; level: MatchLevel; name: string }

/** The one table a list of names points to (all names that match point to the same table), else undefined. */
function resolve(names: readonly string[], match: ProjectMatcher): Resolved | undefined {
  const found: Resolved[] = [];
  for (const name of names) {
    const matches = match(name);
    const exact = matches.filter((m) => m.level === 'exact');
    // one exact match, or a single looser one: two candidates (a batch and a near name) name nothing
    const best = exact.length === 1 ? exact[0] : exact.length === 0 && matches.length === 1 ? matches[0] : undefined;
    if (!best) continue;
    found.push({ ev: best.ev, level: best.level, name });
  }
  const first = found[0];
  return first && found.every((r) => r.ev === first.ev) ? first : undefined;
}

function headingNames(path: readonly Section[]): string[] {
  for (let i = path.length - 1; i >= 0; i--) {
    const names = namesIn(`${path[i]!.number ?? ''}${path[i]!.heading}`);
    if (names.length) return names;
  }
  return [];
}

function projectOf(ctx: SentenceContext, match: ProjectMatcher): Resolved | undefined {
  const opening = ctx.index > 0 ? ctx.paragraph.sentences[0]?.text ?? '' : '';
  return resolve(namesIn(ctx.sentence.text), match)
    ?? resolve(namesIn(opening), match)
    ?? resolve(headingNames(ctx.path), match);
}

function fieldOf(f: LocatedFigure): ProjectField | undefined {
  const cue = f.cue.replace(/\s+/g, '');
  if (f.fig.kind === 'amount' && f.fig.amount) {
    if (/年初预算/.test(cue)) return 'initialBudget';
    if (/全年预算|预算数|调整后预算/.test(cue)) return 'annualBudget';
    if (/执行数|执行金额|实际支出/.test(cue)) return 'executed';
    return undefined;
  }
  if ((f.role === 'score' || f.fig.kind === 'count') && /得分/.test(cue) && /分$/.test(f.fig.printed.trim())) return 'score';
  return undefined;
}

/** Every figure of the narrative that states a project table's 预算数, 执行数 or 得分. */
export function projectStatements(d: Disclosure, tables: readonly PerformanceEvaluation[]): ProjectStatement[] {
  const out: ProjectStatement[] = [];
  const match = projectMatcher(tables);
  for (const ctx of runSentences(d)) {
    const figs = runFigures(d, ctx.sentence).map((f) => ({ f, field: fieldOf(f) })).filter((x) => x.field);
    if (!figs.length || PROJECT_COUNT.test(ctx.sentence.text)) continue;
    const project = projectOf(ctx, match);
    if (!project) continue;
    for (const { f, field } of figs) out.push({ ctx, f, field: field!, ...project });
  }
  return out;
}
