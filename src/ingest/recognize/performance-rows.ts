/**
 * The rows a performance table is read from: the raw lines of its region, each cell with its own
 * provenance. Forms printed one cell per line (湖南 department form: a tab-led cell per line, wrapped
 * cell text on the following untabbed lines, rows separated by blank lines) are folded into rows here
 * when the text reader has not already done it.
 */
import type { Provenance } from '../../model/index.js';
import { memoByText } from './performance-memo.js';
import type { RawLine } from '../raw.js';

export interface PCell {
  text: string;
  prov: Provenance;
  /** Horizontal extent when the reader knows it (PDF points, layout-text columns, sheet columns). */
  x?: { x0: number; x1: number };
}

export interface PRow {
  /** Line of the row's first cell. */
  line: number;
  /** Last raw line the row covers. */
  endLine: number;
  cells: PCell[];
  /** The whole row as printed (cells joined with a tab). */
  text: string;
  /** False for a plain paragraph line (one cell, not marked as a table row). */
  tabular: boolean;
  /** The source marks the line as a heading (markdown '#', <h1>, docx Heading). */
  heading?: boolean;
}

const MARKUP_RE = /<\/?[a-z][^>]*>/gi;

/** Cell text without markup (<b>, <p>), trimmed of ASCII and ideographic spaces. */
export function cleanCell(text: string): string {
  if (!text.includes('<') && !EDGE_SPACE_RE.test(text)) return text;
  return text.replace(MARKUP_RE, '').replace(/^[\s\u3000]+|(?<![\s\u3000])[\s\u3000]+$/g, ''); // trailing run from its start only: linear
}

const EDGE_SPACE_RE = /^[\s\u3000]|[\s\u3000]$/;

export function provOf(line: RawLine, cell?: number): Provenance {
  const p: Provenance = { line: line.line };
  if (line.page !== undefined) p.page = line.page;
  if (cell !== undefined) p.cell = cell;
  if (line.sheet !== undefined) p.sheet = line.sheet;
  const ref = cell !== undefined ? line.refs?.[cell] : undefined;
  if (ref !== undefined) p.ref = ref;
  return p;
}

function rowOfLine(line: RawLine): PRow {
  const cells = line.cells.map((c, i): PCell => {
    const x = line.cellX?.[i];
    return x ? { text: cleanCell(c), prov: provOf(line, i), x } : { text: cleanCell(c), prov: provOf(line, i) };
  });
  const row: PRow = { line: line.line, endLine: line.line, cells, text: cells.map((c) => c.text).join('\t'), tabular: line.tabular || line.cells.length > 1 };
  if (line.headingLevel !== undefined || /^#{1,6}\s/.test(line.text)) row.heading = true;
  return row;
}

/** An empty line (a tab-only line is not blank: it is an empty led cell). */
function isBlank(line: RawLine): boolean {
  return line.cells.length <= 1 && cleanCell(line.cells[0] ?? '') === '';
}

/** A line holding one cell led by an empty one: the one-cell-per-line layout. */
function isLedCell(line: RawLine): boolean {
  return line.cells.length === 2 && cleanCell(line.cells[0]!) === '';
}

function isContinuation(line: RawLine): boolean {
  return line.cells.length === 1 && !/^\t/.test(line.text);
}

const CJK_END = /[\u3000-\u9fff\uff00-\uffef]$/;
const CJK_START = /^[\u3000-\u9fff\uff00-\uffef]/;

function joinWrapped(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return CJK_END.test(a) && CJK_START.test(b) ? a + b : `${a} ${b}`;
}

/** Folds a group of led-cell lines (with wrapped continuations) into one row. */
function foldGroup(group: RawLine[]): PRow {
  const cells: PCell[] = [];
  for (const line of group) {
    if (isLedCell(line)) cells.push({ text: cleanCell(line.cells[1]!), prov: provOf(line, 1) });
    else {
      const last = cells[cells.length - 1]!;
      last.text = joinWrapped(last.text, cleanCell(line.cells[0] ?? ''));
    }
  }
  const first = group[0]!;
  return { line: first.line, endLine: group[group.length - 1]!.line, cells, text: cells.map((c) => c.text).join('\t'), tabular: true };
}

/** At least three led cells, with nothing else than wrapped continuations between them. */
function isFoldable(run: RawLine[]): boolean {
  if (run.filter(isLedCell).length < 3 || !isLedCell(run[0]!)) return false;
  return run.every((l) => isLedCell(l) || isContinuation(l));
}

/** Rows of a group of lines between blank lines: lines before the first led cell stand alone. */
function groupRows(group: RawLine[]): PRow[] {
  const start = group.findIndex(isLedCell);
  const run = start >= 0 ? group.slice(start) : [];
  if (start < 0 || !isFoldable(run)) return group.map(rowOfLine);
  return [...group.slice(0, start).map(rowOfLine), foldGroup(run)];
}

/** The rows of `lines` (blank lines dropped), folding one-cell-per-line groups. */
export function toRows(lines: readonly RawLine[]): PRow[] {
  const rows: PRow[] = [];
  let group: RawLine[] = [];
  const flush = (): void => {
    for (const row of groupRows(group)) rows.push(row); // not push(...): a group can hold 100k+ lines
    group = [];
  };
  for (const line of lines) {
    if (isBlank(line)) flush();
    else group.push(line);
  }
  flush();
  return rows;
}

/** Non-empty cells of a row. */
export function filled(row: PRow): PCell[] {
  return row.cells.filter((c) => c.text !== '');
}

const SPACES_RE = /[\s\u3000]+/g;

/** Whitespace-free form of a label for matching ('年度 总体 目标' → '年度总体目标'). */
export const squash = memoByText(function squash(text: string): string {
  return text.normalize('NFKC').replace(SPACES_RE, '');
});
