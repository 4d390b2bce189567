import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const total = Object.entries(ws).find(([a, c]) => !a.startsWith('!') && (c as XLSX.CellObject).f?.startsWith('SUM('))![1] as XLSX.CellObject;
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

async function loaded(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

test('template for an officer: 说明 first, input cells yellow and unlocked, labels and formulas locked on protected sheets, drop-downs', async () => {
  const wb = await loaded(await writeTemplateXlsx());
  assert.equal(wb.worksheets[0]!.name, '说明');
  const info = wb.getWorksheet('基本信息')!;
  const rowOf = (label: string) => { for (let r = 3; r <= info.rowCount; r++) if (info.getCell(`A${r}`).value === label) return r; throw new Error(label); };
  for (const [label, word] of [['公开范围', '本级'], ['单位类型', '事业单位'], ['金额单位', '万元'], ['表式', '全国通用']] as const) {
    const c = info.getCell(`B${rowOf(label)}`);
    assert.equal(c.dataValidation?.type, 'list', label);
    assert.ok(String(c.dataValidation.formulae?.[0]).includes(word), label);
    assert.equal(c.protection?.locked, false, label);
  }
  assert.notEqual(info.getCell('A3').protection?.locked, false, 'labels stay locked');
  const fill = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  assert.notEqual(fill(info.getCell('B3')), fill(info.getCell('A3')), 'input and label cells look different');
  for (const ws of wb.worksheets.filter((w) => w.name !== '说明' && w.state !== 'hidden')) assert.ok((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet, `${ws.name} is protected`);
  // codes once: the table sheets refer to 科目 by formula, their totals are formulas, amounts are inputs
  const t03 = wb.getWorksheet('T03 支出决算表')!;
  assert.match(String((t03.getCell('A3').value as ExcelJS.CellFormulaValue).formula), /科目'!A3/);
  assert.notEqual(t03.getCell('A3').protection?.locked, false, 'formulas stay locked');
  assert.equal(t03.getCell('D3').protection?.locked, false);
  assert.equal(wb.getWorksheet('科目')!.getCell('A3').protection?.locked, false);
  assert.match(String((wb.getWorksheet('科目')!.getCell('B3').value as ExcelJS.CellFormulaValue).formula), /VLOOKUP/);
  assert.equal(wb.getWorksheet('绩效自评-指标')!.getCell('E3').dataValidation?.type, 'list', '指标性质');
  // reasons in words, never internal keys
  const reasons = wb.getWorksheet('原因说明')!;
  const keys: string[] = [];
  reasons.eachRow((row, r) => { if (r >= 3) keys.push(String(row.getCell(1).value)); });
  assert.ok(keys.includes('收支总计与上年相比的变化'));
  assert.ok(!keys.some((k) => /^[a-z]|completion/.test(k)), keys.join(' '));
  assert.equal(wb.getWorksheet('T05 一般公共预算财政拨款支出')!.getCell('G2').value, '决算数与年初预算数差异的主要原因');
});

test('workbook problems at the cell that causes them, in Chinese: a missing entity, a code typed twice, spending beyond income, a missing reason beside its item', async () => {
  const empty = await readComposeWorkbook(await writeTemplateXlsx());
  const v0 = validateComposeInput(empty.input, { locate: empty.locate });
  const entity = v0.problems.find((p) => p.path === '$.entity')!;
  assert.equal(`${entity.sheet}!${entity.cell}`, '基本信息!B3');
  assert.match(entity.message, /部门（单位）名称：必填/);
  assert.doesNotMatch(v0.problems.map((p) => p.message).join(' '), /Invalid|expected/);

  const parsed = parseComposeInput(exampleInputs()[1]!.input);
  const wb = await loaded(await writeInputWorkbook(parsed));
  const codes = wb.getWorksheet('科目')!;
  const t03 = wb.getWorksheet('T03 支出决算表')!;
  const t05 = wb.getWorksheet('T05 一般公共预算财政拨款支出')!;
  // spending far beyond income on the first 项 of T03
  t03.getCell('D3').value = '99999';
  // the reason of an item that differs from its 年初预算 emptied
  const withReason = [...Array(40).keys()].map((i) => i + 3).find((r) => t05.getCell(`G${r}`).value)!;
  t05.getCell(`G${withReason}`).value = null;
  // a second row on 科目 repeating the first code
  const free = [...Array(100).keys()].map((i) => i + 3).find((r) => !codes.getCell(`A${r}`).value)!;
  codes.getCell(`A${free}`).value = codes.getCell('A3').value;
  const r = await readComposeWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
  assert.ok(r.problems.some((p) => `${p.sheet}!${p.cell}` === `科目!A${free}` && /重复/.test(p.message)), JSON.stringify(r.problems));
  const v = validateComposeInput(r.input, { locate: r.locate });
  const at = (re: RegExp) => v.problems.filter((p) => p.severity === 'error' && re.test(p.message)).map((p) => `${p.sheet}!${p.cell}`);
  assert.deepEqual(at(/年末结转和结余为/), ['T03 支出决算表!D3'], JSON.stringify(v.problems));
  assert.deepEqual(at(/缺少原因说明：科目/), [`T05 一般公共预算财政拨款支出!G${withReason}`], JSON.stringify(v.problems));
});

test('budget template: 说明 first, drop-downs, 项 codes once on 科目, reasons in words; an empty one asks for the entity at its cell in Chinese', async () => {
  const { writeBudgetTemplateXlsx, loadComposeInput } = await import('../index.js');
  const bytes = await writeBudgetTemplateXlsx();
  const wb = await loaded(bytes);
  assert.equal(wb.worksheets[0]!.name, '说明');
  const info = wb.getWorksheet('基本信息')!;
  const lists: string[] = [];
  for (let r = 3; r <= info.rowCount; r++) if (info.getCell(`B${r}`).dataValidation?.type === 'list') lists.push(String(info.getCell(`A${r}`).value));
  assert.deepEqual(lists, ['公开范围', '单位类型', '金额单位']);
  assert.match(String((wb.getWorksheet('表3 支出预算总表')!.getCell('A3').value as ExcelJS.CellFormulaValue).formula), /科目'!A3/);
  const reasons: string[] = [];
  wb.getWorksheet('原因说明')!.eachRow((row, r) => { if (r >= 3) reasons.push(String(row.getCell(1).value)); });
  assert.ok(reasons.every((k) => /[\u4e00-\u9fff]/.test(k)), reasons.join(' '));
  const loadedInput = await loadComposeInput(bytes, 'b.xlsx');
  const v = validateComposeInput(loadedInput.input, { ...(loadedInput.locate && { locate: loadedInput.locate }) });
  const entity = v.problems.find((p) => p.path === '$.entity')!;
  assert.equal(`${entity.sheet}!${entity.cell}`, '基本信息!B4');
  assert.match(entity.message, /必填/);
});

const soffice = (process.env.PATH ?? '').split(':').map((d) => `${d}/soffice`).find((p) => existsSync(p));

test('a filled workbook saved again by LibreOffice reads back to the same document', { skip: soffice ? false : 'LibreOffice (soffice) not installed' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-wb-'));
  try {
    const parsed = parseComposeInput(exampleInputs()[0]!.input);
    writeFileSync(join(dir, 'in.xlsx'), await writeInputWorkbook(parsed));
    const r = spawnSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), join(dir, 'in.xlsx')], { encoding: 'utf8', timeout: 170_000 });
    assert.equal(r.status, 0, r.stderr);
    const back = await readComposeWorkbook(new Uint8Array(readFileSync(join(dir, 'out', 'in.xlsx'))));
    assert.deepEqual(back.problems, []);
    const v = validateComposeInput(back.input, { locate: back.locate });
    assert.deepEqual(v.problems.filter((p) => p.severity === 'error'), []);
    assert.equal(renderText(composeDocument(v.input!).document), renderText(composeDocument(parsed).document));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
