import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-t05-t06-basic.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const doc = (basic: string) => disclosure({ tables: [
  table('T05', { columns: ['total', 'basic', 'project'], rows: [['total', '合计', '2,502.70', basic, '2,175.20']] }),
  table('T06', { columns: ['amount'], rows: [
    { key: '301', name: '工资福利支出', cells: { amount: '303.26' } },
    { key: '302', name: '商品和服务支出', cells: { amount: '24.24' } },
    { key: 'personnelTotal', name: '人员经费合计', side: 'personnel', cells: { amount: '303.26' } },
    { key: 'publicTotal', name: '公用经费合计', side: 'public', cells: { amount: '24.24' } },
  ] }),
] });

test('crosstable-t05-t06-basic: must trigger when T05 基本支出 ≠ 人员经费合计 + 公用经费合计', () => {
  const { findings } = runRule(rule, doc('337.51'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'basic-mismatch');
  assert.equal(findings[0]!.expected, '327.50');
  assert.equal(findings[0]!.related?.length, 2);
});

test('crosstable-t05-t06-basic: must not trigger an error for 303.26 + 24.24 = 327.50 against 327.51 (rounding)', () => {
  const { findings } = runRule(rule, doc('327.51'));
  assert.deepEqual(findings.map((f) => f.severity), ['info']);
  assert.deepEqual(runRule(rule, doc('327.50')).findings, []);
});
