import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t01-expenditure-total.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const exp = (key: string, name: string, v: string) => ({ key, name, side: 'expenditure' as const, cells: { amount: v } });
const t01 = (total: string, health = '2,451.63') => disclosure({ tables: [table('T01', { columns: ['amount'], rows: [
  { key: 'income:generalBudget', name: '一、一般公共预算财政拨款收入', side: 'income', cells: { amount: '999.00' } },
  exp('fn:201', '一、一般公共服务支出', ''),
  exp('fn:208', '八、社会保障和就业支出', '26.83'),
  exp('fn:210', '九、卫生健康支出', health),
  exp('fn:221', '十九、住房保障支出', '24.25'),
  exp('expenditureTotal', '本年支出合计', total),
] })] });

test('intratable-t01-expenditure-total: must trigger when 本年支出合计 differs from Σ 类 beyond rounding', () => {
  const { findings } = runRule(rule, t01('2,502.70', '2,451.03'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'expenditure-total-mismatch');
  assert.equal(findings[0]!.severity, 'error');
  assert.equal(findings[0]!.expected, '2,502.11');
  assert.equal(findings[0]!.evidence, '2,502.70');
});

test('intratable-t01-expenditure-total: must not trigger an error on a 0.01 rounding gap (26.83 + 2451.63 + 24.25 = 2502.71)', () => {
  const { findings } = runRule(rule, t01('2,502.70'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'info');
  assert.deepEqual(runRule(rule, t01('2,502.71')).findings, []);
});
