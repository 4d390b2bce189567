/**
 * XLSX (exceljs): one sheet per table, in document order, with the text parts on their own
 * sheets. Each table sheet follows the table's layout (src/catalog/layouts.ts): merged header
 * cells, column widths, the form's orientation, printed A4 fit to one page wide (fitToPage,
 * fitToHeight 0) with the header rows repeated on every page (print titles) and frozen on screen;
 * wrapped text rows get their height, so names and the cover text are not cut. Every computed cell is a formula (=SUM of its children, the row identities, cross-sheet
 * references for T01/T04) with its cached result, so the workbook shows the figures without
 * recalculation and recalculates to the same figures.
 */
import ExcelJS from 'exceljs';
import { FEN_PER_UNIT } from '../../model/index.js';
import { bodySpans, textWidth } from '../../catalog/layouts.js';
import type { Block, ComposedDocument, GridCell, TableBlock } from '../blocks.js';
import { layoutOf } from '../layout.js';

const AMOUNT_FORMAT = '#,##0.00';
const HIDDEN_ZERO_FORMAT = '#,##0.00;-#,##0.00;;@';
const THIN = { style: 'thin' as const, color: { argb: 'FF444444' } };
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function sheetName(b: TableBlock): string {
  return `${b.id} ${b.title}`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
}

/** Sheet row (1-based) of the first body row. */
export function bodyStart(b: TableBlock): number {
  return 1 + (b.ordinal ? 1 : 0) + b.preLines.length + b.header.length + 1;
}

interface Sheets {
  names: Map<string, string>;
  tables: Map<string, TableBlock>;
}

function reference(sheets: Sheets, self: TableBlock, row: number, col: number, sheet?: string): string {
  const target = sheet ? sheets.tables.get(sheet) : self;
  if (!target) throw new Error(`formula refers to a table not in the workbook: ${sheet}`);
  const a1 = `${columnLetter(col)}${bodyStart(target) + row}`;
  return sheet && sheet !== self.id ? `'${sheets.names.get(sheet)!.replace(/'/g, "''")}'!${a1}` : a1;
}

function cellValue(c: GridCell, b: TableBlock, sheets: Sheets): ExcelJS.CellValue {
  const result = c.fen !== undefined ? c.fen / FEN_PER_UNIT[b.unit] : c.num;
  if (c.calc && result !== undefined) {
    const ref = (row: number, col: number) => reference(sheets, b, row, col);
    const formula = c.calc.formula
      ? c.calc.formula(ref)
      : c.calc.terms.map((t, i) => `${t.sign < 0 ? '-' : i ? '+' : ''}${reference(sheets, b, t.row, t.col, t.sheet)}`).join('') || '0';
    return { formula, result };
  }
  if (result !== undefined && c.text !== '') return result;
  return c.text === '' ? null : c.text;
}

/** Excel column width (characters of the default font) of a layout width in 全角 units. */
const XLSX_UNITS_PER_CJK = 2.2;

function mergeAndStyle(ws: ExcelJS.Worksheet, top: number, left: number, rowSpan: number, colSpan: number, style: (c: ExcelJS.Cell) => void): void {
  for (let r = top; r < top + rowSpan; r++) for (let c = left; c < left + colSpan; c++) style(ws.getCell(r, c));
  if (rowSpan > 1 || colSpan > 1) ws.mergeCells(top, left, top + rowSpan - 1, left + colSpan - 1);
}

/** Rows of wrapped text need their height: Excel and LibreOffice do not grow them on opening. */
function wrappedHeight(text: string, widthChars: number, pt: number): number {
  // Column widths count characters of the 11 pt default font; the text is set at `pt`.
  const lines = Math.max(1, Math.ceil((textWidth(text) * XLSX_UNITS_PER_CJK * (pt / 11)) / Math.max(4, widthChars - 1)));
  return Math.ceil(lines * pt * 1.35 + 4);
}

function writeTable(ws: ExcelJS.Worksheet, b: TableBlock, sheets: Sheets): void {
  const layout = layoutOf(b);
  const width = Math.max(layout.columns.length, ...b.body.map((r) => r.cells.length), 1);
  const widths = layout.columns.map((c) => Math.max(5, c.width * XLSX_UNITS_PER_CJK + 1));
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const total = widths.reduce((a, w) => a + w, 0);
  const pt = Math.max(8, Math.round(layout.fontPt + 1));
  const title = ws.addRow([b.title]);
  title.font = { bold: true, size: 16 };
  title.height = 28;
  ws.mergeCells(title.number, 1, title.number, width);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  if (b.ordinal) {
    const r = ws.addRow([b.ordinal]);
    ws.mergeCells(r.number, 1, r.number, width);
    r.alignment = { horizontal: 'right' };
  }
  for (const l of b.preLines) {
    const r = ws.addRow([l]);
    ws.mergeCells(r.number, 1, r.number, width);
    r.alignment = { horizontal: /单位：/.test(l) && !/编制/.test(l) ? 'right' : 'left' };
  }
  const headerTop = ws.rowCount + 1;
  const grid = b.header;
  for (const h of grid) ws.addRow(h);
  for (const row of layout.header) {
    for (const c of row) {
      mergeAndStyle(ws, headerTop + c.row, c.col + 1, c.rowSpan, c.colSpan, (cell) => {
        cell.border = BORDER;
        cell.font = { bold: true, size: pt };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      });
    }
  }
  for (let r = 0; r < grid.length; r++) {
    const longest = Math.max(0, ...layout.header[r]!.map((c) => wrappedHeight(c.text, widths.slice(c.col, c.col + c.colSpan).reduce((a, w) => a + w, 0), pt) / c.rowSpan));
    ws.getRow(headerTop + r).height = Math.max(pt * 1.6, longest);
  }
  const bodyTop = ws.rowCount + 1;
  for (const r of b.body) {
    const row = ws.addRow(r.cells.map((c) => cellValue(c, b, sheets)));
    let height = pt * 1.4;
    for (let i = 0; i < width; i++) {
      const c = r.cells[i];
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      cell.font = { size: pt, ...(r.strong && { bold: true }) };
      const format = layout.columns[i]?.format;
      const numeric = c?.fen !== undefined || c?.num !== undefined;
      cell.alignment = { vertical: 'middle', wrapText: !numeric, horizontal: numeric ? 'right' : format === 'code' || format === 'lineNo' ? 'center' : 'left' };
      if (c?.fen !== undefined) cell.numFmt = c.text === '' ? HIDDEN_ZERO_FORMAT : AMOUNT_FORMAT;
      else if (c?.num !== undefined) cell.numFmt = /\.\d\d%?$/.test(c.text) ? (/%$/.test(c.text) ? '0.00"%"' : '0.00') : 'General';
      if (c && !numeric && c.text) height = Math.max(height, wrappedHeight(c.text, widths[i] ?? 10, pt));
    }
    row.height = height;
  }
  const texts = b.body.map((r) => r.cells.map((c) => c.text));
  for (const s of bodySpans(layout, texts, b.body.map((r) => !!r.strong))) {
    const span = widths.slice(s.col, s.col + s.colSpan).reduce((a, w) => a + w, 0);
    mergeAndStyle(ws, bodyTop + s.row, s.col + 1, s.rowSpan, s.colSpan, (cell) => { cell.border = BORDER; });
    const row = ws.getRow(bodyTop + s.row);
    row.height = Math.max(pt * 1.5, Math.min(row.height ?? 0, wrappedHeight(s.text, span, pt)));
  }
  const bodyEnd = ws.rowCount;
  for (const n of b.notes) {
    const r = ws.addRow([n]);
    ws.mergeCells(r.number, 1, r.number, width);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.height = wrappedHeight(n, total, 10);
  }
  const headerEnd = headerTop + grid.length - 1;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: grid.length ? headerEnd : bodyTop - 1, topLeftCell: `A${(grid.length ? headerEnd : bodyTop - 1) + 1}` }];
  ws.pageSetup = {
    paperSize: 9, orientation: layout.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.45, bottom: 0.45, header: 0.2, footer: 0.2 },
    printArea: `A1:${columnLetter(width - 1)}${ws.rowCount}`,
    ...(grid.length && layout.repeatHeader && { printTitlesRow: `${headerTop}:${headerEnd}` }),
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  void bodyEnd;
}

function writeText(ws: ExcelJS.Worksheet, blocks: Block[]): void {
  const width = 72;
  ws.getColumn(1).width = width;
  blocks.forEach((b, i) => {
    if (b.kind === 'table') return;
    const row = ws.addRow([b.text]);
    const cover = i === 0 && b.kind === 'heading' && b.level === 0 && ws.name === COVER_SHEET;
    const pt = cover ? 20 : b.kind === 'heading' ? 12 : 11;
    row.font = { size: pt, ...(b.kind === 'heading' && { bold: true }) };
    row.alignment = { wrapText: true, vertical: 'top', ...(cover && { horizontal: 'center', vertical: 'middle' }) };
    row.height = cover ? 60 : wrappedHeight(b.text, width, pt);
  });
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.7, right: 0.7, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 }, printArea: `A1:A${Math.max(1, ws.rowCount)}` };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

const COVER_SHEET = '封面及概况';

export async function writeXlsx(doc: ComposedDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'juesuan';
  wb.title = doc.title;
  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const sheets: Sheets = { names: new Map(tables.map((t) => [t.id, sheetName(t)])), tables: new Map(tables.map((t) => [t.id, t])) };
  let textRun: Block[] = [];
  let textSheets = 0;
  const flush = () => {
    if (!textRun.length) return;
    writeText(wb.addWorksheet(textSheets++ === 0 ? COVER_SHEET : `说明${textSheets - 1}`), textRun);
    textRun = [];
  };
  for (const b of doc.blocks) {
    if (b.kind !== 'table') {
      textRun.push(b);
      continue;
    }
    flush();
    writeTable(wb.addWorksheet(sheets.names.get(b.id)!), b, sheets);
  }
  flush();
  // Fast deflate: the workbook is small; level 1 halves the time of the default level for a few % of size.
  return new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
}
