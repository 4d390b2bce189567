import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-total-of-codes.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const itemsOnly = (total: string) => disclosure({ tables: [table('T05', { columns: ['total', 'basic', 'project'], rows: [
  ['total', '合计', total, '327.51', '2,175.20'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '26.21', '26.21', ''],
  ['2101501', '行政运行', '279.24', '248.22', '31.02'],
  ['2101301', '城乡医疗救助', '2,144.18', '', '2,144.18'],
  ['2210201', '住房公积金', '53.07', '53.08', ''],
] })] });

test('intratable-total-of-codes: must trigger when 合计 is not Σ项 (only 项 rows printed)', () => {
  const { findings } = runRule(rule, itemsOnly('2,512.70'));
  const errors = findings.filter((f) => f.severity === 'error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.location.column, 'total');
  assert.equal(errors[0]!.expected, '2,502.70');
});

test('intratable-total-of-codes: must not trigger when 合计 = Σ类, 款 and 项 rows not double-counted', () => {
  const d = disclosure({ tables: [table('T03', { columns: ['total'], rows: [
    ['total', '合计', '130.00'],
    ['208', '社会保障和就业支出', '30.00'],
    ['20805', '行政事业单位养老支出', '30.00'],
    ['2080505', '机关事业单位基本养老保险缴费支出', '30.00'],
    ['210', '卫生健康支出', '100.00'],
    ['2101501', '行政运行', '100.00'],
  ] })] });
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('intratable-total-of-codes: a 0.01 gap is info, never error', () => {
  const { findings } = runRule(rule, itemsOnly('2,502.71'));
  assert.ok(findings.length >= 1 && findings.every((f) => f.severity === 'info'));
});
