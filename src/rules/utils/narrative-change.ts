/**
 * The operands of a stated change rate (增长/下降 y%): the change amount, the subject's value and
 * the base it is a rate of — the stated prior-year figure, or value − change (worded direction), or
 * the budget for a 预决算差异率.
 */
import type { Amount } from '../../model/index.js';
import { findBefore, hasRole, isAmount, locateFigures, type Direction, type LocatedFigure } from './narrative-figures.js';
import { combine, operand, type Operand } from './narrative-ratio.js';
import { coreSubject, subjectsOf } from './narrative-subjects.js';
import type { SentenceContext } from './narrative-walk.js';

export interface ChangeOperands {
  rate: LocatedFigure;
  value?: LocatedFigure;
  change?: LocatedFigure;
  prior?: LocatedFigure;
  budget?: LocatedFigure;
  direction?: Direction;
  /** How the base was found. */
  basis: 'prior' | 'derived' | 'budget';
  /** The change (signed when `signed`) and the base. */
  num: Operand;
  base: Operand;
  signed: boolean;
}

/**
 * The single amount of the previous sentence ('收、支总计均为 X 万元。与上年相比，收、支总计各减少…'),
 * when this sentence opens with the comparison or names the same subject.
 */
function borrowedValue(ctx: SentenceContext, change: LocatedFigure | undefined): LocatedFigure | undefined {
  if (!ctx.previous) return undefined;
  const amounts = locateFigures(ctx.previous).filter(isAmount);
  const only = amounts.length === 1 && amounts[0]!.role === 'value' ? amounts[0] : undefined;
  if (!only) return undefined;
  const lead = ctx.sentence.text.slice(0, change?.start ?? 0).replace(/^[\s*]+/, '');
  if (/^(与|较|比|同比|相比|比上年|较上年)/.test(lead)) return only;
  const [theirs] = subjectsOf(ctx.previous, [only]);
  const mine = coreSubject(lead.replace(/^.*?(相比|比较)[，,]?/, '').replace(/(各|均)?(增加|减少|增长|下降)\s*$/, '').replace(COMPARED_WITH, ''));
  if (!theirs || !mine) return undefined;
  const [a, b] = [bare(theirs), bare(mine)];
  return a === b || a.endsWith(b) || b.endsWith(a) ? only : undefined;
}

/** '较上年决算数' / '比2022年' / '与上年度相比': the comparison that follows a subject, not part of it. */
const COMPARED_WITH = /(较|比|与)(上年|上一年|去年|同期|\d{4}\s*年)度?(决算数?|同期|实际)?(相比)?.*$/;
/** A subject without its trailing 支出/费用 word: 机关运行经费支出 and 机关运行经费 name one quantity. */
const bare = (s: string) => s.replace(/(支出|费用)$/, '');

function signedChange(change: Amount, direction: Direction): Operand {
  const o = operand(change);
  return direction === 'decrease' ? { ...o, fen: -Math.abs(o.fen) } : { ...o, fen: Math.abs(o.fen) };
}

/** Words that may stand between a change amount and its rate ('增加 498.72 万元，增长 5.77%'). */
const LINK = /[\s，,、。；;：:（）()]|万元|亿元|元|与上年(度)?相比|同比|上年|相比|比|较|增长|增加|下降|减少|降低|上升|提高|增幅|降幅|减|增|了|为|约|幅度|比例|达到?/g;

/** The rate follows its change directly: no other subject between them ('增加 200 万元，其余会议费按规定压减 10%' is not a rate of 200). */
function adjacent(ctx: SentenceContext, change: LocatedFigure, rate: LocatedFigure): boolean {
  return ctx.sentence.text.slice(change.end, rate.start).replace(LINK, '').length <= 4;
}

/** Operands of the change rate at `i`, or undefined when the sentence does not give enough. */
export function changeOperands(ctx: SentenceContext, figs: LocatedFigure[], i: number): ChangeOperands | undefined {
  const rate = figs[i]!;
  if (/差异率|差异比例/.test(rate.cue)) {
    const value = findBefore(figs, i, hasRole('value'));
    const budget = findBefore(figs, i, hasRole('budget'));
    if (!value?.fig.amount || !budget?.fig.amount) return undefined;
    const b = operand(budget.fig.amount);
    return { rate, value, budget, basis: 'budget', num: combine(operand(value.fig.amount), b, -1), base: b, signed: true };
  }
  const found = findBefore(figs, i, hasRole('change'), true) ?? findBefore(figs, i, hasRole('change'));
  const change = found && adjacent(ctx, found, rate) ? found : undefined;
  const anchor = change ? figs.indexOf(change) : i;
  const value = findBefore(figs, anchor, hasRole('value')) ?? (anchor === figs.findIndex(isAmount) ? borrowedValue(ctx, change) : undefined);
  const prior = findBefore(figs, i, hasRole('prior'));
  const direction = change?.direction ?? rate.direction;
  if (prior?.fig.amount) {
    const p = operand(prior.fig.amount);
    let num: Operand | undefined;
    if (value?.fig.amount) num = combine(operand(value.fig.amount), p, -1);
    else if (change?.fig.amount && direction && direction !== 'flat') num = signedChange(change.fig.amount, direction);
    if (!num) return undefined;
    return { rate, prior, basis: 'prior', num, base: p, signed: value !== undefined, ...(value ? { value } : {}), ...(change ? { change } : {}), ...(direction ? { direction } : {}) };
  }
  if (!value?.fig.amount || !change?.fig.amount || !direction || direction === 'flat') return undefined;
  const delta = signedChange(change.fig.amount, direction);
  const base = combine(operand(value.fig.amount), delta, -1);
  return { rate, value, change, direction, basis: 'derived', num: { ...delta, fen: Math.abs(delta.fen) }, base, signed: false };
}
