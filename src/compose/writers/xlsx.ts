/**
 * XLSX (exceljs): one sheet per table, in document order, with the text parts on their own
 * sheets. Every computed cell is a formula (=SUM of its children, the row identities, cross-sheet
 * references for T01/T04) with its cached result, so the workbook shows the figures without
 * recalculation and recalculates to the same figures.
 */
import ExcelJS from 'exceljs';
import { FEN_PER_UNIT } from '../../model/index.js';
import type { Block, ComposedDocument, GridCell, TableBlock } from '../blocks.js';

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

function writeTable(ws: ExcelJS.Worksheet, b: TableBlock, sheets: Sheets): void {
  const width = Math.max(...b.header.map((r) => r.length), ...b.body.map((r) => r.cells.length), 1);
  const title = ws.addRow([b.title]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(title.number, 1, title.number, width);
  title.alignment = { horizontal: 'center' };
  if (b.ordinal) ws.addRow([b.ordinal]);
  for (const l of b.preLines) ws.addRow([l]);
  for (const h of b.header) {
    const row = ws.addRow(h);
    row.font = { bold: true };
    row.eachCell({ includeEmpty: true }, (c) => { c.border = BORDER; c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }; });
  }
  for (const r of b.body) {
    const row = ws.addRow(r.cells.map((c) => cellValue(c, b, sheets)));
    r.cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      if (c.fen !== undefined) cell.numFmt = c.text === '' ? HIDDEN_ZERO_FORMAT : AMOUNT_FORMAT;
      else if (c.num !== undefined) cell.numFmt = /\.\d\d$/.test(c.text) ? '0.00' : 'General';
    });
    if (r.strong) row.font = { bold: true };
  }
  for (const n of b.notes) ws.addRow([n]);
  ws.columns.forEach((col, i) => { col.width = i === 0 ? 16 : i === 1 || i === 3 ? 30 : 16; });
}

function writeText(ws: ExcelJS.Worksheet, blocks: Block[]): void {
  ws.getColumn(1).width = 120;
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    const row = ws.addRow([b.text]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (b.kind === 'heading') row.font = { bold: true };
  }
}

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
    writeText(wb.addWorksheet(textSheets++ === 0 ? '封面及概况' : `说明${textSheets - 1}`), textRun);
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
