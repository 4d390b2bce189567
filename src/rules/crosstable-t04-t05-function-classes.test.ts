import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-t04-t05-function-classes.js';
import { disclosure, table } from './utils/fixtures.js';
import { t04 } from './utils/t04-fixture.js';
import { runRule } from './utils/rule-test.js';

const doc = (general: string) => disclosure({ tables: [
  t04({ income: { generalBudget: '100.00', total: '100.00' }, classes: { '210': ['105.00', general, '5.00', ''] }, spent: ['105.00', general, '5.00', ''] }),
  table('T05', { columns: ['total', 'basic', 'project'], rows: [['total', '合计', '100.00', '60.00', '40.00'], ['2101501', '行政运行', '100.00', '60.00', '40.00']] }),
] });

test('crosstable-t04-t05-function-classes: must trigger when the T04 一般公共预算 class differs from T05', () => {
  const { findings } = runRule(rule, doc('95.00'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.location.column, undefined);
  assert.equal(findings[0]!.expected, '100.00');
});

test('crosstable-t04-t05-function-classes: must not trigger when they agree (the 合计 column is not compared)', () => {
  assert.deepEqual(runRule(rule, doc('100.00')).findings, []);
});
