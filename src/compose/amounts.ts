/**
 * Amounts and percentages of the composer. Every figure is quantised to the printed precision
 * (0.01 of the document unit) when it is read, so every sum, share and change the composer prints
 * follows exactly from the printed figures: a reader recomputing them agrees.
 */
import { assertFen, FEN_PER_UNIT, formatFen, parseAmount, type Amount, type Fen, type Unit } from '../model/index.js';
import type { Cell, CellValue, Provenance } from '../model/index.js';

/** 分 in one printed step (0.01 of the unit): 1 for 元, 10 000 for 万元. */
export function stepFen(unit: Unit): number {
  return FEN_PER_UNIT[unit] / 100;
}

/** Rounds to the printed step, half away from zero. */
export function quantize(fen: number, unit: Unit): Fen {
  const step = stepFen(unit);
  const q = Math.floor(Math.abs(fen) / step + 0.5) * step;
  return assertFen(fen < 0 ? -q : q);
}

/** Parses an input amount (a string in the input unit) to 分 at the printed precision; null when not a number. */
export function inputFen(s: string | undefined, unit: Unit): Fen | null {
  if (s === undefined) return null;
  const a = parseAmount(s, unit);
  return a ? quantize(a.fen, unit) : null;
}

/** Like inputFen, with an absent amount as 0 (validation reports malformed ones first). */
export function fen0(s: string | undefined, unit: Unit): Fen {
  return inputFen(s, unit) ?? (0 as Fen);
}

/** More decimals than the printed precision (they are rounded). */
export function hasExtraDecimals(s: string): boolean {
  const m = /\.(\d+)$/.exec(s.replace(/[,，\s]/g, ''));
  return !!m && m[1]!.length > 2 && /[1-9]/.test(m[1]!.slice(2));
}

/** Printed in a table: "2,502.70". */
export function tableAmount(fen: Fen, unit: Unit): string {
  return formatFen(fen, unit, 2, true);
}

/** Printed in a sentence: "2502.70". */
export function textAmount(fen: Fen, unit: Unit): string {
  return formatFen(fen, unit, 2, false);
}

export function amountOf(fen: Fen, unit: Unit, thousands = true): Amount {
  return { fen, unit, decimals: 2, printed: formatFen(fen, unit, 2, thousands) };
}

export function blankProv(): Provenance {
  return { line: 0 };
}

export function amountCell(fen: Fen, unit: Unit, text = tableAmount(fen, unit)): Cell {
  const value: CellValue = text === '' ? { kind: 'blank' } : { kind: 'amount', amount: { ...amountOf(fen, unit), printed: text } };
  return { text, value, prov: blankProv() };
}

export function textCell(text: string): Cell {
  const value: CellValue = text === '' ? { kind: 'blank' } : /^[—–-]+$/.test(text) ? { kind: 'dash', mark: text } : { kind: 'text', text };
  return { text, value, prov: blankProv() };
}

export function numberCell(value: string, percent = false): Cell {
  return { text: value, value: { kind: 'number', value, percent }, prov: blankProv() };
}

/**
 * part / whole as a percentage with `decimals` places, rounded half up, exact (BigInt); null when
 * the whole is zero (a share or growth of nothing is undefined and never printed).
 */
export function percent(part: number, whole: number, decimals = 2): string | null {
  if (whole === 0) return null;
  const neg = part < 0 !== whole < 0 && part !== 0;
  const p = BigInt(Math.abs(part));
  const w = BigInt(Math.abs(whole));
  const scale = 10n ** BigInt(decimals + 2);
  const scaled = (p * scale * 2n + w) / (2n * w); // round half up
  const s = scaled.toString().padStart(decimals + 1, '0');
  const out = decimals ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
  return neg ? `-${out}` : out;
}

/** A decimal string ("97.5", "0.35") as an exact scaled integer with `places` decimals, or null. */
export function decimalToScaled(s: string, places: number): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s.trim().normalize('NFKC').replace(/[,，%]/g, ''));
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(places, '0');
  let n = BigInt(m[2]! + frac.slice(0, places));
  if (frac.length > places && frac.charCodeAt(places) >= 53) n += 1n;
  return m[1] ? -n : n;
}

/** A scaled integer back to a string with `places` decimals. */
export function scaledToString(n: bigint, places: number): string {
  const neg = n < 0n;
  const s = (neg ? -n : n).toString().padStart(places + 1, '0');
  const out = places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
  return neg ? `-${out}` : out;
}

/** Sum of 分 values (guarded). */
export function add(...xs: number[]): Fen {
  let s = 0;
  for (const x of xs) s += x;
  return assertFen(s);
}
