import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t06-totals.js';
import { disclosure, table, type RowObject } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const row = (key: string, name: string, v: string, side?: 'personnel' | 'public'): RowObject => ({ key, name, cells: { amount: v }, ...(side ? { side } : {}) });
const t06 = (personnelTotal: string, publicTotal: string) => disclosure({ tables: [table('T06', { columns: [{ key: 'amount', label: '决算数' }], rows: [
  row('301', '工资福利支出', '303.26'),
  row('30101', '基本工资', '98.05'),
  row('303', '对个人和家庭的补助', '0.00'),
  row('302', '商品和服务支出', '24.24'),
  row('30201', '办公费', '3.02'),
  row('307', '债务利息及费用支出', '0.00'),
  row('310', '资本性支出', '0.00'),
  row('399', '其他支出', '0.00'),
  row('personnelTotal', '人员经费合计', personnelTotal, 'personnel'),
  row('publicTotal', '公用经费合计', publicTotal, 'public'),
] })] });

test('intratable-t06-totals: must trigger when 人员经费合计 ≠ 301 + 303', () => {
  const { findings } = runRule(rule, t06('313.26', '24.24'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'personnel-total-mismatch');
  assert.equal(findings[0]!.expected, '303.26');
  assert.equal(findings[0]!.location.row, '人员经费合计');
});

test('intratable-t06-totals: must trigger when 公用经费合计 ≠ 302 + 307 + 310 + 399', () => {
  const { findings } = runRule(rule, t06('303.26', '34.24'));
  assert.deepEqual(findings.map((f) => f.messageId), ['public-total-mismatch']);
});

test('intratable-t06-totals: must not trigger when both totals are their classes', () => {
  assert.deepEqual(runRule(rule, t06('303.26', '24.24')).findings, []);
});
