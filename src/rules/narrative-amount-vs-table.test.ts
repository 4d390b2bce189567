import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-amount-vs-table.js';
import { table } from './utils/fixtures.js';
import { lineOf, narrativeDoc, runRule } from './utils/narrative-fixtures.js';

const tables = () => [
  table('T03', { columns: ['total', 'basic', 'project'], rows: [['total', '合计', '500.00', '120.00', '380.00'], ['2101501', '行政运行', '500.00', '120.00', '380.00']] }),
  table('T05', {
    columns: ['total', 'basic', 'project'],
    rows: [['total', '合计', '480.00', '100.00', '380.00'], ['2080505', '机关事业单位基本养老保险缴费支出', '30.00', '30.00', ''], ['2101501', '行政运行', '450.00', '70.00', '380.00']],
  }),
  table('T06', { columns: ['amount'], rows: [{ key: 'personnelTotal', name: '人员经费合计', cells: ['90.00'] }, { key: 'publicTotal', name: '公用经费合计', cells: ['10.00'] }] }),
  table('T09', { columns: ['budget.total', 'budget.reception', 'actual.total', 'actual.reception'], rows: [['', '', '2.00', '2.00', '1.50', '1.50']] }),
];

test('narrative-amount-vs-table: must trigger on a 项目支出 and a 类 amount that differ from the tables', () => {
  const d = narrativeDoc([
    ['三、支出决算情况说明', ['本年度支出合计 500.00 万元，其中：基本支出 120.00 万元，占 24.00%；项目支出 390.00 万元，占 76.00%。']],
    ['五、一般公共预算财政拨款支出决算情况说明', ['本年度一般公共预算财政拨款支出 480.00 万元，主要用于以下方面：社会保障和就业支出 31.00 万元，占 6.46%；卫生健康支出 450.00 万元，占 93.75%。']],
  ], { tables: tables() });
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => f.evidence), ['390.00 万元', '31.00 万元']);
  assert.deepEqual(findings.map((f) => f.expected), ['380.00万元', '30.00万元']);
  for (const f of findings) assert.ok(lineOf(d, f).includes(f.evidence!));
  assert.equal(findings[0]!.related?.[0]?.row, '合计');
});

test('narrative-amount-vs-table: must trigger on a 三公 budget and a 公用经费 that differ', () => {
  const d = narrativeDoc([
    ['六、一般公共预算财政拨款基本支出决算情况说明', ['本年度一般公共预算财政拨款基本支出 100.00 万元。其中：人员经费 90.00 万元，主要用于工资福利。公用经费 12.00 万元，主要用于办公费。']],
    ['九、财政拨款“三公”经费支出决算情况说明', ['本年度“三公”经费支出全年预算数为 2.50 万元，支出决算为 1.50 万元。']],
  ], { tables: tables() });
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => f.evidence), ['12.00 万元', '2.50 万元']);
});

test('narrative-amount-vs-table: must not trigger on agreeing amounts, prior-year figures or rounding', () => {
  const d = narrativeDoc([
    ['三、支出决算情况说明', ['本年度支出合计 500.00 万元，其中：基本支出 120.0 万元；项目支出 380.00 万元。上年项目支出 300.00 万元。']],
    ['五、一般公共预算财政拨款支出决算情况说明', ['1. 卫生健康支出年初预算数为 500.00 万元，支出决算为 450.00 万元，完成年初预算的 90.00%。']],
    ['九、财政拨款“三公”经费支出决算情况说明', ['本年度“三公”经费支出全年预算数为 2.00 万元，支出决算为 1.50 万元。公务接待费支出决算为 1.50 万元。']],
  ], { tables: tables() });
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-amount-vs-table: must not run without tables (skipped)', () => {
  const d = narrativeDoc([['三、支出决算情况说明', ['本年度支出合计 500.00 万元。']]]);
  assert.ok(runRule(rule, d).skipped);
});

test('narrative-amount-vs-table: must trigger on an income line and a carry-over that differ from T01', () => {
  const t01 = table('T01', {
    columns: ['amount'],
    rows: [
      { key: 'income:other', name: '八、其他收入', side: 'income', cells: ['35.55'] },
      { key: 'incomeTotal', name: '本年收入合计', side: 'income', cells: ['1,007.55'] },
      { key: 'carryoverBegin', name: '年初结转和结余', side: 'income', cells: ['8.46'] },
    ],
  });
  const d = narrativeDoc([
    ['二、收入决算情况说明', ['本年收入 1,007.55 万元，其中：其他收入 36.55 万元，占 3.63%。']],
    ['一、收入支出决算总体情况说明', ['本年度收入总计 1,016.01 万元，其中：本年收入合计 1,007.55 万元，年初结转和结余 8.46 万元。']],
  ], { tables: [t01] });
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => f.evidence), ['36.55 万元']);
});
