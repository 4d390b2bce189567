import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './catalog-code-order.js';
import { codeTable, disclosure, lineText, run } from './utils/catalog-fixtures.js';

test('catalog-code-order: must trigger at the first row that jumps back in code order', () => {
  const d = disclosure({
    tables: [codeTable('T02', [['2101501', '行政运行', '1.00'], ['2101599', '其他医疗保障管理事务支出', '1.00'], ['2101202', '财政对城乡居民基本医疗保险基金的补助', '1.00']])],
  });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'code-order');
  assert.equal(findings[0]!.evidence, '2101202');
  assert.match(lineText(d, findings[0]!), /2101202/);
});

test('catalog-code-order: must not trigger on 类, 款, 项 in tree order', () => {
  const d = disclosure({
    tables: [codeTable('T03', [
      ['208', '社会保障和就业支出', '2.00'], ['20805', '行政事业单位养老支出', '2.00'], ['2080505', '机关事业单位基本养老保险缴费支出', '2.00'],
      ['210', '卫生健康支出', '1.00'], ['21011', '行政事业单位医疗', '1.00'], ['2101101', '行政单位医疗', '1.00'],
    ])],
  });
  assert.deepEqual(run(rule, d).findings, []);
});
