import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-t01-t03-function-classes.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const t01 = (health: string, housing = '24.25') => table('T01', { columns: ['amount'], rows: [
  { key: 'fn:208', code: '208', name: '八、社会保障和就业支出', side: 'expenditure', cells: { amount: '26.83' } },
  { key: 'fn:210', code: '210', name: '九、卫生健康支出', side: 'expenditure', cells: { amount: health } },
  { key: 'fn:221', code: '221', name: '十九、住房保障支出', side: 'expenditure', cells: { amount: housing } },
] });
const t03 = () => table('T03', { columns: ['total', 'basic', 'project'], rows: [
  ['total', '合计', '2,502.70', '327.51', '2,175.20'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '26.21', '26.21', ''],
  ['2089999', '其他社会保障和就业支出', '0.62', '0.62', ''],
  ['210', '卫生健康支出', '2,451.63', '276.43', '2,175.20'],
  ['21015', '医疗保障管理事务', '574.63', '248.22', '326.41'],
  ['2101501', '行政运行', '279.24', '248.22', '31.02'],
  ['2210201', '住房公积金', '24.25', '24.25', ''],
] });

test('crosstable-t01-t03-function-classes: must trigger when a T01 类 line differs from the T03 class', () => {
  const { findings } = runRule(rule, disclosure({ tables: [t01('2,451.36'), t03()] }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'class-mismatch');
  assert.equal(findings[0]!.evidence, '2,451.36');
  assert.equal(findings[0]!.expected, '2,451.63');
  assert.equal(findings[0]!.related?.[0]?.location.table, 'T03');
});

test('crosstable-t01-t03-function-classes: must trigger when T03 has a class whose T01 line is blank', () => {
  const { findings } = runRule(rule, disclosure({ tables: [t01('2,451.63', ''), t03()] }));
  assert.deepEqual(findings.map((f) => f.messageId), ['class-mismatch-missing-line']);
  assert.equal(findings[0]!.location.table, 'T03');
});

test('crosstable-t01-t03-function-classes: must not trigger when classes agree (类 row, or Σ项 when only 项 are printed)', () => {
  assert.deepEqual(runRule(rule, disclosure({ tables: [t01('2,451.63'), t03()] })).findings, []);
});

test('crosstable-t01-t03-function-classes: must not trigger when T03 rows carry no codes (nothing to match)', () => {
  const t03 = table('T03', { columns: ['total'], rows: [['total', '合计', '2,502.70'], { name: '行政运行', cells: ['279.24'] }] });
  assert.deepEqual(runRule(rule, disclosure({ tables: [t01('2,451.63'), t03] })).findings, []);
});
