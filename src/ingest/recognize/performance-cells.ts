/** Cells of performance tables: printed text → Cell (amounts in the table's unit, numbers, text). */
import { parseAmount, type Cell, type CellValue, type Unit } from '../../model/index.js';
import { memoByText } from './performance-memo.js';
import type { PCell } from './performance-rows.js';

const DASH_RE = /^[-－—–‐―]{1,3}$/;
const NUMBER_RE = /^([+-]?\d+(?:\.\d+)?)$/;

/** A number as printed, normalised: '76.27%' → 76.27 percent; '7.16 分' → 7.16; '１０' → 10. */
export const numberOf = memoByText(function numberOf(text: string): Readonly<{ value: string; percent: boolean }> | null {
  const t = text.normalize('NFKC').replace(/[,\s]/g, '');
  const percent = /%$/.test(t);
  const body = t.replace(/%$/, '').replace(/分$/, '');
  const m = NUMBER_RE.exec(body);
  return m ? Object.freeze({ value: m[1]!, percent }) : null;
});

export type CellKind = 'amount' | 'number' | 'text';

export function valueOf(text: string, unit: Unit, kind: CellKind): CellValue {
  if (text === '') return { kind: 'blank' };
  if (DASH_RE.test(text)) return { kind: 'dash', mark: text };
  if (kind === 'amount') {
    const amount = parseAmount(text, unit);
    if (amount) return { kind: 'amount', amount };
    const suffixed = /^([\d,.，]+)\s*(万元|元)$/.exec(text.normalize('NFKC'));
    const withUnit = suffixed ? parseAmount(suffixed[1]!, suffixed[2] as Unit) : null;
    if (withUnit) return { kind: 'amount', amount: withUnit };
  }
  if (kind !== 'text') {
    const n = numberOf(text);
    if (n) return { kind: 'number', value: n.value, percent: n.percent };
  }
  return { kind: 'text', text };
}

export function toCell(cell: PCell, unit: Unit, kind: CellKind): Cell {
  return { text: cell.text, value: valueOf(cell.text, unit, kind), prov: cell.prov };
}

/** A cell that is printed and not blank. */
export function isFilled(cell: Cell | undefined): cell is Cell {
  return cell !== undefined && cell.text !== '';
}
