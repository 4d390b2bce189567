import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t05-row-sum.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

test('intratable-t05-row-sum: must trigger when 小计 ≠ 基本 + 项目', () => {
  const d = disclosure({ tables: [table('T05', { columns: ['total', 'basic', 'project'], rows: [
    ['2101501', '行政运行', '279.24', '248.22', '41.02'],
  ] })] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'row-sum-mismatch');
  assert.equal(findings[0]!.expected, '289.24');
});

test('intratable-t05-row-sum: must trigger in the older form when 基本支出 ≠ 人员经费 + 公用经费', () => {
  const d = disclosure({ unit: '元', tables: [table('T05', { unit: '元', columns: ['total', 'basic', 'personnel', 'public', 'project'], rows: [
    ['total', '合计', '3,369,925.83', '3,369,925.83', '3,036,516.28', '333,419.55', '0.00'],
  ] })] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'basic-split-mismatch');
});

test('intratable-t05-row-sum: must not trigger when both identities hold', () => {
  const d = disclosure({ unit: '元', tables: [table('T05', { unit: '元', columns: ['total', 'basic', 'personnel', 'public', 'project'], rows: [
    ['total', '合计', '3,369,925.83', '3,369,925.83', '3,036,516.28', '333,409.55', ''],
  ] })] });
  assert.deepEqual(runRule(rule, d).findings, []);
});
