/**
 * A worksheet as a grid of displayed texts → RawLines: one line per non-blank row, cells in column
 * order (the value of a merged range in its top-left cell, the other cells of the merge blank),
 * with the sheet name, A1 refs and column indexes. Leading columns blank in the whole sheet are dropped;
 * the rows of a table block (consecutive rows of two or more cells) are padded with blank cells to
 * the block's width.
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

interface SheetRow {
  cells: string[];
  refs: string[];
  cellX: { x0: number; x1: number }[];
}

function sheetRow(grid: SheetGrid, r: number, from: number): SheetRow {
  const row = grid.rows[r]!;
  const out: SheetRow = { cells: [], refs: [], cellX: [] };
  for (let c = from; c < row.length; c++) {
    const cell = row[c];
    out.cells.push(cell ? normalizeCell(cell.text) : '');
    out.refs.push(`${columnName(c)}${r + 1}`);
    out.cellX.push({ x0: c, x1: cell?.lastCol ?? c });
  }
  let end = out.cells.length;
  while (end > 0 && out.cells[end - 1] === '') end--;
  out.cells.length = end;
  return out;
}

/** Pads the rows of a block to the block's width, as a tab-separated table would be. */
function padBlock(rows: SheetRow[], from: number, rowNumbers: number[]): void {
  const width = Math.max(...rows.filter((r) => r.cells.length > 1).map((r) => r.cells.length), 0);
  rows.forEach((r, k) => {
    if (r.cells.length < 2) return;
    for (let c = r.cells.length; c < width; c++) {
      r.cells.push('');
      r.refs.push(`${columnName(from + c)}${rowNumbers[k]! + 1}`);
      r.cellX.push({ x0: from + c, x1: from + c });
    }
  });
}

export function emitSheet(grid: SheetGrid, sink: LineSink): void {
  const from = firstUsedColumn(grid);
  let block: SheetRow[] = [];
  let numbers: number[] = [];
  const flush = (): void => {
    padBlock(block, from, numbers);
    for (const r of block) sink.add(r.cells, { sheet: grid.name, refs: r.refs, cellX: r.cellX });
    block = [];
    numbers = [];
  };
  grid.rows.forEach((_, r) => {
    const row = sheetRow(grid, r, from);
    if (row.cells.length < 2) flush();
    if (row.cells.length === 0) return;
    block.push(row);
    numbers.push(r);
    if (row.cells.length < 2) flush();
  });
  flush();
}
