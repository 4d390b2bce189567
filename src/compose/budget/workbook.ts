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
import { cellText } from '../workbook/read.js';
import { columnLetter } from '../writers/xlsx.js';
import { INCOME_LABELS } from './figures.js';
import type { BudgetInput } from './input-schema.js';

export const BUDGET_INFO_SHEET = '基本信息';
/** The 基本信息 row that marks a budget workbook. */
export const KIND_LABEL = '公开类型';
const KIND_WORD = '预算';
const FIRST = 3;
const ROWS = 60;

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

function header(ws: ExcelJS.Worksheet, title: string, labels: string[]): void {
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow(labels).font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i < 2 ? 14 + i * 22 : 16; });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

function keyValue(wb: ExcelJS.Workbook, name: string, title: string, labels: string[], rows: ExcelJS.CellValue[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  header(ws, title, labels);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 24;
  return ws;
}

/** The empty budget input workbook. */
export async function writeBudgetTemplateXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'juesuan';
  keyValue(wb, BUDGET_INFO_SHEET, '基本信息（部门预算/单位预算）', ['项目', '填写'], [
    [KIND_LABEL, KIND_WORD],
    ...INFO_ROWS.map((r) => [r.label, ({ scope: '部门', entityKind: '行政单位', unit: '万元' } as Record<string, string>)[r.path] ?? null]),
  ]);
  keyValue(wb, OVERVIEW_SHEET, '部门概况、绩效目标和其他说明（每段一行）', [`类型（${Object.keys(OVERVIEW_TYPES).join('/')}）`, '内容'], []);
  for (const s of BUDGET_LEAF_SHEETS) {
    const ws = wb.addWorksheet(s.name);
    header(ws, `${s.title}（填写“项”级科目；类、款和合计自动计算）`, ['科目编码', '科目名称', '合计', ...s.columns.map((c) => c.label)]);
    for (let r = FIRST; r < FIRST + ROWS; r++) {
      ws.addRow(['', '', { formula: `SUM(D${r}:${columnLetter(2 + s.columns.length)}${r})`, result: 0 }, ...s.columns.map(() => null)]);
    }
  }
  const econ = keyValue(wb, ECON_SHEET, '一般公共预算基本支出经济分类（填写款级；类和合计自动计算）', ['经费类别', '科目编码', '科目名称', '预算数'], []);
  for (const [code, name] of Object.entries(ECONOMIC_SECTIONS)) econ.addRow([ECONOMIC_CLASSES[code.slice(0, 3)]?.block === 'personnel' ? '人员经费' : '公用经费', code, name, null]);
  keyValue(wb, TP_SHEET, '一般公共预算“三公”经费预算', ['项目', '本年预算数', '上年预算数'], TP_ROWS.map((r) => [r.label, null, null]));
  const prior = keyValue(wb, PRIOR_SHEET, '上年预算数', ['项目', '金额'], PRIOR_ROWS.map((r) => [r.label, null]));
  prior.addRow([]);
  prior.addRow(['上年一般公共预算支出预算（功能分类类级编码）', '金额']).font = { bold: true };
  const reasons = keyValue(wb, REASONS_SHEET, '与上年预算相比变化的主要原因', ['键', '主要原因', '说明'], BUDGET_REASON_KEYS.map(([k, what]) => [k, null, what]));
  reasons.getColumn(2).width = 60;
  keyValue(wb, OTHER_SHEET, '上年财政拨款结转、政府采购预算及国有资产', ['项目', '填写'], OTHER_ROWS.map((r) => [r.label, null]));
  keyValue(wb, NAMES_SHEET, '科目名称（科目目录中没有的类、款、项编码的名称）', ['科目编码', '科目名称'], []);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

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
  for (const [type, path] of Object.entries(OVERVIEW_TYPES)) for (const t of (get(input, path.join('.')) as string[] | undefined) ?? []) ov.addRow([type, t]);
  for (const s of BUDGET_LEAF_SHEETS) {
    const ws = wb.getWorksheet(s.name)!;
    (input[s.table] as unknown as Record<string, string | undefined>[]).forEach((row, i) => {
      const r = ws.getRow(FIRST + i);
      r.getCell(1).value = row.code!;
      r.getCell(2).value = row.name ?? null;
      s.columns.forEach((c, j) => {
        if (row[c.key] !== undefined) r.getCell(j + 4).value = row[c.key]!;
      });
    });
  }
  const econ = wb.getWorksheet(ECON_SHEET)!;
  for (const block of ['personnel', 'public'] as const) {
    for (const row of input.basicByEconomic[block]) {
      let found: ExcelJS.Row | undefined;
      for (let r = FIRST; r <= econ.rowCount; r++) if (econ.getRow(r).getCell(2).value === row.code) found = econ.getRow(r);
      found ??= econ.addRow([block === 'personnel' ? '人员经费' : '公用经费', row.code, row.name ?? null]);
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
  for (const [code, v] of Object.entries(input.prior.byCategory ?? {})) prior.addRow([code, v]);
  const reasons = wb.getWorksheet(REASONS_SHEET)!;
  for (const [k, v] of Object.entries(input.reasons)) {
    const known = BUDGET_REASON_KEYS.some(([x]) => x === k);
    if (known) rowOf(reasons, k).getCell(2).value = v;
    else reasons.addRow([k, v]);
  }
  const other = wb.getWorksheet(OTHER_SHEET)!;
  for (const d of OTHER_ROWS) {
    const v = get(input, d.path);
    if (v !== undefined) rowOf(other, d.label).getCell(2).value = v as ExcelJS.CellValue;
  }
  const names = wb.getWorksheet(NAMES_SHEET)!;
  for (const [code, name] of Object.entries(input.functionNames)) names.addRow([code, name]);
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
  for (const s of BUDGET_LEAF_SHEETS) {
    let n = 0;
    rows(s.name, (cells, r) => {
      const code = (cells[0] ?? '').replace(/\s/g, '');
      if (/^\d{7}$/.test(code)) {
        const i = n++;
        set([s.table, i, 'code'], code, s.name, r, 1);
        if (cells[1]) set([s.table, i, 'name'], cells[1], s.name, r, 2);
        s.columns.forEach((c, j) => {
          const v = cells[j + 3] ?? '';
          if (v !== '') set([s.table, i, c.key], v, s.name, r, j + 4);
        });
      } else if (code !== '' || cells.slice(3).some((c) => c !== '')) {
        problems.push({ severity: 'error', path: `${s.name}!A${r}`, sheet: s.name, cell: `A${r}`, message: `科目编码“${cells[0]}”不是 7 位“项”级编码：只填写项级科目，类、款和合计自动计算` });
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
    if (def && cells[1]) set(['prior', def.key], cells[1], PRIOR_SHEET, r, 2);
    else if (/^\d{3}$/.test(cells[0] ?? '') && cells[1]) set(['prior', 'byCategory', cells[0]!], cells[1], PRIOR_SHEET, r, 2);
  });
  rows(REASONS_SHEET, (cells, r) => {
    if (cells[0] && cells[1]) set(['reasons', cells[0]], cells[1], REASONS_SHEET, r, 2);
  });
  rows(OTHER_SHEET, (cells, r) => {
    const def = OTHER_ROWS.find((d) => d.label === cells[0]);
    if (def && cells[1]) set(def.path.split('.'), def.count ? Number(cells[1]) : cells[1], OTHER_SHEET, r, 2);
  });
  rows(NAMES_SHEET, (cells, r) => {
    if (/^\d{3}(\d{2}){0,2}$/.test(cells[0] ?? '') && cells[1]) set(['functionNames', cells[0]!], cells[1], NAMES_SHEET, r, 2);
  });
  return { input, locate: (path) => where.get(path), problems };
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
