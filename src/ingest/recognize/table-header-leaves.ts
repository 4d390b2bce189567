/**
 * A table of one or two rows of figures under a header of several levels, in a `pdftotext -layout`
 * text (the “三公”经费 table: 合计 | 因公出国（境）费 | 公务用车购置及运行维护费: 小计 · 购置费 · 运行费 |
 * 公务接待费 …). Its figures alone cannot make the columns: a blank cell prints nothing, so eight
 * figures under nine columns line up with nothing. The columns are the header's leaves — the labels
 * with no label under them — in the order of their centres, and each figure goes to a leaf in order,
 * the assignment that puts figures nearest their labels: a figure is right-aligned in its column and
 * a label centred over it, so a figure's right edge lies right of its label's centre.
 */
import type { RawLine } from '../raw.js';
import type { GridCell, GridRow } from './table-grid.js';
import { assignInOrder, distance, type Cost } from './ordered-assignment.js';

const AMOUNT_RE = /^-?[\d,，]+\.\d+$|^-?\d{1,3}(?:,\d{3})+$|^-?\d+$|^[—–-]+$/;
/** Not a column label: the unit, the department line above the header. */
const NOT_A_LABEL_RE = /单位[:：]|部门[:：]|编制单位|^[(（]?万?元[)）]?$/;

const MAX_HEADER_LINES = 16;
const MAX_LABELS = 120;

interface Span {
  x0: number;
  x1: number;
}

const centre = (s: Span): number => (s.x0 + s.x1) / 2;
const overlaps = (a: Span, b: Span): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);

function located(l: RawLine): boolean {
  return !!l.cellX && l.cellX.length === l.cells.length && l.xUnit === 'char';
}

function isFigureLine(l: RawLine): boolean {
  return l.cells.some((c) => AMOUNT_RE.test(c.trim()) && /\d/.test(c));
}

/** The leaves of the header lines: label spans with no label of a later line under them, by centre. */
export function headerLeaves(header: RawLine[]): Span[] {
  const labels = header.map((l) => l.cells.map((c, k) => ({ text: c.trim(), span: l.cellX![k]! })).filter((c) => c.text !== '' && !NOT_A_LABEL_RE.test(c.text)));
  const leaves: Span[] = [];
  labels.forEach((row, r) => {
    for (const c of row) {
      const covered = labels.slice(r + 1).some((below) => below.some((b) => overlaps(b.span, c.span)));
      if (!covered) leaves.push(c.span);
    }
  });
  return leaves.sort((a, b) => centre(a) - centre(b));
}

/**
 * A figure's right edge against a label's centre: a right-aligned figure ends right of its column's
 * centre (where the centred label sits), so a figure ending left of a centre is four times as far.
 */
export const rightEdgeCost: Cost = (x1, c) => (x1 >= c ? x1 - c : 4 * (c - x1));

/**
 * The grid of such a table (columns = the header's leaves), or undefined when it is not one: not a
 * layout text, more than two lines of figures, or a line with more cells than the header has leaves.
 */
export function leafGrid(lines: RawLine[]): GridRow[] | undefined {
  if (!lines.length || !lines.every((l) => !l.cellX || l.xUnit === 'char') || !lines.some(located)) return undefined;
  const figureLines = lines.filter(isFigureLine);
  if (!figureLines.length || figureLines.length > 2) return undefined;
  const first = lines.indexOf(figureLines[0]!);
  // a header is a few lines of a few dozen labels (bounds the quadratic leaf search and assignment)
  const header = lines.slice(Math.max(0, first - MAX_HEADER_LINES), first).filter(located);
  if (header.reduce((n, l) => n + l.cells.length, 0) > MAX_LABELS) return undefined;
  const leaves = headerLeaves(header);
  if (leaves.length < 3) return undefined;
  const centres = leaves.map(centre);
  const rows: GridRow[] = [];
  for (const raw of lines) {
    const cells: GridCell[] = leaves.map(() => ({ text: '', index: -1 }));
    if (!located(raw)) {
      raw.cells.forEach((text, index) => index < cells.length && (cells[index] = { text, index }));
      rows.push({ raw, cells });
      continue;
    }
    const spans = raw.cellX!;
    const present = raw.cells.map((text, index) => ({ text, index, span: spans[index]! })).filter((c) => c.text.trim() !== '');
    if (isFigureLine(raw)) {
      // figures by their right edge, labels by their centre
      const figure = present.map((c) => AMOUNT_RE.test(c.text.trim()));
      const at = assignInOrder(present.map((c, k) => (figure[k] ? c.span.x1 : centre(c.span))), centres, figure.map((f) => (f ? rightEdgeCost : distance)))?.map;
      if (!at) return undefined;
      present.forEach((c, k) => (cells[at[k]!] = { text: c.text, index: c.index, ...c.span }));
    } else {
      // a header or label line: each label in the leaf it covers most (a parent in its first leaf)
      for (const c of present) {
        let best = -1;
        let bestOverlap = 0;
        leaves.forEach((leaf, j) => {
          const o = Math.min(leaf.x1, c.span.x1) - Math.max(leaf.x0, c.span.x0);
          if (o > bestOverlap && cells[j]!.text === '') {
            best = j;
            bestOverlap = o;
          }
        });
        if (best < 0) best = nearestFree(centres, centre(c.span), cells);
        if (best >= 0) cells[best] = { text: c.text, index: c.index, ...c.span };
      }
    }
    rows.push({ raw, cells });
  }
  return rows;
}

function nearestFree(centres: number[], x: number, cells: GridCell[]): number {
  let best = -1;
  centres.forEach((c, j) => {
    if (cells[j]!.text !== '') return;
    if (best < 0 || Math.abs(c - x) < Math.abs(centres[best]! - x)) best = j;
  });
  return best;
}
