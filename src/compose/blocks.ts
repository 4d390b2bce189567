/**
 * The composed document as a format-neutral list of blocks — headings, paragraphs, tables — that
 * every writer renders the same way. Each block carries the provenance objects of the model nodes
 * it prints; the layout pass (layout.ts) numbers the lines and fills them in, so the Disclosure's
 * provenance is the line of the text rendering (and of the HTML, which has the same lines).
 */
import type { TableLayout } from '../catalog/layouts.js';
import type { Fen, Provenance, Unit } from '../model/index.js';

/**
 * A computed cell: the signed sum of other body cells (row/col in the body grid), or a formula
 * written with the references a spreadsheet gives those cells.
 */
export interface Calc {
  formula?: (ref: (row: number, col: number) => string) => string;
  /** `sheet`: another table's id (T03 …) when the term is in that table. */
  terms: { row: number; col: number; sign: 1 | -1; sheet?: string }[];
}

export interface GridCell {
  text: string;
  /** The amount the text prints, when it prints one (for spreadsheets). */
  fen?: Fen;
  /** How the amount follows from other cells (spreadsheets write it as a formula). */
  calc?: Calc;
  /** A count, score or percentage printed as a number (spreadsheets write it as a number). */
  num?: number;
}

export interface GridRow {
  cells: GridCell[];
  /** Model nodes printed on this row: their `line` is set by the layout, `cell` is kept. */
  provs: Provenance[];
  strong?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** Sheet name and anchor: 'T01' … 'T09', or 'P1' … for performance tables. */
  id: string;
  title: string;
  ordinal?: string;
  /** Lines printed between the title and the header (编制单位：…, 金额单位：万元). */
  preLines: string[];
  header: string[][];
  body: GridRow[];
  notes: string[];
  unit: Unit;
  /** The title's and the end's model nodes. */
  provs: Provenance[];
  onEnd?: (line: number) => void;
  /** Printed landscape in paged formats (wide tables). */
  wide?: boolean;
  /**
   * How the writers print it (merged header cells, widths, formats, orientation): see
   * src/catalog/layouts.ts. Absent: inferred from `header` ('' = merged) and `wide`.
   */
  layout?: TableLayout;
}

export interface HeadingBlock {
  kind: 'heading';
  /** 0 = 第一部分, 1 = 一、, 2 = （一）, 3 = 1. */
  level: number;
  text: string;
  provs: Provenance[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  provs: Provenance[];
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export interface ComposedDocument {
  title: string;
  entity: string;
  year: number;
  unit: Unit;
  blocks: Block[];
}

/** The text lines of a block (the layout every writer shares); tables: title, pre-lines, header, body, notes. */
export function blockLines(b: Block): string[][] {
  if (b.kind !== 'table') return [[b.text]];
  return [
    [b.title],
    ...(b.ordinal ? [[b.ordinal]] : []),
    ...b.preLines.map((l) => [l]),
    ...b.header,
    ...b.body.map((r) => r.cells.map((c) => c.text)),
    ...b.notes.map((n) => [n]),
  ];
}
