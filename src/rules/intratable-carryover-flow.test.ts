import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-carryover-flow.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const t07 = (end: string, project = '30.00') => disclosure({ tables: [table('T07', {
  columns: ['carryoverBegin', 'income', 'total', 'basic', 'project', 'carryoverEnd'],
  rows: [['total', '合计', '10.00', '50.00', '40.00', '10.00', project, end]],
})] });

test('intratable-carryover-flow: must trigger when 年末 ≠ 年初 + 收入 − 支出', () => {
  const { findings } = runRule(rule, t07('30.00'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'flow-mismatch');
  assert.equal(findings[0]!.expected, '20.00');
});

test('intratable-carryover-flow: must trigger when 本年支出 ≠ 基本 + 项目', () => {
  const { findings } = runRule(rule, t07('20.00', '20.00'));
  assert.deepEqual(findings.map((f) => f.messageId), ['row-sum-mismatch']);
});

test('intratable-carryover-flow: must not trigger when the flow balances', () => {
  assert.deepEqual(runRule(rule, t07('20.00')).findings, []);
});
