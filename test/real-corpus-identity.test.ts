/**
 * Identity of every document of ../shared/corpus/real (real published PDFs, not in the repo): entity as
 * printed, year, kind, scope; the blank official template is marked as one; a publication printed as a
 * narrative and a tables-only PDF reads as one disclosure with --as-one. Skips when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readDisclosureFile, readDisclosureFiles } from '../src/ingest/index.js';
import { factsOf } from '../src/facts/facts.js';

const REAL = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real');
const skip = existsSync(REAL) ? false : 'no ../shared/corpus/real (real corpus absent)';

type Expect = [file: string, entity: string, year: number, kind: string, scope?: string];

const JS = '江苏省';
const EXPECTED: Expect[] = [
  ['jiangsu/2017_江苏省人大常委会办公厅_部门预算.pdf', `${JS}人大常委会办公厅`, 2017, 'budget', 'department'],
  ['jiangsu/2017_江苏省人民检察院_部门预算.pdf', `${JS}人民检察院`, 2017, 'budget', 'department'],
  ['jiangsu/2017_江苏省委办公厅_部门预算公开表.pdf', '中国共产党江苏省委员会办公厅', 2017, 'budget'],
  ['jiangsu/2017_江苏省委办公厅_部门预算说明.pdf', `${JS}委办公厅`, 2017, 'budget', 'department'],
  ['jiangsu/2017_江苏省政协办公厅_部门预算.pdf', `${JS}政协办公厅`, 2017, 'budget', 'department'],
  ['jiangsu/2017_江苏省政协办公厅_部门预算公开表.pdf', `${JS}政协办公厅`, 2017, 'budget'],
  ['jiangsu/2018_江苏省委办公厅_部门预算公开表.pdf', '中共江苏省委办公厅', 2018, 'budget', 'department'],
  ['jiangsu/2018_江苏省委办公厅_部门预算说明.pdf', `${JS}委办公厅`, 2018, 'budget', 'department'],
  ['jiangsu/2018_江苏省政协办公厅_部门预算.pdf', `${JS}政协办公厅`, 2018, 'budget', 'department'],
  ['jiangsu/2018_江苏省政协办公厅_部门预算公开表.pdf', `${JS}政协办公厅`, 2018, 'budget'],
  ['jiangsu/2018_江苏省高级人民法院_部门预算.pdf', `${JS}高级人民法院`, 2018, 'budget'],
  ['jiangsu/2019_江苏省人大常委会_部门预算.pdf', `${JS}人大常委会办公厅`, 2019, 'budget', 'department'],
  ['jiangsu/2019_江苏省人大常委会办公厅_部门预算公开表.pdf', `${JS}人大常委会办公厅`, 2019, 'budget'],
  ['jiangsu/2019_江苏省委办公厅_部门预算公开表.pdf', '中共江苏省委办公厅', 2019, 'budget'],
  ['jiangsu/2019_江苏省委办公厅_部门预算说明.pdf', `${JS}委办公厅`, 2019, 'budget', 'department'],
  ...([
    [2023, '人民政府万里街道办事处', '部门'], [2024, '人民政府万里街道办事处', '部门'], [2024, '社会福利院', '单位'],
    [2025, '人民政府万里街道办事处', '部门'], [2025, '人民政府办公室', '单位'], [2025, '人民政府办公室', '部门'],
    [2025, '商务委员会', '单位'], [2025, '商务委员会', '部门'], [2025, '财政局', '部门'],
  ] as const).map(([year, body, scope]): Expect => [
    `shanghai/${year}_上海市普陀区${body}_${scope}预算.pdf`, `上海市普陀区${body}`, year, 'budget', scope === '单位' ? 'unit' : 'department',
  ]),
];

test('real corpus: entity, year, kind and scope of every budget', { skip }, async () => {
  for (const [file, entity, year, kind, scope] of EXPECTED) {
    const d = await readDisclosureFile(join(REAL, file));
    assert.deepEqual([d.meta.entity, d.meta.year, d.meta.kind], [entity, year, kind], file);
    if (scope) assert.equal(d.meta.scope, scope, file);
    if (file.startsWith('shanghai/')) assert.equal(d.meta.region, '上海市普陀区', file);
    if (/公开表\.pdf$|shanghai/.test(file)) {
      const f = factsOf(d);
      for (const key of ['T01', 'T03', 'T04', 'T05', 'T06', 'T09']) assert.notEqual(f.tables[key], 'absent', `${file} ${key}`);
    }
  }
});

test('real corpus: the blank official template is marked as a template', { skip }, async () => {
  const d = await readDisclosureFile(join(REAL, 'shanghai/上海市_部门决算公开模板_官方模板.pdf'));
  assert.equal(d.meta.template, true);
  assert.equal(d.meta.kind, 'final-accounts');
});

test('real corpus: a narrative PDF and a tables-only PDF read as one budget', { skip }, async () => {
  const base = join(REAL, 'jiangsu/2018_江苏省委办公厅_部门预算');
  const d = await readDisclosureFiles([`${base}说明.pdf`, `${base}公开表.pdf`]);
  assert.deepEqual([d.meta.entity, d.meta.year, d.meta.kind], ['江苏省委办公厅', 2018, 'budget']);
  const f = factsOf(d);
  assert.equal(f.tables.T01, 'present');
  assert.ok(d.sections.length > 0);
  // 公开09表 “三公”经费、会议费、培训费支出预算表: 508.20 万元 of 三公 beside 会议费/培训费 (合计 1,471.70).
  assert.equal(f.threePublic?.budget?.total, '5082000.00');
  assert.equal(f.threePublic?.actual, undefined);
  assert.equal(f.amounts.grandTotal, '244584300.00');
});
