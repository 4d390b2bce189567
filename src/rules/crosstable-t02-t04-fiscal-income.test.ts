import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-t02-t04-fiscal-income.js';
import { disclosure, table } from './utils/fixtures.js';
import { t04 } from './utils/t04-fixture.js';
import { runRule } from './utils/rule-test.js';

const doc = (fiscal: string) => disclosure({ tables: [
  table('T02', { columns: ['total', 'fiscal', 'other'], rows: [['total', '合计', '110.00', fiscal, '10.00']] }),
  t04({ income: { generalBudget: '100.00', total: '100.00' }, classes: {}, spent: ['100.00', '100.00', '', ''] }),
] });

test('crosstable-t02-t04-fiscal-income: must trigger when T02 财政拨款收入 ≠ T04 本年收入合计', () => {
  const { findings } = runRule(rule, doc('90.00'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'fiscal-income-mismatch');
  assert.equal(findings[0]!.location.table, 'T02');
  assert.equal(findings[0]!.expected, '100.00');
});

test('crosstable-t02-t04-fiscal-income: must not trigger when they agree', () => {
  assert.deepEqual(runRule(rule, doc('100.00')).findings, []);
});
