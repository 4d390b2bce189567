import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import XLSX from 'xlsx';
import { composeDocument, parseComposeInput, readComposeWorkbook, renderText, validateComposeInput, writeTemplateXlsx } from '../index.js';
import { exampleInputs } from '../testing/fixtures.js';
import { writeInputWorkbook } from './fill.js';
import { LEAF_SHEETS } from './sheets.js';

test('template: one sheet per input table, computed columns as formulas with results', async () => {
  const wb = XLSX.read(await writeTemplateXlsx(), { type: 'array', cellFormula: true });
  for (const s of LEAF_SHEETS) {
    const ws = wb.Sheets[s.name]!;
    assert.ok(ws, s.name);
    const total = Object.entries(ws).find(([a, c]) => !a.startsWith('!') && (c as XLSX.CellObject).f)![1] as XLSX.CellObject;
    assert.match(total.f!, /^SUM\(/);
    assert.equal(total.v, 0);
  }
  assert.ok(XLSX.utils.sheet_to_json(wb.Sheets['T06 基本支出明细']!, { header: 1 }).length > 60, 'the economic 款 are listed');
});

test('an empty template reads back to an input that asks for the entity and year', async () => {
  const r = await readComposeWorkbook(await writeTemplateXlsx());
  const v = validateComposeInput(r.input, { locate: r.locate });
  assert.ok(v.problems.some((p) => p.path === '$.entity'));
});

test('every example written into the workbook reads back to the same document', async () => {
  for (const { name, input } of exampleInputs()) {
    const parsed = parseComposeInput(input);
    const r = await readComposeWorkbook(await writeInputWorkbook(parsed));
    assert.deepEqual(r.problems, [], name);
    const v = validateComposeInput(r.input, { locate: r.locate });
    assert.deepEqual(v.problems.filter((p) => p.severity === 'error'), [], name);
    assert.equal(renderText(composeDocument(v.input!).document), renderText(composeDocument(parsed).document), name);
  }
});

test('problems in a workbook are located by sheet and cell', async () => {
  const parsed = parseComposeInput(exampleInputs()[1]!.input);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeInputWorkbook(parsed)) as unknown as ArrayBuffer);
  const t03 = wb.getWorksheet('T03 支出决算表')!;
  t03.addRow(['210', '卫生健康支出', '1.00']);
  t03.getCell('D4').value = '-5';
  wb.getWorksheet('原因说明')!.getCell('B3').value = null;
  const r = await readComposeWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
  const v = validateComposeInput(r.input, { locate: r.locate });
  const at = v.problems.filter((p) => p.severity === 'error').map((p) => `${p.sheet}!${p.cell}`);
  assert.ok(at.includes('T03 支出决算表!D4'), at.join(' '));
  const stated = v.problems.find((p) => p.path.startsWith('$.statedTotals'));
  assert.equal(stated?.sheet, 'T03 支出决算表');
  assert.ok(v.problems.some((p) => p.path === '$.reasons.total'), 'the emptied reason is missing');
});

test('a file that is not a workbook is refused with a clear error', async () => {
  await assert.rejects(readComposeWorkbook(new TextEncoder().encode('not a workbook')), /not a readable \.xlsx/);
});
