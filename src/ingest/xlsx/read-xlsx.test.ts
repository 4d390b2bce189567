import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readXlsx } from './read-xlsx.js';
import { convertWithLibreOffice, findSoffice } from '../docx/libreoffice.js';
import { InputError } from '../raw.js';
import { sampleCells } from '../../../test/fixtures-formats/sample.js';
import { sampleXlsx } from '../../../test/fixtures-formats/write-office.js';
import { NO_SOFFICE } from '../../../test/fixtures-formats/write-pdf.js';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An official-style export: title merged over the table, 公开 ordinal, unit, two header rows with merges, 栏次. */
function officialSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('支出决算表');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '支出决算表';
  ws.getCell('F2').value = '公开03表';
  ws.getCell('A3').value = '部门：示例县财政局';
  ws.getCell('F3').value = '金额单位：万元';
  ws.mergeCells('A4:B4');
  ws.getCell('A4').value = '项目';
  ws.mergeCells('C4:C5');
  ws.getCell('C4').value = '本年支出合计';
  ws.mergeCells('D4:E4');
  ws.getCell('D4').value = '其中';
  ws.getCell('F4').value = '备注';
  ws.getRow(5).values = ['科目编码', '科目名称', undefined, '基本支出', '项目支出'];
  ws.getRow(6).values = ['栏次', '', 1, 2, 3];
  ws.getRow(7).values = ['', '合计', 1234.5, { formula: 'C7-E7', result: 934.5 }, '３００．００'];
  ws.getRow(8).values = ['2010601', '行政运行', 834.567, 834.567, 0];
  for (const ref of ['C7', 'D7', 'C8', 'D8', 'E8']) ws.getCell(ref).numFmt = '#,##0.00';
}

test('readXlsx: the sample workbook gives the lines of the text form (numbers through their format)', async () => {
  const doc = await readXlsx(await sampleXlsx(), 'sample.xlsx');
  assert.equal(doc.format, 'xlsx');
  assert.deepEqual(doc.lines.map((l) => l.cells), sampleCells());
  assert.equal(doc.lines[0]!.sheet, '决算');
});

test('readXlsx: official export layout — merges, formulas, full-width text numbers, refs', async () => {
  const wb = new ExcelJS.Workbook();
  officialSheet(wb);
  const doc = await readXlsx(await bytesOf(wb));
  assert.deepEqual(doc.lines.map((l) => l.cells), [
    ['支出决算表'],
    ['', '', '', '', '', '公开03表'],
    ['部门：示例县财政局', '', '', '', '', '金额单位：万元'],
    ['项目', '', '本年支出合计', '其中', '', '备注'],
    ['科目编码', '科目名称', '', '基本支出', '项目支出', ''],
    ['栏次', '', '1', '2', '3', ''],
    ['', '合计', '1,234.50', '934.50', '300.00', ''],
    ['2010601', '行政运行', '834.57', '834.57', '0.00', ''],
  ]);
  const header = doc.lines[3]!;
  assert.deepEqual(header.refs, ['A4', 'B4', 'C4', 'D4', 'E4', 'F4']);
  assert.deepEqual(header.cellX![0], { x0: 0, x1: 1 });
  assert.deepEqual(header.cellX![3], { x0: 3, x1: 4 });
  assert.equal(doc.lines[0]!.tabular, false);
  assert.equal(header.tabular, true);
});

test('readXlsx: a formula whose cached result is 0 reads as 0.00 (exceljs drops it)', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.getRow(1).values = ['年末结转和结余', { formula: 'B2-B3', result: 0 }, { formula: 'B2+B3', result: 12.5 }];
  ws.getRow(2).values = ['本年收入', 10, 2.5];
  ws.getCell('B1').numFmt = '#,##0.00';
  ws.getCell('C1').numFmt = '#,##0.00';
  const doc = await readXlsx(await bytesOf(wb));
  assert.deepEqual(doc.lines[0]!.cells, ['年末结转和结余', '0.00', '12.50']);
});

test('readXlsx: two tables on one sheet and several sheets, hidden sheets skipped', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表一');
  ws.getRow(2).values = [undefined, '收入决算表'];
  ws.getRow(3).values = [undefined, '项目', '金额'];
  ws.getRow(4).values = [undefined, '合计', '10.00'];
  ws.getRow(7).values = [undefined, '支出决算表'];
  ws.getRow(8).values = [undefined, '项目', '金额'];
  ws.getRow(9).values = [undefined, '合计', '９．５０'];
  wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = '不应出现';
  wb.addWorksheet('表二').getCell('A1').value = '说明';
  const doc = await readXlsx(await bytesOf(wb));
  assert.deepEqual(doc.lines.map((l) => [l.sheet, ...l.cells]), [
    ['表一', '收入决算表'], ['表一', '项目', '金额'], ['表一', '合计', '10.00'],
    ['表一', '支出决算表'], ['表一', '项目', '金额'], ['表一', '合计', '9.50'],
    ['表二', '说明'],
  ]);
  assert.deepEqual(doc.lines[1]!.refs, ['B3', 'C3']);
});

test('readXlsx: damaged or empty workbooks are InputErrors', async () => {
  await assert.rejects(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.xlsx'), InputError);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('空');
  await assert.rejects(readXlsx(await bytesOf(wb)), /no data/);
});

test('readXlsx: legacy .xls (made by LibreOffice) through SheetJS', { skip: !findSoffice() && NO_SOFFICE, timeout: 180_000 }, async () => {
  const wb = new ExcelJS.Workbook();
  officialSheet(wb);
  const xls = await convertWithLibreOffice(await bytesOf(wb), 'xlsx', 'xls');
  const doc = await readXlsx(xls, 'old.xls');
  assert.equal(doc.format, 'xls');
  assert.deepEqual(doc.lines.map((l) => l.cells).slice(3), [
    ['项目', '', '本年支出合计', '其中', '', '备注'],
    ['科目编码', '科目名称', '', '基本支出', '项目支出', ''],
    ['栏次', '', '1', '2', '3', ''],
    ['', '合计', '1,234.50', '934.50', '300.00', ''],
    ['2010601', '行政运行', '834.57', '834.57', '0.00', ''],
  ]);
  assert.deepEqual(doc.lines[3]!.cellX![0], { x0: 0, x1: 1 });
});
