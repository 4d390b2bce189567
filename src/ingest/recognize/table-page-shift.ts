/**
 * A table continued over pages of a `pdftotext -layout` text: the tool lays every page out on a
 * character grid of its own, so the same column sits at different character positions from page to
 * page (a page without the wide header lines starts its figures seven to eleven characters further
 * left, and squeezes the columns of zeros closer together). Clustered as one, the pages' columns
 * overlap each other and the label columns, and figures land in the wrong columns.
 *
 * Each page's figure columns (right edges: amounts are right-aligned) are matched in order with the
 * columns of the page that prints the most of them, and its figures are moved there. The labels
 * before the figures stay: every page starts them at its margin; a line without figures (a header
 * repeated on the page) moves by the page's typical shift. Only character positions are moved
 * (RawLine.xUnit 'char'); a PDF's pages share one geometry in points.
 */
import type { RawLine } from '../raw.js';
import { assignInOrder } from './ordered-assignment.js';

/** A figure cell: an amount, a count, a 栏次 number or a dash for nil. */
const FIGURE_RE = /^-?[\d,，]*\d(?:\.\d+)?$|^[—–-]+$/;

/** The most figure columns a page is matched by (a hostile text may print thousands). */
const MAX_COLUMNS = 40;

/** Right edges closer than this (characters) are one column. */
const TOL = 1.5;

interface PageGroup {
  page: number;
  lines: RawLine[];
  /** Column right edges of the page's figures, ascending. */
  cols: number[];
  /** Most figures on one line. */
  widest: number;
}

/** Index of the line's first figure cell: after its last label. */
function figureStart(line: RawLine): number {
  let last = -1;
  line.cells.forEach((c, k) => {
    if (c.trim() !== '' && !FIGURE_RE.test(c.trim())) last = k;
  });
  return last + 1;
}

function figureEdges(line: RawLine): number[] {
  const x = line.cellX;
  if (!x || x.length !== line.cells.length) return [];
  const out: number[] = [];
  for (let k = figureStart(line); k < line.cells.length; k++) if (line.cells[k]!.trim() !== '') out.push(x[k]!.x1);
  return out;
}

function clusters(edges: number[]): number[] {
  const s = [...edges].sort((a, b) => a - b);
  const out: { sum: number; n: number; last: number }[] = [];
  for (const e of s) {
    const c = out[out.length - 1];
    if (c && e - c.last <= TOL) {
      c.sum += e;
      c.n++;
      c.last = e;
    } else out.push({ sum: e, n: 1, last: e });
  }
  return out.map((c) => c.sum / c.n);
}

/**
 * The order-preserving assignment of a page's columns to the reference's (fewer or as many) that
 * costs least once the page is moved by one shift: same counts map in order.
 */
export function matchColumns(page: number[], ref: number[]): number[] | undefined {
  const m = page.length;
  const n = ref.length;
  if (!m || m > n) return undefined;
  if (m === n) return page.map((_, i) => i);
  let best: { cost: number; map: number[] } | undefined;
  const shifts = new Set<number>();
  for (const p of page) for (const r of ref) shifts.add(r - p);
  for (const s of shifts) {
    const a = assignInOrder(page.map((p) => p + s), ref);
    if (a && (!best || a.cost < best.cost)) best = a;
  }
  return best?.map;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function nearest(cols: number[], x: number): number {
  let k = 0;
  for (let i = 1; i < cols.length; i++) if (Math.abs(cols[i]! - x) < Math.abs(cols[k]! - x)) k = i;
  return k;
}

/** True when the line's first figure, moved, would start at or before the end of its last label. */
function overLabels(l: RawLine, figure: (x1: number) => number): boolean {
  const first = figureStart(l);
  const x = l.cellX;
  if (!x || x.length !== l.cells.length || first === 0 || first >= l.cells.length) return false;
  const f = x[first]!;
  return figure(f.x1) - (f.x1 - f.x0) <= x[first - 1]!.x1;
}

/** Lines of the table with each page's figures moved onto the reference page's columns (new objects only for moved lines). */
export function alignPages(lines: RawLine[]): RawLine[] {
  if (!lines.some((l) => l.xUnit === 'char')) return lines;
  const byPage = new Map<number, RawLine[]>();
  for (const l of lines) {
    if (l.page === undefined || !l.cellX || l.xUnit !== 'char') continue;
    const list = byPage.get(l.page) ?? [];
    list.push(l);
    byPage.set(l.page, list);
  }
  if (byPage.size < 2) return lines;
  const groups: PageGroup[] = [...byPage].map(([page, ls]) => {
    const perLine = ls.map(figureEdges);
    const edges = perLine.flat();
    // no spread into Math.max: a page may hold more lines than a call has arguments
    return { page, lines: ls, cols: clusters(edges), widest: perLine.reduce((m, e) => Math.max(m, e.length), 0) };
  });
  // A page whose figures do not keep to columns of its own (a text whose every line is laid out
  // differently): nothing to match.
  if (groups.some((g) => g.cols.length > g.widest + 1)) return lines;
  // the reference: the page with most figure columns, the first of them (it prints the header the
  // columns are named by; later pages are the ones laid out narrower)
  const ref = groups.reduce((a, b) => (b.cols.length > a.cols.length ? b : a));
  // matching costs (columns)⁴: no table prints more figure columns than MAX_COLUMNS
  if (ref.cols.length < 2 || ref.cols.length > MAX_COLUMNS) return lines;
  const moves = new Map<number, { figure: (x1: number) => number; shift: number }>();
  for (const g of groups) {
    if (g === ref || !g.cols.length) continue;
    const map = matchColumns(g.cols, ref.cols);
    if (!map || map.every((j, i) => Math.abs(ref.cols[j]! - g.cols[i]!) <= TOL)) continue;
    const shift = median(map.map((j, i) => ref.cols[j]! - g.cols[i]!));
    const figure = (x1: number): number => ref.cols[map[nearest(g.cols, x1)]!]!;
    // figures moved over their own line's labels: the columns do not match
    if (g.lines.some((l) => overLabels(l, figure))) continue;
    moves.set(g.page, { figure, shift });
  }
  if (!moves.size) return lines;
  return lines.map((l) => {
    const move = l.page === undefined ? undefined : moves.get(l.page);
    if (!move || !l.cellX || l.cellX.length !== l.cells.length) return l;
    const first = figureStart(l);
    // a line without figures (the header repeated on the page) moves as the page's columns do
    if (first >= l.cells.length) return { ...l, cellX: l.cellX.map((x) => ({ x0: x.x0 + move.shift, x1: x.x1 + move.shift })) };
    return {
      ...l,
      cellX: l.cellX.map((x, k) => {
        if (k < first || l.cells[k]!.trim() === '') return x;
        const x1 = move.figure(x.x1);
        return { x0: x1 - (x.x1 - x.x0), x1 };
      }),
    };
  });
}
