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

interface Quality {
  captured: number;
  fit: number;
}

function quality<K extends string>(cells: Partial<Record<K, PCell>>, fit: FitFn<K>): Quality {
  let captured = 0;
  let score = 0;
  for (const [key, cell] of Object.entries(cells) as [K, PCell | undefined][]) {
    if (!cell?.text) continue;
    captured++;
    score += fit(key, cell.text);
  }
  return { captured, fit: score };
}

const better = (a: Quality, b: Quality): boolean => a.captured > b.captured || (a.captured === b.captured && a.fit > b.fit);

/** The shift in [-maxShift, maxShift] that places the most cells, the best fitting, the smallest. */
function alignByShift<K extends string>(
  cells: readonly PCell[], columns: readonly ColumnSpec<K>[], after: number, fit: FitFn<K>, maxShift: number,
): Aligned<K> {
  const firstCol = Math.min(...columns.map((c) => c.col));
  const place = (s: number): Partial<Record<K, PCell>> => {
    const out: Partial<Record<K, PCell>> = {};
    for (const { key, col } of columns) {
      const cell = cells[col + s];
      if (cell) out[key] = cell;
    }
    return out;
  };
  let best: (Aligned<K> & Quality) | undefined;
  for (const s of [0, ...Array.from({ length: maxShift }, (_, i) => [i + 1, -(i + 1)]).flat()]) {
    if (firstCol + s <= after) continue;
    const placed = place(s);
    const q = quality(placed, fit);
    if (!best || better(q, best)) best = { shift: s, cells: placed, ...q };
  }
  if (best) return { shift: best.shift, cells: best.cells };
  const shift = Math.max(0, after + 1 - firstCol);
  return { shift, cells: place(shift) };
}

/**
 * Cells after index `after` mapped to `columns`: by position when extents are known (unless a shift
 * places the cells strictly better: extraction artefacts), else under the best shift.
 */
export function align<K extends string>(
  cells: readonly PCell[],
  columns: readonly ColumnSpec<K>[],
  after: number,
  fit: FitFn<K>,
  maxShift = 3,
): Aligned<K> {
  const byShift = alignByShift(cells, columns, after, fit, maxShift);
  const byX = alignByX(cells, columns, after);
  if (!byX) return byShift;
  return better(quality(byShift.cells, fit), quality(byX.cells, fit)) ? byShift : byX;
}

/** Non-empty cells after `after` that no column captured (kept so that nothing is dropped). */
export function leftovers<K extends string>(cells: readonly PCell[], aligned: Aligned<K>, after: number): PCell[] {
  const used = new Set(Object.values(aligned.cells) as PCell[]);
  return cells.filter((c, i) => i > after && c.text !== '' && !used.has(c));
}
