/**
 * Cell value parsing shared by the recognizers: printed text → CellValue / Amount.
 * Blank ('') , a stated zero ('0.00'), a dash ('-', '—', '/') and text are kept distinct.
 */
import { parseAmount, type Amount, type Unit } from '../../model/money.js';
import type { Cell, CellValue } from '../../model/table.js';
import type { Provenance } from '../../model/provenance.js';

const DASHES = new Set(['-', '--', '—', '——', '－', '–', '―', '/', '／', '\\', '一一', '—-', '-—']);
const TAG_RE = /<\/?(?:b|strong|i|em|u|span|font|p|sup|sub)(?:\s[^>]*)?>|<br\s*\/?>/gi;
const BOOKMARK_RE = /\[bookmark:[^\]]*\]/gi;
const ENTITY: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };
const SPACE_RE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const ZERO_WIDTH_RE = /[\u200B-\u200D\u2060\uFEFF]/g;
const NUMBER_TEXT_RE = /^[+-]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$/;

/** Removes markup noise (`<b>`, `**bold**`, `[bookmark: …]`, entities) and normalises odd spaces; trims. */
const NOISE_RE = /[<\[&*_\u00A0\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF]/;

export function cleanCellText(text: string): string {
  if (!NOISE_RE.test(text)) return text.trim();
  let s = text.replace(ZERO_WIDTH_RE, '').replace(SPACE_RE, ' ');
  if (s.includes('<')) s = s.replace(TAG_RE, '');
  if (s.includes('[bookmark')) s = s.replace(BOOKMARK_RE, '');
  if (s.includes('&')) s = s.replace(/&(?:nbsp|amp|lt|gt|quot);/g, (m) => ENTITY[m] ?? m);
  if (s.includes('**')) s = s.replace(/\*\*(.*?)\*\*/g, '$1').replace(/\*\*/g, '');
  if (s.includes('__')) s = s.replace(/__(.+?)__/g, '$1');
  return s.trim();
}

/** Text without any whitespace and NFKC-normalised: the form used to compare labels ('合 计' → '合计'). */
export function compactText(text: string): string {
  const s = NEEDS_NFKC_RE.test(text) ? text.normalize('NFKC') : text;
  return /\s/.test(s) ? s.replace(/\s+/g, '') : s;
}

/** Characters NFKC changes in these documents (full-width forms, odd spaces, compatibility ideographs). */
const NEEDS_NFKC_RE = /[\u00A0-\u00FF\u2000-\u2FFF\u3000\u3200-\u33FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

/** The printed number normalised for parsing (full-width digits, separators, spaces inside). */
function numericForm(text: string): string {
  if (/^[0-9.,+-]+$/.test(text)) return text;
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/，/g, ',').replace(/^\((.*)\)$/, '-$1');
}

export function isDash(text: string): boolean {
  if (text.length > 6) return false;
  return DASHES.has(text.normalize('NFKC').replace(/\s+/g, '')) || DASHES.has(text.trim());
}

/** True when the text is a plain decimal number as printed in tables ("2,502.70", "０.００", "15"). */
const NUMBER_START_RE = /^\s*[(（+\-−0-9０-９]/;

export function isNumberText(text: string): boolean {
  if (!NUMBER_START_RE.test(text)) return false;
  const s = numericForm(text);
  return s.length > 0 && NUMBER_TEXT_RE.test(s);
}

/** True for a percentage as printed ("34.55%", "100％"). */
export function isPercentText(text: string): boolean {
  if (!NUMBER_START_RE.test(text)) return false;
  const s = numericForm(text).replace(/[%％]$/, '');
  return /[%％]\s*$/.test(text.trim()) && NUMBER_TEXT_RE.test(s);
}

/** An integer as printed ("16", "2"), used for 行次/栏次 and counts. */
export function isIntegerText(text: string): boolean {
  if (!NUMBER_START_RE.test(text)) return false;
  return /^\d+$/.test(numericForm(text));
}

/** Parses an amount cell text in `unit`; null when it is not a plain number. */
export function parseAmountText(text: string, unit: Unit): Amount | null {
  if (!isNumberText(text)) return null;
  const a = parseAmount(numericForm(text), unit);
  return a ? { ...a, printed: text.trim() } : null;
}

export type CellKind = 'amount' | 'number' | 'text';

/** The value of a printed cell. `kind` says what the column holds: money, a count or free text. */
export function parseCellValue(text: string, unit: Unit, kind: CellKind = 'amount'): CellValue {
  const t = text.trim();
  if (t === '') return { kind: 'blank' };
  if (isDash(t)) return { kind: 'dash', mark: t };
  if (kind === 'text') return { kind: 'text', text: t };
  if (isPercentText(t)) {
    return { kind: 'number', value: normalisedNumber(t.replace(/[%％]\s*$/, '')), percent: true };
  }
  if (kind === 'number' && isNumberText(t)) return { kind: 'number', value: normalisedNumber(t), percent: false };
  if (kind === 'amount') {
    const amount = parseAmountText(t, unit);
    if (amount) return { kind: 'amount', amount };
  }
  return { kind: 'text', text: t };
}

function normalisedNumber(text: string): string {
  return numericForm(text).replace(/,/g, '');
}

/** Builds a Cell: cleaned text, parsed value, provenance. */
export function makeCell(text: string, unit: Unit, prov: Provenance, kind: CellKind = 'amount'): Cell {
  const clean = cleanCellText(text);
  return { text: clean, value: parseCellValue(clean, unit, kind), prov };
}

/** True when the cell states a figure (an amount or a number), including a stated zero. */
export function hasFigure(cell: Cell | undefined): boolean {
  return !!cell && (cell.value.kind === 'amount' || cell.value.kind === 'number');
}
