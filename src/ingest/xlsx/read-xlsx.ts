/**
 * Workbooks: .xlsx via exceljs, legacy .xls via SheetJS (read only) → RawDocument, one line per
 * non-blank sheet row, with the cell's displayed text (its number format applied: 2 decimals stay
 * 2 decimals), merged ranges as the value in the top-left and blanks, and sheet name and A1 refs.
 */
import ExcelJS from 'exceljs';
import XLSX from 'xlsx';
import { detectFormat } from '../detect.js';
import { BoundedSink, Budget, checkLimit } from '../limits.js';
import { scanXml, scanZip } from '../limits-zip.js';
import { InputError, type RawDocument } from '../raw.js';
import { formatDate, formatNumber } from './format.js';
import { emitSheet, type GridCell, type SheetGrid } from './grid.js';
import { damagedWorkbook, readXlsSheets } from './read-xls.js';

type CellValue = ExcelJS.CellValue;

/**
 * The cached value of a formula cell as stored in the file. exceljs drops a cached result of 0
 * (`<f>…</f><v>0</v>` reads as a formula without result), so such cells are looked up with
 * SheetJS, parsed once and only when needed.
 */
class CachedValues {
  private book?: XLSX.WorkBook;
  private failed = false;
  constructor(private readonly bytes: Uint8Array) {}
  get(sheet: string, address: string): CellValue {
    if (this.failed) return null;
    try {
      this.book ??= XLSX.read(this.bytes, { type: 'array', cellFormula: false, cellHTML: false });
    } catch {
      this.failed = true; // SheetJS cannot read what exceljs could: the cached result stays unknown
      return null;
    }
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

/** Excel's last column (XFD), 1-based. */
const MAX_COLUMN = 16_384;

/** The rows that hold cells, sparse: only rows and cells the file stores are visited. */
function sheetGrid(ws: ExcelJS.Worksheet, cached: CachedValues, budget: Budget): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (GridCell | undefined)[] = [];
    budget.add(row.cellCount);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      let lastCol = c;
      while (cell.isMerged && lastCol < MAX_COLUMN && row.findCell(lastCol + 1)?.master === cell) lastCol++;
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      cells[c - 1] = { text: valueText(isFormula ? formulaResult(cell, cached) : cell.value, cell.numFmt), lastCol: lastCol - 1 };
    });
    rows.push({ r: r - 1, cells });
  });
  return { name: ws.name, rows };
}

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells covered by a merged range 'B2:XFD200000' (1 for a single cell or a ref not understood). */
function mergeArea(tag: string): number {
  const m = /\bref\s*=\s*["']\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/.exec(tag);
  if (!m || !m[3] || !m[4]) return 1;
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  const cols = Math.abs(column(m[3]) - column(m[1]!)) + 1;
  return rows * cols;
}

const WORKBOOK_PART = 'xl/workbook.xml';
/** Sheet ids are numbered from 1 as sheets are added (Excel allows at most as many sheets as memory does; real ids stay in the tens). */
const MAX_SHEET_ID = 65_535;

function outOfGrid(tag: string, re: RegExp, max: number): boolean {
  for (const m of tag.matchAll(re)) if (Number(m[1]) > max || Number(m[1]) < 0) return true;
  return false;
}

/**
 * The workbook checked before exceljs parses it: the ZIP container (entries, inflated size), then
 * each sheet's XML in one pass (nesting, cells, merged ranges: exceljs makes a cell object for
 * every cell of a merge, and checks every merge against all the others).
 */
function checkWorkbook(bytes: Uint8Array): void {
  const { parts } = scanZip(bytes, (name) => WORKSHEET_PART.test(name) || name === WORKBOOK_PART);
  const cells = new Budget('sheetCells');
  const merged = new Budget('mergedCells');
  for (const [name, xml] of parts) {
    if (name === WORKBOOK_PART) {
      // exceljs keeps worksheets in an array indexed by sheet id and scans all of it for each
      // sheet's name: an id of 10⁸ (a damaged workbook) looped for minutes
      const sheets = scanXml(xml, { capture: ['sheet'], where: name }).captured.get('sheet') ?? [];
      for (const tag of sheets) if (outOfGrid(tag, /\bsheetId\s*=\s*["']\s*(-?\d+)/g, MAX_SHEET_ID)) throw damagedWorkbook('.xlsx', new Error(`${name}: a sheet id past ${MAX_SHEET_ID}`));
      continue;
    }
    const scan = scanXml(xml, { count: ['c'], capture: ['mergeCell', 'col', 'row'], where: name });
    cells.add(scan.counts.get('c') ?? 0);
    // Column and row numbers past Excel's grid (exceljs allocates up to them): a damaged sheet.
    for (const tag of scan.captured.get('col') ?? []) if (outOfGrid(tag, /\b(?:min|max)\s*=\s*["']\s*(-?\d+)/g, 16_384)) throw damagedWorkbook('.xlsx', new Error(`${name}: a column range past column XFD`));
    for (const tag of scan.captured.get('row') ?? []) if (outOfGrid(tag, /\br\s*=\s*["']\s*(-?\d+)/g, 1_048_576)) throw damagedWorkbook('.xlsx', new Error(`${name}: a row number past row 1048576`));
    const merges = scan.captured.get('mergeCell') ?? [];
    checkLimit('mergeRanges', merges.length, name);
    for (const tag of merges) merged.add(mergeArea(tag));
  }
}

async function readXlsxSheets(bytes: Uint8Array): Promise<SheetGrid[]> {
  checkWorkbook(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw damagedWorkbook('.xlsx', err);
  }
  const cached = new CachedValues(bytes);
  const budget = new Budget('gridCells');
  return wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden').map((ws) => sheetGrid(ws, cached, budget));
}

export async function readXlsx(bytes: Uint8Array, name?: string): Promise<RawDocument> {
  let format: 'xlsx' | 'xls' = 'xlsx';
  try {
    if (detectFormat(bytes, name) === 'xls') format = 'xls';
  } catch {
    /* not a workbook by its content: let the reader report it */
  }
  const sheets = format === 'xls' ? await readXlsSheets(bytes) : await readXlsxSheets(bytes);
  const sink = new BoundedSink();
  const budget = new Budget('gridCells');
  for (const sheet of sheets) emitSheet(sheet, sink, budget);
  if (sink.lines.length === 0) throw new InputError(`the workbook${name ? ` ${name}` : ''} has no data`);
  return { format, name, lines: sink.lines };
}
