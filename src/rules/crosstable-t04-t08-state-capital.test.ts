import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-t04-t08-state-capital.js';
import { disclosure, table } from './utils/fixtures.js';
import { t04 } from './utils/t04-fixture.js';
import { runRule } from './utils/rule-test.js';

const main = (fund: string) => t04({ income: { generalBudget: '100.00', total: '100.00' }, classes: {}, spent: ['100.00', '100.00', '', fund] });

test('crosstable-t04-t08-state-capital: must trigger when T04 国有资本经营 ≠ T08 合计', () => {
  const t08 = table('T08', { columns: ['total', 'basic', 'project'], rows: [['total', '合计', '8.00', '', '8.00']] });
  const { findings } = runRule(rule, disclosure({ tables: [main('5.00'), t08] }));
  assert.deepEqual(findings.map((f) => f.messageId), ['expenditure-mismatch']);
  assert.equal(findings[0]!.expected, '8.00');
});

test('crosstable-t04-t08-state-capital: must not trigger when T08 is empty and T04 shows 0.00', () => {
  const t08 = table('T08', { columns: ['total'], rows: [], status: 'empty' });
  assert.deepEqual(runRule(rule, disclosure({ tables: [main('0.00'), t08] })).findings, []);
});
