/**
 * Workbooks: .xlsx via exceljs, legacy .xls via SheetJS (read only) → RawDocument, one line per
 * non-blank sheet row, with the cell's displayed text (its number format applied: 2 decimals stay
 * 2 decimals), merged ranges as the value in the top-left and blanks, and sheet name and A1 refs.
 */
import ExcelJS from 'exceljs';
import { detectFormat } from '../detect.js';
import { LineSink } from '../normalize.js';
import { InputError, type RawDocument } from '../raw.js';
import { formatDate, formatNumber } from './format.js';
import { emitSheet, type GridCell, type SheetGrid } from './grid.js';
import { readXlsSheets } from './read-xls.js';

type CellValue = ExcelJS.CellValue;

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

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: (GridCell | undefined)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: (GridCell | undefined)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      let lastCol = c;
      while (cell.isMerged && lastCol < ws.columnCount && row.getCell(lastCol + 1).master === cell) lastCol++;
      cells[c - 1] = { text: valueText(cell.value, cell.numFmt), lastCol: lastCol - 1 };
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
  return wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden').map(sheetGrid);
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
