/**
 * The budget input as an Excel workbook (`juesuan template --kind budget`): one sheet per budget table
 * in the national template's column order (the officer fills the 项 rows; 类/款 and 合计 are computed,
 * 合计 columns as formulas), plus sheets for the prior year's budget, reasons, 三公, 政府采购 and assets.
 * Reading a filled one back keeps the sheet and cell of every value, so problems point at cells.
 */
import ExcelJS from 'exceljs';
import { InputError } from '../../ingest/raw.js';
import { jsonPath } from '../json-path.js';
import { ECONOMIC_CLASSES, ECONOMIC_SECTIONS } from '../standard-lists.js';
import type { ComposeProblem, Locate } from '../validate.js';
import { cellText, isFormula, locateIn, readCodeRows, type CodeRow } from '../workbook/read.js';
import { CODES_SHEET, TEMPLATE_ROWS } from '../workbook/sheets.js';
import {
  AMOUNT_FORMAT, amountRule, asFormula, asInput, asLabel, catalogueSheet, countRule, dropDown, instructionsSheet, nextFreeRow, protect, put, setResult,
} from '../workbook/style.js';
import { codesSheet } from '../workbook/template.js';
import { columnLetter } from '../writers/xlsx.js';
import { INCOME_LABELS } from './figures.js';
import type { BudgetInput } from './input-schema.js';

export const BUDGET_INFO_SHEET = '基本信息';
/** The 基本信息 row that marks a budget workbook. */
export const KIND_LABEL = '公开类型';
const KIND_WORD = '预算';
const FIRST = 3;
const ROWS = TEMPLATE_ROWS;

interface LeafSheet {
  name: string;
  title: string;
  table: 'income' | 'expenditure' | 'generalBudget' | 'governmentFund' | 'stateCapital';
  columns: { key: string; label: string }[];
}

const INCOME_KEYS = ['carryover', 'generalBudget', 'governmentFund', 'stateCapital', 'specialAccount', 'operational', 'business', 'superiorSubsidy', 'subordinate', 'other'] as const;

export const BUDGET_LEAF_SHEETS: LeafSheet[] = [
  {
    name: '表2 收入预算总表', title: '收入预算总表', table: 'income',
    columns: INCOME_KEYS.map((k) => ({ key: k, label: k === 'carryover' ? '上年结转' : INCOME_LABELS[k] })),
  },
  {
    name: '表3 支出预算总表', title: '支出预算总表', table: 'expenditure',
    columns: [{ key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }, { key: 'business', label: '事业单位经营支出' }, { key: 'remittance', label: '上缴上级支出' }, { key: 'subsidy', label: '对附属单位补助支出' }],
  },
  { name: '表5 一般公共预算支出', title: '一般公共预算支出功能分类预算表', table: 'generalBudget', columns: [{ key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }] },
  { name: '表7 政府性基金预算支出', title: '政府性基金预算支出功能分类预算表', table: 'governmentFund', columns: [{ key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }] },
  { name: '表8 国有资本经营预算支出', title: '国有资本经营预算支出功能分类预算表', table: 'stateCapital', columns: [{ key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }] },
];

const ECON_SHEET = '表6 基本支出经济分类';
const TP_SHEET = '表9 三公经费';
const PRIOR_SHEET = '上年预算数';
const REASONS_SHEET = '原因说明';
const OTHER_SHEET = '结转、采购及资产';
const OVERVIEW_SHEET = '部门概况';
const NAMES_SHEET = '科目名称';

const INFO_ROWS: { label: string; path: string; choices?: Record<string, string> }[] = [
  { label: '部门（单位）名称', path: 'entity' },
  { label: '预算年度', path: 'year' },
  { label: '公开范围', path: 'scope', choices: { 部门: 'department', 单位: 'unit', 本级: 'own-office' } },
  { label: '单位类型', path: 'entityKind', choices: { 行政单位: 'administrative', 参照公务员法管理事业单位: 'civil-service-managed', 事业单位: 'public-institution' } },
  { label: '金额单位', path: 'unit', choices: { 元: '元', 万元: '万元' } },
  { label: '机关运行经费（不填则取公用经费）', path: 'operatingExpense' },
];

const PRIOR_ROWS: { label: string; key: string }[] = [
  { label: '上年收支预算总计', key: 'grandTotal' }, { label: '上年本年收入预算', key: 'incomeTotal' }, { label: '上年本年支出预算', key: 'expenditureTotal' },
  { label: '上年财政拨款收支预算总计', key: 'fiscalGrandTotal' }, { label: '上年一般公共预算支出预算', key: 'generalBudgetExpenditure' },
  { label: '上年基本支出预算', key: 'basic' }, { label: '上年项目支出预算', key: 'project' }, { label: '上年人员经费预算', key: 'personnel' },
  { label: '上年公用经费预算', key: 'public' }, { label: '上年政府性基金预算支出', key: 'governmentFund' }, { label: '上年国有资本经营预算支出', key: 'stateCapital' },
  { label: '上年机关运行经费预算', key: 'operatingExpense' }, { label: '上年政府采购预算总额', key: 'procurement' },
];

const TP_ROWS = [
  { label: '因公出国（境）费', key: 'abroad' }, { label: '公务用车购置费', key: 'vehiclePurchase' },
  { label: '公务用车运行维护费', key: 'vehicleOperation' }, { label: '公务接待费', key: 'reception' },
] as const;

const OTHER_ROWS: { label: string; path: string; count?: boolean }[] = [
  { label: '上年财政拨款结转：一般公共预算', path: 'fiscalCarryover.generalBudget' },
  { label: '上年财政拨款结转：政府性基金预算', path: 'fiscalCarryover.governmentFund' },
  { label: '上年财政拨款结转：国有资本经营预算', path: 'fiscalCarryover.stateCapital' },
  { label: '政府采购货物预算', path: 'procurement.goods' }, { label: '政府采购工程预算', path: 'procurement.works' }, { label: '政府采购服务预算', path: 'procurement.services' },
  { label: '副部（省）级及以上领导用车（辆）', path: 'assets.vehicles.leader', count: true }, { label: '主要领导干部用车（辆）', path: 'assets.vehicles.mainLeader', count: true },
  { label: '机要通信用车（辆）', path: 'assets.vehicles.confidential', count: true }, { label: '应急保障用车（辆）', path: 'assets.vehicles.emergency', count: true },
  { label: '执法执勤用车（辆）', path: 'assets.vehicles.lawEnforcement', count: true }, { label: '特种专业技术用车（辆）', path: 'assets.vehicles.special', count: true },
  { label: '离退休干部用车（辆）', path: 'assets.vehicles.retired', count: true }, { label: '其他用车（辆）', path: 'assets.vehicles.other', count: true },
  { label: '单价100万元（含）以上设备（台/套）', path: 'assets.equipmentOver1m', count: true },
];

export const BUDGET_REASON_KEYS: [string, string][] = [
  ['total', '收支预算总计与上年预算相比的变化'], ['fiscal', '财政拨款收支预算总计与上年预算相比的变化'],
  ['income', '本年收入预算与上年预算相比的变化'], ['expenditure', '本年支出预算与上年预算相比的变化'],
  ['basic', '基本支出预算的变化'], ['project', '项目支出预算的变化'],
  ['generalBudget', '一般公共预算支出预算与上年预算相比的变化'], ['personnel', '人员经费预算的变化'], ['public', '公用经费预算的变化'],
  ['governmentFund', '政府性基金预算支出的变化'], ['stateCapital', '国有资本经营预算支出的变化'],
  ['threePublic', '“三公”经费预算与上年预算相比的变化'], ['operatingExpense', '机关运行经费预算的变化'], ['procurement', '政府采购预算的变化'],
];

const OVERVIEW_TYPES: Record<string, string[]> = { 主要职能: ['overview', 'duties'], 机构设置: ['overview', 'organization'], 绩效目标: ['performanceTargets'], 其他需要说明的情况: ['otherNotes'] };

const INSTRUCTIONS: [string, string[]][] = [
  ['用途', [
    '本工作簿是编制部门预算（单位预算）公开文件的输入表。填好后运行 juesuan compose 本文件.xlsx --out 输出文件夹（或在网页“编制”页上传本文件），程序生成预算公开表和编制说明，表与表、表与文字之间的数字自动一致。',
  ]],
  ['填写顺序', [
    '1. 基本信息：单位名称、预算年度；公开范围、单位类型、金额单位从下拉列表中选择。“公开类型”保持“预算”。',
    '2. 部门概况：每段一行，类型从下拉列表中选择。',
    '3. 科目：列出预算年度有收入或支出的全部“项”级支出功能分类科目（7 位代码），每个科目只填一次；名称自动带出，科目目录中没有的请在名称栏直接填写。',
    '4. 表2、表3、表5、表7、表8：科目代码和名称自动引用“科目”表的同一行，只需在同一行填写金额；某张表中没有金额的科目留空。类、款和合计由程序汇总。',
    '5. 表6 基本支出经济分类（款级已列出）、表9 三公经费、上年预算数、结转采购及资产。',
    '6. 原因说明：与上年预算相比有变化的事项，在对应行说明主要原因。',
  ]],
  ['金额和数量', ['金额单位见“基本信息”的“金额单位”（元或万元），最多两位小数，不填负数。车辆、设备数量填整数。']],
  ['检查', ['程序在生成前检查全部数字，问题按“工作表!单元格”报告（如“表3 支出预算总表!D5”），请回到该单元格修改。']],
  ['保护', ['各工作表已保护（无密码），只有黄色单元格可以填写。确需增加行时：审阅 → 撤销工作表保护。请勿改动工作表名称和第 1、2 行。']],
];

function header(ws: ExcelJS.Worksheet, title: string, labels: string[], widths: number[] = []): void {
  ws.addRow([title]).font = { bold: true, size: 13 };
  const h = ws.addRow(labels);
  h.font = { bold: true };
  h.alignment = { wrapText: true, vertical: 'middle' };
  h.eachCell((c) => asLabel(c));
  labels.forEach((_, i) => { ws.getColumn(i + 1).width = widths[i] ?? (i < 2 ? 14 + i * 22 : 16); });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

function keyValue(wb: ExcelJS.Workbook, name: string, title: string, labels: string[], rows: ExcelJS.CellValue[][], widths = [40, 24]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  header(ws, title, labels, widths);
  for (const r of rows) {
    const row = ws.addRow(r);
    if (r[0]) asLabel(row.getCell(1));
  }
  return ws;
}

function inputRange(ws: ExcelJS.Worksheet, from: number, to: number, cols: number[], style?: (c: ExcelJS.Cell, col: number) => void): void {
  for (let r = from; r <= to; r++) for (const col of cols) { const c = ws.getRow(r).getCell(col); asInput(c); style?.(c, col); }
}

const money = (c: ExcelJS.Cell) => { amountRule(c); c.numFmt = AMOUNT_FORMAT; };

/** The empty budget input workbook. */
export async function writeBudgetTemplateXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'juesuan';
  instructionsSheet(wb, '部门预算公开编制模板：填写说明', INSTRUCTIONS);
  const info = keyValue(wb, BUDGET_INFO_SHEET, '基本信息（部门预算/单位预算）', ['项目', '填写'], [
    [KIND_LABEL, KIND_WORD],
    ...INFO_ROWS.map((r) => [r.label, ({ scope: '部门', entityKind: '行政单位', unit: '万元' } as Record<string, string>)[r.path] ?? null]),
  ], [40, 28]);
  asFormula(info.getCell(`B${FIRST}`));
  INFO_ROWS.forEach((def, i) => {
    const c = info.getCell(`B${FIRST + 1 + i}`);
    asInput(c);
    if (def.choices) dropDown(c, Object.keys(def.choices));
    else if (def.path === 'year') c.dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [2000, 2100], showErrorMessage: true, errorTitle: '预算年度', error: '请填写四位年度，如 2025' };
    else if (def.path !== 'entity') money(c);
  });
  const ov = keyValue(wb, OVERVIEW_SHEET, '部门概况、绩效目标和其他说明（每段一行）', ['类型', '内容'], [], [22, 100]);
  inputRange(ov, FIRST, FIRST + 39, [1, 2], (c, col) => (col === 1 ? dropDown(c, Object.keys(OVERVIEW_TYPES)) : (c.alignment = { wrapText: true })));
  codesSheet(wb);
  for (const s of BUDGET_LEAF_SHEETS) {
    const ws = wb.addWorksheet(s.name);
    header(ws, `${s.title}（科目引用“${CODES_SHEET}”表；只填金额，类、款和合计自动计算）`, ['科目编码', '科目名称', '合计', ...s.columns.map((c) => c.label)]);
    for (let r = FIRST; r < FIRST + ROWS; r++) {
      const row = ws.getRow(r);
      row.getCell(1).value = { formula: `IF('${CODES_SHEET}'!A${r}="","",'${CODES_SHEET}'!A${r})`, result: '' };
      row.getCell(2).value = { formula: `IF('${CODES_SHEET}'!A${r}="","",'${CODES_SHEET}'!B${r})`, result: '' };
      row.getCell(3).value = { formula: `SUM(D${r}:${columnLetter(2 + s.columns.length)}${r})`, result: 0 };
      asFormula(row.getCell(1));
      asFormula(row.getCell(2));
      asFormula(row.getCell(3), AMOUNT_FORMAT);
      s.columns.forEach((_, j) => { const c = row.getCell(j + 4); asInput(c); money(c); });
    }
  }
  const econ = keyValue(wb, ECON_SHEET, '一般公共预算基本支出经济分类（填写款级；类和合计自动计算）', ['经费类别', '科目编码', '科目名称', '预算数'], [], [12, 12, 30, 16]);
  for (const [code, name] of Object.entries(ECONOMIC_SECTIONS)) {
    const row = econ.addRow([ECONOMIC_CLASSES[code.slice(0, 3)]?.block === 'personnel' ? '人员经费' : '公用经费', code, name, null]);
    [1, 2, 3].forEach((c) => asLabel(row.getCell(c)));
    asInput(row.getCell(4));
    money(row.getCell(4));
  }
  inputRange(econ, econ.rowCount + 1, econ.rowCount + 20, [1, 2, 3, 4], (c, col) => (col === 1 ? dropDown(c, ['人员经费', '公用经费']) : col === 4 ? money(c) : undefined));
  const tp = keyValue(wb, TP_SHEET, '一般公共预算“三公”经费预算', ['项目', '本年预算数', '上年预算数'], TP_ROWS.map((r) => [r.label, null, null]), [30, 16, 16]);
  inputRange(tp, FIRST, FIRST + TP_ROWS.length - 1, [2, 3], money);
  const prior = keyValue(wb, PRIOR_SHEET, '上年预算数', ['项目', '金额'], PRIOR_ROWS.map((r) => [r.label, null]));
  inputRange(prior, FIRST, FIRST + PRIOR_ROWS.length - 1, [2], money);
  prior.addRow([]);
  prior.addRow([PRIOR_BY_CATEGORY, '金额']).font = { bold: true };
  inputRange(prior, prior.rowCount + 1, prior.rowCount + 25, [1, 2]);
  const reasons = keyValue(wb, REASONS_SHEET, '与上年预算相比变化的主要原因（有变化时填写）', ['说明事项', '主要原因'], BUDGET_REASON_KEYS.map(([, what]) => [what, null]), [40, 90]);
  inputRange(reasons, FIRST, FIRST + BUDGET_REASON_KEYS.length - 1, [2], (c) => { c.alignment = { wrapText: true }; });
  const other = keyValue(wb, OTHER_SHEET, '上年财政拨款结转、政府采购预算及国有资产', ['项目', '填写'], OTHER_ROWS.map((r) => [r.label, null]));
  OTHER_ROWS.forEach((r, i) => { const c = other.getCell(`B${FIRST + i}`); asInput(c); if (r.count) countRule(c); else money(c); });
  const names = keyValue(wb, NAMES_SHEET, '科目名称（科目目录中没有的类、款编码的名称）', ['科目编码', '科目名称'], [], [14, 48]);
  inputRange(names, FIRST, FIRST + 39, [1, 2]);
  catalogueSheet(wb);
  for (const ws of wb.worksheets) if (ws.name !== '说明' && ws.state !== 'hidden') await protect(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const PRIOR_BY_CATEGORY = '上年一般公共预算支出预算（功能分类类级编码）';

function get(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);
}

function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = FIRST; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
  throw new Error(`budget template has no row “${label}” on ${ws.name}`);
}

/** A budget input written into the template (what an officer would have typed). */
export async function writeBudgetInputWorkbook(input: BudgetInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeBudgetTemplateXlsx()) as unknown as ArrayBuffer);
  const info = wb.getWorksheet(BUDGET_INFO_SHEET)!;
  for (const def of INFO_ROWS) {
    const v = get(input, def.path);
    if (v === undefined) continue;
    rowOf(info, def.label).getCell(2).value = (def.choices ? Object.entries(def.choices).find(([, x]) => x === v)?.[0] : v) as ExcelJS.CellValue;
  }
  const ov = wb.getWorksheet(OVERVIEW_SHEET)!;
  for (const [type, path] of Object.entries(OVERVIEW_TYPES)) for (const t of (get(input, path.join('.')) as string[] | undefined) ?? []) put(nextFreeRow(ov, FIRST), [type, t]);
  // the 项 codes once on 科目 (first appearance), each table's amounts on the code's row
  const codesWs = wb.getWorksheet(CODES_SHEET)!;
  const rowOfCode = new Map<string, number>();
  const nameOf = new Map<string, string | undefined>();
  for (const s of BUDGET_LEAF_SHEETS) {
    for (const row of input[s.table] as unknown as Record<string, string | undefined>[]) {
      if (rowOfCode.has(row.code!)) continue;
      const r = FIRST + rowOfCode.size;
      rowOfCode.set(row.code!, r);
      nameOf.set(row.code!, row.name);
      codesWs.getCell(`A${r}`).value = row.code!;
      if (row.name) codesWs.getCell(`B${r}`).value = row.name;
    }
  }
  for (const s of BUDGET_LEAF_SHEETS) {
    const ws = wb.getWorksheet(s.name)!;
    for (const [code, r] of rowOfCode) {
      setResult(ws.getCell(`A${r}`), code);
      setResult(ws.getCell(`B${r}`), nameOf.get(code) ?? '');
    }
    for (const row of input[s.table] as unknown as Record<string, string | undefined>[]) {
      const r = ws.getRow(rowOfCode.get(row.code!)!);
      if (row.name !== undefined && row.name !== nameOf.get(row.code!)) r.getCell(2).value = row.name;
      s.columns.forEach((c, j) => {
        if (row[c.key] !== undefined) r.getCell(j + 4).value = row[c.key]!;
      });
    }
  }
  const econ = wb.getWorksheet(ECON_SHEET)!;
  for (const block of ['personnel', 'public'] as const) {
    for (const row of input.basicByEconomic[block]) {
      let found: ExcelJS.Row | undefined;
      for (let r = FIRST; r <= econ.rowCount; r++) if (econ.getRow(r).getCell(2).value === row.code) found = econ.getRow(r);
      if (!found) {
        found = nextFreeRow(econ, FIRST);
        put(found, [block === 'personnel' ? '人员经费' : '公用经费', row.code, row.name ?? null]);
      }
      found.getCell(1).value = block === 'personnel' ? '人员经费' : '公用经费';
      found.getCell(4).value = row.amount;
      if (row.name) found.getCell(3).value = row.name;
    }
  }
  const tp = wb.getWorksheet(TP_SHEET)!;
  for (const item of TP_ROWS) {
    const r = rowOf(tp, item.label);
    r.getCell(2).value = input.threePublic?.[item.key] ?? null;
    r.getCell(3).value = input.prior.threePublic?.[item.key] ?? null;
  }
  const prior = wb.getWorksheet(PRIOR_SHEET)!;
  for (const p of PRIOR_ROWS) {
    const v = (input.prior as Record<string, unknown>)[p.key];
    if (typeof v === 'string') rowOf(prior, p.label).getCell(2).value = v;
  }
  const byCategoryFrom = rowOf(prior, PRIOR_BY_CATEGORY).number + 1;
  for (const [code, v] of Object.entries(input.prior.byCategory ?? {})) put(nextFreeRow(prior, byCategoryFrom), [code, v]);
  const reasons = wb.getWorksheet(REASONS_SHEET)!;
  for (const [k, v] of Object.entries(input.reasons)) {
    const words = BUDGET_REASON_KEYS.find(([x]) => x === k)?.[1];
    if (words) rowOf(reasons, words).getCell(2).value = v;
    else put(nextFreeRow(reasons, FIRST), [k, v]);
  }
  const other = wb.getWorksheet(OTHER_SHEET)!;
  for (const d of OTHER_ROWS) {
    const v = get(input, d.path);
    if (v !== undefined) rowOf(other, d.label).getCell(2).value = v as ExcelJS.CellValue;
  }
  const names = wb.getWorksheet(NAMES_SHEET)!;
  for (const [code, name] of Object.entries(input.functionNames)) put(nextFreeRow(names, FIRST), [code, name]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** True when the workbook's 基本信息 says 公开类型 预算. */
export function isBudgetWorkbook(wb: ExcelJS.Workbook): boolean {
  const ws = wb.getWorksheet(BUDGET_INFO_SHEET);
  if (!ws) return false;
  for (let r = FIRST; r <= ws.rowCount; r++) {
    if (cellText(ws.getRow(r).getCell(1).value) === KIND_LABEL) return cellText(ws.getRow(r).getCell(2).value).includes(KIND_WORD);
  }
  return false;
}

/** Reads a filled budget workbook back to a budget input, with the sheet and cell of every value. */
export function readBudgetWorkbook(wb: ExcelJS.Workbook): { input: Record<string, unknown>; locate: Locate; problems: ComposeProblem[] } {
  const input: Record<string, unknown> = { kind: 'budget' };
  const where = new Map<string, { sheet: string; cell: string }>();
  const problems: ComposeProblem[] = [];
  const set = (path: (string | number)[], value: unknown, sheet: string, row: number, col: number) => {
    let o: Record<string | number, unknown> = input;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i]!;
      o[k] ??= typeof path[i + 1] === 'number' ? [] : {};
      o = o[k] as Record<string | number, unknown>;
    }
    o[path[path.length - 1]!] = value;
    where.set(jsonPath(path), { sheet, cell: `${columnLetter(col - 1)}${row}` });
  };
  const mark = (path: (string | number)[], sheet: string, row: number, col: number) => {
    const p = jsonPath(path);
    if (!where.has(p)) where.set(p, { sheet, cell: `${columnLetter(col - 1)}${row}` });
  };
  const rows = (name: string, fn: (cells: string[], r: number) => void) => {
    const ws = wb.getWorksheet(name);
    if (!ws) return;
    for (let r = FIRST; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value));
      if (cells.some((c) => c !== '')) fn(cells, r);
    }
  };
  rows(BUDGET_INFO_SHEET, (cells, r) => {
    const def = INFO_ROWS.find((d) => d.label === cells[0]);
    const v = cells[1] ?? '';
    if (def) mark(def.path.split('.'), BUDGET_INFO_SHEET, r, 2);
    if (!def || v === '') return;
    if (def.choices) {
      const mapped = def.choices[v] ?? Object.values(def.choices).find((x) => x === v);
      if (mapped === undefined) problems.push({ severity: 'error', path: `${BUDGET_INFO_SHEET}!B${r}`, sheet: BUDGET_INFO_SHEET, cell: `B${r}`, message: `“${v}”不是可选值：${Object.keys(def.choices).join('、')}` });
      else set(def.path.split('.'), mapped, BUDGET_INFO_SHEET, r, 2);
    } else set(def.path.split('.'), def.path === 'year' ? Number(v) : v, BUDGET_INFO_SHEET, r, 2);
  });
  const counters = new Map<string, number>();
  rows(OVERVIEW_SHEET, (cells, r) => {
    const path = OVERVIEW_TYPES[cells[0] ?? ''];
    if (!path || !cells[1]) return;
    const k = path.join('.');
    const i = counters.get(k) ?? 0;
    counters.set(k, i + 1);
    set([...path, i], cells[1], OVERVIEW_SHEET, r, 2);
  });
  const { codes, problems: codeProblems } = readCodeRows(wb.getWorksheet(CODES_SHEET), FIRST);
  for (const p of codeProblems) problems.push({ severity: 'error', path: `${CODES_SHEET}!A${p.row}`, sheet: CODES_SHEET, cell: `A${p.row}`, message: p.message });
  for (const s of BUDGET_LEAF_SHEETS) {
    let n = 0;
    const ws = wb.getWorksheet(s.name);
    rows(s.name, (cells, r) => {
      const a = ws!.getRow(r).getCell(1).value;
      const typed = isFormula(a) ? '' : (cells[0] ?? '').replace(/\s/g, '');
      const ref: CodeRow | undefined = typed ? undefined : codes.get(r);
      const code = typed || (ref?.code ?? '');
      const amounts = s.columns.some((_, j) => (cells[j + 3] ?? '') !== '');
      if (/^\d{7}$/.test(code)) {
        if (!typed && !amounts) return; // a 科目 without an amount on this sheet is not part of this table
        const i = n++;
        if (ref) set([s.table, i, 'code'], code, CODES_SHEET, r, 1);
        else set([s.table, i, 'code'], code, s.name, r, 1);
        const b = ws!.getRow(r).getCell(2).value;
        if (!isFormula(b) && cells[1]) set([s.table, i, 'name'], cells[1], s.name, r, 2);
        else if (ref?.name) set([s.table, i, 'name'], ref.name, CODES_SHEET, r, 2);
        s.columns.forEach((c, j) => {
          const v = cells[j + 3] ?? '';
          if (v !== '') set([s.table, i, c.key], v, s.name, r, j + 4);
          else mark([s.table, i, c.key], s.name, r, j + 4);
        });
      } else if (typed || amounts) {
        problems.push({ severity: 'error', path: `${s.name}!A${r}`, sheet: s.name, cell: typed ? `A${r}` : `D${r}`, message: typed ? `科目编码“${cells[0]}”不是 7 位“项”级编码：只填写项级科目，类、款和合计自动计算` : `此行有金额但没有科目：请先在“${CODES_SHEET}”表同一行填写科目编码` });
      }
    });
  }
  const econ = { personnel: 0, public: 0 };
  rows(ECON_SHEET, (cells, r) => {
    if (!cells[3] || !/^\d{5}$/.test(cells[1] ?? '')) return;
    const block = cells[0] === '人员经费' ? 'personnel' : 'public';
    const i = econ[block]++;
    set(['basicByEconomic', block, i, 'code'], cells[1], ECON_SHEET, r, 2);
    if (cells[2]) set(['basicByEconomic', block, i, 'name'], cells[2], ECON_SHEET, r, 3);
    set(['basicByEconomic', block, i, 'amount'], cells[3], ECON_SHEET, r, 4);
  });
  rows(TP_SHEET, (cells, r) => {
    const item = TP_ROWS.find((x) => x.label === cells[0]);
    if (!item) return;
    if (cells[1]) set(['threePublic', item.key], cells[1], TP_SHEET, r, 2);
    if (cells[2]) set(['prior', 'threePublic', item.key], cells[2], TP_SHEET, r, 3);
  });
  rows(PRIOR_SHEET, (cells, r) => {
    const def = PRIOR_ROWS.find((d) => d.label === cells[0]);
    if (def) mark(['prior', def.key], PRIOR_SHEET, r, 2);
    if (def && cells[1]) set(['prior', def.key], cells[1], PRIOR_SHEET, r, 2);
    else if (/^\d{3}$/.test(cells[0] ?? '') && cells[1]) set(['prior', 'byCategory', cells[0]!], cells[1], PRIOR_SHEET, r, 2);
  });
  rows(REASONS_SHEET, (cells, r) => {
    // the row says what the reason explains; older workbooks (and extra rows) carry the key itself
    const key = BUDGET_REASON_KEYS.find(([, what]) => what === cells[0])?.[0] ?? cells[0];
    if (!key) return;
    if (cells[1]) set(['reasons', key], cells[1], REASONS_SHEET, r, 2);
    else mark(['reasons', key], REASONS_SHEET, r, 2);
  });
  rows(OTHER_SHEET, (cells, r) => {
    const def = OTHER_ROWS.find((d) => d.label === cells[0]);
    if (def) mark(def.path.split('.'), OTHER_SHEET, r, 2);
    if (def && cells[1]) set(def.path.split('.'), def.count ? Number(cells[1]) : cells[1], OTHER_SHEET, r, 2);
  });
  rows(NAMES_SHEET, (cells, r) => {
    if (/^\d{3}(\d{2}){0,2}$/.test(cells[0] ?? '') && cells[1]) set(['functionNames', cells[0]!], cells[1], NAMES_SHEET, r, 2);
  });
  if (!econ.personnel && !econ.public) mark(['basicByEconomic'], ECON_SHEET, FIRST, 4);
  return { input, locate: (path) => locateIn(where, path), problems };
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(`not a readable .xlsx workbook: ${(e as Error).message}`, 'give the workbook written by `juesuan template`, filled in');
  }
  return wb;
}
