/** Legacy .xls (BIFF) workbooks through SheetJS, read only: displayed texts (`w`) and merges. */
import type XLSX from 'xlsx';
import XLSXLib from 'xlsx';
import { Budget, checkLimit } from '../limits.js';
import { InputError } from '../raw.js';
import { checkCompoundFile } from './cfb-check.js';
import { formatNumber } from './format.js';
import type { GridCell, SheetGrid } from './grid.js';
import { ParseError, parseXlsInChild } from './xls-parser-process.js';

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell) return '';
  if (typeof cell.w === 'string') return cell.w;
  if (typeof cell.v === 'number') return formatNumber(cell.v, typeof cell.z === 'string' ? cell.z : undefined);
  return cell.v === undefined || cell.v === null ? '' : String(cell.v);
}

/** Only the cells the file stores are visited (sparse), and merges are checked against the limits first. */
function sheetGrid(name: string, ws: XLSX.WorkSheet, cells: Budget, merged: Budget): SheetGrid {
  const merges = ws['!merges'] ?? [];
  checkLimit('mergeRanges', merges.length, name);
  const covered = new Set<number>();
  const lastCol = new Map<number, number>();
  const key = (r: number, c: number): number => r * 65_536 + c;
  for (const m of merges) {
    merged.add((m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1));
    lastCol.set(key(m.s.r, m.s.c), m.e.c);
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(key(r, c));
  }
  const byRow = new Map<number, (GridCell | undefined)[]>();
  for (const address of Object.keys(ws)) {
    if (address.startsWith('!')) continue;
    cells.add();
    const { r, c } = XLSXLib.utils.decode_cell(address);
    if (r < 0 || c < 0 || covered.has(key(r, c))) continue;
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = []));
    row[c] = { text: cellText(ws[address] as XLSX.CellObject), lastCol: lastCol.get(key(r, c)) ?? c };
  }
  const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([r, cells]) => ({ r, cells }));
  return { name, rows };
}

const PROPERTY_STREAMS = ['\u0005SummaryInformation', '\u0005DocumentSummaryInformation'].map((n) => Buffer.from(n, 'utf16le'));

/**
 * A copy of the compound file with its document-property streams emptied: SheetJS always parses
 * them, and trusts their property count (a damaged count made it allocate gigabytes). The
 * properties (author, title of the file) are not used here.
 */
function withoutPropertyStreams(bytes: Uint8Array): Uint8Array {
  let copy: Buffer | undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const name of PROPERTY_STREAMS) {
    for (let i = buf.indexOf(name); i >= 0; i = buf.indexOf(name, i + 2)) {
      if (i % 128 !== 0 || i + 128 > buf.length) continue; // directory entries are 128-byte aligned
      copy ??= Buffer.from(buf);
      copy.fill(0, i + 120, i + 128); // stream size 0: skipped
    }
  }
  return copy ? new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength) : bytes;
}

/** A library failure as one line a user can act on (raw JavaScript messages say nothing). */
export function damagedWorkbook(kind: '.xls' | '.xlsx', err: unknown): InputError {
  const raw = (err instanceof Error ? err.message : String(err)).split(/\r?\n/)[0]!.trim();
  const jsError = err instanceof TypeError || err instanceof RangeError || /^(TypeError|RangeError)$/.test((err as Error)?.name ?? '') || /undefined|null|is not|Invalid (array|string)/.test(raw);
  const detail = jsError || !raw ? 'its records are inconsistent' : raw.slice(0, 160);
  return new InputError(`cannot read the Excel workbook (damaged or encrypted ${kind}?): ${detail}`, `open it in Excel or WPS and save it again as ${kind === '.xls' ? '.xlsx' : kind}`);
}

async function parseInChild(bytes: Uint8Array): Promise<XLSX.WorkBook> {
  try {
    return await parseXlsInChild(bytes, { type: 'array', cellText: true, cellNF: true, cellDates: false });
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    const f = err.failure;
    if (f.kind === 'limit') throw f.error;
    throw damagedWorkbook('.xls', f.kind === 'library' ? Object.assign(new Error(f.message), { name: f.name }) : new Error(f.detail));
  }
}

export async function readXlsSheets(bytes: Uint8Array): Promise<SheetGrid[]> {
  checkCompoundFile(bytes);
  const wb = await parseInChild(withoutPropertyStreams(bytes));
  const hidden = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  const cells = new Budget('sheetCells');
  const merged = new Budget('mergedCells');
  return wb.SheetNames.filter((n) => !hidden.has(n) && wb.Sheets[n]).map((n) => sheetGrid(n, wb.Sheets[n]!, cells, merged));
}
