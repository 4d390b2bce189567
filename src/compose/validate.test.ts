import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { small } from './testing/fixtures.js';
import { ComposeValidationError, composeDisclosure, composeToFiles, validateComposeInput, type ComposeInputDraft } from './index.js';

const errorsOf = (input: unknown) => validateComposeInput(input).problems.filter((p) => p.severity === 'error');
const paths = (input: unknown) => errorsOf(input).map((p) => p.path);

test('the small input is valid', () => {
  assert.deepEqual(errorsOf(small), []);
});

test('schema errors are located by JSON path', () => {
  const { entity: _e, ...noEntity } = small;
  assert.deepEqual(paths(noEntity), ['$.entity']);
  const badAmount = { ...small, income: [{ ...small.income![0]!, fiscal: '12,3x' }] };
  assert.deepEqual(paths(badAmount), ['$.income[0].fiscal']);
  assert.deepEqual(paths({ ...small, unit: '千元' }), ['$.unit']);
});

test('leaves that contradict a stated total are reported where the total was typed', () => {
  const input: ComposeInputDraft = { ...small, statedTotals: [{ table: 'expenditure', code: '210', column: 'total', amount: '101.70' }, { table: 'expenditure', code: '', column: 'basic', amount: '90.50' }] };
  const errs = errorsOf(input);
  assert.deepEqual(errs.map((e) => e.path), ['$.statedTotals[0].amount']);
  assert.match(errs[0]!.message, /101\.70.*101\.75/);
});

test('a change without the reason the template requires is an error at its reason key', () => {
  assert.deepEqual(paths({ ...small, prior: { grandTotal: '100.00' } }), ['$.reasons.total']);
  assert.deepEqual(paths({ ...small, prior: { grandTotal: '111.75' } }), [], 'equal to the prior year: no reason needed');
  assert.deepEqual(paths({ ...small, prior: { grandTotal: '100.00' }, reasons: { total: '人员增加' } }), []);
  const withBudget: ComposeInputDraft = { ...small, generalBudget: small.generalBudget!.map((r) => ({ ...r, initialBudget: '10.00' })) };
  assert.deepEqual(paths(withBudget), ['$.reasons["completion.2101501"]']);
});

test('a performance score that cannot be: weights not summing to 100, qualitative without achievement', () => {
  const perf = {
    project: '项目', funding: { fiscal: { annualBudget: '10.00', executed: '9.00' } },
    indicators: [{ level1: '产出指标', level2: '数量指标', level3: '人数', nature: '>=', target: '10', unit: '人', actual: '9', weight: '80' }],
  };
  assert.deepEqual(paths({ ...small, performance: [perf] }), ['$.performance[0].indicators']);
  const qual = { ...perf, indicators: [{ ...perf.indicators[0]!, nature: 'qualitative', weight: '90' }] };
  assert.deepEqual(paths({ ...small, performance: [qual] }), ['$.performance[0].indicators[0].achievement']);
  const noBudget = { ...perf, funding: { fiscal: { annualBudget: '0', executed: '9.00' } }, indicators: [{ ...perf.indicators[0]!, weight: '90' }] };
  assert.deepEqual(paths({ ...small, performance: [noBudget] }), ['$.performance[0].funding.fiscal.annualBudget']);
});

test('negative amounts, impossible remainders and contradicting details are errors', () => {
  assert.deepEqual(paths({ ...small, expenditure: [{ ...small.expenditure![0]!, basic: '-10.00' }, small.expenditure![1]!] }).slice(0, 1), ['$.expenditure[0].basic']);
  assert.deepEqual(paths({ ...small, basicByEconomic: { personnel: [{ code: '30101', amount: '71.00' }], public: [{ code: '30201', amount: '20.50' }] } }), ['$.basicByEconomic']);
  assert.deepEqual(paths({ ...small, generalBudget: [{ code: '2080505', basic: '12.00' }, small.generalBudget![1]!] }).includes('$.generalBudget[0].basic'), true);
  assert.deepEqual(paths({ ...small, procurement: { goods: '10', smeAwarded: '12' } }), ['$.procurement.smeAwarded']);
});

test('an unknown code is a warning when named, an error when it has no name', () => {
  const named = { ...small, income: [...small.income!, { code: '2169998', name: '自设科目', fiscal: '0' }] };
  const v = validateComposeInput(named);
  assert.ok(v.problems.some((p) => p.severity === 'warning' && p.path === '$.income[2].code'));
  const unnamed = { ...small, income: [...small.income!, { code: '2169997', fiscal: '0' }] };
  assert.ok(paths(unnamed).includes('$.income[2].name'));
});

test('composeToFiles writes nothing when the input is invalid', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compose-invalid-'));
  await assert.rejects(composeToFiles({ ...small, prior: { grandTotal: '1.00' } }, dir, ['html', 'txt']), (e: unknown) => {
    assert.ok(e instanceof ComposeValidationError);
    assert.match((e as Error).message, /\$\.reasons\.total/);
    return true;
  });
  assert.deepEqual(readdirSync(dir), []);
});

test('composeToFiles writes the requested formats and leaves no temporary folder', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'compose-ok-')), 'out');
  const r = await composeToFiles(small, dir, ['html', 'txt', 'xlsx']);
  assert.deepEqual(r.files.map((f) => f.format), ['html', 'txt', 'xlsx']);
  assert.ok(r.files.every((f) => existsSync(f.path)));
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('.')), []);
});

test('property: validation never throws, whatever the JSON value', async () => {
  const fc = (await import('fast-check')).default;
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), fc.record({ entity: fc.string(), year: fc.integer(), income: fc.jsonValue(), expenditure: fc.array(fc.record({ code: fc.string(), basic: fc.string() })) })), (v) => {
      const r = validateComposeInput(v);
      assert.equal(r.ok, !r.problems.some((p) => p.severity === 'error'));
    }),
    { numRuns: 300 },
  );
});

test('inputs with odd but valid content compose without crashing: extra 类, zero everything, own-office scope', () => {
  const odd: ComposeInputDraft = {
    entity: '某单位', year: 2023, scope: 'own-office', entityKind: 'public-institution', unit: '元', variant: 'shanghai',
    functionNames: { '209': '社会保险基金支出', '20901': '测试款', '2090101': '测试项' },
    income: [{ code: '2090101', fiscal: '0' }], expenditure: [{ code: '2090101' }],
  };
  const v = validateComposeInput(odd);
  assert.ok(v.ok, JSON.stringify(v.problems));
  const d = composeDisclosure(odd);
  assert.equal(d.tables.map((t) => t.ordinal).join(','), '公开01表,公开02表,公开03表,公开04表,公开05表,公开06表,公开07表,公开08表,公开09表');
  assert.deepEqual(d.tables.map((t) => t.key), ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T09', 'T07', 'T08']);
  assert.ok(d.tables.find((t) => t.key === 'T01')!.rows.some((r) => r.key === 'fn:209'));
});
