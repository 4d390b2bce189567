/**
 * `juesuan template`: the empty input workbook, one sheet per table in the official column order
 * (computed columns as formulas with their cached result), plus the sheets for the other inputs.
 */
import ExcelJS from 'exceljs';
import { ECONOMIC_CLASSES, ECONOMIC_SECTIONS } from '../standard-lists.js';
import { columnLetter } from '../writers/xlsx.js';
import {
  COUNT_ROWS, FIRST_DATA_ROW, INDICATOR_COLUMNS, INDICATOR_SHEET, INFO_ROWS, INFO_SHEET, LEAF_SHEETS, OTHER_ROWS, OTHER_SHEET, OVERVIEW_SHEET,
  NAMES_SHEET, PERF_COLUMNS, PERF_SHEET, PRIOR_ROWS, PRIOR_SHEET, REASONS_SHEET, T06_SHEET, T09_SHEET, TEMPLATE_ROWS, THREE_PUBLIC_ROWS, type LeafSheet,
} from './sheets.js';

const DEFAULTS: Record<string, string> = { scope: '部门', entityKind: '行政单位', unit: '万元', variant: '全国通用' };

export const REASON_KEYS: [string, string][] = [
  ['total', '收支总计与上年相比的变化'],
  ['fiscal', '财政拨款收支总计与上年相比的变化'],
  ['generalBudget', '一般公共预算财政拨款支出与上年相比的变化'],
  ['completion.<7位科目代码>', '该项决算数与年初预算数的差异'],
  ['personnel', '人员经费与上年相比的变化'],
  ['public', '公用经费与上年相比的变化'],
  ['threePublic.budget', '“三公”经费决算数与预算数的差异'],
  ['threePublic.abroad.budget', '因公出国（境）费决算数与预算数的差异'],
  ['threePublic.vehiclePurchase.budget', '公务用车购置费决算数与预算数的差异'],
  ['threePublic.vehicleOperation.budget', '公务用车运行维护费决算数与预算数的差异'],
  ['threePublic.reception.budget', '公务接待费决算数与预算数的差异'],
  ['threePublic.change', '“三公”经费与上年相比的变化'],
  ['operatingExpense', '机关运行经费与上年相比的变化'],
];

function header(ws: ExcelJS.Worksheet, title: string, labels: string[]): void {
  const t = ws.addRow([title]);
  t.font = { bold: true, size: 13 };
  const h = ws.addRow(labels);
  h.font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i < 2 ? 14 + i * 22 : 16; });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

function leafSheet(wb: ExcelJS.Workbook, s: LeafSheet): void {
  const ws = wb.addWorksheet(s.name);
  header(ws, `${s.title}（填写“项”级科目；类、款和合计自动计算）`, ['科目代码', '科目名称', ...s.columns.map((c) => c.label)]);
  const colOf = (key: string) => 3 + s.columns.findIndex((c) => c.key === key);
  for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + TEMPLATE_ROWS; r++) {
    const values: ExcelJS.CellValue[] = ['', ''];
    for (const c of s.columns) {
      if (c.key !== null) {
        values.push(null);
        continue;
      }
      const parts = (s.computed.total ?? []).map((k) => `${columnLetter(colOf(k) - 1)}${r}`);
      values.push({ formula: `SUM(${parts.join(',')})`, result: 0 });
    }
    ws.addRow(values);
  }
}

function keyValueSheet(wb: ExcelJS.Workbook, name: string, title: string, labels: [string, string], rows: ExcelJS.CellValue[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  header(ws, title, labels);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).width = 44;
  ws.getColumn(2).width = 24;
  return ws;
}

export async function writeTemplateXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'juesuan';
  keyValueSheet(wb, INFO_SHEET, '基本信息', ['项目', '填写'], INFO_ROWS.map((r) => [r.label, DEFAULTS[r.path] ?? null]));
  keyValueSheet(wb, OVERVIEW_SHEET, '部门概况（每段一行）', ['类型（部门职责/机构设置/其他需要说明的情况）', '内容'], []);
  for (const s of LEAF_SHEETS) leafSheet(wb, s);
  const t06 = keyValueSheet(wb, T06_SHEET, '一般公共预算财政拨款基本支出决算明细（填写款级；类和合计自动计算）', ['经费类别', '科目代码'], []);
  t06.getRow(2).values = ['经费类别', '科目代码', '科目名称', '决算数'];
  for (const [code, name] of Object.entries(ECONOMIC_SECTIONS)) {
    const block = ECONOMIC_CLASSES[code.slice(0, 3)]?.block === 'personnel' ? '人员经费' : '公用经费';
    t06.addRow([block, code, name, null]);
  }
  const t09 = keyValueSheet(wb, T09_SHEET, '财政拨款“三公”经费（预算数、决算数、上年决算数）', ['项目', '预算数'], THREE_PUBLIC_ROWS.map((r) => [r.label, null]));
  t09.getRow(2).values = ['项目', '预算数', '决算数', '上年决算数'];
  t09.addRow([]);
  t09.addRow(['实物量', '数量']).font = { bold: true };
  for (const r of COUNT_ROWS) t09.addRow([r.label, null]);
  const prior = keyValueSheet(wb, PRIOR_SHEET, '上年决算数', ['项目', '金额'], PRIOR_ROWS.map((r) => [r.label, null]));
  prior.addRow([]);
  prior.addRow(['上年支出（功能分类类级代码）', '金额']).font = { bold: true };
  const reasons = keyValueSheet(wb, REASONS_SHEET, '变化和差异的主要原因（模板要求说明时必填）', ['键', '主要原因'], REASON_KEYS.map(([k, what]) => [k, null, what]));
  reasons.getRow(2).values = ['键', '主要原因', '说明'];
  reasons.getColumn(2).width = 60;
  reasons.getColumn(3).width = 40;
  keyValueSheet(wb, OTHER_SHEET, '政府采购及国有资产占用', ['项目', '填写'], OTHER_ROWS.map((r) => [r.label, null]));
  keyValueSheet(wb, NAMES_SHEET, '科目名称（科目目录中没有的类、款、项代码的名称）', ['科目代码', '科目名称'], []);
  const perf = wb.addWorksheet(PERF_SHEET);
  header(perf, '绩效自评：项目（每个项目一行）', PERF_COLUMNS.map((c) => c.label));
  const ind = wb.addWorksheet(INDICATOR_SHEET);
  header(ind, '绩效自评：指标（每个指标一行，项目名称与上表一致）', INDICATOR_COLUMNS.map((c) => c.label));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
