/**
 * Reads a filled input workbook (the template of template.ts) back to a compose input, keeping for
 * every value the sheet and cell it came from, so validation problems point at cells. Parent rows
 * and totals typed on the table sheets become stated totals, checked against the leaves.
 */
import ExcelJS from 'exceljs';
import { InputError } from '../../ingest/raw.js';
import { jsonPath } from '../json-path.js';
import type { ComposeProblem, Locate } from '../validate.js';
import { columnLetter } from '../writers/xlsx.js';
import { REASON_KEYS } from './template.js';
import {
  CODES_SHEET, COMPLETION_REASON_LABEL, COUNT_ROWS, FIRST_DATA_ROW, INDICATOR_COLUMNS, INDICATOR_SHEET, INFO_ROWS, INFO_SHEET, LEAF_SHEETS, OTHER_ROWS, OTHER_SHEET, OVERVIEW_SHEET,
  NAMES_SHEET, PERF_COLUMNS, PERF_SHEET, PRIOR_ROWS, PRIOR_SHEET, REASONS_SHEET, T06_SHEET, T09_SHEET, THREE_PUBLIC_ROWS, type LeafSheet,
} from './sheets.js';

export interface ReadWorkbookResult {
  input: Record<string, unknown>;
  locate: Locate;
  problems: ComposeProblem[];
}

type Path = (string | number)[];

class Collector {
  readonly input: Record<string, unknown> = {};
  readonly where = new Map<string, { sheet: string; cell: string }>();
  readonly problems: ComposeProblem[] = [];

  set(path: Path, value: unknown, sheet: string, row: number, col: number): void {
    let o: Record<string | number, unknown> = this.input;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i]!;
      o[k] ??= typeof path[i + 1] === 'number' ? [] : {};
      o = o[k] as Record<string | number, unknown>;
    }
    o[path[path.length - 1]!] = value;
    this.where.set(jsonPath(path), { sheet, cell: `${columnLetter(col - 1)}${row}` });
  }

  /** Where a value would have come from, for a problem about a value left empty (a required reason, the entity …). */
  mark(path: Path, sheet: string, row: number, col: number): void {
    const p = jsonPath(path);
    if (!this.where.has(p)) this.where.set(p, { sheet, cell: `${columnLetter(col - 1)}${row}` });
  }

  locate(path: string): { sheet: string; cell: string } | undefined {
    return locateIn(this.where, path);
  }

  problem(sheet: string, row: number, col: number, message: string): void {
    this.problems.push({ severity: 'error', path: `${sheet}!${columnLetter(col - 1)}${row}`, sheet, cell: `${columnLetter(col - 1)}${row}`, message });
  }
}

/** The cell of a path; else of its first located part (`$.income` → its first row), else of its nearest located parent. */
export function locateIn(where: ReadonlyMap<string, { sheet: string; cell: string }>, path: string): { sheet: string; cell: string } | undefined {
  const exact = where.get(path);
  if (exact) return exact;
  for (const [k, v] of where) if (k.startsWith(path) && (k[path.length] === '.' || k[path.length] === '[')) return v;
  for (let p = parentPath(path); p && p !== '$'; p = parentPath(p)) {
    const at = where.get(p);
    if (at) return at;
  }
  return undefined;
}

function parentPath(path: string): string | undefined {
  const m = /(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/.exec(path);
  return m ? path.slice(0, m.index) : undefined;
}

/** A cell as text: numbers without float noise, formulas by their result, rich text joined. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'formula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text).trim();
  return '';
}

export const isFormula = (v: ExcelJS.CellValue) => typeof v === 'object' && v !== null && 'formula' in v;

function eachRow(ws: ExcelJS.Worksheet | undefined, from: number, fn: (cells: string[], row: ExcelJS.Row, r: number) => void): void {
  if (!ws) return;
  for (let r = from; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((c) => c !== '')) fn(cells, row, r);
  }
}

export interface CodeRow {
  code: string;
  /** A name typed over the catalogue look-up. */
  name?: string;
}

/** The 科目 sheet: row number → the 项 code entered there (the table sheets refer to the same row), and the rows in error. */
export function readCodeRows(ws: ExcelJS.Worksheet | undefined, first: number): { codes: Map<number, CodeRow>; problems: { row: number; message: string }[] } {
  const codes = new Map<number, CodeRow>();
  const problems: { row: number; message: string }[] = [];
  if (!ws) return { codes, problems };
  const seen = new Map<string, number>();
  for (let r = first; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = cellText(row.getCell(1).value).replace(/\s/g, '');
    if (!code) continue;
    if (!/^\d{7}$/.test(code)) {
      problems.push({ row: r, message: `科目代码“${code}”不是 7 位“项”级代码（如 2080505）：类、款由程序汇总，不必填写` });
      continue;
    }
    if (seen.has(code)) {
      problems.push({ row: r, message: `科目 ${code} 重复（已在第 ${seen.get(code)} 行填写）：每个科目只填一次` });
      continue;
    }
    seen.set(code, r);
    const nameCell = row.getCell(2).value;
    const name = isFormula(nameCell) ? '' : cellText(nameCell);
    codes.set(r, { code, ...(name && { name }) });
  }
  return { codes, problems };
}

function readCodes(wb: ExcelJS.Workbook, out: Collector): Map<number, CodeRow> {
  const { codes, problems } = readCodeRows(wb.getWorksheet(CODES_SHEET), FIRST_DATA_ROW);
  for (const p of problems) out.problem(CODES_SHEET, p.row, 1, p.message);
  return codes;
}

function readLeafSheet(wb: ExcelJS.Workbook, s: LeafSheet, codes: Map<number, CodeRow>, out: Collector): void {
  const ws = wb.getWorksheet(s.name);
  const reasonCol = s.table === 'generalBudget' && ws && cellText(ws.getRow(FIRST_DATA_ROW - 1).getCell(3 + s.columns.length).value) === COMPLETION_REASON_LABEL ? 3 + s.columns.length : 0;
  let n = 0;
  eachRow(ws, FIRST_DATA_ROW, (cells, row, r) => {
    const a = row.getCell(1).value;
    const typed = isFormula(a) ? '' : cells[0]!.replace(/\s/g, '');
    const ref = typed ? undefined : codes.get(r);
    const code = typed || (ref?.code ?? (isFormula(a) ? cells[0]!.replace(/\s/g, '') : ''));
    const isTotal = code === '' && cells[1] === '合计' || code === '合计';
    const reason = reasonCol ? cells[reasonCol - 1] ?? '' : '';
    const amounts = s.columns.some((c, j) => c.key !== null && (cells[j + 2] ?? '') !== '');
    if (/^\d{7}$/.test(code)) {
      // a 科目 row without any amount on this sheet is not part of this table
      if (!typed && !amounts && !reason) return;
      const i = n++;
      if (ref) out.set([s.table, i, 'code'], code, CODES_SHEET, r, 1);
      else out.set([s.table, i, 'code'], code, s.name, r, 1);
      const b = row.getCell(2).value;
      if (!isFormula(b) && cells[1]) out.set([s.table, i, 'name'], cells[1], s.name, r, 2);
      else if (ref?.name) out.set([s.table, i, 'name'], ref.name, CODES_SHEET, r, 2);
      s.columns.forEach((c, j) => {
        const v = cells[j + 2] ?? '';
        if (c.key) out.mark([s.table, i, c.key], s.name, r, j + 3);
        if (v === '') return;
        if (c.key) out.set([s.table, i, c.key], v, s.name, r, j + 3);
        else if (!isFormula(row.getCell(j + 3).value)) stated(out, s, code, 'total', v, r, j + 3);
      });
      if (reasonCol) {
        if (reason) out.set(['reasons', `completion.${code}`], reason, s.name, r, reasonCol);
        else out.mark(['reasons', `completion.${code}`], s.name, r, reasonCol);
      }
    } else if (/^\d{3}$|^\d{5}$/.test(code) || isTotal) {
      s.columns.forEach((c, j) => {
        const v = cells[j + 2] ?? '';
        if (v !== '' && (c.key === null || c.key !== 'initialBudget')) stated(out, s, isTotal ? '' : code, c.key ?? 'total', v, r, j + 3);
      });
    } else if (amounts) out.problem(s.name, r, typed ? 1 : 3, code ? `科目代码“${code}”不是 3、5 或 7 位数字` : `此行有金额但没有科目：请先在“${CODES_SHEET}”表同一行填写科目代码`);
  });
}

function stated(out: Collector, s: LeafSheet, code: string, column: string, amount: string, r: number, c: number): void {
  const list = ((out.input.statedTotals as unknown[] | undefined) ?? []).length;
  out.set(['statedTotals', list, 'table'], s.table, s.name, r, c);
  out.set(['statedTotals', list, 'code'], code, s.name, r, 1);
  out.set(['statedTotals', list, 'column'], column, s.name, r, c);
  out.set(['statedTotals', list, 'amount'], amount, s.name, r, c);
}

function readInfo(wb: ExcelJS.Workbook, out: Collector): void {
  eachRow(wb.getWorksheet(INFO_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    const def = INFO_ROWS.find((d) => d.label === cells[0]);
    const v = cells[1] ?? '';
    if (def) out.mark(def.path.split('.'), INFO_SHEET, r, 2);
    if (!def || v === '') return;
    const path = def.path.split('.');
    if (def.choices) {
      const mapped = def.choices[v] ?? Object.values(def.choices).find((x) => x === v);
      if (mapped === undefined) out.problem(INFO_SHEET, r, 2, `“${v}”不是可选值：${Object.keys(def.choices).join('、')}`);
      else out.set(path, mapped, INFO_SHEET, r, 2);
    } else out.set(path, def.path === 'year' ? Number(v) : v, INFO_SHEET, r, 2);
  });
}

function readLists(wb: ExcelJS.Workbook, out: Collector): void {
  const overview = { duties: 0, organization: 0, notes: 0 };
  eachRow(wb.getWorksheet(OVERVIEW_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    if (!cells[1]) return;
    if (cells[0] === '部门职责' || cells[0] === '单位职责') out.set(['overview', 'duties', overview.duties++], cells[1], OVERVIEW_SHEET, r, 2);
    else if (cells[0] === '机构设置') out.set(['overview', 'organization', overview.organization++], cells[1], OVERVIEW_SHEET, r, 2);
    else out.set(['otherNotes', overview.notes++], cells[1], OVERVIEW_SHEET, r, 2);
  });
  const counts = { personnel: 0, public: 0 };
  eachRow(wb.getWorksheet(T06_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    if (!cells[3] || !/^\d{5}$/.test(cells[1] ?? '')) return;
    const block = cells[0] === '人员经费' ? 'personnel' : 'public';
    const i = counts[block]++;
    out.set(['basicByEconomic', block, i, 'code'], cells[1], T06_SHEET, r, 2);
    out.set(['basicByEconomic', block, i, 'name'], cells[2] || undefined, T06_SHEET, r, 3);
    out.set(['basicByEconomic', block, i, 'amount'], cells[3], T06_SHEET, r, 4);
  });
  if (!counts.personnel && !counts.public) out.mark(['basicByEconomic'], T06_SHEET, FIRST_DATA_ROW, 4);
  eachRow(wb.getWorksheet(NAMES_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    if (/^\d{3}(\d{2}){0,2}$/.test(cells[0] ?? '') && cells[1]) out.set(['functionNames', cells[0]!], cells[1], NAMES_SHEET, r, 2);
  });
  eachRow(wb.getWorksheet(REASONS_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    // the row says what the reason explains; older workbooks (and extra rows) carry the key itself
    const key = REASON_KEYS.find(([, what]) => what === cells[0])?.[0] ?? cells[0];
    if (!key || key.includes('<')) return;
    if (cells[1]) out.set(['reasons', key], cells[1], REASONS_SHEET, r, 2);
    else out.mark(['reasons', key], REASONS_SHEET, r, 2);
  });
  eachRow(wb.getWorksheet(OTHER_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    const def = OTHER_ROWS.find((d) => d.label === cells[0]);
    if (def) out.mark(def.path.split('.'), OTHER_SHEET, r, 2);
    if (def && cells[1]) out.set(def.path.split('.'), def.path.startsWith('assets') ? Number(cells[1]) : cells[1], OTHER_SHEET, r, 2);
  });
}

function readThreePublicAndPrior(wb: ExcelJS.Workbook, out: Collector): void {
  let inCounts = false;
  eachRow(wb.getWorksheet(T09_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    if (cells[0] === '实物量') inCounts = true;
    const item = THREE_PUBLIC_ROWS.find((x) => x.label === cells[0]);
    const count = COUNT_ROWS.find((x) => x.label === cells[0]);
    if (item && !inCounts) {
      (['budget', 'actual'] as const).forEach((k, j) => cells[j + 1] && out.set(['threePublic', k, item.key], cells[j + 1], T09_SHEET, r, j + 2));
      if (cells[3]) out.set(['prior', 'threePublic', item.key], cells[3], T09_SHEET, r, 4);
    } else if (count && cells[1]) out.set(['threePublic', 'counts', count.key], Number(cells[1]), T09_SHEET, r, 2);
  });
  if (out.input.threePublic && !(out.input.threePublic as Record<string, unknown>).budget) (out.input.threePublic as Record<string, unknown>).budget = {};
  if (out.input.threePublic && !(out.input.threePublic as Record<string, unknown>).actual) (out.input.threePublic as Record<string, unknown>).actual = {};
  eachRow(wb.getWorksheet(PRIOR_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    const def = PRIOR_ROWS.find((d) => d.label === cells[0]);
    if (def) out.mark(['prior', def.key], PRIOR_SHEET, r, 2);
    if (def && cells[1]) out.set(['prior', def.key], cells[1], PRIOR_SHEET, r, 2);
    else if (/^\d{3}$/.test(cells[0] ?? '') && cells[1]) out.set(['prior', 'byCategory', cells[0]!], cells[1], PRIOR_SHEET, r, 2);
  });
}

function readPerformance(wb: ExcelJS.Workbook, out: Collector): void {
  const index = new Map<string, number>();
  eachRow(wb.getWorksheet(PERF_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    if (!cells[0]) return;
    const i = index.size;
    index.set(cells[0], i);
    out.set(['performance', i, 'funding', 'fiscal'], {}, PERF_SHEET, r, 5);
    PERF_COLUMNS.forEach((c, j) => {
      let v: unknown = cells[j] ?? '';
      if (v === '') return;
      if (c.path === 'kind') v = v === '部门整体' ? 'department' : 'project';
      out.set(['performance', i, ...c.path.split('.')], v, PERF_SHEET, r, j + 1);
    });
  });
  const per = new Map<number, number>();
  eachRow(wb.getWorksheet(INDICATOR_SHEET), FIRST_DATA_ROW, (cells, _row, r) => {
    const p = index.get(cells[0] ?? '');
    if (p === undefined) {
      out.problem(INDICATOR_SHEET, r, 1, `项目“${cells[0]}”不在“${PERF_SHEET}”表中`);
      return;
    }
    const k = per.get(p) ?? 0;
    per.set(p, k + 1);
    INDICATOR_COLUMNS.slice(1).forEach((c, j) => {
      let v: unknown = cells[j + 1] ?? '';
      if (v === '' && c.path !== 'unit') return;
      if (c.path === 'nature' && v === '定性') v = 'qualitative';
      if (c.path === 'nature') v = String(v).replace('≥', '>=').replace('≤', '<=');
      if (c.path === 'achievement') v = Number(v);
      out.set(['performance', p, 'indicators', k, c.path], v, INDICATOR_SHEET, r, j + 2);
    });
  });
}

export async function readComposeWorkbook(bytes: Uint8Array): Promise<ReadWorkbookResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(`not a readable .xlsx workbook: ${(e as Error).message}`, 'give the workbook written by `juesuan template`, filled in');
  }
  if (!wb.getWorksheet(INFO_SHEET)) throw new InputError(`the workbook has no “${INFO_SHEET}” sheet: it is not a compose input workbook`, 'start from `juesuan template`');
  const out = new Collector();
  readInfo(wb, out);
  const codes = readCodes(wb, out);
  for (const s of LEAF_SHEETS) readLeafSheet(wb, s, codes, out);
  readLists(wb, out);
  readThreePublicAndPrior(wb, out);
  readPerformance(wb, out);
  return { input: out.input, locate: (path) => out.locate(path), problems: out.problems };
}
