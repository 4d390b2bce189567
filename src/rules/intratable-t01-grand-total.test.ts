import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t01-grand-total.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const r = (key: string, name: string, side: 'income' | 'expenditure', v: string) => ({ key, name, side, cells: { amount: v } });
const t01 = (incomeGrand: string, expGrand: string) => disclosure({ tables: [table('T01', { columns: ['amount'], rows: [
  r('incomeTotal', '本年收入合计', 'income', '100.00'),
  r('expenditureTotal', '本年支出合计', 'expenditure', '90.00'),
  r('useNonFiscalSurplus', '使用非财政拨款结余', 'income', ''),
  r('surplusDistribution', '结余分配', 'expenditure', '-'),
  r('carryoverBegin', '年初结转和结余', 'income', '5.00'),
  r('carryoverEnd', '年末结转和结余', 'expenditure', '15.00'),
  r('grandTotal', '总计', 'income', incomeGrand),
  r('grandTotal', '总计', 'expenditure', expGrand),
] })] });

test('intratable-t01-grand-total: must trigger on each side whose 总计 is not its parts', () => {
  const { findings } = runRule(rule, t01('100.00', '95.00'));
  assert.deepEqual(findings.map((f) => f.messageId), ['income-grand-total-mismatch', 'expenditure-grand-total-mismatch']);
  assert.deepEqual(findings.map((f) => f.expected), ['105.00', '105.00']);
});

test('intratable-t01-grand-total: must not trigger when 总计 = 本年合计 + 结转结余', () => {
  assert.deepEqual(runRule(rule, t01('105.00', '105.00')).findings, []);
});

test('intratable-t01-grand-total: must not trigger on a budget summary whose 本年收入/本年支出 lines carry no figure (side headings)', () => {
  const d = disclosure({ kind: 'budget', unit: '元', tables: [table('T01', { unit: '元', columns: ['amount'], rows: [
    r('incomeTotal', '本年收入', 'income', ''),
    r('expenditureTotal', '本年支出', 'expenditure', ''),
    r('income:fiscal', '一、财政拨款收入', 'income', '9,501,164'),
    r('income:operational', '二、事业收入', 'income', '2,620,000'),
    r('grandTotal', '收入总计', 'income', '12,121,164'),
    r('grandTotal', '支出总计', 'expenditure', '12,121,164'),
  ] })] });
  assert.deepEqual(runRule(rule, d).findings, []);
});
