/**
 * Comparing printed amounts with the one rounding tolerance of src/model/money.ts: each printed
 * figure may be off by half a unit of its last printed place, so a difference within n × half-ulp
 * (n = every printed figure taking part, the total included) is rounding, never an error.
 */
import {
  FEN_PER_UNIT, assertFen, formatFen, roundingToleranceFen, sumFen, type Amount, type Fen,
} from '../../model/index.js';

export type Agreement = 'equal' | 'rounding' | 'mismatch';

export interface AmountCheck {
  status: Agreement;
  /** The printed value (分). */
  actual: Fen;
  /** The value the other side implies (分). */
  expected: Fen;
  /** actual − expected (分). */
  difference: Fen;
  tolerance: Fen;
}

function ulpFen(a: Amount): number {
  return FEN_PER_UNIT[a.unit] / 10 ** a.decimals;
}

/** The coarsest-printed amount: its unit and decimals give the tolerance. */
function coarsest(amounts: readonly Amount[]): Amount {
  let best = amounts[0]!;
  for (const a of amounts) if (ulpFen(a) > ulpFen(best)) best = a;
  return best;
}

/** The tolerance for `figures` printed figures taking part in one comparison. */
export function toleranceFor(amounts: readonly Amount[], figures: number): Fen {
  if (!amounts.length) return assertFen(0);
  const c = coarsest(amounts);
  return roundingToleranceFen(c.unit, c.decimals, figures);
}

function judge(actual: Fen, expected: Fen, tolerance: Fen): AmountCheck {
  const difference = assertFen(actual - expected);
  const gap = Math.abs(difference);
  const status: Agreement = gap === 0 ? 'equal' : gap <= tolerance ? 'rounding' : 'mismatch';
  return { status, actual, expected, difference, tolerance };
}

/**
 * total = Σ sign·term. Terms absent from the page are passed as zero amounts by the caller; they
 * carry no rounding, so only the total and the non-zero terms count towards the tolerance (a stated
 * 0.00 is taken as zero: budget systems hold 分, and a hidden sub-0.005 amount is too rare to excuse
 * a wrong sum). `signs` defaults to all +1.
 */
export function compareSum(total: Amount, terms: readonly Amount[], signs?: readonly number[]): AmountCheck {
  const expected = sumFen(terms.map((t, i) => assertFen(t.fen * (signs?.[i] ?? 1))));
  const rounded = terms.filter((t) => t.fen !== 0);
  const tolerance = toleranceFor([total, ...rounded], rounded.length + 1);
  return judge(total.fen, expected, tolerance);
}

/** The same figure printed twice (two tables, or a table and the text). */
export function compareAmounts(a: Amount, b: Amount): AmountCheck {
  return judge(a.fen, b.fen, toleranceFor([a, b], 2));
}

/** An amount in `like`'s unit and decimals, with thousands separators when `like` has them. */
export function formatLike(fen: Fen, like: Amount): string {
  return formatFen(fen, like.unit, like.decimals, like.printed.includes(','));
}

/** A zero amount (for a blank or dashed cell taking part in a sum). */
export function zeroAmount(unit: Amount['unit'], decimals = 2): Amount {
  return { fen: assertFen(0), unit, decimals, printed: '' };
}
