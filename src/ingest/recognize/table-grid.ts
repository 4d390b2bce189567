/**
 * A table's lines as a grid: one GridRow per line, cells at column positions. Tab-separated lines
 * are already positional; lines with x positions (pdftotext -layout, PDF) are re-gridded by
 * clustering the cells' x ranges, so that empty cells (absent in such text) become blanks.
 */
import type { RawLine } from '../raw.js';

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

export function toGrid(lines: RawLine[]): GridRow[] {
  const positioned = lines.some((l) => l.cellX && l.cellX.length === l.cells.length && l.cells.length > 1);
  if (!positioned) return lines.map((raw) => ({ raw, cells: raw.cells.map((text, index) => ({ text, index })) }));
  return regrid(lines);
}

interface Span {
  x0: number;
  x1: number;
}

/** Column spans from the rows with the most cells (spanning headers would merge columns). */
function columnSpans(lines: RawLine[]): Span[] {
  const counts = lines.map((l) => l.cells.filter((c) => c !== '').length);
  const max = Math.max(...counts);
  const spans: Span[] = [];
  lines.forEach((l, i) => {
    if (!l.cellX || counts[i]! < Math.max(2, max / 2)) return;
    l.cellX.forEach((x, k) => {
      if (l.cells[k] !== '') spans.push({ x0: x.x0, x1: x.x1 });
    });
  });
  spans.sort((a, b) => a.x0 - b.x0);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.x0 < last.x1) last.x1 = Math.max(last.x1, s.x1);
    else merged.push({ ...s });
  }
  return merged;
}

function regrid(lines: RawLine[]): GridRow[] {
  const spans = columnSpans(lines);
  return lines.map((raw) => {
    const cells: GridCell[] = spans.map(() => ({ text: '', index: -1 }));
    if (!raw.cellX || raw.cellX.length !== raw.cells.length) {
      raw.cells.forEach((text, index) => place(cells, Math.min(index, cells.length - 1), { text, index }));
      return { raw, cells };
    }
    raw.cells.forEach((text, index) => {
      const x = raw.cellX![index]!;
      place(cells, nearestSpan(spans, x), { text, index, x0: x.x0, x1: x.x1 });
    });
    return { raw, cells };
  });
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
