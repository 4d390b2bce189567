/**
 * Text → RawLines. Three tabular forms are recognised:
 * - tab-separated lines (cells split on tabs);
 * - `pdftotext -layout` text (columns separated by runs of 2+ spaces; cellX = character columns);
 * - "one cell per line": each cell a line starting with a tab, rows separated by blank lines
 *   (folded into one RawLine numbered by the row's first line).
 * Markdown noise is removed: '#' headings (→ headingLevel), '- ' bullets, bold, <b>, [bookmark: …].
 */
import type { RawLine } from '../raw.js';
import { cleanCellText } from '../recognize/cells.js';

interface PhysicalLine {
  no: number;
  page: number;
  text: string;
}

const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const CELL_PER_LINE_RE = /^\t[^\t]*$/;

export function physicalLines(text: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  let page = 1;
  const parts = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < parts.length; i++) {
    let t = parts[i]!;
    if (t.includes('\f')) {
      page += countChar(t, '\f');
      t = t.replace(/\f/g, '');
    }
    out.push({ no: i + 1, page, text: t });
  }
  return out;
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function isBlank(t: string): boolean {
  return t.replace(ODD_SPACES, ' ').trim() === '' && !t.includes('\t');
}

/** Splits the document into RawLines (blank lines are dropped; numbers stay those of the file). */
export function splitLines(text: string): { lines: RawLine[]; pages: number } {
  const phys = physicalLines(text);
  const layout = isLayoutText(phys);
  const lines: RawLine[] = [];
  let i = 0;
  while (i < phys.length) {
    const p = phys[i]!;
    if (isBlank(p.text)) {
      i++;
      continue;
    }
    const end = blockEnd(phys, i);
    const foldAt = cellPerLineStart(phys, i, end);
    for (let j = i; j < foldAt; j++) {
      const line = toRawLine(phys[j]!, layout);
      if (line) lines.push(line);
    }
    if (foldAt < end) lines.push(...foldCells(phys, foldAt, end));
    i = end;
  }
  const pages = lines.reduce((m, l) => Math.max(m, l.page ?? 1), 1); // a trailing form feed opens no page
  if (pages === 1) for (const l of lines) delete l.page; // no page breaks: pages are unknown
  return { lines, pages };
}

function blockEnd(phys: PhysicalLine[], start: number): number {
  let j = start;
  while (j < phys.length && !isBlank(phys[j]!.text)) j++;
  return j;
}

/**
 * Index from which the block [start, end) is in the one-cell-per-line form (end when it is not):
 * from a line '\t<text>' to the end of the block, every line is '\t<text>' or a continuation
 * without tab, and at least two are cell lines.
 */
function cellPerLineStart(phys: PhysicalLine[], start: number, end: number): number {
  for (let j = start; j < end; j++) {
    if (!CELL_PER_LINE_RE.test(phys[j]!.text)) continue;
    let cellLines = 0;
    let ok = true;
    for (let k = j; k < end && ok; k++) {
      const t = phys[k]!.text;
      if (CELL_PER_LINE_RE.test(t)) cellLines++;
      else if (t.includes('\t')) ok = false;
    }
    return ok && cellLines >= 2 ? j : end;
  }
  return end;
}

function foldCells(phys: PhysicalLine[], start: number, end: number): RawLine[] {
  const cells: string[] = [];
  for (let k = start; k < end; k++) {
    const t = phys[k]!.text;
    if (t.startsWith('\t')) cells.push(cleanCellText(t.slice(1)));
    else cells[cells.length - 1] = joinWrapped(cells[cells.length - 1] ?? '', cleanCellText(t));
  }
  const first = phys[start]!;
  return [{ line: first.no, page: first.page, text: cells.join('\t'), cells, tabular: true }];
}

/** Joins a wrapped fragment: no space between CJK characters, one space between Latin words. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const latin = /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b);
  return latin ? `${a} ${b}` : a + b;
}

const PIPE_ROW_RE = /^\s*\|.*\|\s*$/;
const PIPE_RULE_RE = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?\|?\s*$/;

function toRawLine(p: PhysicalLine, layout: boolean): RawLine | null {
  let t = p.text;
  if (t.includes('\t')) return tabLine(p);
  if (PIPE_RULE_RE.test(t)) return null;
  if (PIPE_ROW_RE.test(t)) return pipeLine(p);
  let headingLevel: number | undefined;
  const h = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(t);
  if (h) {
    headingLevel = h[1]!.length;
    t = h[2]!.replace(/\s#+\s*$/, '');
  } else {
    t = t.replace(/^(\s*)[-*+•]\s+(?=\S)/, '$1');
  }
  if (layout) {
    const split = layoutCells(t);
    if (split.cells.length >= 2) {
      return { line: p.no, page: p.page, text: split.cells.join('\t'), cells: split.cells, cellX: split.x, tabular: true };
    }
  }
  const cell = cleanCellText(t);
  const line: RawLine = { line: p.no, page: p.page, text: cell, cells: [cell], tabular: false };
  if (headingLevel !== undefined) line.headingLevel = headingLevel;
  return line;
}

/** A markdown table row '| 项目 | 行次 | 金额 |'. */
function pipeLine(p: PhysicalLine): RawLine {
  const cells = p.text.trim().slice(1, -1).split('|').map(cleanCellText);
  return { line: p.no, ...(p.page !== undefined && { page: p.page }), text: cells.join('\t'), cells, tabular: cells.length >= 2 };
}

function tabLine(p: PhysicalLine): RawLine {
  const cells = p.text.split('\t').map(cleanCellText);
  return { line: p.no, page: p.page, text: cells.join('\t'), cells, tabular: cells.length >= 2 };
}

/** Cells of a layout line: runs of 2+ spaces separate cells; x = character columns [x0, x1). */
export function layoutCells(text: string): { cells: string[]; x: { x0: number; x1: number }[] } {
  const norm = text.replace(ODD_SPACES, ' ');
  const cells: string[] = [];
  const x: { x0: number; x1: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  for (const m of norm.matchAll(re)) {
    cells.push(cleanCellText(m[0]));
    x.push({ x0: m.index, x1: m.index + m[0].length });
  }
  return cells.length > 1 ? splitNumberText(cells, x) : { cells, x };
}

/** '1,200.00 一、一般公共服务支出' (one space only, tight PDF spacing): the figure and the label are two cells. */
const NUMBER_THEN_TEXT_RE = /^([+-]?[\d,]*\d(?:\.\d+)?%?) ([\u4e00-\u9fff（(].*)$/;
const TEXT_THEN_NUMBER_RE = /^(.*[\u4e00-\u9fff）)]) ([+-]?\d[\d,]*\.\d+)$/;

/** '2,502.70 327.51 2,175.20' (figures one space apart, tight PDF spacing): one cell per figure. */
const FIGURE_RUN_RE = /^[+-]?[\d,]*\d\.\d+%?(?: [+-]?[\d,]*\d\.\d+%?)+$/;
/** '公务员医疗补助3.31 3.31 0.00' (figures glued to the label or one space after it): the label and each figure. */
const TEXT_GLUED_NUMBER_RE = /^(.*[\u4e00-\u9fff）)]) ?([+-]?\d{1,3}(?:,\d{3})*\.\d{2}(?: [+-]?[\d,]*\d\.\d+%?)*)$/;

function splitFigureRuns(cells: string[], x: { x0: number; x1: number }[]): { cells: string[]; x: { x0: number; x1: number }[] } {
  const outCells: string[] = [];
  const outX: { x0: number; x1: number }[] = [];
  cells.forEach((c, i) => {
    const glued = TEXT_GLUED_NUMBER_RE.exec(c);
    const parts = FIGURE_RUN_RE.test(c) ? c.split(' ') : glued && glued[2]!.includes(' ') ? [glued[1]!, ...glued[2]!.split(' ')] : glued ? [glued[1]!, glued[2]!] : [c];
    let at = x[i]!.x0;
    for (const p of parts) {
      outCells.push(p);
      outX.push({ x0: at, x1: at + p.length });
      at += p.length + 1;
    }
  });
  return { cells: outCells, x: outX };
}

function splitNumberText(cells: string[], x: { x0: number; x1: number }[]): { cells: string[]; x: { x0: number; x1: number }[] } {
  const runs = splitFigureRuns(cells, x);
  cells = runs.cells;
  x = runs.x;
  const outCells: string[] = [];
  const outX: { x0: number; x1: number }[] = [];
  cells.forEach((c, i) => {
    const m = NUMBER_THEN_TEXT_RE.exec(c) ?? TEXT_THEN_NUMBER_RE.exec(c);
    if (!m || /^\d{4}$/.test(m[1]!)) {
      outCells.push(c);
      outX.push(x[i]!);
      return;
    }
    const at = x[i]!.x0 + m[1]!.length + 1;
    outCells.push(m[1]!, m[2]!);
    outX.push({ x0: x[i]!.x0, x1: at - 1 }, { x0: at, x1: x[i]!.x1 });
  });
  return { cells: outCells, x: outX };
}

/**
 * True when the text looks like `pdftotext -layout` output: several lines (without tabs) hold three
 * or more space-separated columns, and such lines outnumber tab-separated ones.
 */
function isLayoutText(phys: PhysicalLine[]): boolean {
  let columnar = 0;
  let tabbed = 0;
  for (const p of phys) {
    if (p.text.includes('\t') || PIPE_ROW_RE.test(p.text)) {
      tabbed++;
      continue;
    }
    const parts = p.text.replace(ODD_SPACES, ' ').trim().split(/ {2,}/);
    if (parts.length >= 3) columnar++;
  }
  return columnar >= 5 && columnar > tabbed;
}
