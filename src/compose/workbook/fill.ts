/**
 * An input written into the template workbook (what an officer would have typed): used to publish
 * the examples as workbooks and to test that reading a workbook gives back the same input.
 */
import ExcelJS from 'exceljs';
import type { ComposeInput } from '../input-schema.js';
import {
  COUNT_ROWS, FIRST_DATA_ROW, INDICATOR_COLUMNS, INDICATOR_SHEET, INFO_ROWS, INFO_SHEET, LEAF_SHEETS, OTHER_ROWS, OTHER_SHEET, OVERVIEW_SHEET,
  NAMES_SHEET, PERF_COLUMNS, PERF_SHEET, PRIOR_ROWS, PRIOR_SHEET, REASONS_SHEET, T06_SHEET, T09_SHEET, THREE_PUBLIC_ROWS,
} from './sheets.js';
import { writeTemplateXlsx } from './template.js';
import type { BudgetInput } from '../budget/input-schema.js';
import { writeBudgetInputWorkbook } from '../budget/workbook.js';

function get(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);
}

function findRow(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return r;
  throw new Error(`template has no row “${label}” on ${ws.name}`);
}

function fillInfo(wb: ExcelJS.Workbook, input: ComposeInput): void {
  const ws = wb.getWorksheet(INFO_SHEET)!;
  for (const def of INFO_ROWS) {
    const v = get(input, def.path);
    if (v === undefined) continue;
    const word = def.choices ? Object.entries(def.choices).find(([, x]) => x === v)?.[0] : v;
    ws.getRow(findRow(ws, def.label)).getCell(2).value = word as ExcelJS.CellValue;
  }
  const ov = wb.getWorksheet(OVERVIEW_SHEET)!;
  for (const d of input.overview.duties) ov.addRow(['部门职责', d]);
  for (const d of input.overview.organization) ov.addRow(['机构设置', d]);
  for (const d of input.otherNotes) ov.addRow(['其他需要说明的情况', d]);
}

function fillLeaves(wb: ExcelJS.Workbook, input: ComposeInput): void {
  for (const s of LEAF_SHEETS) {
    const ws = wb.getWorksheet(s.name)!;
    (input[s.table] as unknown as Record<string, string | undefined>[]).forEach((row, i) => {
      const r = ws.getRow(FIRST_DATA_ROW + i);
      r.getCell(1).value = row.code!;
      r.getCell(2).value = row.name ?? input.functionNames[row.code!] ?? null;
      s.columns.forEach((c, j) => {
        if (c.key && row[c.key] !== undefined) r.getCell(j + 3).value = row[c.key]!;
      });
    });
  }
}

function fillOthers(wb: ExcelJS.Workbook, input: ComposeInput): void {
  const t06 = wb.getWorksheet(T06_SHEET)!;
  for (const block of ['personnel', 'public'] as const) {
    for (const row of input.basicByEconomic[block]) {
      const r = findCode(t06, row.code) ?? t06.addRow([block === 'personnel' ? '人员经费' : '公用经费', row.code, row.name ?? null]).number;
      t06.getRow(r).getCell(4).value = row.amount;
      if (row.name) t06.getRow(r).getCell(3).value = row.name;
    }
  }
  const t09 = wb.getWorksheet(T09_SHEET)!;
  for (const item of THREE_PUBLIC_ROWS) {
    const r = t09.getRow(findRow(t09, item.label));
    r.getCell(2).value = input.threePublic?.budget[item.key] ?? null;
    r.getCell(3).value = input.threePublic?.actual[item.key] ?? null;
    r.getCell(4).value = input.prior.threePublic?.[item.key] ?? null;
  }
  for (const c of COUNT_ROWS) {
    const v = (input.threePublic?.counts as Record<string, number | undefined> | undefined)?.[c.key];
    if (v !== undefined) t09.getRow(findRow(t09, c.label)).getCell(2).value = v;
  }
  const prior = wb.getWorksheet(PRIOR_SHEET)!;
  for (const p of PRIOR_ROWS) {
    const v = (input.prior as Record<string, unknown>)[p.key];
    if (typeof v === 'string') prior.getRow(findRow(prior, p.label)).getCell(2).value = v;
  }
  for (const [code, v] of Object.entries(input.prior.byCategory ?? {})) prior.addRow([code, v]);
  const reasons = wb.getWorksheet(REASONS_SHEET)!;
  for (const [k, v] of Object.entries(input.reasons)) {
    const known = [...Array(reasons.rowCount).keys()].map((i) => i + 1).find((r) => r >= FIRST_DATA_ROW && reasons.getRow(r).getCell(1).value === k);
    if (known) reasons.getRow(known).getCell(2).value = v;
    else reasons.addRow([k, v]);
  }
  const names = wb.getWorksheet(NAMES_SHEET)!;
  for (const [code, name] of Object.entries(input.functionNames)) names.addRow([code, name]);
  const other = wb.getWorksheet(OTHER_SHEET)!;
  for (const d of OTHER_ROWS) {
    const v = get(input, d.path);
    if (v !== undefined) other.getRow(findRow(other, d.label)).getCell(2).value = v as ExcelJS.CellValue;
  }
}

function findCode(ws: ExcelJS.Worksheet, code: string): number | undefined {
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === code) return r;
  return undefined;
}

function fillPerformance(wb: ExcelJS.Workbook, input: ComposeInput): void {
  const perf = wb.getWorksheet(PERF_SHEET)!;
  const ind = wb.getWorksheet(INDICATOR_SHEET)!;
  for (const p of input.performance) {
    perf.addRow(PERF_COLUMNS.map((c) => {
      const v = get(p, c.path);
      if (c.path === 'kind') return v === 'department' ? '部门整体' : '项目';
      return (v ?? null) as ExcelJS.CellValue;
    }));
    for (const i of p.indicators) {
      ind.addRow(INDICATOR_COLUMNS.map((c) => {
        if (c.path === 'project') return p.project;
        const v = get(i, c.path);
        if (c.path === 'nature' && v === 'qualitative') return '定性';
        return (v ?? null) as ExcelJS.CellValue;
      }));
    }
  }
}

/** The input written into its template: the final-accounts workbook, or the budget one for a budget input. */
export async function writeInputWorkbook(input: ComposeInput | BudgetInput): Promise<Uint8Array> {
  if (input.kind === 'budget') return writeBudgetInputWorkbook(input);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeTemplateXlsx()) as unknown as ArrayBuffer);
  fillInfo(wb, input);
  fillLeaves(wb, input);
  fillOthers(wb, input);
  fillPerformance(wb, input);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
