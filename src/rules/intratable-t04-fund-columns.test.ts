import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t04-fund-columns.js';
import { disclosure } from './utils/fixtures.js';
import { t04 } from './utils/t04-fixture.js';
import { runRule } from './utils/rule-test.js';

const doc = (health: [string, string, string, string]) => disclosure({ tables: [t04({
  income: { generalBudget: '100.00', total: '100.00' },
  classes: { '210': health },
  spent: ['100.00', '100.00', '', ''],
})] });

test('intratable-t04-fund-columns: must trigger when a row 合计 ≠ Σ fund columns', () => {
  const { findings } = runRule(rule, doc(['100.00', '90.00', '5.00', '']));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'fund-columns-mismatch');
  assert.equal(findings[0]!.location.row, '210 卫生健康支出');
  assert.equal(findings[0]!.expected, '95.00');
});

test('intratable-t04-fund-columns: must not trigger when 合计 = Σ funds', () => {
  assert.deepEqual(runRule(rule, doc(['100.00', '95.00', '5.00', '-'])).findings, []);
});
