/** Exports of corpus comparisons: CSV (UTF-8 with BOM so Excel reads Chinese), XLSX, JSON. Amounts in 元. */
import { writeSheetXlsx } from '../compose/writers/sheet-xlsx.js';
import type { ComparisonColumn } from '../store/queries.js';

export interface ExportTable {
  header: string[];
  rows: (string | number | null)[][];
}

function yuan(fen: number | undefined): string {
  if (fen === undefined) return '';
  const neg = fen < 0;
  const a = Math.abs(fen);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** `labels`: Chinese column names for the keys (CSV/XLSX read by people); without, the keys (JSON). */
export function comparisonTable(columns: ComparisonColumn[], keys: string[], labels?: Record<string, string>): ExportTable {
  const header = labels ? ['文件编号', '单位', '年度', ...keys.map((k) => `${labels[k] ?? k}（元）`)] : ['documentId', 'entity', 'year', ...keys];
  const rows = columns.map((c) => [c.documentId, c.entity, c.year, ...keys.map((k) => yuan(c.facts[k]))]);
  return { header, rows };
}

function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(t: ExportTable): string {
  return `\uFEFF${[t.header, ...t.rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(t: ExportTable, sheet = '对比'): Promise<Buffer> {
  const amountColumns = t.header.map((_, i) => i).filter((i) => i >= 3);
  return Buffer.from(await writeSheetXlsx({ ...t, amountColumns }, sheet));
}
