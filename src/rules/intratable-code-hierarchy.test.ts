import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-code-hierarchy.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const t03 = (section: string) => disclosure({ tables: [table('T03', { columns: ['total', 'basic', 'project'], rows: [
  ['total', '合计', '100.00', '60.00', '40.00'],
  ['210', '卫生健康支出', '100.00', '60.00', '40.00'],
  ['21015', '医疗保障管理事务', section, '60.00', '40.00'],
  ['2101501', '行政运行', '60.00', '60.00', ''],
  ['2101502', '一般行政管理事务', '40.00', '', '40.00'],
] })] });

test('intratable-code-hierarchy: must trigger when a 款 is not the sum of its 项 (and the 类 not the sum of its 款)', () => {
  const { findings } = runRule(rule, t03('90.00'));
  const errors = findings.filter((f) => f.severity === 'error');
  assert.deepEqual(errors.map((f) => f.location.row), ['210 卫生健康支出', '21015 医疗保障管理事务']);
  assert.equal(errors[1]!.evidence, '90.00');
  assert.equal(errors[1]!.expected, '100.00');
  assert.equal(errors[1]!.messageId, 'parent-sum-mismatch');
});

test('intratable-code-hierarchy: must not trigger when 类 = Σ款 = Σ项 in every column', () => {
  assert.deepEqual(runRule(rule, t03('100.00')).findings, []);
});

test('intratable-code-hierarchy: must trigger on T06 when 301 is not the sum of its 款', () => {
  const d = disclosure({ tables: [table('T06', { columns: ['amount'], rows: [
    { key: '301', name: '工资福利支出', side: 'personnel', cells: { amount: '303.26' } },
    { key: '30101', name: '基本工资', side: 'personnel', cells: { amount: '98.05' } },
    { key: '30102', name: '津贴补贴', side: 'personnel', cells: { amount: '62.64' } },
  ] })] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '160.69');
});

test('intratable-code-hierarchy: must not trigger when a repeated page prints the same 项 twice', () => {
  const d = disclosure({ tables: [table('T03', { columns: ['total'], rows: [
    ['210', '卫生健康支出', '100.00'],
    ['2101501', '行政运行', '60.00'],
    ['2101502', '一般行政管理事务', '40.00'],
    ['2101502', '一般行政管理事务', '40.00'],
  ] })] });
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('intratable-code-hierarchy: a code printed twice with different figures is not judged', () => {
  const d = disclosure({ tables: [table('T03', { columns: ['total'], rows: [
    ['210', '卫生健康支出', '100.00'],
    ['2101501', '行政运行', '60.00'],
    ['2101501', '行政运行', '70.00'],
  ] })] });
  assert.deepEqual(runRule(rule, d).findings, []);
});
