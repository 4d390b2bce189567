/** Legacy .xls (BIFF) workbooks through SheetJS, read only: displayed texts (`w`) and merges. */
import XLSX from 'xlsx';
import { InputError } from '../raw.js';
import { formatNumber } from './format.js';
import type { GridCell, SheetGrid } from './grid.js';

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell) return '';
  if (typeof cell.w === 'string') return cell.w;
  if (typeof cell.v === 'number') return formatNumber(cell.v, typeof cell.z === 'string' ? cell.z : undefined);
  return cell.v === undefined || cell.v === null ? '' : String(cell.v);
}

function sheetGrid(name: string, ws: XLSX.WorkSheet): SheetGrid {
  const rows: (GridCell | undefined)[][] = [];
  if (!ws['!ref']) return { name, rows };
  const range = XLSX.utils.decode_range(ws['!ref']);
  const covered = new Set<string>();
  const lastCol = new Map<string, number>();
  for (const m of ws['!merges'] ?? []) {
    lastCol.set(`${m.s.r},${m.s.c}`, m.e.c);
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
  }
  for (let r = 0; r <= range.e.r; r++) {
    const cells: (GridCell | undefined)[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell) cells[c] = { text: cellText(cell), lastCol: lastCol.get(`${r},${c}`) ?? c };
    }
    rows.push(cells);
  }
  return { name, rows };
}

export function readXlsSheets(bytes: Uint8Array): SheetGrid[] {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellText: true, cellNF: true, cellDates: false });
  } catch (err) {
    throw new InputError(`cannot read the Excel workbook (damaged or encrypted .xls?): ${(err as Error).message}`);
  }
  const hidden = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  return wb.SheetNames.filter((n) => !hidden.has(n) && wb.Sheets[n]).map((n) => sheetGrid(n, wb.Sheets[n]!));
}
