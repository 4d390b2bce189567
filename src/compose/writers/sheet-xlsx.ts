/** A plain table (header + rows) as a one-sheet workbook: the corpus exports (comparisons) use it. */
import ExcelJS from 'exceljs';

export interface SheetTable {
  header: string[];
  rows: (string | number | null)[][];
  /** Columns (0-based) holding amounts in 元 as decimal strings: written as numbers with two decimals. */
  amountColumns?: number[];
}

export async function writeSheetXlsx(t: SheetTable, sheet = 'Sheet1'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(t.header).font = { bold: true };
  const amounts = new Set(t.amountColumns ?? []);
  for (const r of t.rows) ws.addRow(r.map((v, i) => (amounts.has(i) && typeof v === 'string' && v !== '' ? Number(v) : v)));
  for (const i of amounts) ws.getColumn(i + 1).numFmt = '#,##0.00';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
