/**
 * Budget composition: the nine budget tables with every total computed, the 编制说明's wording
 * (比上年预算增加/减少, 持平, growth from zero, never an empty percentage), validation, the JSON
 * Schema and dispatch by `kind`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { composeDocument, parseComposeInput, renderText, validateComposeInput } from '../index.js';
import { budgetExampleInputs, exampleInputs } from '../testing/fixtures.js';
import { SCHEMA_PATH } from '../write-schema.js';
import type { BudgetInputDraft } from './input-schema.js';

const small: BudgetInputDraft = {
  kind: 'budget', entity: '某县某局', year: 2025, unit: '万元',
  income: [{ code: '2101501', generalBudget: '100.50', other: '2.00', carryover: '3.00' }, { code: '2080505', generalBudget: '10.00' }],
  expenditure: [{ code: '2101501', basic: '80.50', project: '25.00' }, { code: '2080505', basic: '10.00' }],
  generalBudget: [{ code: '2101501', basic: '80.50', project: '20.00' }, { code: '2080505', basic: '10.00' }],
  basicByEconomic: { personnel: [{ code: '30101', amount: '70.00' }], public: [{ code: '30201', amount: '20.50' }] },
  prior: { grandTotal: '115.50', generalBudgetExpenditure: '0.00', threePublic: { reception: '1.00' }, operatingExpense: '18.00' },
  threePublic: { reception: '1.00', vehicleOperation: '2.00' },
  reasons: { threePublic: '新增公务用车运行维护费' },
};

const text = (input: unknown) => renderText(composeDocument(input as BudgetInputDraft).document);

test('budget: the model is a budget with the nine tables keyed T01–T09, totals computed', () => {
  const { disclosure: d } = composeDocument(small);
  assert.equal(d.meta.kind, 'budget');
  assert.equal(d.meta.title, '某县某局2025年部门预算');
  assert.deepEqual(d.tables.map((t) => t.key), ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09']);
  const fen = (key: string, row: string, col: string, side?: string) => {
    const r = d.tables.find((t) => t.key === key)!.rows.find((x) => x.key === row && (!side || x.side === side))!;
    const v = r.cells[col]!.value;
    return v.kind === 'amount' ? v.amount.fen : undefined;
  };
  assert.equal(fen('T01', 'incomeTotal', 'amount'), 112_500_000);
  assert.equal(fen('T01', 'carryoverBegin', 'amount'), 3_000_000);
  assert.equal(fen('T01', 'grandTotal', 'amount', 'income'), 115_500_000);
  assert.equal(fen('T01', 'grandTotal', 'amount', 'expenditure'), 115_500_000);
  assert.equal(fen('T01', 'carryoverEnd', 'amount'), 0);
  assert.equal(fen('T02', 'total', 'total'), 115_500_000, '合计 = 上年结转 + 本年收入');
  assert.equal(fen('T02', 'total', 'carryoverBegin'), 3_000_000);
  assert.equal(fen('T03', '210', 'total'), 105_500_000);
  assert.equal(fen('T05', 'total', 'basic'), 90_500_000);
  assert.equal(fen('T06', 'total', 'personnel'), 70_000_000);
  assert.equal(fen('T04', 'expenditureTotal', 'generalBudget'), 110_500_000);
  assert.equal(fen('T04', 'carryoverEnd', 'generalBudget'), 0);
  assert.equal(fen('T09', 'threePublic', 'budget.total'), 3_000_000);
  assert.equal(d.tables.find((t) => t.key === 'T07')!.status, 'empty');
});

test('budget: the 编制说明 compares with the prior-year budget in the template words', () => {
  const t = text(small);
  assert.match(t, /收、支预算总计均为115\.50万元。.*收、支预算总计与上年预算持平。/);
  assert.match(t, /一般公共预算支出预算比上年预算增加110\.50万元（上年预算数为零，本年新增）/);
  assert.match(t, /“三公”经费预算3\.00万元，比上年预算增加2\.00万元，增长200\.00%。主要原因是新增公务用车运行维护费。/);
  assert.match(t, /公务接待费预算1\.00万元，占33\.33%，与上年预算持平/);
  assert.match(t, /机关运行经费预算20\.50万元，比上年预算增加2\.50万元，增长13\.89%/);
  assert.doesNotMatch(t, /[增下][长降]%|[^0-9.]%|增加（减少）|决算/);
  assert.match(t, /本部门2025年没有使用政府性基金预算拨款安排的支出。/);
});

test('budget: a decrease says 减少 … 下降, and amounts in 元 print in 元', () => {
  const t = text({ ...small, unit: '元', prior: { grandTotal: '200.00' } });
  assert.match(t, /收、支预算总计各减少84\.50元，下降42\.25%/);
  assert.match(t, /金额单位：元/);
});

test('budget: validation locates inconsistent figures; nothing is composed from them', () => {
  const bad = { ...small, basicByEconomic: { personnel: [{ code: '30101', amount: '60.00' }], public: [] } };
  const v = validateComposeInput(bad);
  assert.equal(v.ok, false);
  assert.ok(v.problems.some((p) => p.path === '$.basicByEconomic' && /人员经费/.test(p.message)), JSON.stringify(v.problems));
  const over = validateComposeInput({ ...small, generalBudget: [{ code: '2101501', basic: '80.50', project: '30.00' }, { code: '2080505', basic: '10.00' }] });
  assert.ok(over.problems.some((p) => p.severity === 'error' && /大于支出预算总表/.test(p.message)));
  const unbalanced = validateComposeInput({ ...small, expenditure: [{ code: '2101501', basic: '80.50', project: '40.00' }, { code: '2080505', basic: '10.00' }] });
  assert.ok(unbalanced.problems.some((p) => p.severity === 'error' && /不平衡/.test(p.message)));
  const schema = validateComposeInput({ ...small, income: [{ code: '21015', generalBudget: 'x' }] });
  assert.ok(schema.problems.some((p) => p.path === '$.income[0].code'));
  assert.ok(validateComposeInput(small).ok, JSON.stringify(validateComposeInput(small).problems));
  const missingReason = validateComposeInput({ ...small, reasons: {} });
  assert.ok(missingReason.problems.some((p) => p.severity === 'warning' && p.path === '$.reasons.threePublic'));
});

test('budget: an input without kind is still a final-accounts input', () => {
  const fa = parseComposeInput(exampleInputs()[0]!.input);
  assert.equal(composeDocument(fa).disclosure.meta.kind, 'final-accounts');
  assert.ok(validateComposeInput({ ...exampleInputs()[0]!.input, kind: 'final-accounts' }).ok, 'kind: final-accounts is accepted');
  assert.ok(!validateComposeInput({ ...exampleInputs()[0]!.input, kind: 'other' }).ok, 'an unknown kind is refused');
  assert.equal((parseComposeInput(small) as { kind: string }).kind, 'budget');
});

type Validate = ((v: unknown) => boolean) & { errors?: unknown[] | null };
/** ajv (a dependency of fastify) compiles the published schema; the schema check is skipped without it. */
async function schemaValidator(): Promise<Validate | undefined> {
  try {
    const mod = (await import('ajv/dist/2020.js')) as unknown as { default: new (o: object) => { compile: (s: object) => Validate } };
    return new mod.default({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  } catch {
    return undefined;
  }
}

test('budget examples: valid, consistent and described by the published JSON Schema', async () => {
  const real = await schemaValidator();
  const validate: Validate = real ?? Object.assign(() => true, { errors: null });
  const budgets = budgetExampleInputs();
  assert.ok(budgets.length >= 3, 'at least three budget examples');
  assert.ok(budgets.some((b) => b.input.unit === '元') && budgets.some((b) => (b.input.unit ?? '万元') === '万元'), '元 and 万元');
  assert.ok(budgets.some((b) => b.input.scope === 'unit') && budgets.some((b) => (b.input.scope ?? 'department') === 'department'), '部门 and 单位');
  assert.ok(budgets.some((b) => (b.input.governmentFund ?? []).length > 0), 'one with a government fund');
  for (const { name, input } of [...budgets, ...exampleInputs()]) {
    const v = validateComposeInput(input);
    assert.deepEqual(v.problems.filter((p) => p.severity === 'error'), [], name);
    assert.ok(validate(input), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
  if (real) assert.equal(validate({ kind: 'budget', entity: 'x', year: 2025, income: [{ code: '2101501', fiscal: '1.00' }] }), false, 'a final-accounts column in a budget input is refused');
});

test('budget workbook: the template reads back to an input asking for entity and year; every example round-trips through it', async () => {
  const { loadComposeInput, writeBudgetTemplateXlsx, writeInputWorkbook } = await import('../index.js');
  const empty = await loadComposeInput(await writeBudgetTemplateXlsx(), 't.xlsx');
  assert.equal((empty.input as { kind?: string }).kind, 'budget');
  assert.ok(validateComposeInput(empty.input, { locate: empty.locate }).problems.some((p) => p.path === '$.entity'));
  for (const { name, input } of budgetExampleInputs()) {
    const parsed = parseComposeInput(input);
    const back = await loadComposeInput(await writeInputWorkbook(parsed), 'b.xlsx');
    assert.deepEqual(back.problems, [], name);
    const v = validateComposeInput(back.input, { locate: back.locate });
    assert.deepEqual(v.problems.filter((p) => p.severity === 'error'), [], name);
    assert.equal(text(v.input), text(parsed), name);
  }
});

test('budget workbook: a problem is located by sheet and cell', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const { loadComposeInput, writeInputWorkbook } = await import('../index.js');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeInputWorkbook(parseComposeInput(budgetExampleInputs()[0]!.input))) as unknown as ArrayBuffer);
  wb.getWorksheet('表5 一般公共预算支出')!.getCell('D3').value = '-5';
  const back = await loadComposeInput(new Uint8Array(await wb.xlsx.writeBuffer()), 'b.xlsx');
  const v = validateComposeInput(back.input, { locate: back.locate });
  assert.ok(v.problems.some((p) => p.severity === 'error' && p.sheet === '表5 一般公共预算支出' && p.cell === 'D3'), JSON.stringify(v.problems.slice(0, 3)));
});

test('generated budgets: valid, balanced, worded without an empty percentage or a final-accounts word', async () => {
  const fc = (await import('fast-check')).default;
  const { budgetInputArb } = await import('./arbitrary.js');
  fc.assert(fc.property(budgetInputArb, (input) => {
    const v = validateComposeInput(input);
    assert.deepEqual(v.problems.filter((p) => p.severity === 'error'), []);
    const { disclosure } = composeDocument(input);
    const t01 = disclosure.tables.find((t) => t.key === 'T01')!;
    const g = (side: string) => t01.rows.find((r) => r.key === 'grandTotal' && r.side === side)!.cells.amount!.text;
    assert.equal(g('income'), g('expenditure'));
    const t = text(input);
    assert.doesNotMatch(t, /[增下][长降]%|[^0-9.]%|增加（减少）|决算/);
  }), { numRuns: 40 });
});
