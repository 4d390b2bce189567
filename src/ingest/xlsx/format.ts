/** A cell value as Excel displays it: numbers and dates through their number format (SheetJS SSF). */
import XLSX from 'xlsx';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function formatNumber(value: number, numFmt?: string): string {
  try {
    return XLSX.SSF.format(numFmt && numFmt.trim() ? numFmt : 'General', value).trim();
  } catch {
    return String(value);
  }
}

export function formatDate(value: Date, numFmt?: string): string {
  const serial = (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  const fmt = numFmt && /[ymd]/i.test(numFmt) ? numFmt : 'yyyy-mm-dd';
  return formatNumber(serial, fmt);
}
