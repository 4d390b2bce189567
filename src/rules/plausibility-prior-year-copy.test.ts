import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './plausibility-prior-year-copy.js';
import { disclosure, run, table } from './utils/catalog-fixtures.js';

const columns = [{ key: 'prior', label: '2022年决算数' }, { key: 'budget', label: '2023年预算数' }, { key: 'actual', label: '2023年决算数' }];

test('plausibility-prior-year-copy: must trigger when the prior-year column repeats the current year in every row', () => {
  const d = disclosure({
    year: 2023,
    tables: [table(undefined, {
      title: '部门整体支出绩效评价基础数据表', columns,
      rows: [['', '部门基本支出', '610.11', '233.11', '610.11'], ['', '三公经费', '0.89', '3.00', '0.89']],
    })],
  });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'prior-year-copy');
  assert.equal(findings[0]!.evidence, '2022年决算数');
  assert.equal(findings[0]!.at.cell, 1);
});

test('plausibility-prior-year-copy: must trigger with 上年/本年 labels and no document year', () => {
  const d = disclosure({
    tables: [table(undefined, {
      columns: [{ key: 'a', label: '上年决算数' }, { key: 'b', label: '本年决算数' }],
      rows: [['', '公务接待费', '1.00', '1.00'], ['', '会议费', '2.00', '2.00']],
    })],
  });
  assert.equal(run(rule, d).findings.length, 1);
});

test('plausibility-prior-year-copy: must not trigger when any row differs, on one row only, or on budget vs actual', () => {
  const differs = disclosure({
    year: 2023,
    tables: [table(undefined, { columns, rows: [['', '部门基本支出', '610.11', '233.11', '610.11'], ['', '三公经费', '2.49', '3.00', '0.89']] })],
  });
  const single = disclosure({ year: 2023, tables: [table(undefined, { columns, rows: [['', '部门基本支出', '610.11', '233.11', '610.11']] })] });
  const budget = disclosure({
    year: 2023,
    tables: [table('T09', {
      columns: [{ key: 'budget.total', label: '预算数/合计' }, { key: 'actual.total', label: '决算数/合计' }],
      rows: [['', '合计', '1.00', '1.00'], ['', '公务接待费', '1.00', '1.00']],
    })],
  });
  for (const d of [differs, single, budget]) assert.deepEqual(run(rule, d).findings, []);
});
