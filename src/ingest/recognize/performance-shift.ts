/**
 * Aligning a data row to its header when the extraction shifted some cells left or right (merged
 * cells, wrapped names): the shift that places the most printed cells under a header column wins,
 * then the one whose cells fit their columns' kinds, then the smallest shift.
 */
import type { PCell } from './performance-rows.js';

export interface ColumnSpec<K extends string> {
  key: K;
  col: number;
}

export type FitFn<K extends string> = (key: K, text: string) => number;

export interface Aligned<K extends string> {
  shift: number;
  cells: Partial<Record<K, PCell>>;
}

/** Cells after index `after` mapped to `columns` under the best shift in [-maxShift, maxShift]. */
export function align<K extends string>(
  cells: readonly PCell[],
  columns: readonly ColumnSpec<K>[],
  after: number,
  fit: FitFn<K>,
  maxShift = 3,
): Aligned<K> {
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
