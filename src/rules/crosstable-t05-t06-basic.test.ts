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

/** The budget form of T06: 合计 | 人员经费 | 公用经费 per economic code, 类 and 款 rows (figures of a 2024 Shanghai district budget, 元). */
const budgetDoc = (basic: string, withTotal = true) => disclosure({ kind: 'budget', unit: '元', tables: [
  table('T05', { unit: '元', columns: ['total', 'basic', 'project'], rows: [['total', '合计', '121,319,878', basic, '21,613,858']] }),
  table('T06', { unit: '元', columns: ['amount', 'personnel', 'public'], rows: [
    ['301', '工资福利支出', '88,282,511', '88,282,511', '0'],
    ['30101', '基本工资', '5,873,551', '5,873,551', '0'],
    ['30199', '其他工资福利支出', '82,408,960', '82,408,960', '0'],
    ['302', '商品和服务支出', '11,168,569', '0', '11,168,569'],
    ['30201', '办公费', '11,168,569', '0', '11,168,569'],
    ['303', '对个人和家庭的补助', '254,940', '254,940', '0'],
    ['30302', '退休费', '254,940', '254,940', '0'],
    ...(withTotal ? [['total', '合计', '99,706,020', '88,537,451', '11,168,569']] : []),
  ] }),
] });

test('crosstable-t05-t06-basic: must not trigger on the budget form (人员经费/公用经费 as columns), with or without its 合计 row', () => {
  assert.deepEqual(runRule(rule, budgetDoc('99,706,020')).findings, []);
  assert.deepEqual(runRule(rule, budgetDoc('99,706,020', false)).findings, []);
});

test('crosstable-t05-t06-basic: must trigger on the budget form when T05 基本支出 differs', () => {
  const { findings } = runRule(rule, budgetDoc('99,806,020'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '99,706,020');
});
