/**
 * A worksheet as a grid of displayed texts → RawLines: one line per non-blank row, cells in column
 * order (the value of a merged range in its top-left cell, the other cells of the merge blank),
 * with the sheet name, A1 refs and column indexes. Leading columns blank in the whole sheet are dropped.
 */
import { LineSink, normalizeCell } from '../normalize.js';

export interface GridCell {
  text: string;
  /** 0-based last column of a merged range starting here (equals the column otherwise). */
  lastCol?: number;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c], 0-based; undefined = empty. */
  rows: (GridCell | undefined)[][];
}

/** 'A'… 'Z', 'AA' … for a 0-based column. */
export function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function firstUsedColumn(grid: SheetGrid): number {
  let first = Infinity;
  for (const row of grid.rows) {
    const c = row.findIndex((cell) => cell !== undefined && normalizeCell(cell.text) !== '');
    if (c >= 0) first = Math.min(first, c);
  }
  return Number.isFinite(first) ? first : 0;
}

export function emitSheet(grid: SheetGrid, sink: LineSink): void {
  const from = firstUsedColumn(grid);
  grid.rows.forEach((row, r) => {
    const cells: string[] = [];
    const refs: string[] = [];
    const cellX: { x0: number; x1: number }[] = [];
    for (let c = from; c < row.length; c++) {
      const cell = row[c];
      cells.push(cell ? normalizeCell(cell.text) : '');
      refs.push(`${columnName(c)}${r + 1}`);
      cellX.push({ x0: c, x1: cell?.lastCol ?? c });
    }
    sink.add(cells, { sheet: grid.name, refs, cellX });
  });
}
