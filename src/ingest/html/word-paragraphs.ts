/**
 * The paragraphs of a Word document (outside its tables) as lines, read the way the text form reads
 * its lines — a Word document is often a text file saved as Word, or laid out like one:
 * - every tab is a cell boundary: two tabs in a row leave an empty cell, tabs before the first text
 *   are empty leading cells (a row that starts in a later column keeps its column), trailing tabs
 *   keep the row's width; one tab before the only text is an indent (a plain paragraph);
 * - in a document laid out with runs of spaces (a `pdftotext -layout` text pasted into Word), a
 *   paragraph splits into cells at runs of two or more spaces;
 * - "one cell per paragraph": rows separated by empty paragraphs, each cell a paragraph starting
 *   with a tab (a table saved as text) fold into one tabular line — only where at least two such
 *   rows follow each other, so tab-indented prose stays prose;
 * - a markdown '#' marker is a heading level and a '- ' bullet is dropped, as in the text form.
 */
import { normalizeCell } from '../normalize.js';
import { cleanCellText } from '../recognize/cells.js';
import { joinWrapped, layoutCells } from '../text/split-lines.js';

/** A paragraph as the walker saw it: its text with tabs, or an empty paragraph (`raw` ''). */
export interface WordParagraph {
  raw: string;
  heading?: number;
}

export interface WordLine {
  cells: string[];
  tabular: boolean;
  headingLevel?: number;
}

const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(?=\S)/;
const CELL_PARAGRAPH = /^\t[^\t]*$/;

/** A cell of a Word paragraph: markdown emphasis and bookmarks removed as the text form does, then normalised. */
function wordCell(s: string): string {
  return normalizeCell(cleanCellText(s));
}

function isBlank(p: WordParagraph): boolean {
  return p.heading === undefined && !p.raw.includes('\t') && p.raw.trim() === '';
}

/** One paragraph → a line (undefined when it holds no text). */
export function paragraphLine(p: WordParagraph, spaceCells: boolean): WordLine | undefined {
  let text = p.raw.replace(/[\r\n]+/g, ' ');
  let headingLevel = p.heading;
  const md = headingLevel === undefined && !text.includes('\t') ? MARKDOWN_HEADING.exec(text) : null;
  if (md) {
    headingLevel = md[1]!.length;
    text = text.slice(md[0].length).replace(/\s#+\s*$/, '');
  }
  if (text.includes('\t')) {
    const parts = text.replace(/(?<![^\S\t])[^\S\t]+$/, '').split('\t').map(wordCell); // trailing run from its start only: linear
    let lead = 0;
    while (lead < parts.length && parts[lead] === '') lead++;
    const rest = parts.filter((c) => c !== '').length;
    if (rest > 1 || (rest === 1 && (lead > 1 || parts.length > lead + 1))) return { cells: parts, tabular: true };
    text = parts[lead] ?? '';
  } else if (spaceCells && headingLevel === undefined) {
    const split = layoutCells(text);
    if (split.cells.length > 1) return { cells: split.cells.map(wordCell), tabular: true };
  }
  if (headingLevel === undefined) text = text.replace(/^(\s*)[-*+•]\s+(?=\S)/, '$1');
  const cell = wordCell(text);
  if (!cell) return undefined;
  return headingLevel === undefined ? { cells: [cell], tabular: false } : { cells: [cell], tabular: false, headingLevel };
}

/**
 * Index from which the block [start, end) is one cell per paragraph (end when it is not): from a
 * paragraph '\t<text>' to the end of the block, every paragraph is '\t<text>' or a wrapped
 * continuation without tab, and at least two are cell paragraphs.
 */
function cellBlockStart(ps: WordParagraph[], start: number, end: number): number {
  for (let j = start; j < end; j++) {
    if (!CELL_PARAGRAPH.test(ps[j]!.raw)) continue;
    let cells = 0;
    for (let k = j; k < end; k++) {
      const t = ps[k]!.raw;
      if (CELL_PARAGRAPH.test(t)) cells++;
      else if (t.includes('\t') || ps[k]!.heading !== undefined) return end;
    }
    return cells >= 2 ? j : end;
  }
  return end;
}

function foldCells(ps: WordParagraph[], start: number, end: number): WordLine {
  const cells: string[] = [];
  for (let k = start; k < end; k++) {
    const t = ps[k]!.raw;
    if (t.startsWith('\t')) cells.push(wordCell(t.slice(1)));
    else cells[cells.length - 1] = joinWrapped(cells[cells.length - 1] ?? '', wordCell(t));
  }
  return { cells, tabular: true };
}

/** A run of paragraphs (between tables) → lines. */
export function wordParagraphLines(ps: WordParagraph[], spaceCells: boolean): WordLine[] {
  // blocks between empty paragraphs; where each one folds (its end when it does not)
  const blocks: { start: number; end: number; fold: number }[] = [];
  for (let i = 0; i < ps.length; ) {
    if (isBlank(ps[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < ps.length && !isBlank(ps[end]!)) end++;
    blocks.push({ start: i, end, fold: cellBlockStart(ps, i, end) });
    i = end;
  }
  const folds = (b: { start: number; end: number; fold: number } | undefined): boolean => b !== undefined && b.fold < b.end;
  const out: WordLine[] = [];
  blocks.forEach((b, n) => {
    // a single cell-per-paragraph block is not a table: tab-indented paragraphs stay paragraphs
    const fold = folds(b) && ((folds(blocks[n - 1]) && b.fold === b.start) || (folds(blocks[n + 1]) && blocks[n + 1]!.fold === blocks[n + 1]!.start)) ? b.fold : b.end;
    for (let j = b.start; j < fold; j++) {
      const line = paragraphLine(ps[j]!, spaceCells);
      if (line) out.push(line);
    }
    if (fold < b.end) out.push(foldCells(ps, fold, b.end));
  });
  return out;
}
