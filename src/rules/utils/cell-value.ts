/**
 * Parsing a printed cell text into a CellValue for fixtures and helpers. Blank, dash, amount, number
 * and text stay distinct (see src/model/table.ts).
 */
import { parseAmount, type CellValue, type Unit } from '../../model/index.js';

export type CellKind = 'amount' | 'number' | 'text';

const DASH_RE = /^[-－—–‐―]{1,3}$/;
const PERCENT_RE = /^([+-]?\d+(?:\.\d+)?)\s*[%％]$/;
const NUMBER_RE = /^[+-]?\d+(?:\.\d+)?$/;

/** The value of a printed cell text. `kind` says what the column holds (amounts by default). */
export function parseCellValue(text: string, unit: Unit, kind: CellKind = 'amount'): CellValue {
  const t = text.trim();
  if (t === '') return { kind: 'blank' };
  if (DASH_RE.test(t)) return { kind: 'dash', mark: t };
  const norm = t.normalize('NFKC').replace(/[,\s]/g, '');
  const pct = PERCENT_RE.exec(norm);
  if (pct) return { kind: 'number', value: pct[1]!, percent: true };
  if (kind === 'text') return { kind: 'text', text: t };
  if (kind === 'amount') {
    const amount = parseAmount(t, unit);
    if (amount) return { kind: 'amount', amount };
  } else if (NUMBER_RE.test(norm)) {
    return { kind: 'number', value: norm, percent: false };
  }
  return { kind: 'text', text: t };
}
