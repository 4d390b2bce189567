/**
 * The income identities on a budget: 收入预算总表 合计 = 上年结转 + each source (per-budget fiscal
 * columns, not 财政拨款 twice), and 收支预算总表 收入总计 = 收入预算总表 合计 (上年结转 included) —
 * silent on the composed budgets, triggered by one changed figure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDisclosure } from '../../check/engine.js';
import type { Disclosure } from '../../model/index.js';
import { composeDocument } from '../index.js';
import { budgetExampleInputs } from '../testing/fixtures.js';

const rulesOf = (d: Disclosure) => checkDisclosure(d).findings.filter((f) => f.severity === 'error').map((f) => f.rule);
const withCarryover = () => composeDocument(budgetExampleInputs().find((e) => e.name.includes('township'))!.input).disclosure;

function bump(d: Disclosure, table: string, rowKey: string, col: string, side?: string): void {
  const row = d.tables.find((t) => t.key === table)!.rows.find((r) => r.key === rowKey && (!side || r.side === side))!;
  const v = row.cells[col]!.value;
  if (v.kind !== 'amount') throw new Error('not an amount');
  v.amount = { ...v.amount, fen: (v.amount.fen + 100_000_00) as typeof v.amount.fen };
}

test('budget income identities: no error on a composed budget with 上年结转 and a government fund', () => {
  const rules = rulesOf(withCarryover());
  assert.ok(!rules.includes('intratable.t02-row-sum') && !rules.includes('crosstable.t01-t02-income'), rules.join(' '));
});

test('budget income identities: a T02 source that does not add up, and a 收入总计 that differs from T02 合计, are errors', () => {
  const a = withCarryover();
  bump(a, 'T02', '2010301', 'generalBudget');
  assert.ok(rulesOf(a).includes('intratable.t02-row-sum'));
  const b = withCarryover();
  bump(b, 'T01', 'grandTotal', 'amount', 'income');
  assert.ok(rulesOf(b).includes('crosstable.t01-t02-income'));
});
