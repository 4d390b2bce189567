import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-t01-t02-income.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const inc = (key: string, name: string, v: string) => ({ key, name, side: 'income' as const, cells: { amount: v } });
const doc = (t01Total: string, other: string) => disclosure({ tables: [
  table('T01', { columns: ['amount'], rows: [
    inc('income:generalBudget', '一、一般公共预算财政拨款收入', '2,502.70'),
    inc('income:other', '八、其他收入', other),
    inc('incomeTotal', '本年收入合计', t01Total),
  ] }),
  table('T02', { columns: ['total', 'fiscal', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'], rows: [
    ['total', '合计', '2,512.70', '2,502.70', '0.00', '0.00', '0.00', '0.00', '10.00'],
  ] }),
] });

test('crosstable-t01-t02-income: must trigger when T01 本年收入合计 ≠ T02 合计 and a source line differs', () => {
  const { findings } = runRule(rule, doc('2,502.70', '0.00'));
  assert.deepEqual(findings.map((f) => f.messageId).sort(), ['income-line-mismatch', 'income-total-mismatch']);
  const total = findings.find((f) => f.messageId === 'income-total-mismatch')!;
  assert.equal(total.evidence, '2,502.70');
  assert.equal(total.expected, '2,512.70');
  assert.equal(total.related?.[0]?.location.table, 'T02');
});

test('crosstable-t01-t02-income: must not trigger when T01 and T02 agree', () => {
  assert.deepEqual(runRule(rule, doc('2,512.70', '10.00')).findings, []);
});
