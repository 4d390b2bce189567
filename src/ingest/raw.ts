import type { SourceFormat } from '../model/index.js';

/**
 * What every format reader produces and the recognizers consume: the document as lines of cells.
 * - text: a line of the file; cells split on tabs (or runs of 2+ spaces for `pdftotext -layout` text).
 * - pdf: a visual row of a page; cells from x-gaps / ruling lines.
 * - xlsx/xls: a sheet row; docx/html: a table row, or a paragraph as a one-cell line.
 * Recognizers never see the format: one recognizer serves all readers.
 */
export interface RawLine {
  /** 1-based, unique and increasing across the document (the line number findings cite). */
  line: number;
  page?: number;
  /** The whole line as text (cells joined with a tab for tabular lines). */
  text: string;
  /** Cells in order, trimmed, markup removed; a paragraph line has one cell. Empty cells are ''. */
  cells: string[];
  /** True when the source marks this line as a table row (a <tr>, a sheet row, a PDF row inside ruling lines, a tab-separated line). */
  tabular: boolean;
  /** Per-cell positions when known (PDF x-ranges in points, or sheet column indexes). */
  cellX?: { x0: number; x1: number }[];
  /**
   * 'char' when cellX are character columns of a text laid out by a tool (`pdftotext -layout`): each
   * page has a grid of its own, so positions compare within a page only. Absent: points or indexes.
   */
  xUnit?: 'char';
  /** Sheet name and A1 refs per cell (workbooks). */
  sheet?: string;
  refs?: string[];
  /** A heading level marked by the source (markdown '#', <h1>, docx Heading 1), when any. */
  headingLevel?: number;
}

export interface RawDocument {
  format: SourceFormat;
  name?: string;
  lines: RawLine[];
  /** Pages count when the format has pages. */
  pages?: number;
}

/** A reader failed in a way the user must act on (not a bug): printed as one line, exit 2. */
export class InputError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'InputError';
  }
}
