import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t01-income-total.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const inc = (key: string, name: string, v: string) => ({ key, name, side: 'income' as const, cells: { amount: v } });
const t01 = (total: string) => disclosure({ tables: [table('T01', { columns: ['amount'], rows: [
  inc('income:generalBudget', '一、一般公共预算财政拨款收入', '2,502.70'),
  inc('income:governmentFund', '二、政府性基金预算财政拨款收入', ''),
  inc('income:superiorSubsidy', '四、上级补助收入', '10.00'),
  inc('income:other', '八、其他收入', '0.00'),
  inc('incomeTotal', '本年收入合计', total),
] })] });

test('intratable-t01-income-total: must trigger when 本年收入合计 is not the sum of the income lines', () => {
  const { findings } = runRule(rule, t01('2,502.70'));
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.rule, 'intratable.t01-income-total');
  assert.equal(f.messageId, 'income-total-mismatch');
  assert.equal(f.severity, 'error');
  assert.equal(f.evidence, '2,502.70');
  assert.equal(f.expected, '2,512.70');
  assert.equal(f.location.table, 'T01');
  assert.equal(f.location.row, '本年收入合计');
  assert.equal(f.location.line, 7);
  assert.equal(f.related?.length, 3, 'blank lines are not listed');
});

test('intratable-t01-income-total: must not trigger when the lines add up', () => {
  const { findings, outcome } = runRule(rule, t01('2,512.70'));
  assert.deepEqual(findings, []);
  assert.equal(outcome.status, 'passed');
});

test('intratable-t01-income-total: a gap within rounding is info only', () => {
  const { findings } = runRule(rule, t01('2,512.71'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'info');
  assert.equal(findings[0]!.messageId, 'rounding');
});

test('intratable-t01-income-total: skipped when T01 is absent', () => {
  const { outcome } = runRule(rule, disclosure({}));
  assert.equal(outcome.status, 'skipped');
});

test('intratable-t01-income-total: must trigger on the 决算数 column when the form also prints 年初预算数', () => {
  const r = (key: string, name: string, budget: string, actual: string) => ({ key, name, side: 'income' as const, cells: { amount: budget, 'amount.2': actual } });
  const d = disclosure({ tables: [table('T01', { columns: [{ key: 'amount', label: '年初预算数' }, { key: 'amount.2', label: '决算数' }], rows: [
    r('income:generalBudget', '一般公共预算财政拨款收入', '90.00', '100.00'),
    r('income:other', '其他收入', '10.00', '5.00'),
    r('incomeTotal', '本年收入合计', '100.00', '100.00'),
  ] })] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '105.00');
});
