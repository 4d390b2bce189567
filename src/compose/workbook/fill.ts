/**
 * An input written into the template workbook (what an officer would have typed): used to publish
 * the examples as workbooks and to test that reading a workbook gives back the same input.
 */
import ExcelJS from 'exceljs';
import type { ComposeInput } from '../input-schema.js';
import { nextFreeRow, put } from './style.js';
import {
  CODES_SHEET, COUNT_ROWS, FIRST_DATA_ROW, INDICATOR_COLUMNS, INDICATOR_SHEET, INFO_ROWS, INFO_SHEET, LEAF_SHEETS, OTHER_ROWS, OTHER_SHEET, OVERVIEW_SHEET,
  NAMES_SHEET, PERF_COLUMNS, PERF_SHEET, PRIOR_ROWS, PRIOR_SHEET, REASONS_SHEET, T06_SHEET, T09_SHEET, THREE_PUBLIC_ROWS,
} from './sheets.js';
import { REASON_KEYS, writeTemplateXlsx } from './template.js';
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
  const add = (type: string, text: string) => { put(nextFreeRow(ov, FIRST_DATA_ROW), [type, text]); };
  for (const d of input.overview.duties) add('部门职责', d);
  for (const d of input.overview.organization) add('机构设置', d);
  for (const d of input.otherNotes) add('其他需要说明的情况', d);
}

/** Sets a formula cell's cached result (what a spreadsheet shows before it recalculates). */
function result(c: ExcelJS.Cell, value: string): void {
  const v = c.value;
  if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') c.value = { formula: v.formula, result: value };
  else c.value = value;
}

/** The 项 codes once on 科目 (first appearance order), the amounts of each table on the code's row. */
function fillLeaves(wb: ExcelJS.Workbook, input: ComposeInput): Map<string, number> {
  const codesWs = wb.getWorksheet(CODES_SHEET)!;
  const rowOf = new Map<string, number>();
  const nameOf = new Map<string, string | undefined>();
  for (const s of LEAF_SHEETS) {
    for (const row of input[s.table] as unknown as Record<string, string | undefined>[]) {
      if (rowOf.has(row.code!)) continue;
      const r = FIRST_DATA_ROW + rowOf.size;
      rowOf.set(row.code!, r);
      const name = row.name ?? input.functionNames[row.code!];
      nameOf.set(row.code!, name);
      codesWs.getRow(r).getCell(1).value = row.code!;
      if (name) codesWs.getRow(r).getCell(2).value = name;
    }
  }
  for (const s of LEAF_SHEETS) {
    const ws = wb.getWorksheet(s.name)!;
    for (const [code, r] of rowOf) {
      result(ws.getRow(r).getCell(1), code);
      result(ws.getRow(r).getCell(2), nameOf.get(code) ?? '');
    }
    for (const row of input[s.table] as unknown as Record<string, string | undefined>[]) {
      const r = ws.getRow(rowOf.get(row.code!)!);
      // a name that differs from the one on 科目 is typed over the reference
      if (row.name !== undefined && row.name !== nameOf.get(row.code!)) r.getCell(2).value = row.name;
      s.columns.forEach((c, j) => {
        if (c.key && row[c.key] !== undefined) r.getCell(j + 3).value = row[c.key]!;
      });
    }
  }
  return rowOf;
}

function fillOthers(wb: ExcelJS.Workbook, input: ComposeInput, codeRows: Map<string, number>): void {
  const t06 = wb.getWorksheet(T06_SHEET)!;
  for (const block of ['personnel', 'public'] as const) {
    for (const row of input.basicByEconomic[block]) {
      const r = findCode(t06, row.code) ?? (() => {
        const free = nextFreeRow(t06, FIRST_DATA_ROW);
        put(free, [block === 'personnel' ? '人员经费' : '公用经费', row.code, row.name ?? null]);
        return free.number;
      })();
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
  const byCategoryFrom = findRow(prior, '上年支出（功能分类类级代码）') + 1;
  for (const [code, v] of Object.entries(input.prior.byCategory ?? {})) put(nextFreeRow(prior, byCategoryFrom), [code, v]);
  const reasons = wb.getWorksheet(REASONS_SHEET)!;
  const t05 = LEAF_SHEETS.find((s) => s.table === 'generalBudget')!;
  for (const [k, v] of Object.entries(input.reasons)) {
    const code = /^completion\.(\d{7})$/.exec(k)?.[1];
    if (code && codeRows.has(code)) {
      wb.getWorksheet(t05.name)!.getRow(codeRows.get(code)!).getCell(3 + t05.columns.length).value = v;
      continue;
    }
    const words = REASON_KEYS.find(([key]) => key === k)?.[1];
    const known = words ? findRow(reasons, words) : undefined;
    if (known) reasons.getRow(known).getCell(2).value = v;
    else put(nextFreeRow(reasons, FIRST_DATA_ROW), [k, v]);
  }
  const names = wb.getWorksheet(NAMES_SHEET)!;
  for (const [code, name] of Object.entries(input.functionNames)) {
    // the names of 项 are on 科目; the 类 and 款 ones here
    if (code.length === 7 && codeRows.has(code)) continue;
    put(nextFreeRow(names, FIRST_DATA_ROW), [code, name]);
  }
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
    put(nextFreeRow(perf, FIRST_DATA_ROW), PERF_COLUMNS.map((c) => {
      const v = get(p, c.path);
      if (c.path === 'kind') return v === 'department' ? '部门整体' : '项目';
      return (v ?? null) as ExcelJS.CellValue;
    }));
    for (const i of p.indicators) {
      put(nextFreeRow(ind, FIRST_DATA_ROW), INDICATOR_COLUMNS.map((c) => {
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
  const codeRows = fillLeaves(wb, input);
  fillOthers(wb, input, codeRows);
  fillPerformance(wb, input);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
