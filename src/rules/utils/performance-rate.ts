/** The execution rate a funding row implies: 全年执行数 / 全年预算数 × 100, with its rounding bounds. */
import { FEN_PER_UNIT, type Amount, type FundingRow } from '../../model/index.js';
import { add, div, halfUlp, mul, ratio, sub, type Ratio } from './performance-decimal.js';

/** The amount in its unit with its rounding half-width (at least 0.005 of the unit: '15' is 15.00). */
export function amountRange(a: Amount): { value: Ratio; half: Ratio } {
  const perUnit = BigInt(FEN_PER_UNIT[a.unit]);
  return { value: ratio(BigInt(a.fen), perUnit), half: halfUlp(Math.max(a.decimals, 2)) };
}

/** executed / budget × 100 with its bounds under the amounts' rounding. Undefined for a zero budget. */
export function rateOf(executed: Amount, budget: Amount): { exact: Ratio; lo: Ratio; hi: Ratio } | undefined {
  if (budget.fen <= 0 || executed.fen < 0) return undefined;
  const e = amountRange(executed);
  const b = amountRange(budget);
  const hundred = ratio(100);
  const exact = mul(div(e.value, b.value), hundred);
  const bHi = add(b.value, b.half);
  const bLo = sub(b.value, b.half);
  const eLo = sub(e.value, e.half);
  const lo = mul(div(eLo.n < 0n ? ratio(0) : eLo, bHi), hundred);
  const hi = bLo.n <= 0n ? exact : mul(div(add(e.value, e.half), bLo), hundred);
  return { exact, lo, hi };
}

/** The row's amounts when both are printed amounts. */
export function rowAmounts(row: FundingRow | undefined): { executed: Amount; budget: Amount } | undefined {
  const e = row?.executed?.value.kind === 'amount' ? row.executed.value.amount : undefined;
  const b = row?.annualBudget?.value.kind === 'amount' ? row.annualBudget.value.amount : undefined;
  return e && b ? { executed: e, budget: b } : undefined;
}
