/**
 * A table's lines as a grid: one GridRow per line, cells at column positions. Tab-separated lines
 * are already positional; lines with x positions (pdftotext -layout, PDF) are re-gridded by
 * clustering the cells' x ranges, so that empty cells (absent in such text) become blanks.
 */
import type { RawLine } from '../raw.js';
import { alignPages } from './table-page-shift.js';
import { leafGrid } from './table-header-leaves.js';

export interface GridCell {
  text: string;
  /** Index of the cell in the raw line; -1 for a blank the grid inserted. */
  index: number;
  x0?: number;
  x1?: number;
}

export interface GridRow {
  raw: RawLine;
  cells: GridCell[];
}

export function toGrid(input: RawLine[]): GridRow[] {
  const lines = alignPages(input);
  const leaves = leafGrid(lines);
  if (leaves) return leaves;
  const positional = lines.map((raw) => ({ raw, cells: raw.cells.map((text, index) => ({ text, index })) }));
  const located = lines.filter((l) => l.cellX && l.cellX.length === l.cells.length && l.cells.length > 1);
  if (!located.length) return positional;
  const gridded = lines.some((l) => l.cells.includes('')) || new Set(lines.filter((l) => l.tabular).map((l) => l.cells.length)).size <= 1;
  return gridded ? placeShortRows(positional) : regrid(lines);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The column a cell starts in (its left edge inside the column), else the one it overlaps most. */
function columnAt(cols: Span[], x: Span): number {
  const inside = cols.findIndex((c) => x.x0 + 0.5 >= c.x0 && x.x0 + 0.5 < c.x1);
  return inside >= 0 ? inside : nearestSpan(cols, x);
}

/**
 * A positional grid (rows with blank cells: a ruled table) may hold located rows with fewer cells
 * than the table — a row of merged cells from another page's ruling (合计 over the code and name
 * columns), a line outside the ruling: their cells are placed by x position against the columns of
 * the full rows, not by their order (which would shift their figures into the label columns).
 */
function placeShortRows(rows: GridRow[]): GridRow[] {
  const width = maxOf(rows.map((r) => r.cells.length));
  const full = rows.filter((r) => r.cells.length === width && r.raw.cellX?.length === width);
  if (full.length < 2 || !rows.some((r) => r.cells.length < width)) return rows;
  const cols: Span[] = Array.from({ length: width }, (_, k) => ({
    x0: median(full.map((r) => r.raw.cellX![k]!.x0)),
    x1: median(full.map((r) => r.raw.cellX![k]!.x1)),
  }));
  if (cols.some((c, k) => c.x1 <= c.x0 || (k > 0 && c.x0 < cols[k - 1]!.x0))) return rows;
  return rows.map((r) => {
    const x = r.raw.cellX;
    if (!x || x.length !== r.cells.length || r.cells.length < 2 || r.cells.length >= width) return r;
    const at = x.map((s) => columnAt(cols, s));
    if (at.some((c, k) => k > 0 && c <= at[k - 1]!)) return r;
    const cells: GridCell[] = cols.map(() => ({ text: '', index: -1 }));
    r.cells.forEach((c, k) => (cells[at[k]!] = { ...c, ...x[k]! }));
    return { raw: r.raw, cells };
  });
}

interface Span {
  x0: number;
  x1: number;
}

const AMOUNT_RE = /^-?[\d,，]+\.\d+$|^-?\d{1,3}(?:,\d{3})+$/;

function spansOf(lines: RawLine[]): Span[] {
  const spans: Span[] = [];
  for (const l of lines) l.cellX?.forEach((x, k) => l.cells[k] !== '' && spans.push({ x0: x.x0, x1: x.x1 }));
  return spans;
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.x0 - b.x0);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && (s.x0 < last.x1 || s.x0 === last.x0)) last.x1 = Math.max(last.x1, s.x1);
    else merged.push({ ...s });
  }
  return merged;
}

const overlaps = (a: Span, b: Span): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) || a.x0 === b.x0;

/**
 * Column spans: from the data rows (rows with amounts) when there are some, so that a header cell
 * printed over two columns does not merge them; header cells over no data column add their own.
 */
function columnSpans(lines: RawLine[]): Span[] {
  const data = lines.filter((l) => l.cells.some((c) => AMOUNT_RE.test(c.trim())));
  const single = data.length === 1 && data[0]!.cells.length >= maxOf(lines.map((l) => l.cells.length)); // one data row as wide as any line
  if (data.length < 2 && !single) return mergeSpans(spansOf(lines.filter((l) => l.cells.length > 1)));
  const widest = maxOf(data.map((l) => l.cells.length));
  const full = data.filter((l) => l.cells.length === widest);
  const spans = mergeSpans(spansOf(full.length >= 2 ? full : data));
  // header lines as detailed as the data (not a spanning top level) may add columns the data leaves blank
  const others = lines.filter((l) => !data.includes(l) && l.cells.length >= spans.length / 2 && l.cells.length !== spans.length);
  const extra = spansOf(others).filter((h) => !spans.some((s) => overlaps(s, h)));
  return mergeSpans([...spans, ...mergeSpans(extra)]);
}

function regrid(lines: RawLine[]): GridRow[] {
  const ordinal = ordinalGrid(lines);
  if (ordinal) return ordinal;
  const spans = columnSpans(lines);
  const data = lines.filter((l) => l.cells.some((c) => AMOUNT_RE.test(c.trim())));
  if (data.length >= 2 && spans.length < median(data.map((l) => l.cells.length))) {
    // positions that overlap into fewer columns than the rows print cells: they carry no columns
    const width = maxOf(lines.map((l) => l.cells.length));
    return lines.map((raw) => ({ raw, cells: positional(raw, width) }));
  }
  const valueStart = firstValueSpan(lines, spans);
  return lines.map((raw) => {
    const cells: GridCell[] = spans.map(() => ({ text: '', index: -1 }));
    if (!raw.cellX || raw.cellX.length !== raw.cells.length) {
      raw.cells.forEach((text, index) => place(cells, Math.min(index, cells.length - 1), { text, index }));
      return { raw, cells };
    }
    if (raw.cells.length === spans.length && !raw.cells.some((c) => AMOUNT_RE.test(c.trim()))) {
      raw.cells.forEach((text, index) => (cells[index] = { text, index, ...raw.cellX![index]! }));
      return { raw, cells };
    }
    raw.cells.forEach((text, index) => {
      const x = raw.cellX![index]!;
      const over = spans.map((s, i) => (overlaps(s, x) ? i : -1)).filter((i) => i >= 0);
      const parts = text.split(/\s+/);
      if (over.length > 1 && parts.length === over.length) {
        parts.forEach((p, k) => place(cells, over[k]!, { text: p, index, x0: x.x0, x1: x.x1 }));
      } else place(cells, nearestSpan(spans, x), { text, index, x0: x.x0, x1: x.x1 });
    });
    return { raw, cells: collided(raw, cells) ? headerInOrder(raw, spans.length, valueStart) ?? cells : cells };
  });
}

/**
 * Rows whose positions do not line up (a text printed with tab stops and extracted again: a long
 * name pushes the row's figures right): when the widest data rows, all with the same number of cells,
 * overlap into fewer columns than they have cells, columns are taken by order — the widest rows as
 * printed, other data rows with their labels first and their figures from the first value column,
 * header lines by headerInOrder.
 */
function ordinalGrid(lines: RawLine[]): GridRow[] | undefined {
  const data = lines.filter((l) => l.cells.some((c) => AMOUNT_RE.test(c.trim())));
  const width = maxOf(data.map((l) => l.cells.length));
  const full = data.filter((l) => l.cells.length === width && l.cellX?.length === width);
  if (full.length < 3 || width < 3 || mergeSpans(spansOf(full)).length >= width) return undefined;
  const starts = full.map((l) => l.cells.findIndex((c) => AMOUNT_RE.test(c.trim())));
  const valueStart = median(starts);
  if (valueStart < 1) return undefined;
  return lines.map((raw) => {
    const texts = raw.cells.map((text, index) => ({ text, index })).filter((c) => c.text !== '');
    if (raw.cells.length === width) return { raw, cells: raw.cells.map((text, index) => ({ text, index })) };
    const cells: GridCell[] = Array.from({ length: width }, () => ({ text: '', index: -1 }));
    const firstFigure = texts.findIndex((c) => AMOUNT_RE.test(c.text.trim()) || /^[—–-]+$/.test(c.text.trim()));
    if (firstFigure < 0) return { raw, cells: headerInOrder(raw, width, valueStart) ?? positional(raw, width) };
    const labels = texts.slice(0, firstFigure);
    const figures = texts.slice(firstFigure);
    if (labels.length > valueStart || figures.length > width - valueStart) return { raw, cells: positional(raw, width) };
    labels.forEach((c, k) => (cells[k] = c));
    figures.forEach((c, k) => (cells[valueStart + k] = c));
    return { raw, cells };
  });
}

function positional(raw: RawLine, width: number): GridCell[] {
  const cells: GridCell[] = Array.from({ length: width }, () => ({ text: '', index: -1 }));
  raw.cells.forEach((text, index) => place(cells, Math.min(index, width - 1), { text, index }));
  return cells;
}

/** Some cells of the line fell into one column (positions that do not line up with the data's). */
function collided(raw: RawLine, cells: GridCell[]): boolean {
  return cells.filter((c) => c.text !== '').length < raw.cells.filter((c) => c !== '').length;
}

/**
 * A header line whose labels are as many as the value columns (after one label for the code/name
 * columns, or without it), set where its positions do not line up with the data's: its labels are
 * the value columns' in order.
 */
function headerInOrder(raw: RawLine, width: number, valueStart: number): GridCell[] | undefined {
  if (raw.cells.some((c) => AMOUNT_RE.test(c.trim())) || valueStart <= 0) return undefined;
  const values = width - valueStart;
  const texts = raw.cells.map((text, index) => ({ text, index })).filter((c) => c.text !== '');
  const lead = texts.length === values + 1 ? 1 : texts.length === values ? 0 : -1;
  if (lead < 0) return undefined;
  const cells: GridCell[] = Array.from({ length: width }, () => ({ text: '', index: -1 }));
  texts.forEach((c, k) => (cells[k < lead ? 0 : valueStart + k - lead] = c));
  return cells;
}

/** The first column holding amounts in the data rows. */
function firstValueSpan(lines: RawLine[], spans: Span[]): number {
  let first = Infinity;
  for (const l of lines) {
    l.cells.forEach((c, k) => {
      const x = l.cellX?.[k];
      if (x && AMOUNT_RE.test(c.trim())) first = Math.min(first, nearestSpan(spans, x));
    });
  }
  return first === Infinity ? -1 : first;
}

function place(cells: GridCell[], at: number, cell: GridCell): void {
  let k = at;
  while (k < cells.length && cells[k]!.text !== '') k++;
  if (k >= cells.length) {
    const prev = cells[at]!;
    cells[at] = { ...prev, text: `${prev.text} ${cell.text}` };
    return;
  }
  cells[k] = cell;
}

/** The span overlapping x the most, or the nearest one. */
function nearestSpan(spans: Span[], x: Span): number {
  let best = 0;
  let bestScore = -Infinity;
  spans.forEach((s, i) => {
    const overlap = Math.min(s.x1, x.x1) - Math.max(s.x0, x.x0);
    const score = overlap > 0 ? overlap : -Math.min(Math.abs(s.x0 - x.x1), Math.abs(x.x0 - s.x1));
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

export function cellText(row: GridRow, c: number): string {
  return row.cells[c]?.text ?? '';
}

/** The largest number of a list (0 when empty), without spreading arguments (tables may be long). */
export function maxOf(values: number[]): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}
