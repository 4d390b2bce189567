/** Where a cell, sentence or figure stands in the source, set once at ingest. */
export interface Provenance {
  /** 1-based line in the text as read (for PDF/Excel/Word/HTML: the line of the normalised text rendering). */
  line: number;
  /** 1-based page, where the format has pages (PDF). */
  page?: number;
  /** 0-based column (cell index) in the raw line, when the node is a cell. */
  cell?: number;
  /** Character offset in the line's text (for figures inside sentences). */
  offset?: number;
  /** Bounding box [x0, y0, x1, y1] in PDF user space, when known. */
  bbox?: [number, number, number, number];
  /** Sheet name (Excel) and A1 reference, when the source is a workbook. */
  sheet?: string;
  ref?: string;
}
