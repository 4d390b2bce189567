import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t04-totals.js';
import { disclosure } from './utils/fixtures.js';
import { t04 } from './utils/t04-fixture.js';
import { runRule } from './utils/rule-test.js';

const good = () => ({
  income: { generalBudget: '2,502.70', total: '2,502.70', grand: '2,502.70' },
  classes: { '208': ['26.83', '26.83', '', ''], '210': ['2,451.63', '2,451.63', '', ''], '221': ['24.25', '24.25', '', ''] } as Record<string, [string, string, string, string]>,
  spent: ['2,502.71', '2,502.71', '', ''] as [string, string, string, string],
  end: ['0.00', '0.00', '', ''] as [string, string, string, string],
  grand: ['2,502.71', '2,502.71', '', ''] as [string, string, string, string],
});

test('intratable-t04-totals: must trigger when 本年支出合计 ≠ Σ 类 and 收入总计 ≠ 支出总计', () => {
  const spec = good();
  spec.spent = ['2,602.71', '2,602.71', '', ''];
  spec.grand = ['2,602.71', '2,602.71', '', ''];
  const { findings } = runRule(rule, disclosure({ tables: [t04(spec)] }));
  const errors = findings.filter((f) => f.severity === 'error');
  assert.deepEqual(errors.map((f) => f.messageId).sort(), ['expenditure-total-mismatch', 'expenditure-total-mismatch', 'unbalanced']);
});

test('intratable-t04-totals: must trigger when 本年收入合计 ≠ Σ 各类拨款', () => {
  const spec = good();
  spec.income = { generalBudget: '2,402.70', total: '2,502.70', grand: '2,502.70' };
  const { findings } = runRule(rule, disclosure({ tables: [t04(spec)] }));
  assert.ok(findings.some((f) => f.messageId === 'income-total-mismatch' && f.severity === 'error'));
});

test('intratable-t04-totals: must not trigger errors when the table adds up (0.01 gaps are info)', () => {
  const { findings } = runRule(rule, disclosure({ tables: [t04(good())] }));
  assert.ok(findings.every((f) => f.severity === 'info'), JSON.stringify(findings.map((f) => f.message)));
});
