/**
 * Judging a printed percentage against a ratio of printed amounts.
 *
 * The expected value is the exact ratio rounded to the printed decimals (src/rules/utils/percent.ts).
 * A mismatch is 'rounding' — never an error — when rounding can explain it: some value inside the
 * rounding range of the printed operands (each printed amount is off by up to half a unit of its last
 * place) gives the printed figure. Otherwise — wrong over the whole range — 'mismatch'.
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

/**
 * 'rounding': values near the printed operands give the printed figure (within half of the deviation
 * their rounding allows); 'unlikely': only values at the edge of the operands' rounding ranges give it;
 * 'mismatch': no value inside those ranges gives it.
 */
export type RateStatus = 'match' | 'rounding' | 'unlikely' | 'mismatch' | 'undefined' | 'unparsable';

export interface RateJudgement {
  status: RateStatus;
  /** Expected value at the printed precision, without '%'. */
  expected?: string;
  decimals?: number;
}

/** The range of |num| / |den| × 100 over the operands' rounding ranges; hi is Infinity when den may be 0. */
function ratioRange(num: Operand, den: Operand): { lo: number; hi: number } {
  const d0 = Math.abs(den.fen);
  const n0 = Math.abs(num.fen);
  const lo = (Math.max(0, n0 - num.tolerance) / (d0 + den.tolerance)) * 100;
  const hi = d0 - den.tolerance <= 0 ? Infinity : ((n0 + num.tolerance) / (d0 - den.tolerance)) * 100;
  return { lo, hi };
}

/**
 * Compares a printed percentage with num / den. `absolute`: compare magnitudes (a rate worded with
 * its direction, 下降 5.00%). 'rounding' when some values inside the rounding ranges of the printed
 * operands give the printed figure (the printed percentage itself standing for ± half a unit of its
 * last place) although the printed operands do not; 'mismatch' when none does.
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
  const sameSign = opts.absolute || Math.sign(Number(got)) === Math.sign(exact) || Number(got) === 0 || exact === 0;
  const half = 10 ** -p.decimals / 2;
  const printedAbs = Math.abs(Number(got));
  const { lo, hi } = ratioRange(num, den);
  // A hair of slack for floating point at the interval ends (money stays exact elsewhere).
  const eps = 1e-9 * Math.max(1, printedAbs);
  const reachable = printedAbs + half >= lo - eps && printedAbs - half <= hi + eps;
  if (!sameSign || !reachable) return { status: 'mismatch', expected, decimals: p.decimals };
  // Reachable: near the printed operands (half of their rounding range) is plain rounding.
  const exactAbs = Math.abs(exact);
  const nearLo = exactAbs - (exactAbs - lo) / 2;
  const nearHi = hi === Infinity ? Infinity : exactAbs + (hi - exactAbs) / 2;
  const near = printedAbs + half >= nearLo - eps && printedAbs - half <= nearHi + eps;
  return { status: near ? 'rounding' : 'unlikely', expected, decimals: p.decimals };
}

/** A judged rate worth reporting: its severity (undefined: the rule's own, an error) and the verdict words. */
export function rateVerdict(status: RateStatus): { report: boolean; severity?: 'warning' | 'info'; words: string } {
  if (status === 'mismatch') return { report: true, words: '不符' };
  if (status === 'unlikely') return { report: true, severity: 'warning', words: '不符（仅在各数舍入范围的边缘才可能得出）' };
  if (status === 'rounding') return { report: true, severity: 'info', words: '相差在舍入范围内' };
  return { report: false, words: '' };
}

/** The percentage as printed with '%' (for `expected`). */
export function withPercent(value: string): string {
  return `${value}%`;
}
