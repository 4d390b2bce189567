/**
 * Aligning a data row to its header when the extraction shifted some cells left or right (merged
 * cells, wrapped names): the shift that places the most printed cells under a header column wins,
 * then the one whose cells fit their columns' kinds, then the smallest shift.
 */
import type { PCell } from './performance-rows.js';

export interface ColumnSpec<K extends string> {
  key: K;
  col: number;
  /** The header cell's horizontal extent, when known. */
  x?: { x0: number; x1: number };
}

export type FitFn<K extends string> = (key: K, text: string) => number;

export interface Aligned<K extends string> {
  shift: number;
  cells: Partial<Record<K, PCell>>;
}

const center = (x: { x0: number; x1: number }): number => (x.x0 + x.x1) / 2;

/**
 * When every header column and every printed cell has a horizontal extent (PDF, layout text), each
 * cell goes under the column whose centre is nearest; blank cells need not be printed at all.
 */
function alignByX<K extends string>(cells: readonly PCell[], columns: readonly ColumnSpec<K>[], after: number): Aligned<K> | undefined {
  const data = cells.filter((c, i) => i > after && c.text !== '');
  if (!data.length || columns.some((c) => !c.x) || data.some((c) => !c.x)) return undefined;
  const out: Partial<Record<K, PCell>> = {};
  const dist: Partial<Record<K, number>> = {};
  for (const cell of data) {
    let best: ColumnSpec<K> | undefined;
    let bestD = Infinity;
    for (const col of columns) {
      const d = Math.abs(center(cell.x!) - center(col.x!));
      if (d < bestD) { best = col; bestD = d; }
    }
    if (!best || (dist[best.key] ?? Infinity) <= bestD) continue;
    out[best.key] = cell;
    dist[best.key] = bestD;
  }
  return { shift: 0, cells: out };
}

/**
 * Cells after index `after` mapped to `columns`: by position when extents are known, else under the
 * best shift in [-maxShift, maxShift].
 */
export function align<K extends string>(
  cells: readonly PCell[],
  columns: readonly ColumnSpec<K>[],
  after: number,
  fit: FitFn<K>,
  maxShift = 3,
): Aligned<K> {
  const byX = alignByX(cells, columns, after);
  if (byX) return byX;
  let best: { shift: number; captured: number; fit: number } | undefined;
  const firstCol = Math.min(...columns.map((c) => c.col));
  for (let s = -maxShift; s <= maxShift; s++) {
    if (firstCol + s <= after) continue;
    let captured = 0;
    let score = 0;
    for (const { key, col } of columns) {
      const text = cells[col + s]?.text ?? '';
      if (text === '') continue;
      captured++;
      score += fit(key, text);
    }
    const better =
      !best ||
      captured > best.captured ||
      (captured === best.captured && (score > best.fit || (score === best.fit && Math.abs(s) < Math.abs(best.shift))));
    if (better) best = { shift: s, captured, fit: score };
  }
  const shift = best?.shift ?? Math.max(0, after + 1 - firstCol);
  const out: Partial<Record<K, PCell>> = {};
  for (const { key, col } of columns) {
    const cell = cells[col + shift];
    if (cell) out[key] = cell;
  }
  return { shift, cells: out };
}

/** Non-empty cells after `after` that no column captured (kept so that nothing is dropped). */
export function leftovers<K extends string>(cells: readonly PCell[], aligned: Aligned<K>, after: number): PCell[] {
  const used = new Set(Object.values(aligned.cells) as PCell[]);
  return cells.filter((c, i) => i > after && c.text !== '' && !used.has(c));
}
