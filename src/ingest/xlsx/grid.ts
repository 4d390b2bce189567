/**
 * A worksheet as a grid of displayed texts → RawLines: one line per non-blank row, cells in column
 * order (the value of a merged range in its top-left cell, the other cells of the merge blank),
 * with the sheet name, A1 refs and column indexes. Leading columns blank in the whole sheet are dropped;
 * the rows of a table block (consecutive rows of two or more cells) are padded with blank cells to
 * the block's width.
 */
import { Budget } from '../limits.js';
import { LineSink, normalizeCell } from '../normalize.js';

export interface GridCell {
  text: string;
  /** 0-based last column of a merged range starting here (equals the column otherwise). */
  lastCol?: number;
}

export interface SheetGrid {
  name: string;
  /**
   * The sheet's rows that hold cells, in increasing order: `r` 0-based, `cells[c]` 0-based
   * (undefined = empty). Rows absent from the list are blank: a sheet with one cell far away
   * (XFD1048576) costs one row, not the whole used range.
   */
  rows: { r: number; cells: (GridCell | undefined)[] }[];
}

/** 'A'… 'Z', 'AA' … for a 0-based column. */
export function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function firstUsedColumn(grid: SheetGrid): number {
  let first = Infinity;
  for (const { cells } of grid.rows) {
    const end = Math.min(cells.length, first);
    for (let c = 0; c < end; c++) {
      const cell = cells[c];
      if (cell !== undefined && normalizeCell(cell.text) !== '') {
        first = c;
        break;
      }
    }
  }
  return Number.isFinite(first) ? first : 0;
}

interface SheetRow {
  cells: string[];
  refs: string[];
  cellX: { x0: number; x1: number }[];
}

function sheetRow(row: (GridCell | undefined)[], r: number, from: number, budget: Budget): SheetRow {
  const out: SheetRow = { cells: [], refs: [], cellX: [] };
  budget.add(Math.max(0, row.length - from));
  for (let c = from; c < row.length; c++) {
    const cell = row[c];
    out.cells.push(cell && cell.text !== '' ? normalizeCell(cell.text) : '');
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
  let width = 0;
  for (const r of rows) if (r.cells.length > 1 && r.cells.length > width) width = r.cells.length;
  rows.forEach((r, k) => {
    if (r.cells.length < 2) return;
    for (let c = r.cells.length; c < width; c++) {
      r.cells.push('');
      r.refs.push(`${columnName(from + c)}${rowNumbers[k]! + 1}`);
      r.cellX.push({ x0: from + c, x1: from + c });
    }
  });
}

/** `budget`: the cells read so far from the workbook (rows × columns), shared by its sheets. */
export function emitSheet(grid: SheetGrid, sink: LineSink, budget = new Budget('gridCells')): void {
  const from = firstUsedColumn(grid);
  let block: SheetRow[] = [];
  let numbers: number[] = [];
  const flush = (): void => {
    padBlock(block, from, numbers);
    for (const r of block) sink.add(r.cells, { sheet: grid.name, refs: r.refs, cellX: r.cellX });
    block = [];
    numbers = [];
  };
  let previous = -1;
  for (const { r, cells } of grid.rows) {
    if (r > previous + 1) flush(); // blank rows between
    previous = r;
    const row = sheetRow(cells, r, from, budget);
    if (row.cells.length < 2) flush();
    if (row.cells.length === 0) continue;
    block.push(row);
    numbers.push(r);
    if (row.cells.length < 2) flush();
  }
  flush();
}
