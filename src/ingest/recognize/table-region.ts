/**
 * The extent of a table after its title: the lines between title and grid (ordinal, unit, 部门：…),
 * the grid (continued across page artefacts: page numbers, 续表, a repeated unit line), the notes.
 */
import type { RawLine } from '../raw.js';
import { isMetaLine, isNoteLine, isPageArtefact, matchTitle } from './table-titles.js';

export interface Region {
  /** Indexes (into the document's lines) of the lines between the title and the grid, and of artefacts. */
  meta: number[];
  /** Indexes of the grid lines (header and data), in order. */
  body: number[];
  notes: number[];
  /** Index after the last line of the region. */
  end: number;
}

const MAX_META = 8;
const MAX_NOTES = 6;
const HEADING_START_RE = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|附件|附表)/;

export function isGridLine(l: RawLine): boolean {
  return l.tabular && l.cells.length >= 2 && l.cells.some((c) => c !== '') && !isNoteLine(l);
}

/** A short non-tabular line inside a grid: a wrapped name or header fragment. */
function isFragment(l: RawLine): boolean {
  const t = l.cells.join('').trim();
  return !l.tabular && l.headingLevel === undefined && t.length > 0 && t.length <= 20 && !/[。；;：:，,]/.test(t) && !HEADING_START_RE.test(t) && !matchTitle(l);
}

function isPlainShort(l: RawLine): boolean {
  const t = l.cells.join('').trim();
  return !l.tabular && l.headingLevel === undefined && t.length > 0 && t.length <= 30 && !/[。；;，,]/.test(t) && !isNoteLine(l) && !matchTitle(l);
}

/** The region of the table whose title is at `start - 1`, up to (not including) `stop`; null when no grid or note follows. */
export function findRegion(lines: RawLine[], start: number, stop: number): Region | null {
  const meta: number[] = [];
  let i = start;
  let plain = 0; // an entity name or a year printed alone between title and grid
  while (i < stop && meta.length < MAX_META) {
    const l = lines[i]!;
    if (isMetaLine(l)) meta.push(i++);
    else if (plain < 2 && isPlainShort(l) && i + 1 < stop && (isMetaLine(lines[i + 1]!) || isGridLine(lines[i + 1]!) || isPlainShort(lines[i + 1]!))) {
      plain++;
      meta.push(i++);
    } else break;
  }
  if (i >= stop) return null;
  const body: number[] = [];
  const notes: number[] = [];
  const header = headerLinesAt(lines, i, stop);
  if (header > i) {
    for (let k = i; k < header; k++) body.push(k);
    i = header;
  }
  if (!isGridLine(lines[i]!)) {
    if (!isNoteLine(lines[i]!)) return null;
    i = scanNotes(lines, i, stop, notes); // a note printed above the grid, or instead of it
  }
  if (i < stop && isGridLine(lines[i]!)) i = scanNotes(lines, scanBody(lines, i, stop, body, meta), stop, notes);
  if (!body.length && !notes.length) return null;
  return { meta, body, notes, end: i };
}

const MAX_HEADER_LINES = 4;

/**
 * Header lines the source did not mark as a table row (words one space apart: pdfplumber, copy-paste
 * from a viewer) between the title's lines and the first grid row: the index of that grid row, or
 * `from` when there is none. Only short lines without sentence punctuation count.
 */
function headerLinesAt(lines: RawLine[], from: number, stop: number): number {
  let k = from;
  while (k < stop && k - from < MAX_HEADER_LINES) {
    const l = lines[k]!;
    if (isGridLine(l)) break;
    if (!isLooseLine(l, l.cells.join(' ').trim(), 80)) return from;
    k++;
  }
  return k > from && k < stop && isGridLine(lines[k]!) ? k : from;
}

function scanNotes(lines: RawLine[], from: number, stop: number, notes: number[]): number {
  let i = from;
  const max = notes.length + MAX_NOTES;
  while (i < stop && notes.length < max) {
    const l = lines[i]!;
    if (isNoteLine(l) || (i > from && isNoteContinuation(l))) notes.push(i++);
    else break;
  }
  return i;
}

function scanBody(lines: RawLine[], from: number, stop: number, body: number[], meta: number[]): number {
  let i = from;
  while (i < stop) {
    const l = lines[i]!;
    if (isGridLine(l)) {
      body.push(i++);
      continue;
    }
    if (isNoteLine(l)) break;
    if (l.tabular && l.cells.every((c) => c === '') && i + 1 < stop && isGridLine(lines[i + 1]!)) {
      meta.push(i++); // an empty grid row
      continue;
    }
    const fragments = fragmentsBefore(lines, i, stop);
    if (fragments > i) {
      while (i < fragments) body.push(i++);
      continue;
    }
    const rows = labelRowsBefore(lines, i, stop);
    if (rows > i) {
      while (i < rows) body.push(i++);
      continue;
    }
    let k = i;
    while (k < stop && k - i < 4 && isPageArtefact(lines[k]!)) k++;
    if (k > i && k < stop && isGridLine(lines[k]!)) {
      for (let m = i; m < k; m++) meta.push(m);
      i = k;
      continue;
    }
    break;
  }
  return i;
}

/** The most fragments in a row: a header label broken over lines ('公务用车运行维' / '护费') under another. */
const MAX_FRAGMENTS = 3;

/**
 * Fragments (wrapped names, header labels broken over lines) followed by a grid or note line: the index
 * of that line; `from` when the lines are not such fragments.
 */
function fragmentsBefore(lines: RawLine[], from: number, stop: number): number {
  let k = from;
  while (k < stop && k - from < MAX_FRAGMENTS && isFragment(lines[k]!)) k++;
  return k > from && k < stop && (isGridLine(lines[k]!) || isNoteLine(lines[k]!)) ? k : from;
}

/**
 * A short line the reader gave no cells (words one space apart) that may belong to a table: not a
 * tabular row, heading, note, title or sentence; its text `t` at most `maxLength` characters.
 */
function isLooseLine(l: RawLine, t: string, maxLength: number): boolean {
  return !(l.tabular || l.headingLevel !== undefined || t === '' || t.length > maxLength || /[。；;，,]/.test(t) || isNoteLine(l) || matchTitle(l) || HEADING_START_RE.test(t));
}

/**
 * Rows that print a label (and a 行次) but no figure, set one space apart so that the reader gave them
 * no cells ('1. 因公出国（境）费 3'), between grid rows: up to four such lines followed by a grid line,
 * or a longer run of ordinal items ('九、医疗卫生与计划生育支出' … '十七、…': the function classes of a
 * 收支总表 without figures) (index of that grid line; `from` when the lines are not such rows).
 */
function labelRowsBefore(lines: RawLine[], from: number, stop: number): number {
  let k = from;
  let ordinals = 0;
  // up to four rows with 行次, or a run of ordinal items (the 20-odd function classes of a 收支总表)
  while (k < stop && k - from < MAX_ITEM_RUN) {
    const l = lines[k]!;
    if (isGridLine(l)) break;
    const t = l.cells.join('').trim();
    const withLineNo = isLooseLine(l, t, 40) && /\d{1,2}$/.test(t); // a row of a table with 行次
    const ordinal = !withLineNo && isOrdinalItem(l, t);
    if (!withLineNo && !ordinal) return from;
    if (ordinal) ordinals++;
    k++;
    if (k - from >= 4 && ordinals < k - from) return from;
  }
  return k > from && k < stop && isGridLine(lines[k]!) ? k : from;
}

/** The longest run of label-only rows between two grid rows. */
const MAX_ITEM_RUN = 24;

/**
 * '二、事业收入' alone on its line between grid rows: an item of a two-sided table printed without a
 * figure (a layout text gives it no cells when the other side of its row is blank too). A title
 * ('…表') is not one.
 */
const ORDINAL_ITEM_RE = /^[一二三四五六七八九十]{1,3}[、.．]\s*[\u4e00-\u9fff（）()]{2,14}$/;

function isOrdinalItem(l: RawLine, t: string): boolean {
  return !l.tabular && l.headingLevel === undefined && ORDINAL_ITEM_RE.test(t) && !/表$/.test(t) && !matchTitle(l);
}

/** '2. 本套报表金额单位转换时可能存在尾数误差。' after '注：1. …'. */
function isNoteContinuation(l: RawLine): boolean {
  const t = l.cells.join('').trim();
  return !l.tabular && l.headingLevel === undefined && /^(?:\d+[.、．]|[(（]\d+[)）])/.test(t) && t.length < 300;
}
