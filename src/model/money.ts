/**
 * Exact money. Every amount is an integer number of 分 (0.01 元), held in a JS number that is
 * guarded to stay a safe integer (±9e15 分 = ±9e13 元, far beyond any budget). Never floats.
 */
export type Unit = '元' | '万元';

/** 分 per unit. */
export const FEN_PER_UNIT: Record<Unit, number> = { '元': 100, '万元': 1_000_000 };

export type Fen = number & { readonly __fen?: true };

export class MoneyOverflowError extends Error {}

export function assertFen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new MoneyOverflowError(`amount out of exact range: ${n}`);
  return n as Fen;
}

/** A printed amount: its value in 分, the unit and decimals it was printed with, and the text. */
export interface Amount {
  fen: Fen;
  unit: Unit;
  /** Digits after the decimal point as printed (2 for "2,502.70", 0 for "15"). */
  decimals: number;
  /** Exactly as printed, e.g. "2,502.70". */
  printed: string;
}

const NUMBER_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a printed decimal number ("2,502.70", "１２３．４５", "-0.5") in `unit` into 分.
 * Thousands separators and full-width digits are accepted. Returns null when not a number.
 * Digits beyond 分 precision are rounded half away from zero (0.13485 万元 → 1348.5 元 → 134850 分).
 */
export function parseAmount(printed: string, unit: Unit): Amount | null {
  const clean = printed.normalize('NFKC').replace(/[,，\s]/g, '');
  const m = NUMBER_RE.exec(clean);
  if (!m) return null;
  const [, sign, int, frac = ''] = m;
  const fen = decimalToFen(int!, frac, unit);
  if (fen === null) return null;
  return { fen: assertFen(sign === '-' ? -fen : fen), unit, decimals: frac.length, printed };
}

function decimalToFen(int: string, frac: string, unit: Unit): number | null {
  const scale = unit === '元' ? 2 : 6; // decimal places of the unit that make one 分
  const digits = int + frac.padEnd(scale, '0').slice(0, scale);
  const rest = frac.slice(scale);
  let n = Number(digits);
  if (!Number.isSafeInteger(n)) return null;
  if (rest.length && rest.charCodeAt(0) >= 53 /* '5' */) n += 1;
  return n;
}

/** The amount in `unit`, as an exact decimal string with `decimals` places (rounded half away from zero). */
export function formatFen(fen: Fen, unit: Unit = '元', decimals = 2, thousands = false): string {
  const per = FEN_PER_UNIT[unit];
  const neg = fen < 0;
  let abs = Math.abs(fen);
  // value in unit = abs / per; we want `decimals` places: scaled = round(abs * 10^decimals / per)
  const denom = per / 100; // 分 per 0.01 unit
  let scaled: number;
  if (decimals >= 2) {
    // exact: abs / denom gives hundredths of unit (may be fractional only for 万元 with sub-0.01 precision)
    const hundredths = Math.floor(abs / denom);
    const rem = abs - hundredths * denom;
    const extra = decimals - 2;
    // represent hundredths * 10^extra + rem scaled
    scaled = hundredths * 10 ** extra + Math.round((rem * 10 ** extra) / denom);
  } else {
    const div = denom * 10 ** (2 - decimals);
    scaled = Math.floor(abs / div);
    if ((abs - scaled * div) * 2 >= div) scaled += 1;
  }
  abs = scaled;
  let s = String(abs);
  if (decimals > 0) {
    s = s.padStart(decimals + 1, '0');
    const int = s.slice(0, -decimals);
    const frac = s.slice(-decimals);
    s = `${thousands ? groupThousands(int) : int}.${frac}`;
  } else if (thousands) s = groupThousands(s);
  return (neg && scaled !== 0 ? '-' : '') + s;
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 元 with two decimals, the form of the facts contract ("25027000.00"). */
export function fenToYuanString(fen: Fen): string {
  return formatFen(fen, '元', 2);
}

export function sumFen(values: readonly Fen[]): Fen {
  let s = 0;
  for (const v of values) s += v;
  return assertFen(s);
}

/**
 * The rounding tolerance of a sum of `terms` amounts each printed to `decimals` places of `unit`:
 * each printed summand may be off by half a unit of its last place, so a sum of n terms may differ
 * by n × 0.5 ulp. Defined once here; every identity check uses it.
 */
export function roundingToleranceFen(unit: Unit, decimals: number, terms: number): Fen {
  const ulpFen = FEN_PER_UNIT[unit] / 10 ** decimals; // 1 in the last printed place, in 分
  return assertFen(Math.ceil((Math.max(terms, 1) * ulpFen) / 2));
}
