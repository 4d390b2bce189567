import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-t01-t03-expenditure.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const doc = (t01: string, t03: string, unit03: '元' | '万元' = '万元') => disclosure({ tables: [
  table('T01', { columns: ['amount'], rows: [{ key: 'expenditureTotal', name: '本年支出合计', side: 'expenditure', cells: { amount: t01 } }] }),
  table('T03', { unit: unit03, columns: ['total'], rows: [['total', '合计', t03]] }),
] });

test('crosstable-t01-t03-expenditure: must trigger when T01 本年支出合计 ≠ T03 合计', () => {
  const { findings } = runRule(rule, doc('2,502.70', '2,520.70'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'error');
  assert.equal(findings[0]!.expected, '2,520.70');
});

test('crosstable-t01-t03-expenditure: must not trigger when equal, also across units (万元 vs 元)', () => {
  assert.deepEqual(runRule(rule, doc('2,502.70', '2,502.70')).findings, []);
  assert.deepEqual(runRule(rule, doc('2,502.70', '25,027,000.00', '元')).findings, []);
});

test('crosstable-t01-t03-expenditure: must trigger a unit warning (not a sum error) when the figures differ by exactly 10 000', () => {
  const { findings } = runRule(rule, doc('2,502.70', '25,027,000.00'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.messageId, 'expenditure-total-mismatch-unit');
  const same = runRule(rule, doc('2,502.70', '2,502.70', '元')).findings;
  assert.equal(same.length, 1);
  assert.equal(same[0]!.messageId, 'expenditure-total-mismatch-unit');
});
