import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './intratable-t09-three-public.js';
import { disclosure, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const ITEMS = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];
const national = (budget: string[], actual: string[]) => disclosure({ tables: [table('T09', {
  columns: [...ITEMS.map((k) => `budget.${k}`), ...ITEMS.map((k) => `actual.${k}`)],
  rows: [['', '', ...budget, ...actual]],
})] });

test('intratable-t09-three-public: must trigger when 决算数 合计 ≠ 出国 + 车辆 + 接待', () => {
  const { findings } = runRule(rule, national(['1.06', '0.00', '0.00', '0.00', '0.00', '1.06'], ['2.06', '0.00', '0.00', '0.00', '0.00', '1.06']));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'total-mismatch');
  assert.equal(findings[0]!.location.column, 'actual.total');
  assert.equal(findings[0]!.expected, '1.06');
});

test('intratable-t09-three-public: must trigger when 公务用车 小计 ≠ 购置 + 运行维护', () => {
  const { findings } = runRule(rule, national(['5.00', '0.00', '4.00', '1.00', '2.00', '1.00'], ['1.00', '0.00', '0.00', '', '', '1.00']));
  assert.deepEqual(findings.map((f) => f.messageId), ['vehicle-mismatch']);
});

test('intratable-t09-three-public: must not trigger on a consistent table (national and older row form)', () => {
  assert.deepEqual(runRule(rule, national(['1.06', '0.00', '0.00', '0.00', '0.00', '1.06'], ['1.06', '0.00', '0.00', '0.00', '0.00', '1.06'])).findings, []);
  const legacy = disclosure({ unit: '元', tables: [table('T09', { unit: '元', columns: ['budget', 'actual'], rows: [
    ['total', '支出合计', '20,000.00', '8,980.00'], ['abroad', '因公出国（境）费', '0.00', '0.00'],
    ['vehicle', '公务用车购置及运行维护费', '10,000.00', '8,082.00'], ['vehiclePurchase', '公务用车购置费', '0.00', '0.00'],
    ['vehicleOperation', '公务用车运行维护费', '10,000.00', '8,082.00'], ['reception', '公务接待费', '10,000.00', '898.00'],
  ] })] });
  assert.deepEqual(runRule(rule, legacy).findings, []);
});

test('intratable-t09-three-public: must trigger on the older row form with item-keyed cells', () => {
  const d = disclosure({ unit: '元', tables: [table('T09', { unit: '元', columns: ['budget.total', 'actual.total', 'budget.abroad', 'actual.abroad', 'budget.reception', 'actual.reception'], rows: [
    { key: 'total', name: '（一）支出合计', cells: { 'budget.total': '6,000.00', 'actual.total': '989.00' } },
    { key: 'abroad', name: '1. 因公出国（境）费', cells: { 'budget.abroad': '', 'actual.abroad': '' } },
    { key: 'reception', name: '3. 公务接待费', cells: { 'budget.reception': '6,000.00', 'actual.reception': '898.00' } },
  ] })] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.location.row, '（一）支出合计');
  assert.equal(findings[0]!.expected, '898.00');
});

/** A 江苏 budget 三公 table with 会议费/培训费 (figures of a 2017 provincial budget: 110 + 317.8 + 156.55 = 584.35; + 168 + 700 = 1,452.35). */
const BUDGET_COLS = ['budget.totalAll', 'budget.total', 'budget.abroad', 'budget.vehicle', 'budget.vehiclePurchase', 'budget.vehicleOperation', 'budget.reception', 'budget.meeting', 'budget.training'];
const budgetDoc = (cells: string[], columns = BUDGET_COLS) => disclosure({ kind: 'budget', tables: [table('T09', { columns, rows: [['', '', ...cells]] })] });

test('intratable-t09-three-public: must not trigger on a budget 合计 that includes 会议费 and 培训费', () => {
  assert.deepEqual(runRule(rule, budgetDoc(['1,452.35', '584.35', '110.00', '317.80', '50.00', '267.80', '156.55', '168.00', '700.00'])).findings, []);
  // The same table read with its 合计 under budget.total: the total with the meeting and training fees is the form's too.
  const cols = BUDGET_COLS.slice(1);
  assert.deepEqual(runRule(rule, budgetDoc(['1,452.35', '110.00', '317.80', '50.00', '267.80', '156.55', '168.00', '700.00'], cols)).findings, []);
});

test('intratable-t09-three-public: must trigger on a budget 合计 that is neither the 三公 total nor it with 会议费/培训费', () => {
  const { findings } = runRule(rule, budgetDoc(['1,462.35', '584.35', '110.00', '317.80', '50.00', '267.80', '156.55', '168.00', '700.00']));
  assert.deepEqual(findings.map((f) => f.messageId), ['total-all-mismatch']);
});
