import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-t04-t07-government-fund.js';
import { disclosure, table } from './utils/fixtures.js';
import { t04 } from './utils/t04-fixture.js';
import { runRule } from './utils/rule-test.js';

const main = (fund: string) => t04({
  income: { generalBudget: '100.00', governmentFund: fund, total: '100.00' }, classes: {}, spent: ['100.00', '100.00', fund, ''],
});
const t07 = (total: string) => table('T07', { columns: ['carryoverBegin', 'income', 'total', 'basic', 'project', 'carryoverEnd'], rows: [['total', '合计', '', total, total, '', total, '']] });
const empty = () => table('T07', { columns: ['total'], rows: [], status: 'empty', notes: ['本部门没有相关数据，故本表无数据。'] });

test('crosstable-t04-t07-government-fund: must trigger when T04 政府性基金 ≠ T07 合计', () => {
  const { findings } = runRule(rule, disclosure({ tables: [main('50.00'), t07('40.00')] }));
  assert.deepEqual(findings.map((f) => f.messageId).sort(), ['expenditure-mismatch', 'income-mismatch']);
  assert.ok(findings.every((f) => f.evidence === '50.00' && f.expected === '40.00'));
});

test('crosstable-t04-t07-government-fund: must trigger when T07 says 无数据 but T04 shows an amount', () => {
  const { findings } = runRule(rule, disclosure({ tables: [main('50.00'), empty()] }));
  assert.ok(findings.length >= 1);
  assert.ok(findings.every((f) => f.messageId === 'empty-table-nonzero' && f.evidence === '50.00'));
});

test('crosstable-t04-t07-government-fund: must not trigger when T07 is empty and T04 states nothing, or when they agree', () => {
  assert.deepEqual(runRule(rule, disclosure({ tables: [main(''), empty()] })).findings, []);
  assert.deepEqual(runRule(rule, disclosure({ tables: [main('40.00'), t07('40.00')] })).findings, []);
});

test('crosstable-t04-t07-government-fund: skipped when T07 is not found', () => {
  assert.equal(runRule(rule, disclosure({ tables: [main('')] })).outcome.status, 'skipped');
});
