import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './catalog-missing-parent-rows.js';
import { codeTable, disclosure, run } from './utils/catalog-fixtures.js';

test('catalog-missing-parent-rows: must trigger on a table of 项 rows only', () => {
  const d = disclosure({ tables: [codeTable('T05', [['2080505', '机关事业单位基本养老保险缴费支出', '2.00'], ['2101101', '行政单位医疗', '1.00']])] });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'items-only');
  assert.equal(findings[0]!.evidence, '2080505');
});

test('catalog-missing-parent-rows: must not trigger when 类/款 rows are printed', () => {
  const d = disclosure({ tables: [codeTable('T05', [['210', '卫生健康支出', '1.00'], ['21011', '行政事业单位医疗', '1.00'], ['2101101', '行政单位医疗', '1.00']])] });
  assert.deepEqual(run(rule, d).findings, []);
});

test('catalog-missing-parent-rows: must trigger once for several tables, the others related', () => {
  const rows: [string, string, string][] = [['2080505', '机关事业单位基本养老保险缴费支出', '2.00']];
  const d = disclosure({ tables: [codeTable('T02', rows), codeTable('T03', rows), codeTable('T05', rows)] });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.related?.length, 2);
});
