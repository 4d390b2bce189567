/**
 * Workbooks: .xlsx via exceljs, legacy .xls via SheetJS (read only) → RawDocument, one line per
 * non-blank sheet row, with the cell's displayed text (its number format applied: 2 decimals stay
 * 2 decimals), merged ranges as the value in the top-left and blanks, and sheet name and A1 refs.
 */
import ExcelJS from 'exceljs';
import XLSX from 'xlsx';
import { detectFormat } from '../detect.js';
import { LineSink } from '../normalize.js';
import { InputError, type RawDocument } from '../raw.js';
import { formatDate, formatNumber } from './format.js';
import { emitSheet, type GridCell, type SheetGrid } from './grid.js';
import { readXlsSheets } from './read-xls.js';

type CellValue = ExcelJS.CellValue;

/**
 * The cached value of a formula cell as stored in the file. exceljs drops a cached result of 0
 * (`<f>…</f><v>0</v>` reads as a formula without result), so such cells are looked up with
 * SheetJS, parsed once and only when needed.
 */
class CachedValues {
  private book?: XLSX.WorkBook;
  constructor(private readonly bytes: Uint8Array) {}
  get(sheet: string, address: string): CellValue {
    this.book ??= XLSX.read(this.bytes, { type: 'array', cellFormula: false, cellHTML: false });
    const cell = this.book.Sheets[sheet]?.[address] as XLSX.CellObject | undefined;
    return typeof cell?.v === 'number' || typeof cell?.v === 'string' || typeof cell?.v === 'boolean' ? cell.v : null;
  }
}

function formulaResult(cell: ExcelJS.Cell, cached: CachedValues): CellValue {
  const value = cell.value as { result?: CellValue };
  return value.result !== undefined ? value.result : cached.get(cell.worksheet.name, cell.address);
}

function valueText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, numFmt);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return valueText((value as { result?: CellValue }).result ?? null, numFmt);
  if ('hyperlink' in value) return valueText((value as { text: CellValue }).text, numFmt);
  if ('error' in value) return String(value.error);
  return '';
}

function sheetGrid(ws: ExcelJS.Worksheet, cached: CachedValues): SheetGrid {
  const rows: (GridCell | undefined)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: (GridCell | undefined)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      let lastCol = c;
      while (cell.isMerged && lastCol < ws.columnCount && row.getCell(lastCol + 1).master === cell) lastCol++;
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      cells[c - 1] = { text: valueText(isFormula ? formulaResult(cell, cached) : cell.value, cell.numFmt), lastCol: lastCol - 1 };
    }
    rows.push(cells);
  }
  return { name: ws.name, rows };
}

async function readXlsxSheets(bytes: Uint8Array): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw new InputError(`cannot read the Excel workbook (damaged or encrypted .xlsx?): ${(err as Error).message}`);
  }
  const cached = new CachedValues(bytes);
  return wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden').map((ws) => sheetGrid(ws, cached));
}

export async function readXlsx(bytes: Uint8Array, name?: string): Promise<RawDocument> {
  let format: 'xlsx' | 'xls' = 'xlsx';
  try {
    if (detectFormat(bytes, name) === 'xls') format = 'xls';
  } catch {
    /* not a workbook by its content: let the reader report it */
  }
  const sheets = format === 'xls' ? readXlsSheets(bytes) : await readXlsxSheets(bytes);
  const sink = new LineSink();
  for (const sheet of sheets) emitSheet(sheet, sink);
  if (sink.lines.length === 0) throw new InputError(`the workbook${name ? ` ${name}` : ''} has no data`);
  return { format, name, lines: sink.lines };
}
