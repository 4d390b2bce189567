/**
 * Figures of a sentence located in its text, with the words before each (the cue) and an effective
 * role. The recognizer's role and direction are used when it gives them; otherwise the role is read
 * from the cue ('完成年初预算的' → completion, '占…的' → share, '下降' → change-rate …), so the
 * rules work on any figure the model carries.
 */
import type { Figure, FigureRole, Provenance, Sentence } from '../../model/index.js';
import { memoInRun, runningKind } from '../../check/document-index.js';

export type Direction = 'increase' | 'decrease' | 'flat';

export interface LocatedFigure {
  fig: Figure;
  /** The figure's provenance (the sentence's, with the figure's offset, when the figure has none). */
  at: Provenance;
  /** Offsets in the sentence text (start of the printed figure, end after it). */
  start: number;
  end: number;
  role: FigureRole;
  direction?: Direction;
  /** Text between the previous figure (or the clause start) and this figure. */
  cue: string;
  /** Index of the clause (the sentence split at ；;) the figure stands in. */
  clause: number;
}

const INCREASE = /(增加|增长|上升|提高|上涨|增多|增幅|超支|超出|多支)/;
const DECREASE = /(减少|下降|降低|减|下滑|节约|节支|降幅|少支|压减|缩减)/;
const FLAT = /(持平|不变|无变化)/;

/** The direction a phrase words, judged by its last direction word. */
export function directionOf(text: string): Direction | undefined {
  const re = new RegExp(`${INCREASE.source}|${DECREASE.source}|${FLAT.source}`, 'g');
  let last: Direction | undefined;
  for (const m of text.matchAll(re)) {
    last = m[1] ? 'increase' : m[2] ? 'decrease' : 'flat';
  }
  return last;
}

const PERCENT_CUES: [RegExp, FigureRole][] = [
  [/完成(了)?(年初|全年|调整后)?(的)?预算(数)?的?(比例)?(为|达到?)?\s*$/, 'completion'],
  [/预算完成(率|比例)(为|达到?)?\s*$/, 'completion'],
  [/执行率(为|达到?|是)?\s*$/, 'execution-rate'],
  [/占[^，,；;。]*?\s*$/, 'share'],
  [/(比重|比例|占比)(为|是|达)?\s*$/, 'share'],
  [/(差异率|变动率|增长率|下降率|增幅|降幅)(为|是|达)?\s*$/, 'change-rate'],
  [/(增加|增长|上升|提高|上涨|减少|下降|降低|下滑|减|增)(了|为|约)?\s*$/, 'change-rate'],
];

const AMOUNT_CUES: [RegExp, FigureRole][] = [
  [/(增加|增长|上升|提高|上涨|减少|下降|降低|下滑|节约|超支|减|增|多支|少支)(了|为|约)?\s*$/, 'change'],
  [/(上年|上一年|去年|上年度)(决算|同期|实际|预算)?(执行)?(数|支出|收入)?(为|是)?\s*$/, 'prior'],
  [/(年初|全年|调整后)?预算(数|金额|安排)?(为|是|数为)?\s*$/, 'budget'],
];

/** A cue that names the prior year outright ('比2020年度的', '较上年决算数为'): it wins over any other reading. */
const PRIOR_CUE = /(比|较|与|同)\s*(上年|上一年|去年|上年度|(19|20)\d{2}\s*年)(度|同期|末)?(决算|实际|支出|收入)?(数)?(的)?(为|是)?\s*$/;

function inferRole(fig: Figure, cue: string): FigureRole {
  if (fig.kind === 'percent') {
    for (const [re, role] of PERCENT_CUES) if (re.test(cue)) return role;
    return 'other';
  }
  if (fig.kind === 'amount') {
    if (PRIOR_CUE.test(cue)) return 'prior';
    for (const [re, role] of AMOUNT_CUES) if (re.test(cue)) return role;
    return 'value';
  }
  return fig.role ?? 'other';
}

/** Where `printed` stands in `text` from `from`, tolerating spacing differences. */
function findPrinted(text: string, printed: string, from: number): number {
  const exact = text.indexOf(printed, from);
  if (exact >= 0) return exact;
  const compact = printed.replace(/\s+/g, '');
  const number = /[+-]?\d[\d,，]*(?:\.\d+)?/.exec(compact)?.[0];
  if (!number) return -1;
  return text.indexOf(number, from);
}

/** '2016 年度部门支出预算安排为' — a figure of a named year (its amount follows 为/是). */
const YEAR_FIGURE_CUE = /((?:19|20)\d{2})\s*年度?[^，,；;。：:\d]{0,20}?(为|是|共计|合计)\s*$/;
const YEARS = /((?:19|20)\d{2})\s*年/g;

/**
 * A figure stated for a year before the latest year the sentence names is a prior-year figure
 * ('2017 年度…与 2016 年度相比（2016 年度部门支出预算安排为 8,648.07 万元），增加…').
 */
function namesEarlierYear(sentence: string, cue: string): boolean {
  const m = YEAR_FIGURE_CUE.exec(cue);
  if (!m) return false;
  const latest = Math.max(...[...sentence.matchAll(YEARS)].map((y) => Number(y[1])));
  return Number(m[1]) < latest;
}

/** The figures of a sentence located in its text, in order. Figures not found in the text are dropped. */
/**
 * The figures of a sentence with their roles, computed once per check run and shared by every rule
 * (outside a run, computed on each call). The result is read-only: copy before sorting or reversing.
 */
export function locateFigures(s: Sentence): LocatedFigure[] {
  return runningKind() === 'budget'
    ? memoInRun('narrative-figures:locate-budget', s, (x) => computeLocatedFigures(x, true))
    : memoInRun('narrative-figures:locate', s, (x) => computeLocatedFigures(x, false));
}

/** '本年数小于上年预算数 29.65 万元': the amount is the difference, not the prior. */
const DIFFERENCE_CUE = /(小于|低于|少于|大于|高于|多于|超过)\s*(上年|上一年|上年度|去年)(预算|决算|预算执行)?(数)?\s*$/;

/** '上年预算数为', '上年预算执行数为': the prior year's figure (of a budget, its budget or its execution). */
const PRIOR_BUDGET_CUE = /(上年|上一年|去年|上年度)(的)?(预算|预算执行|执行)(数|安排|金额)?(为|是)?\s*$/;

/**
 * In a budget (`budget`), the year's figures are budget amounts: a figure the recognizer took for a
 * 预算数 is the subject's value, compared with the prior year's budget (or its execution).
 */
function computeLocatedFigures(s: Sentence, budget: boolean): LocatedFigure[] {
  const out: LocatedFigure[] = [];
  let cursor = 0;
  /** End of the last amount or percentage: cues run from there (years and counts are part of the words). */
  let cueFrom = 0;
  // clause breaks (；;) before the figure, counted once over the text as the figures advance (a
  // count over all the text before each figure was quadratic: a fuzz case of 20,000 lines, 6 s)
  let scanned = 0;
  let clause = 0;
  let clauseStart = 0;
  for (const fig of s.figures) {
    const start = findPrinted(s.text, fig.printed, cursor);
    if (start < 0) continue;
    const end = start + fig.printed.length;
    for (; scanned < start; scanned++) {
      const c = s.text.charCodeAt(scanned);
      if (c === 0xff1b || c === 0x3b) {
        clause++;
        clauseStart = scanned + 1;
      }
    }
    const cue = s.text.slice(Math.max(cueFrom, clauseStart), start);
    const diff = fig.kind === 'amount' ? DIFFERENCE_CUE.exec(cue) : null;
    let role = diff ? 'change' : fig.kind === 'amount' && (PRIOR_CUE.test(cue) || PRIOR_BUDGET_CUE.test(cue) || namesEarlierYear(s.text, cue)) ? 'prior'
      : fig.role && fig.role !== 'other' ? fig.role : inferRole(fig, cue);
    if (budget && role === 'budget') role = 'value';
    const direction = diff ? (/小于|低于|少于/.test(diff[1]!) ? 'decrease' : 'increase')
      : fig.direction ?? (role === 'change' || role === 'change-rate' ? directionOf(cue) : undefined);
    const at = fig.prov ?? { ...s.prov, offset: (s.prov.offset ?? 0) + start };
    out.push({ fig, at, start, end, role, cue, clause, ...(direction ? { direction } : {}) });
    cursor = end;
    if (fig.kind === 'amount' || fig.kind === 'percent' || fig.kind === 'placeholder') cueFrom = end;
  }
  return out;
}

/** The nearest figure before `at` (an index in `figs`) matching `pred`, in the same clause when `sameClause`. */
export function findBefore(
  figs: readonly LocatedFigure[], at: number, pred: (f: LocatedFigure) => boolean, sameClause = false,
): LocatedFigure | undefined {
  const here = figs[at];
  for (let i = at - 1; i >= 0; i--) {
    const f = figs[i]!;
    if (sameClause && here && f.clause !== here.clause) break;
    if (pred(f)) return f;
  }
  return undefined;
}

export const isAmount = (f: LocatedFigure): boolean => f.fig.kind === 'amount' && f.fig.amount !== undefined;
export const hasRole = (role: FigureRole) => (f: LocatedFigure): boolean => isAmount(f) && f.role === role;

/**
 * The subject of a figure: the recognizer's, or the words that open its clause up to the figure
 * (after the last comma/colon), without a leading year, '其中' or ordinal.
 */
export function subjectOf(s: Sentence, f: LocatedFigure): string {
  if (f.fig.subject) return normalizeSubject(f.fig.subject);
  const cut = f.start === 0 ? 0 : Math.max(...['，', ',', '：', ':', '；', ';', '。'].map((c) => s.text.lastIndexOf(c, f.start - 1))) + 1;
  return normalizeSubject(s.text.slice(cut, f.start));
}

/** A subject phrase reduced for comparison: no markup, spaces, leading year/ordinal/其中, trailing 为/是/的. */
export function normalizeSubject(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[*\s“”"'‘’]/g, '')
    .replace(/^(其中|包括|主要是|主要用于)/, '')
    .replace(/^(\d+|[一二三四五六七八九十]+)[、.]/, '')
    .replace(/^\d{4}年(度)?/, '')
    .replace(/(为|是|共计|合计|达到?|约)$/, '')
    .replace(/[(（][类款项][)）]/g, '');
}
