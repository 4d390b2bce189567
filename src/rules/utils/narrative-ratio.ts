/**
 * Judging a printed percentage against a ratio of printed amounts.
 *
 * The expected value is the exact ratio rounded to the printed decimals (src/rules/utils/percent.ts).
 * A mismatch is 'rounding' — never an error — when rounding can plausibly explain it: within one unit
 * of the printed last place, or within half of the largest deviation the operands' own rounding (each
 * printed amount is off by up to half a unit of its last place) could cause. Otherwise 'mismatch'.
 * (Money stays integer 分; only this plausibility band is computed in floating point.)
 */
import { FEN_PER_UNIT, type Amount } from '../../model/index.js';
import { parsePercent, ratioPercent } from './percent.js';

/** An amount with the rounding it may carry, in 分. */
export interface Operand {
  fen: number;
  tolerance: number;
}

export function operand(a: Amount): Operand {
  return { fen: a.fen, tolerance: FEN_PER_UNIT[a.unit] / 10 ** a.decimals / 2 };
}

/** a ± b (tolerances add). */
export function combine(a: Operand, b: Operand, sign: 1 | -1): Operand {
  return { fen: a.fen + sign * b.fen, tolerance: a.tolerance + b.tolerance };
}

export type RateStatus = 'match' | 'rounding' | 'mismatch' | 'undefined' | 'unparsable';

export interface RateJudgement {
  status: RateStatus;
  /** Expected value at the printed precision, without '%'. */
  expected?: string;
  decimals?: number;
}

/** Largest deviation of num/den (in percent) that the operands' rounding allows; Infinity when den may be 0. */
function roundingBand(num: Operand, den: Operand): number {
  const d0 = Math.abs(den.fen);
  const n0 = Math.abs(num.fen);
  if (d0 - den.tolerance <= 0) return Infinity;
  const r = n0 / d0;
  const hi = (n0 + num.tolerance) / (d0 - den.tolerance);
  const lo = Math.max(0, n0 - num.tolerance) / (d0 + den.tolerance);
  return Math.max(hi - r, r - lo) * 100;
}

/**
 * Compares a printed percentage with num / den. `absolute`: compare magnitudes (a rate worded with
 * its direction, 下降 5.00%).
 */
export function judgeRate(printed: string, num: Operand, den: Operand, opts: { absolute?: boolean } = {}): RateJudgement {
  const p = parsePercent(printed);
  if (!p) return { status: 'unparsable' };
  if (den.fen === 0) return { status: 'undefined', decimals: p.decimals };
  let expected = ratioPercent(num.fen, den.fen, p.decimals)!;
  let got = p.value;
  if (opts.absolute) {
    expected = expected.replace(/^-/, '');
    got = got.replace(/^-/, '');
  }
  if (Number(expected) === Number(got)) return { status: 'match', expected, decimals: p.decimals };
  const exact = (Math.abs(num.fen) / Math.abs(den.fen)) * 100 * (opts.absolute ? 1 : Math.sign(num.fen) * Math.sign(den.fen) || 1);
  const gap = Math.abs(Math.abs(Number(got)) - Math.abs(exact));
  const sameSign = opts.absolute || Math.sign(Number(got)) === Math.sign(exact) || Number(got) === 0 || exact === 0;
  const band = Math.max(10 ** -p.decimals, roundingBand(num, den) / 2);
  const status: RateStatus = sameSign && gap <= band ? 'rounding' : 'mismatch';
  return { status, expected, decimals: p.decimals };
}

/** The percentage as printed with '%' (for `expected`). */
export function withPercent(value: string): string {
  return `${value}%`;
}
