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
import { PAGE_NUMBER_RE } from '../page-number.js';

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
  const width = layout ? textWidth(phys) : 0;
  const lines: RawLine[] = [];
  let i = 0;
  const indentedRuns = findIndentedCellRuns(phys);
  const furniture = pageNumberLines(phys);
  while (i < phys.length) {
    const p = phys[i]!;
    const runEnd = indentedRuns.get(i);
    if (runEnd !== undefined) {
      lines.push(...foldIndentedCells(phys, i, runEnd));
      i = runEnd;
      continue;
    }
    if (isBlank(p.text)) {
      i++;
      continue;
    }
    const end = blockEnd(phys, i, indentedRuns);
    const foldAt = cellPerLineStart(phys, i, end);
    for (let j = i; j < foldAt; j++) {
      if (furniture.has(j)) continue;
      const line = toRawLine(phys[j]!, layout);
      if (!line) continue;
      const prev = lines[lines.length - 1];
      if (layout && prev && j > i && prev.line === phys[j - 1]!.no && isWrapTail(phys[j - 1]!.text, phys[j]!.text, prev, line, width)) {
        appendTail(prev, line, /^\s/.test(phys[j]!.text));
        continue;
      }
      lines.push(line);
    }
    if (foldAt < end) lines.push(...foldCells(phys, foldAt, end));
    i = end;
  }
  const pages = lines.reduce((m, l) => Math.max(m, l.page ?? 1), 1); // a trailing form feed opens no page
  if (pages === 1) for (const l of lines) delete l.page; // no page breaks: pages are unknown
  return { lines, pages };
}

/**
 * Indexes of the page numbers of a text with form feeds: the first or last non-blank line of a page
 * when it is only a page number ('— 1 —', '第 3 页', '3/12'). A text without form feeds has none.
 */
function pageNumberLines(phys: PhysicalLine[]): Set<number> {
  const out = new Set<number>();
  if (!phys.length || phys[phys.length - 1]!.page === 1) return out;
  const edges = new Map<number, { first: number; last: number }>();
  phys.forEach((p, i) => {
    if (isBlank(p.text)) return;
    const e = edges.get(p.page);
    if (e) e.last = i;
    else edges.set(p.page, { first: i, last: i });
  });
  for (const { first, last } of edges.values()) {
    for (const i of first === last ? [first] : [first, last]) {
      if (PAGE_NUMBER_RE.test(phys[i]!.text.replace(ODD_SPACES, ' ').trim())) out.add(i);
    }
  }
  return out;
}

/** Display width of a line: CJK and full-width characters count two columns. */
export function displayWidth(t: string): number {
  let w = 0;
  for (const ch of t.trimEnd()) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** The text's line width: the display width most long lines reach (95th percentile). */
function textWidth(phys: PhysicalLine[]): number {
  const ws = phys.filter((p) => !isBlank(p.text)).map((p) => displayWidth(p.text)).sort((a, b) => a - b);
  return ws.length ? ws[Math.floor(ws.length * 0.95)]! : 0;
}

const ROW_START_RE = /^(?:\d{3}(?:\d{2}){0,2}(?!\d)|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|注[:：]|说明[:：]|备注|#)/;

/**
 * A table row the producer wrapped at the right margin (a tab-separated text printed, then extracted
 * again): the row reaches the text's width and the next line is its short tail — figures or the end
 * of a cell ('2080505 … 0.00 0.00 0.00' / '      0.00', '… 分值  执行' / '率(B/A)  得分').
 */
function isWrapTail(prevText: string, text: string, prev: RawLine, line: RawLine, width: number): boolean {
  if (!prev.tabular || prev.cells.length < 3 || width < 40 || line.headingLevel !== undefined) return false;
  if (displayWidth(prevText) < 0.85 * width) return false;
  // a wrapped row starts again at the margin: a line set under the middle of the row is a row of its own
  const indent = text.length - text.trimStart().length;
  const firstEnd = prev.cellX?.[0]?.x1;
  if (firstEnd !== undefined && indent > firstEnd) return false;
  const t = text.trim();
  if (displayWidth(t) > 0.6 * width || ROW_START_RE.test(t)) return false;
  const figure = (c: string): boolean => FIGURE_WORD_RE.test(c);
  // the figures of a data row that did not fit
  if (prev.cells.some(figure)) return line.cells.length <= 4 && line.cells.every(figure);
  // the end of a header cell or the header's last cells (short, no figures)
  return line.cells.length <= 3 && !line.cells.some((c) => /\d[.,]\d|^\d+$/.test(c)) && line.cells[0]!.length <= 12;
}

/** Appends a wrapped tail to its row: after a tab stop (indented) as cells, else the first piece ends the last cell. */
function appendTail(prev: RawLine, tail: RawLine, indented: boolean): void {
  const x = prev.cellX ?? [];
  let at = (x[x.length - 1]?.x1 ?? prev.text.length) + 2;
  const base = tail.cellX?.[0]?.x0 ?? 0;
  tail.cells.forEach((c, k) => {
    const tx = tail.cellX?.[k] ?? { x0: base, x1: base + c.length };
    if (k === 0 && !indented && prev.cells.length) {
      prev.cells[prev.cells.length - 1] = joinWrapped(prev.cells[prev.cells.length - 1]!, c);
      if (x.length) x[x.length - 1]!.x1 += c.length;
      at += c.length;
      return;
    }
    prev.cells.push(c);
    if (prev.cellX) prev.cellX.push({ x0: at + tx.x0 - base, x1: at + tx.x1 - base });
  });
  prev.text = prev.cells.join('\t');
}

function blockEnd(phys: PhysicalLine[], start: number, runs?: Map<number, number>): number {
  let j = start;
  while (j < phys.length && !isBlank(phys[j]!.text) && !(j > start && runs?.has(j))) j++;
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

/** A line of the one-cell-per-line form once printed and extracted: the tab became a short indent. */
function isIndentedCell(t: string): boolean {
  const n = t.replace(/\f/g, '');
  return /^ {1,8}\S/.test(n) && !/\S {2,}\S/.test(n.trim()) && displayWidth(n.trim()) <= 40;
}

const MIN_HEAD_CELLS = 5;

/**
 * Runs of the one-cell-per-line form in layout text (each cell a short line indented by its tab, an
 * empty cell a blank line, rows two blank lines apart): start index → end index. A run needs five
 * cell lines in a row somewhere (a header) and three figures; it ends at a line that is neither a
 * cell, a blank nor the continuation of a cell.
 */
function findIndentedCellRuns(phys: PhysicalLine[]): Map<number, number> {
  const runs = new Map<number, number>();
  let i = 0;
  while (i < phys.length) {
    let k = i;
    while (k < phys.length && isIndentedCell(phys[k]!.text)) k++;
    if (k - i < MIN_HEAD_CELLS) {
      i = Math.max(k, i + 1);
      continue;
    }
    let start = i;
    while (start > 0 && (isBlank(phys[start - 1]!.text) || isIndentedCell(phys[start - 1]!.text)) && !(start > 1 && isBlank(phys[start - 1]!.text) && isBlank(phys[start - 2]!.text) && !isIndentedCell(phys[start - 3]?.text ?? ''))) start--;
    while (start < i && isBlank(phys[start]!.text)) start++;
    let end = k;
    let prevCell = true;
    while (end < phys.length) {
      const t = phys[end]!.text;
      if (isIndentedCell(t)) prevCell = true;
      else if (isBlank(t)) prevCell = false;
      else if (!(prevCell && !/\S {2,}\S/.test(t.trim()))) break;
      end++;
    }
    while (end > k && isBlank(phys[end - 1]!.text)) end--;
    let figures = 0;
    for (let j = start; j < end; j++) if (FIGURE_WORD_RE.test(phys[j]!.text.trim().replace(/%$/, ''))) figures++;
    if (figures >= 3) {
      runs.set(start, end);
      i = end;
    } else i = k;
  }
  return runs;
}

/** Rows of an indented one-cell-per-line run: two blank lines end a row, one blank line is an empty cell. */
function foldIndentedCells(phys: PhysicalLine[], start: number, end: number): RawLine[] {
  const out: RawLine[] = [];
  let cells: string[] = [];
  let first: PhysicalLine | undefined;
  let blanks = 0;
  const flush = (): void => {
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (first && cells.some((c) => c !== '')) out.push({ line: first.no, page: first.page, text: cells.join('\t'), cells, tabular: cells.length >= 2 });
    cells = [];
    first = undefined;
  };
  for (let j = start; j < end; j++) {
    const p = phys[j]!;
    if (isBlank(p.text)) {
      blanks++;
      continue;
    }
    if (blanks >= 2) {
      flush();
      cells.push(''); // past the separator, the blank that was the row's first (empty) cell
    } else if (blanks === 1) cells.push('');
    blanks = 0;
    const text = cleanCellText(p.text.replace(/\f/g, ''));
    if (isIndentedCell(p.text) || !cells.length) {
      first ??= p;
      cells.push(text);
    } else cells[cells.length - 1] = joinWrapped(cells[cells.length - 1]!, text);
  }
  flush();
  return out;
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
      return { line: p.no, page: p.page, text: split.cells.join('\t'), cells: split.cells, cellX: split.x, xUnit: 'char', tabular: true };
    }
  }
  const cell = cleanCellText(t);
  const line: RawLine = { line: p.no, page: p.page, text: cell, cells: [cell], tabular: false };
  if (headingLevel !== undefined) line.headingLevel = headingLevel;
  else if (layout && cell !== '') {
    // where the line sits: a header label alone on its line is placed by it
    const x0 = t.length - t.trimStart().length;
    line.cellX = [{ x0, x1: x0 + t.trim().length }];
    line.xUnit = 'char';
  }
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
  if (cells.length > 1) return splitNumberText(cells, x);
  return cells.length === 1 ? tightRow(cells[0]!, x[0]!.x0) ?? { cells, x } : { cells, x };
}

/**
 * A line with single spaces only that is a table row ('年度资金总额 5.00 5.00 4.28 10.00 85.60 8.56',
 * '2101301 城乡医疗救助 3,250,400.00', '二、政府性基金预算财政拨款收入 2 二、外交支出 32'): three cells or
 * more, two of them figures, no running text.
 */
export function tightRow(text: string, x0: number): { cells: string[]; x: { x0: number; x1: number }[] } | undefined {
  if (PROSE_RE.test(text)) return undefined;
  const split = splitTightCell(text, x0);
  const figures = split.cells.filter((c) => isFigureWord(c)).length;
  return split.cells.length >= 3 && figures >= 2 ? split : undefined;
}

/**
 * A layout cell (no run of 2+ spaces inside) may still hold several cells set one space apart (tight
 * PDF spacing, proportional fonts, or tab stops closer than a character): '一、一般公共预算财政拨款收入 1',
 * '年度资金总额 35.20 35.20 25.19 10', '1,200.00 一、一般公共服务支出', '总分 100 57.16 分'. The cell
 * is cut between its words where a figure meets a figure or a label, unless the figure reads with
 * the word after it ('2023 年', '30 秒', '57.16 分', '01 表') or the cell is running text.
 */
const FIGURE_WORD_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^[—–－-]{1,2}$/;
const DECIMAL_WORD_RE = /^[+-]?[\d,]*\d\.\d+%?$|^[+-]?\d{1,3}(?:,\d{3})+$/;
/** A word that reads with the figure before it: a unit, a counter, 年/月/日, 表. */
const UNIT_WORD_RE = /^(?:[%‰]|[个件次人户家项天日月年度秒分元万亿台辆批期条份所名套处类款号表页倍周岁]{1,2}|[万亿]?元|小时|平方米|公里|千米|米|吨|亩)[)）]?$/;
/** Running text: sentence punctuation, or quoted words. */
const PROSE_RE = /[，。；！？“”]|[,;](?!\d{3})/;
/** A figure that is a year, a date part or a serial ('2023', '01'): never cut from a CJK word after it. */
const YEAR_RE = /^(?:19|20)\d{2}$/;

function isFigureWord(w: string): boolean {
  return FIGURE_WORD_RE.test(w);
}

function isLabelEnd(w: string): boolean {
  return /[\u4e00-\u9fff）)\]】]\d{0,2}$/.test(w); // a 行次 may be glued to its label ('年初结转和结余29')
}

/** Word indexes after which the cell is cut. */
function cutPoints(words: string[]): number[] {
  const cuts: number[] = [];
  const glued = (k: number): boolean => k + 1 < words.length && UNIT_WORD_RE.test(words[k + 1]!);
  for (let k = 0; k + 1 < words.length; k++) {
    const a = words[k]!;
    const b = words[k + 1]!;
    const fa = isFigureWord(a);
    const fb = isFigureWord(b);
    if (fa && fb) cuts.push(k);
    else if (!fa && fb) {
      if (isLabelEnd(a) && !glued(k + 1) && !(YEAR_RE.test(b) && !DECIMAL_WORD_RE.test(b))) cuts.push(k);
    } else if (fa && !fb) {
      const unitAfter = UNIT_WORD_RE.test(b);
      if (!unitAfter && /^[\u4e00-\u9fff（(]/.test(b) && !YEAR_RE.test(a) && (DECIMAL_WORD_RE.test(a) || /^[一二三四五六七八九十]+[、.]|^[（(]/.test(b) || b.length >= 3)) cuts.push(k);
    }
  }
  return cuts;
}

/**
 * Three or more labels one space apart ('全年预算数(A) 全年执行数(B) 分值', '附属单位上缴收入 其他收入'):
 * header cells set tight. Spaced-out words ('项 目', '栏 次'), a word cut by the width of its cell
 * ('公务用车购 置费', '公务用车 运行维护 费') or a bracketed tail ('因公出国 (境)费') are not such lists.
 */
function isWordList(words: string[]): boolean {
  const labels = words.every((w) => w.length >= 2 && /^[\u4e00-\u9fff]/.test(w) && !isFigureWord(w));
  return labels && (words.length >= 3 || words.every((w) => w.length >= 4));
}

/** Splits one cell at its cut points; x ranges follow the characters. */
export function splitTightCell(text: string, x0: number): { cells: string[]; x: { x0: number; x1: number }[] } {
  const words = text.split(' ');
  if (words.length < 2 || PROSE_RE.test(text)) return { cells: [text], x: [{ x0, x1: x0 + text.length }] };
  const cuts = isWordList(words) ? words.slice(0, -1).map((_, k) => k) : cutPoints(words);
  if (!cuts.length) return { cells: [text], x: [{ x0, x1: x0 + text.length }] };
  const cells: string[] = [];
  const x: { x0: number; x1: number }[] = [];
  let from = 0;
  let at = x0;
  for (const k of [...cuts, words.length - 1]) {
    const part = words.slice(from, k + 1).join(' ');
    cells.push(part);
    x.push({ x0: at, x1: at + part.length });
    at += part.length + 1;
    from = k + 1;
  }
  return { cells, x };
}

/** '公务员医疗补助3.31 3.31 0.00' (figures glued to the label): the label and each figure. */
const TEXT_GLUED_NUMBER_RE = /^(.*[\u4e00-\u9fff）)])([+-]?\d{1,3}(?:,\d{3})*\.\d{2}(?: .*)?)$/;

function splitNumberText(cells: string[], x: { x0: number; x1: number }[]): { cells: string[]; x: { x0: number; x1: number }[] } {
  const outCells: string[] = [];
  const outX: { x0: number; x1: number }[] = [];
  cells.forEach((c, i) => {
    const glued = TEXT_GLUED_NUMBER_RE.exec(c);
    const pieces = glued && !PROSE_RE.test(c) ? [glued[1]!, glued[2]!] : [c];
    let at = x[i]!.x0;
    for (const p of pieces) {
      const split = splitTightCell(p, at);
      outCells.push(...split.cells);
      outX.push(...split.x);
      at += p.length;
    }
  });
  return { cells: outCells, x: outX };
}

/**
 * True when the text looks like `pdftotext -layout` output: several lines (without tabs) hold three
 * or more space-separated columns — or are rows set one space apart (pdfplumber, copy-paste from a
 * viewer) — and such lines outnumber tab-separated ones.
 */
function isLayoutText(phys: PhysicalLine[]): boolean {
  let columnar = 0;
  let tabbed = 0;
  for (const p of phys) {
    if (p.text.includes('\t') || PIPE_ROW_RE.test(p.text)) {
      tabbed++;
      continue;
    }
    const t = p.text.replace(ODD_SPACES, ' ').trim();
    const parts = t.split(/ {2,}/);
    if (parts.length >= 3 || (parts.length === 1 && t.length <= 200 && tightRow(t, 0))) columnar++;
  }
  return columnar >= 5 && columnar > tabbed;
}
