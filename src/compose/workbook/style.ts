/**
 * The look and guard rails of the input workbooks (决算 and 预算 templates): input cells in a light
 * yellow fill and unlocked, labels and formulas locked on protected sheets (no password: 审阅 →
 * 撤销工作表保护 when a row must be added), drop-downs for the enumerations, the instructions
 * sheet (说明) and the hidden catalogue of 科目 names the 科目 sheet looks names up in.
 */
import type ExcelJS from 'exceljs';
import { allFunctionCodes } from '../../catalog/function-codes.js';

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const INPUT_FILL = solid('FFFFF2CC');
export const FORMULA_FILL = solid('FFE7E6E6');
export const LABEL_FILL = solid('FFDDEBF7');
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } }, right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};
export const AMOUNT_FORMAT = '#,##0.00';

/** A cell the officer fills: yellow, unlocked. */
export function asInput(c: ExcelJS.Cell, numFmt?: string): void {
  c.fill = INPUT_FILL;
  c.border = THIN;
  c.protection = { locked: false };
  if (numFmt) c.numFmt = numFmt;
}

/** A computed cell: grey, locked (its formula is kept). */
export function asFormula(c: ExcelJS.Cell, numFmt?: string): void {
  c.fill = FORMULA_FILL;
  c.border = THIN;
  c.font = { color: { argb: 'FF595959' } };
  c.protection = { locked: true };
  if (numFmt) c.numFmt = numFmt;
}

/** A printed label (row or column heading): blue, locked. */
export function asLabel(c: ExcelJS.Cell): void {
  c.fill = LABEL_FILL;
  c.border = THIN;
  c.protection = { locked: true };
}

/** A drop-down of the allowed words (an other word is refused with the list in the message). */
export function dropDown(c: ExcelJS.Cell, choices: readonly string[], strict = true): void {
  c.dataValidation = {
    type: 'list', allowBlank: true, formulae: [`"${choices.join(',')}"`],
    showErrorMessage: strict, errorStyle: 'stop', errorTitle: '请从下拉列表中选择', error: `可选：${choices.join('、')}`,
    showInputMessage: true, promptTitle: '请选择', prompt: choices.join('、'),
  };
}

/** A drop-down whose choices are the values of a range ("'绩效自评-项目'!$A$3:$A$32"). */
export function dropDownFrom(c: ExcelJS.Cell, range: string, what: string): void {
  c.dataValidation = { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle: 'stop', errorTitle: '请从下拉列表中选择', error: what };
}

/** Amounts: a number not below 0 (typed text such as "1,234.00" is still read). */
export function amountRule(c: ExcelJS.Cell): void {
  c.dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorStyle: 'warning', errorTitle: '金额', error: '请填写不小于 0 的数字（金额单位见“基本信息”）' };
}

/** Counts (辆, 个, 人次): a whole number not below 0. */
export function countRule(c: ExcelJS.Cell): void {
  c.dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorStyle: 'stop', errorTitle: '数量', error: '请填写不小于 0 的整数' };
}

/** A 7-digit 项 code. */
export function itemCodeRule(c: ExcelJS.Cell): void {
  c.dataValidation = { type: 'textLength', operator: 'equal', allowBlank: true, formulae: [7], showErrorMessage: true, errorStyle: 'stop', errorTitle: '科目代码', error: '请填写 7 位“项”级支出功能分类科目代码，如 2080505', showInputMessage: true, promptTitle: '科目代码', prompt: '7 位“项”级代码；类、款由程序汇总' };
}

/** Protects a sheet against edits of its locked cells (labels, formulas); no password. */
export async function protect(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false, insertRows: false, deleteRows: false });
}

export const CATALOGUE_SHEET = '科目目录';

/** The hidden sheet of every 支出功能分类 code and name (text), for the 科目 sheet's name look-up. */
export function catalogueSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(CATALOGUE_SHEET, { state: 'hidden' });
  ws.addRow(['科目代码', '科目名称']);
  for (const f of allFunctionCodes()) ws.addRow([f.code, f.name]);
}

/** The name of the 科目 typed in `codeCell`, looked up in the hidden catalogue ('' when unknown). */
export function nameLookup(codeCell: string): string {
  return `IF(${codeCell}="","",IFERROR(VLOOKUP(TEXT(${codeCell},"0"),'${CATALOGUE_SHEET}'!$A:$B,2,FALSE),"（不在科目目录中：请填写名称）"))`;
}

/** The instructions sheet: a title, then headed paragraphs, and the colour legend. */
export function instructionsSheet(wb: ExcelJS.Workbook, title: string, sections: [string, string[]][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('说明', { properties: { tabColor: { argb: 'FF2F5597' } }, pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 96;
  const t = ws.addRow([title]);
  t.font = { bold: true, size: 15 };
  ws.addRow([]);
  const legend: [string, ExcelJS.Fill, string][] = [
    ['填写', INPUT_FILL, '黄色单元格：由您填写'],
    ['自动', FORMULA_FILL, '灰色单元格：公式自动计算或引用，不必填写'],
    ['标签', LABEL_FILL, '蓝色单元格：项目名称和表头，已保护'],
  ];
  for (const [word, fill, text] of legend) {
    const r = ws.addRow([word, text]);
    r.getCell(1).fill = fill;
    r.getCell(1).alignment = { horizontal: 'center' };
  }
  for (const [head, lines] of sections) {
    ws.addRow([]);
    ws.addRow([head]).font = { bold: true, size: 12 };
    lines.forEach((l, i) => {
      const r = ws.addRow([i === 0 ? '' : '', l]);
      r.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      r.height = Math.max(16, Math.ceil([...l].length / 46) * 16);
    });
  }
  return ws;
}

/** The first row at or below `from` whose first two cells are empty (prepared input rows are reused before new ones). */
export function nextFreeRow(ws: ExcelJS.Worksheet, from: number): ExcelJS.Row {
  for (let r = from; ; r++) {
    const row = ws.getRow(r);
    const a = row.getCell(1).value;
    const b = row.getCell(2).value;
    const empty = (v: ExcelJS.CellValue) => v === null || v === undefined || v === '' || (typeof v === 'object' && 'formula' in v);
    if (empty(a) && empty(b)) return row;
  }
}

/** Values into a row's cells from column A, keeping the cells' styles (Row.values would drop them). */
export function put(row: ExcelJS.Row, values: ExcelJS.CellValue[]): void {
  values.forEach((v, i) => { if (v !== undefined) row.getCell(i + 1).value = v; });
}

/** Sets a formula cell's cached result (what a spreadsheet shows before it recalculates), or the value. */
export function setResult(c: ExcelJS.Cell, value: string): void {
  const v = c.value;
  if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') c.value = { formula: v.formula, result: value };
  else c.value = value;
}
