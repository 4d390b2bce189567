import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t01-balance.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const t01 = (income: string, exp: string) => disclosure({ tables: [table('T01', { columns: ['amount'], rows: [
  { key: 'grandTotal', name: '总计', side: 'income', cells: { amount: income } },
  { key: 'grandTotal', name: '总计', side: 'expenditure', cells: { amount: exp } },
] })] });

test('intratable-t01-balance: must trigger when 收入总计 ≠ 支出总计', () => {
  const { findings } = runRule(rule, t01('2,502.70', '2,500.70'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'unbalanced');
  assert.equal(findings[0]!.evidence, '2,500.70');
  assert.equal(findings[0]!.expected, '2,502.70');
  assert.equal(findings[0]!.related?.[0]?.evidence, '2,502.70');
});

test('intratable-t01-balance: must not trigger when both totals agree', () => {
  assert.deepEqual(runRule(rule, t01('2,502.70', '2,502.70')).findings, []);
});

test('intratable-t01-balance: must not trigger on a budget summary whose expenditure side prints 合计 | 基本支出 | 项目支出 (the first is the total)', () => {
  const d = disclosure({ kind: 'budget', unit: '元', tables: [table('T01', { unit: '元', variant: 'budget:shanghai', columns: [{ key: 'amount', label: '本年支出/预算数/合计' }, { key: 'amount.2', label: '基本支出' }, { key: 'amount.3', label: '项目支出' }], rows: [
    { key: 'grandTotal', name: '收入总计', side: 'income', cells: { amount: '12,121,164' } },
    { key: 'grandTotal', name: '支出总计', side: 'expenditure', cells: { amount: '12,121,164', 'amount.2': '9,501,164', 'amount.3': '2,620,000' } },
  ] })] });
  assert.deepEqual(runRule(rule, d).findings, []);
});
