/**
 * Ruled tables continued over a page break: header rows the producer repeated at the top of the
 * next page are dropped (the table reads as one), and a row broken by the page boundary — the
 * first row of the page only continues cells of the previous page's last row (same columns, text
 * only in cells whose last line ran full width, no numbers) — is joined to it.
 */
import type { PageRows } from './furniture.js';
import type { PdfRow } from './table-rows.js';
import { joinWrapped } from './text-join.js';
import { settleWraps, unseenTabs } from './tab-stops.js';
import { foldCellLines } from './cell-lines.js';

const NUMBER = /^[-+(（]?[\d,.]*\d[\d,.]*%?[)）]?$/;
const MAX_HEADER_ROWS = 4;
/** A last line reaching this share of the cell's width is full: the text may go on. */
const FULL_LINE = 0.8;

function sameColumns(a: PdfRow, b: PdfRow): boolean {
  return a.cellX.length === b.cellX.length && a.cellX.every((x, i) => Math.abs(x.x0 - b.cellX[i]!.x0) < 2 && Math.abs(x.x1 - b.cellX[i]!.x1) < 2);
}

/** The next page's first row only continues cells of `prev` whose last line ran to the cell's edge (text wrapping on). */
function continues(prev: PdfRow, next: PdfRow): boolean {
  const filled = next.cells.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0 || filled.length > prev.cells.filter(Boolean).length) return false;
  return filled.every((i) => prev.cells[i] !== '' && !NUMBER.test(next.cells[i]!) && (prev.fill?.[i] ?? 0) >= FULL_LINE
    && !/[。；;!！?？]$/.test(prev.cells[i]!));
}

const sameCells = (a: PdfRow, b: PdfRow): boolean => a.cells.length === b.cells.length && a.cells.every((c, i) => c === b.cells[i]);

const AMOUNT = /^[-+]?[\d,]*\d\.\d+$|^[-+]?\d{1,3}(?:,\d{3})+$/;

/** A row set with tabs whose last figures wrapped over the page break ('' | 264,282.56 | …). */
function joinTabbedRows(pages: PageRows[]): void {
  for (let k = 1; k < pages.length; k++) {
    const prev = pages[k - 1]!.rows.at(-1);
    const first = pages[k]!.rows[0];
    if (!prev?.tabs || !first?.tabs || first.cells[0] !== '') continue;
    const rest = first.cells.slice(1);
    if (!AMOUNT.test(rest[0] ?? '') || !rest.every((c) => c === '' || AMOUNT.test(c))) continue;
    prev.cells.push(...Array.from({ length: unseenTabs(prev, rest[0]!.length) }, () => ''), ...rest);
    pages[k]!.rows.shift();
  }
}

/** Joins tables continued over page breaks (in place). */
export function joinContinuedRows(pages: PageRows[]): void {
  joinTabbedRows(pages);
  settleWraps(pages.flatMap((p) => p.rows));
  foldCellLines(pages);
  const headers = new Map<number, PdfRow[]>();
  const headerOf = (block: number, rows: PdfRow[]): PdfRow[] => headers.get(block) ?? rows.filter((r) => r.block === block).slice(0, MAX_HEADER_ROWS);
  for (let k = 1; k < pages.length; k++) {
    const prevRows = pages[k - 1]!.rows;
    const prev = prevRows[prevRows.length - 1];
    const rows = pages[k]!.rows;
    const first = rows[0];
    if (!prev?.ruled || !first?.ruled || prev.block === undefined || first.block === undefined || !sameColumns(prev, first)) continue;
    const header = headerOf(prev.block, prevRows);
    headers.set(first.block, header);
    let n = 0;
    while (n < header.length && rows[n]?.block === first.block && sameCells(rows[n]!, header[n]!)) n++;
    rows.splice(0, n);
    const next = rows[0];
    if (n === 0 && next && continues(prev, next)) {
      prev.cells = prev.cells.map((c, i) => (next.cells[i] ? joinWrapped([c, next.cells[i]!]) : c));
      rows.shift();
    }
  }
}
