/**
 * Exact rationals for performance scoring (execution rates, scores, indicator ratios): no floats.
 * A printed number keeps its decimals so that comparisons happen at the printed precision.
 */
export interface Ratio {
  n: bigint;
  d: bigint;
}

export interface Printed {
  value: Ratio;
  decimals: number;
  /** value × 10^decimals, exact. */
  scaled: bigint;
  percent: boolean;
}

const NUM_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** '76.27%', '7.16 分', '=256.11', '1,234.5' → the number as printed; null when there is none. */
export function parsePrinted(text: string): Printed | null {
  const t = text.normalize('NFKC').replace(/[,\s]/g, '').replace(/^=/, '');
  const percent = /%$/.test(t);
  const m = NUM_RE.exec(t.replace(/%$/, '').replace(/分$/, ''));
  if (!m) return null;
  const [, sign = '', int = '0', frac = ''] = m;
  const scaled = BigInt(int + frac) * (sign === '-' ? -1n : 1n);
  return { value: { n: scaled, d: 10n ** BigInt(frac.length) }, decimals: frac.length, scaled, percent };
}

export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  const nn = BigInt(n);
  const dd = BigInt(d);
  if (dd === 0n) throw new RangeError('zero denominator');
  return dd < 0n ? { n: -nn, d: -dd } : { n: nn, d: dd };
}

export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const cmp = (a: Ratio, b: Ratio): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const min = (a: Ratio, b: Ratio): Ratio => (cmp(a, b) <= 0 ? a : b);
export const isZero = (a: Ratio): boolean => a.n === 0n;

/** a rounded half away from zero to `decimals`, scaled by 10^decimals. */
export function roundScaled(a: Ratio, decimals: number): bigint {
  const num = a.n * 10n ** BigInt(decimals);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (2n * abs + a.d) / (2n * a.d);
  return neg ? -q : q;
}

/** Scaled value → printed decimal: (1613n, 2) → '16.13'. */
export function formatScaled(scaled: bigint, decimals: number): string {
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const body = decimals ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return (neg ? '-' : '') + body;
}

/** `a` at `decimals` places, as a string. */
export function formatRatio(a: Ratio, decimals: number): string {
  return formatScaled(roundScaled(a, decimals), decimals);
}

/** Does the printed number equal `a` at the printed precision? */
export function agreesAtPrinted(p: Printed, a: Ratio): boolean {
  return roundScaled(a, p.decimals) === p.scaled;
}

/** Does the printed number fall within [lo, hi] once both ends are rounded to the printed precision? */
export function withinAtPrinted(p: Printed, lo: Ratio, hi: Ratio): boolean {
  return roundScaled(lo, p.decimals) <= p.scaled && p.scaled <= roundScaled(hi, p.decimals);
}

/** Half a unit of the last printed place. */
export function halfUlp(decimals: number): Ratio {
  return ratio(1n, 2n * 10n ** BigInt(decimals));
}

export function toNumber(a: Ratio): number {
  return Number(a.n) / Number(a.d);
}
