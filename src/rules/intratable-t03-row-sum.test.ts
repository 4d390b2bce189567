import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t03-row-sum.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const cols = ['total', 'basic', 'project', 'remittance', 'business', 'subsidy'];
const t03 = (total: string) => disclosure({ tables: [table('T03', { columns: cols, rows: [
  ['total', '合计', total, '327.51', '2,175.20', '', '', ''],
  ['2101501', '行政运行', '279.24', '248.22', '31.02', '', '', ''],
] })] });

test('intratable-t03-row-sum: must trigger when 本年支出合计 ≠ 基本 + 项目 + … beyond rounding', () => {
  const { findings } = runRule(rule, t03('2,512.71'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'error');
  assert.equal(findings[0]!.expected, '2,502.71');
  assert.equal(findings[0]!.location.row, '合计');
});

test('intratable-t03-row-sum: must not trigger an error for 327.51 + 2175.20 = 2502.71 against 2502.70', () => {
  const { findings } = runRule(rule, t03('2,502.70'));
  assert.ok(findings.every((f) => f.severity === 'info'));
  assert.deepEqual(runRule(rule, t03('2,502.71')).findings, []);
});

/** A 江苏 支出预算总表 with the third category 单位预留机动经费 (figures of a 2019 provincial budget). */
const budgetT03 = (total: string) => disclosure({ kind: 'budget', tables: [table('T03', { columns: ['total', 'basic', 'project', 'reserve', 'carryoverEnd'], rows: [
  ['total', '合计', total, '9,312.90', '6,459.58', '2,557.89', ''],
] })] });

test('intratable-t03-row-sum: must not trigger on a budget whose total includes 单位预留机动经费', () => {
  assert.deepEqual(runRule(rule, budgetT03('18,330.37')).findings, []);
});

test('intratable-t03-row-sum: must trigger on a budget total that is not 基本 + 项目 + 单位预留机动经费', () => {
  const { findings } = runRule(rule, budgetT03('15,772.48'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '18,330.37');
});

test('intratable-t03-row-sum: must trigger on a budget table with budget wording only', () => {
  const d = disclosure({ kind: 'budget', tables: [table('T03', { title: '支出预算总表', variant: 'budget:jiangsu', columns: [{ key: 'total', label: '决算数/合计' }, { key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }], rows: [
    ['total', '合计', '16,000.00', '9,312.90', '6,459.58'],
  ] })] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.doesNotMatch(findings[0]!.message, /决算/);
});
