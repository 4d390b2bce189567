import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t02-row-sum.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const cols = ['total', 'fiscal', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'];
const t02 = (row: string[]) => disclosure({ tables: [table('T02', { columns: cols, rows: [
  ['total', '合计', '2,502.70', '2,502.70', '0.00', '0.00', '0.00', '0.00', '0.00'],
  row,
] })] });

test('intratable-t02-row-sum: must trigger when a row total is not the sum of its columns', () => {
  const { findings } = runRule(rule, t02(['2101501', '行政运行', '279.24', '269.24', '0.00', '0.00', '0.00', '0.00', '0.00']));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'row-sum-mismatch');
  assert.equal(findings[0]!.location.row, '2101501 行政运行');
  assert.equal(findings[0]!.location.column, 'total');
  assert.equal(findings[0]!.evidence, '279.24');
  assert.equal(findings[0]!.expected, '269.24');
});

test('intratable-t02-row-sum: must not trigger when the columns add up (blank counts as zero)', () => {
  assert.deepEqual(runRule(rule, t02(['2101501', '行政运行', '279.24', '200.00', '', '79.24', '-', '', ''])).findings, []);
});
