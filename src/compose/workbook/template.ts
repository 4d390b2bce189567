/**
 * `juesuan template`: the empty input workbook a finance officer fills without reading code. 说明 first
 * (what to fill, in which order, the colours); 基本信息 with drop-downs; the 项 codes entered once on
 * 科目 (names looked up in a hidden catalogue), which every table sheet refers to by formula; one sheet
 * per table in the official column order, input cells yellow and unlocked, codes, names and totals
 * grey formulas; reasons keyed by what they explain (the 年初预算 reason of an item beside it on T05).
 */
import ExcelJS from 'exceljs';
import { ECONOMIC_CLASSES, ECONOMIC_SECTIONS } from '../standard-lists.js';
import { columnLetter } from '../writers/xlsx.js';
import {
  CODES_SHEET, COMPLETION_REASON_LABEL, COUNT_ROWS, FIRST_DATA_ROW, INDICATOR_COLUMNS, INDICATOR_ROWS, INDICATOR_SHEET, INFO_ROWS, INFO_SHEET, LEAF_SHEETS, LIST_ROWS,
  OTHER_ROWS, OTHER_SHEET, OVERVIEW_SHEET, NAMES_SHEET, PERF_COLUMNS, PERF_SHEET, PRIOR_ROWS, PRIOR_SHEET, REASONS_SHEET, T06_SHEET, T09_SHEET, TEMPLATE_ROWS,
  THREE_PUBLIC_ROWS, type LeafSheet,
} from './sheets.js';
import {
  AMOUNT_FORMAT, amountRule, asFormula, asInput, asLabel, catalogueSheet, countRule, dropDown, dropDownFrom, instructionsSheet, itemCodeRule, nameLookup, protect,
} from './style.js';

const DEFAULTS: Record<string, string> = { scope: '部门', entityKind: '行政单位', unit: '万元', variant: '全国通用' };

/** Reason keys and what they explain; the workbook shows the words, the reader maps them back to the keys. */
export const REASON_KEYS: [string, string][] = [
  ['total', '收支总计与上年相比的变化'],
  ['fiscal', '财政拨款收支总计与上年相比的变化'],
  ['generalBudget', '一般公共预算财政拨款支出与上年相比的变化'],
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

const INSTRUCTIONS: [string, string[]][] = [
  ['用途', [
    '本工作簿是编制部门决算公开文件的输入表。填好后运行 juesuan compose 本文件.xlsx --out 输出文件夹（或在网页“编制”页上传本文件），程序生成九张公开表、情况说明和绩效自评表（HTML、Word、Excel、PDF），表与表、表与文字之间的数字自动一致。',
  ]],
  ['填写顺序', [
    '1. 基本信息：单位名称、年度，公开范围、单位类型、金额单位、表式从下拉列表中选择。',
    '2. 部门概况：每段一行，类型从下拉列表中选择（部门职责 / 机构设置 / 其他需要说明的情况）。',
    '3. 科目：列出本年有收入或支出的全部“项”级支出功能分类科目（7 位代码），每个科目只填一次；名称自动带出，科目目录中没有的请在名称栏直接填写。',
    '4. T02、T03、T05、T07、T08：科目代码和名称自动引用“科目”表的同一行，只需在同一行填写金额；某张表中没有金额的科目留空即可。类、款和合计由程序汇总，不必填写。',
    `5. T05 的“${COMPLETION_REASON_LABEL}”：决算数与年初预算数不同的科目，在该科目所在行说明主要原因。`,
    '6. T06 基本支出明细：经济分类款级科目已列出，填写决算数；T09 三公经费：预算数、决算数、上年决算数和实物量。',
    '7. 上年数、原因说明：填写上年决算数后，与上年相比有变化的项目须在“原因说明”中说明主要原因（按说明的事项逐行填写）。',
    '8. 政府采购及资产、绩效自评（项目一行一个；指标一行一个，项目名称从下拉列表中选择）。',
  ]],
  ['金额和数量', [
    '金额单位见“基本信息”的“金额单位”（元或万元），最多两位小数，不填负数。车辆、团组、批次、人次等填整数。',
  ]],
  ['检查', [
    '程序在生成前检查全部数字：合计与明细、表与表之间的关系、应说明而未说明的原因。发现的问题按“工作表!单元格”报告（如“T03 支出决算表!D5”），请回到该单元格修改。',
  ]],
  ['保护', [
    '各工作表已保护（无密码），只有黄色单元格可以填写。确需增加行或修改标签时：审阅 → 撤销工作表保护。请勿改动工作表名称和第 1、2 行。',
  ]],
];

function header(ws: ExcelJS.Worksheet, title: string, labels: string[], widths: number[] = []): void {
  const t = ws.addRow([title]);
  t.font = { bold: true, size: 13 };
  const h = ws.addRow(labels);
  h.font = { bold: true };
  h.alignment = { wrapText: true, vertical: 'middle' };
  h.eachCell((c) => asLabel(c));
  labels.forEach((_, i) => { ws.getColumn(i + 1).width = widths[i] ?? (i < 2 ? 14 + i * 22 : 16); });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

/** 科目: the 项 codes, once; names looked up in the hidden catalogue (or typed over it). */
export function codesSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(CODES_SHEET);
  header(ws, '科目：本年有收支的“项”级支出功能分类科目，每个只填一次（各表引用本表同一行）', ['科目代码', '科目名称（自动带出；目录中没有的请填写）'], [14, 48]);
  for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + TEMPLATE_ROWS; r++) {
    const row = ws.getRow(r);
    asInput(row.getCell(1));
    itemCodeRule(row.getCell(1));
    row.getCell(2).value = { formula: nameLookup(`A${r}`), result: '' };
    asFormula(row.getCell(2));
    row.getCell(2).protection = { locked: false }; // a name the catalogue lacks is typed over the look-up
  }
}

function leafSheet(wb: ExcelJS.Workbook, s: LeafSheet): void {
  const ws = wb.addWorksheet(s.name);
  const reason = s.table === 'generalBudget';
  header(ws, `${s.title}（科目引用“${CODES_SHEET}”表；只填金额，类、款和合计自动计算）`, ['科目代码', '科目名称', ...s.columns.map((c) => c.label), ...(reason ? [COMPLETION_REASON_LABEL] : [])]);
  if (reason) ws.getColumn(3 + s.columns.length).width = 48;
  const colOf = (key: string) => 3 + s.columns.findIndex((c) => c.key === key);
  for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + TEMPLATE_ROWS; r++) {
    const row = ws.getRow(r);
    row.getCell(1).value = { formula: `IF('${CODES_SHEET}'!A${r}="","",'${CODES_SHEET}'!A${r})`, result: '' };
    row.getCell(2).value = { formula: `IF('${CODES_SHEET}'!A${r}="","",'${CODES_SHEET}'!B${r})`, result: '' };
    asFormula(row.getCell(1));
    asFormula(row.getCell(2));
    s.columns.forEach((c, j) => {
      const cell = row.getCell(j + 3);
      if (c.key !== null) {
        asInput(cell, AMOUNT_FORMAT);
        amountRule(cell);
        return;
      }
      const parts = (s.computed.total ?? []).map((k) => `${columnLetter(colOf(k) - 1)}${r}`);
      cell.value = { formula: `SUM(${parts.join(',')})`, result: 0 };
      asFormula(cell, AMOUNT_FORMAT);
    });
    if (reason) {
      const c = row.getCell(3 + s.columns.length);
      asInput(c);
      c.alignment = { wrapText: true };
    }
  }
}

function keyValueSheet(wb: ExcelJS.Workbook, name: string, title: string, labels: string[], rows: ExcelJS.CellValue[][], widths = [44, 24]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  header(ws, title, labels, widths);
  for (const r of rows) {
    const row = ws.addRow(r);
    if (r[0] !== null && r[0] !== undefined && r[0] !== '') asLabel(row.getCell(1));
  }
  return ws;
}

function inputs(ws: ExcelJS.Worksheet, from: number, to: number, cols: number[], style?: (c: ExcelJS.Cell, col: number) => void): void {
  for (let r = from; r <= to; r++) {
    for (const col of cols) {
      const c = ws.getRow(r).getCell(col);
      asInput(c);
      style?.(c, col);
    }
  }
}

function infoSheet(wb: ExcelJS.Workbook): void {
  const ws = keyValueSheet(wb, INFO_SHEET, '基本信息', ['项目', '填写'], INFO_ROWS.map((r) => [r.label, DEFAULTS[r.path] ?? null]), [44, 28]);
  INFO_ROWS.forEach((def, i) => {
    const c = ws.getRow(FIRST_DATA_ROW + i).getCell(2);
    asInput(c);
    if (def.choices) dropDown(c, Object.keys(def.choices));
    else if (def.path === 'year') c.dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [2000, 2100], showErrorMessage: true, errorTitle: '年度', error: '请填写四位年度，如 2024' };
    else if (def.path !== 'entity') { c.numFmt = AMOUNT_FORMAT; amountRule(c); }
  });
}

export async function writeTemplateXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'juesuan';
  instructionsSheet(wb, '部门决算公开编制模板：填写说明', INSTRUCTIONS);
  infoSheet(wb);
  const ov = keyValueSheet(wb, OVERVIEW_SHEET, '部门概况（每段一行）', ['类型', '内容'], [], [22, 100]);
  inputs(ov, FIRST_DATA_ROW, FIRST_DATA_ROW + LIST_ROWS - 1, [1, 2], (c, col) => (col === 1 ? dropDown(c, ['部门职责', '机构设置', '其他需要说明的情况']) : (c.alignment = { wrapText: true })));
  codesSheet(wb);
  for (const s of LEAF_SHEETS) leafSheet(wb, s);
  const t06 = keyValueSheet(wb, T06_SHEET, '一般公共预算财政拨款基本支出决算明细（填写款级；类和合计自动计算）', ['经费类别', '科目代码', '科目名称', '决算数'], [], [12, 12, 30, 16]);
  for (const [code, name] of Object.entries(ECONOMIC_SECTIONS)) {
    const block = ECONOMIC_CLASSES[code.slice(0, 3)]?.block === 'personnel' ? '人员经费' : '公用经费';
    const row = t06.addRow([block, code, name, null]);
    [1, 2, 3].forEach((c) => asLabel(row.getCell(c)));
    asInput(row.getCell(4), AMOUNT_FORMAT);
    amountRule(row.getCell(4));
  }
  // room for 款 the standard list lacks
  inputs(t06, t06.rowCount + 1, t06.rowCount + 20, [1, 2, 3, 4], (c, col) => (col === 1 ? dropDown(c, ['人员经费', '公用经费']) : col === 4 ? (amountRule(c), (c.numFmt = AMOUNT_FORMAT)) : undefined));
  const t09 = keyValueSheet(wb, T09_SHEET, '财政拨款“三公”经费（预算数、决算数、上年决算数）', ['项目', '预算数', '决算数', '上年决算数'], THREE_PUBLIC_ROWS.map((r) => [r.label, null, null, null]), [30, 16, 16, 16]);
  inputs(t09, FIRST_DATA_ROW, FIRST_DATA_ROW + THREE_PUBLIC_ROWS.length - 1, [2, 3, 4], (c) => { amountRule(c); c.numFmt = AMOUNT_FORMAT; });
  t09.addRow([]);
  t09.addRow(['实物量', '数量']).font = { bold: true };
  for (const r of COUNT_ROWS) {
    const row = t09.addRow([r.label, null]);
    asLabel(row.getCell(1));
    asInput(row.getCell(2));
    countRule(row.getCell(2));
  }
  const prior = keyValueSheet(wb, PRIOR_SHEET, '上年决算数', ['项目', '金额'], PRIOR_ROWS.map((r) => [r.label, null]));
  inputs(prior, FIRST_DATA_ROW, FIRST_DATA_ROW + PRIOR_ROWS.length - 1, [2], (c) => { amountRule(c); c.numFmt = AMOUNT_FORMAT; });
  prior.addRow([]);
  prior.addRow(['上年支出（功能分类类级代码）', '金额']).font = { bold: true };
  inputs(prior, prior.rowCount + 1, prior.rowCount + 25, [1, 2]);
  const reasons = keyValueSheet(wb, REASONS_SHEET, `变化和差异的主要原因（有变化或差异时必填；各科目与年初预算的差异填在 T05 的“${COMPLETION_REASON_LABEL}”列）`, ['说明事项', '主要原因'], REASON_KEYS.map(([, what]) => [what, null]), [40, 90]);
  inputs(reasons, FIRST_DATA_ROW, FIRST_DATA_ROW + REASON_KEYS.length - 1, [2], (c) => { c.alignment = { wrapText: true }; });
  const other = keyValueSheet(wb, OTHER_SHEET, '政府采购及国有资产占用', ['项目', '填写'], OTHER_ROWS.map((r) => [r.label, null]));
  OTHER_ROWS.forEach((r, i) => {
    const c = other.getRow(FIRST_DATA_ROW + i).getCell(2);
    asInput(c);
    if (r.path.startsWith('assets')) countRule(c);
    else { amountRule(c); c.numFmt = AMOUNT_FORMAT; }
  });
  const names = keyValueSheet(wb, NAMES_SHEET, '科目名称（科目目录中没有的类、款代码的名称）', ['科目代码', '科目名称'], [], [14, 48]);
  inputs(names, FIRST_DATA_ROW, FIRST_DATA_ROW + LIST_ROWS - 1, [1, 2]);
  const perf = wb.addWorksheet(PERF_SHEET);
  header(perf, '绩效自评：项目（每个项目一行）', PERF_COLUMNS.map((c) => c.label));
  inputs(perf, FIRST_DATA_ROW, FIRST_DATA_ROW + LIST_ROWS - 1, PERF_COLUMNS.map((_, i) => i + 1), (c, col) => {
    const path = PERF_COLUMNS[col - 1]!.path;
    if (path === 'kind') dropDown(c, ['项目', '部门整体']);
    else if (path.startsWith('funding.')) { amountRule(c); c.numFmt = AMOUNT_FORMAT; }
  });
  const ind = wb.addWorksheet(INDICATOR_SHEET);
  header(ind, '绩效自评：指标（每个指标一行，项目名称从下拉列表中选择）', INDICATOR_COLUMNS.map((c) => c.label));
  const projects = `'${PERF_SHEET}'!$A$${FIRST_DATA_ROW}:$A$${FIRST_DATA_ROW + LIST_ROWS - 1}`;
  inputs(ind, FIRST_DATA_ROW, FIRST_DATA_ROW + INDICATOR_ROWS - 1, INDICATOR_COLUMNS.map((_, i) => i + 1), (c, col) => {
    const path = INDICATOR_COLUMNS[col - 1]!.path;
    if (path === 'project') dropDownFrom(c, projects, `项目名称须与“${PERF_SHEET}”表中的一致`);
    else if (path === 'level1') dropDown(c, ['产出指标', '效益指标', '满意度指标', '成本指标'], false);
    else if (path === 'nature') dropDown(c, ['>=', '<=', '=', '定性']);
  });
  catalogueSheet(wb);
  for (const ws of wb.worksheets) if (ws.name !== '说明' && ws.state !== 'hidden') await protect(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
