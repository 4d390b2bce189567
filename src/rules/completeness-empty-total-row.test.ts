import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './completeness-empty-total-row.js';
import { disclosure, lineText, run, table } from './utils/catalog-fixtures.js';

test('completeness-empty-total-row: must trigger on a blank 合计 row above rows with amounts', () => {
  const d = disclosure({
    unit: '元',
    tables: [table('T03', {
      ordinal: '公开03表', unit: '元', columns: ['total', 'basic', 'project'],
      rows: [['total', '合计', '', '', ''], ['2101501', '行政运行', '3,000.00', '3,000.00', '']],
    })],
  });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'empty-total');
  assert.equal(findings[0]!.evidence, '合计');
  assert.match(findings[0]!.message, /公开03表/);
  assert.match(lineText(d, findings[0]!), /合计/);
});

test('completeness-empty-total-row: must not trigger on a filled total or an all-blank table', () => {
  const filled = disclosure({
    tables: [table('T03', { columns: ['total'], rows: [['total', '合计', '3.00'], ['2101501', '行政运行', '3.00']] })],
  });
  const blank = disclosure({
    tables: [table('T07', { columns: ['total'], rows: [['total', '合计', ''], ['2080101', '行政运行', '']] })],
  });
  assert.deepEqual(run(rule, filled).findings, []);
  assert.deepEqual(run(rule, blank).findings, []);
});

test('completeness-empty-total-row: must not trigger on 本年收入 / 本年支出 side headings of a budget summary table', () => {
  const d = disclosure({
    unit: '元',
    kind: 'budget',
    tables: [table('T01', {
      unit: '元', columns: ['amount'],
      rows: [['incomeTotal', '本年收入', ''], ['expenditureTotal', '本年支出', ''], ['income:fiscal', '一、财政拨款收入', '9,501,164'], ['grandTotal', '收入总计', '12,121,164']],
    })],
  });
  assert.deepEqual(run(rule, d).findings, []);
});

test('completeness-empty-total-row: a blank 小计 of one group among several totals is not the table total; a lone blank 小计 still is', () => {
  // 收入预算总表 by source: 一般公共预算资金 小计 9,066.79 · 政府性基金 小计 (blank, its rows blank) · 其他资金 小计 80.00
  const groups = disclosure({
    kind: 'budget',
    tables: [table('T02', {
      columns: ['total'],
      rows: [
        ['total', '小计', '9,066.79'], ['', '公共财政拨款(补助)资金', '9,066.79'],
        ['total', '小计', ''], ['', '政府性基金', ''],
        ['total', '小计', '80.00'], ['', '其他收入', '80.00'],
      ],
    })],
  });
  assert.deepEqual(run(rule, groups).findings, []);
  const lone = disclosure({
    tables: [table('T03', { columns: ['total'], rows: [['total', '小计', ''], ['2101501', '行政运行', '3.00']] })],
  });
  assert.equal(run(rule, lone).findings.length, 1);
});
