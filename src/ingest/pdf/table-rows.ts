/**
 * The rows of a ruled table: one row per grid band; a band holding several visual lines is one
 * row with wrapped cell texts, unless two or more of its lines carry numbers (rows the producer
 * did not separate by rulings), then each visual line is a row.
 */
import { cellOf, type Grid } from './grid.js';
import type { TextBox } from './page.js';
import type { OpenWrap } from './tab-stops.js';
import { joinLine, joinWrapped, visualLines } from './text-join.js';

export interface PdfRow {
  /** Top y, for ordering with the other rows of the page. */
  y: number;
  cells: string[];
  cellX: { x0: number; x1: number }[];
  tabular: boolean;
  /** True for rows of a ruled table (never taken for running headers or footers). */
  ruled?: boolean;
  /** The ruled table the row belongs to (unique in the document). */
  block?: number;
  /** Per cell, how far its last text line reaches across the cell (0–1): a full line may wrap on. */
  fill?: number[];
  /** A row cut at tab stops: the grid, where its text ends and the page's right edge. */
  tabs?: { origin: number; step: number; x1: number; right: number; size: number };
  /** A row set with tabs whose wrap left blanks that cannot be counted for sure (tab-stops.ts). */
  wraps?: OpenWrap[];
  /** Where the row's text starts and ends (rows cut at tab stops, whose cellX are unknown). */
  span?: { x0: number; x1: number };
  /** Largest font size on a line outside tables (for headings). */
  size?: number;
}

const NUMERIC = /^[-+(（]?[\d,.]*\d[\d,.]*%?[)）]?$/;

function spanCols(grid: Grid, root: number): number {
  const cols = grid.xs.length - 1;
  let last = root % cols;
  while (last + 1 < cols && grid.span[Math.floor(root / cols) * cols + last + 1] === root) last++;
  return last;
}

function emptyRow(grid: Grid, y: number): PdfRow {
  const cols = grid.xs.length - 1;
  return {
    y,
    cells: Array.from({ length: cols }, () => ''),
    cellX: Array.from({ length: cols }, (_, j) => ({ x0: grid.xs[j]!, x1: grid.xs[j + 1]! })),
    tabular: true,
    ruled: true,
    fill: Array.from({ length: cols }, () => 0),
  };
}

function setCell(grid: Grid, row: PdfRow, root: number, text: string, lastLine: TextBox[]): void {
  const cols = grid.xs.length - 1;
  const col = root % cols;
  row.cells[col] = row.cells[col] ? joinWrapped([row.cells[col]!, text]) : text;
  const x = { x0: grid.xs[col]!, x1: grid.xs[spanCols(grid, root) + 1]! };
  row.cellX[col] = x;
  if (lastLine.length) row.fill![col] = (Math.max(...lastLine.map((b) => b.x1)) - x.x0) / (x.x1 - x.x0);
}

/** Boxes of each span, keyed by the span's top-left grid cell; spans grouped by the band they start in. */
function boxesBySpan(grid: Grid, boxes: TextBox[]): Map<number, Map<number, TextBox[]>> {
  const cols = grid.xs.length - 1;
  const byBand = new Map<number, Map<number, TextBox[]>>();
  for (const b of boxes) {
    const at = cellOf(grid, b);
    if (!at) continue;
    const root = grid.span[at.band * cols + at.col]!;
    const band = Math.floor(root / cols);
    const spans = byBand.get(band) ?? new Map<number, TextBox[]>();
    spans.set(root, [...(spans.get(root) ?? []), b]);
    byBand.set(band, spans);
  }
  return byBand;
}

const FRAGMENT = /^[,.]|[,.]$|,\d{0,2}$|,\d{4,}/;

const WHOLE_AMOUNT = /^[-+]?\d{1,3}(?:,\d{3})*\.\d{2}$|^[-+]?\d+\.\d{2}$/;

/**
 * Spans holding one amount wrapped over several lines of a narrow cell ('42,180.0' | '0',
 * '5,690,00' | '9.48'): their lines, joined, make one amount with its two decimals.
 */
function wrappedAmounts(lines: TextBox[][], spans: Map<number, TextBox[]>): Set<number> {
  const out = new Set<number>();
  for (const [root, boxes] of spans) {
    const parts = lines.map((line) => joinLine(line.filter((b) => boxes.includes(b))).trim()).filter(Boolean);
    if (parts.length >= 2 && parts.every((p) => /^[-+\d,.]+$/.test(p)) && WHOLE_AMOUNT.test(parts.join(''))) out.add(root);
  }
  return out;
}

/** Visual lines in which some span's text is a whole number (an amount, a code, a count). */
function numericLineCount(lines: TextBox[][], spans: Map<number, TextBox[]>): number {
  const wrapped = wrappedAmounts(lines, spans);
  return lines.filter((line) => [...spans].some(([root, boxes]) => {
    if (wrapped.has(root)) return false;
    const text = joinLine(line.filter((b) => boxes.includes(b))).trim();
    return text !== '' && NUMERIC.test(text);
  })).length;
}

/** Several rows the producer did not separate by rulings: one column holds whole numbers on two lines (not wrapped fragments). */
function holdsSeveralRows(lines: TextBox[][], spans: Map<number, TextBox[]>): boolean {
  if (lines.length < 2) return false;
  const wrapped = wrappedAmounts(lines, spans);
  const repeated = [...spans].some(([root, boxes]) => !wrapped.has(root) && lines.filter((line) => {
    const text = joinLine(line.filter((b) => boxes.includes(b))).trim();
    return text !== '' && NUMERIC.test(text);
  }).length >= 2);
  return repeated && !lines.some((l) => l.some((b) => NUMERIC.test(b.str.trim()) && FRAGMENT.test(b.str.trim())));
}

function splitBand(grid: Grid, lines: TextBox[][], spans: Map<number, TextBox[]>): PdfRow[] {
  return lines.map((line) => {
    const row = emptyRow(grid, Math.min(...line.map((b) => b.base - b.size)));
    for (const [root, boxes] of spans) {
      const mine = line.filter((b) => boxes.includes(b));
      if (mine.length) setCell(grid, row, root, joinLine(mine), mine);
    }
    return row;
  });
}

interface Band {
  band: number;
  spans: Map<number, TextBox[]>;
  lines: TextBox[][];
}

/** All rows of a ruled table, top to bottom; rows with no text are dropped. */
export function gridRows(grid: Grid, boxes: TextBox[]): PdfRow[] {
  const byBand = boxesBySpan(grid, boxes);
  const bands: Band[] = [...byBand.keys()]
    .sort((a, b) => a - b)
    .map((band) => ({ band, spans: byBand.get(band)!, lines: visualLines([...byBand.get(band)!.values()].flat()) }));
  // A table ruled between its rows (most bands hold at most one line of numbers) never splits a band.
  const ruledRows = bands.length >= 4 && bands.filter((b) => numericLineCount(b.lines, b.spans) <= 1).length >= 0.6 * bands.length;
  const rows: PdfRow[] = [];
  for (const b of bands) {
    if (!ruledRows && holdsSeveralRows(b.lines, b.spans)) rows.push(...splitBand(grid, b.lines, b.spans));
    else {
      const row = emptyRow(grid, grid.ys[b.band]!);
      for (const [root, boxes] of b.spans) {
        const lines = visualLines(boxes);
        setCell(grid, row, root, joinWrapped(lines.map(joinLine)), lines[lines.length - 1] ?? []);
      }
      rows.push(row);
    }
  }
  return rows.filter((r) => r.cells.some((c) => c !== '')).map((r) => spanningTitle(grid, r));
}

/** A row whose one text spans the whole table (a title or unit row inside the ruling) reads as a line of text. */
function spanningTitle(grid: Grid, row: PdfRow): PdfRow {
  const filled = row.cells.filter((c) => c !== '');
  const x = row.cellX[0]!;
  if (row.cells.length < 2 || filled.length !== 1 || row.cells[0] === '' || x.x0 > grid.xs[0]! + 1 || x.x1 < grid.xs[grid.xs.length - 1]! - 1) return row;
  return { ...row, cells: [row.cells[0]!], cellX: [x], tabular: false };
}
