import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t04-fund-balance.js';
import { disclosure } from './utils/fixtures.js';
import { t04 } from './utils/t04-fixture.js';
import { runRule } from './utils/rule-test.js';

const doc = (income: string, end: string, beginGeneral?: string) => disclosure({ tables: [t04({
  income: { generalBudget: income, total: income, begin: beginGeneral ?? '', ...(beginGeneral !== undefined ? { beginGeneral } : {}) },
  classes: { '210': ['100.00', '100.00', '', ''] },
  spent: ['100.00', '100.00', '', ''],
  end: [end, end, '', ''],
})] });

test('intratable-t04-fund-balance: must trigger when 年初 + 收入 ≠ 支出 + 年末 for a fund', () => {
  const { findings } = runRule(rule, doc('120.00', '10.00'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'fund-balance-mismatch');
  assert.equal(findings[0]!.evidence, '100.00');
  assert.equal(findings[0]!.expected, '110.00');
  assert.equal(findings[0]!.location.column, '一般公共预算财政拨款');
});

test('intratable-t04-fund-balance: must not trigger when each fund balances (with its 年初 line)', () => {
  assert.deepEqual(runRule(rule, doc('120.00', '20.00')).findings, []);
  assert.deepEqual(runRule(rule, doc('110.00', '20.00', '10.00')).findings, []);
});

test('intratable-t04-fund-balance: must not trigger when 年初 is printed without its fund breakdown', () => {
  const d = disclosure({ tables: [t04({
    income: { generalBudget: '110.00', total: '110.00', begin: '10.00' },
    classes: { '210': ['100.00', '100.00', '', ''] }, spent: ['100.00', '100.00', '', ''], end: ['20.00', '20.00', '', ''],
  })] });
  assert.deepEqual(runRule(rule, d).findings, []);
});
