/**
 * Percentages are compared at the precision they are printed with: the ratio is rounded half away
 * from zero to the printed decimals ('130.53%' against 24.25 / 18.57 = 130.587… → 130.59 → wrong).
 * Exact integer arithmetic (BigInt) throughout; a zero base has no ratio.
 */
export { compareAmounts, compareSum, formatLike, toleranceFor, zeroAmount } from './amounts.js';
export type { AmountCheck, Agreement } from './amounts.js';

export interface ParsedPercent {
  /** As printed without the sign '%' and separators: '130.53'. */
  value: string;
  decimals: number;
  /** value × 10^decimals, exact. */
  scaled: bigint;
}

const PERCENT_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses '130.53%', '130.53', '-4.2 %', '１００％'. Null when there is no number (the placeholder '%'). */
export function parsePercent(printed: string): ParsedPercent | null {
  const clean = printed.normalize('NFKC').replace(/[%\s,]/g, '');
  const m = PERCENT_RE.exec(clean);
  if (!m) return null;
  const [, sign = '', int = '', frac = ''] = m;
  const scaled = BigInt(int + frac) * (sign === '-' ? -1n : 1n);
  return { value: `${sign}${int}${frac ? `.${frac}` : ''}`, decimals: frac.length, scaled };
}

function toBig(n: number | bigint): bigint {
  if (typeof n === 'bigint') return n;
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an exact integer: ${n}`);
  return BigInt(n);
}

/** numerator / denominator × 100 rounded half away from zero to `decimals`, scaled by 10^decimals. Undefined for a zero base. */
export function ratioPercentScaled(numerator: number | bigint, denominator: number | bigint, decimals: number): bigint | undefined {
  const num = toBig(numerator);
  const den = toBig(denominator);
  if (den === 0n) return undefined;
  const negative = num < 0n !== den < 0n && num !== 0n;
  const a = (num < 0n ? -num : num) * 100n * 10n ** BigInt(decimals);
  const b = den < 0n ? -den : den;
  const q = (2n * a + b) / (2n * b);
  return negative ? -q : q;
}

/** Formats a scaled percentage value: (13059n, 2) → '130.59'. */
export function formatScaled(scaled: bigint, decimals: number): string {
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const body = decimals ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return (neg ? '-' : '') + body;
}

/** numerator / denominator as a percentage string at `decimals` places ('130.59'), or undefined for a zero base. */
export function ratioPercent(numerator: number | bigint, denominator: number | bigint, decimals: number): string | undefined {
  const s = ratioPercentScaled(numerator, denominator, decimals);
  return s === undefined ? undefined : formatScaled(s, decimals);
}

export interface PercentCheck {
  /** 'match', 'mismatch', 'undefined' (zero base) or 'unparsable' (no number printed, e.g. '下降%'). */
  status: 'match' | 'mismatch' | 'undefined' | 'unparsable';
  printed: string;
  /** The correct value at the printed precision, without '%' ('130.59'). */
  expected?: string;
  decimals?: number;
}

/**
 * Compares a printed percentage with numerator / denominator at the printed precision. Pass
 * `absolute: true` for a rate worded with its direction (下降 5.00%), so only magnitudes compare.
 */
export function comparePercent(
  printed: string, numerator: number | bigint, denominator: number | bigint, opts: { absolute?: boolean } = {},
): PercentCheck {
  const p = parsePercent(printed);
  if (!p) return { status: 'unparsable', printed };
  const s = ratioPercentScaled(numerator, denominator, p.decimals);
  if (s === undefined) return { status: 'undefined', printed, decimals: p.decimals };
  const want = opts.absolute && s < 0n ? -s : s;
  const got = opts.absolute && p.scaled < 0n ? -p.scaled : p.scaled;
  return { status: want === got ? 'match' : 'mismatch', printed, expected: formatScaled(want, p.decimals), decimals: p.decimals };
}
