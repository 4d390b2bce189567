import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-t04-t05-general-budget.js';
import { disclosure, table } from './utils/fixtures.js';
import { t04 } from './utils/t04-fixture.js';
import { runRule } from './utils/rule-test.js';

const doc = (t05Total: string) => disclosure({ tables: [
  t04({ income: { generalBudget: '100.00', total: '100.00' }, classes: {}, spent: ['100.00', '100.00', '', ''] }),
  table('T05', { columns: ['total', 'basic', 'project'], rows: [['total', '合计', t05Total, '60.00', '40.00']] }),
] });

test('crosstable-t04-t05-general-budget: must trigger when T04 一般公共预算 本年支出 ≠ T05 合计', () => {
  const { findings } = runRule(rule, doc('110.00'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'expenditure-mismatch');
  assert.equal(findings[0]!.location.column, '一般公共预算财政拨款');
});

test('crosstable-t04-t05-general-budget: must not trigger when they agree', () => {
  assert.deepEqual(runRule(rule, doc('100.00')).findings, []);
});
