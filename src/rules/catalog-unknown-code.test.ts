import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './catalog-unknown-code.js';
import { codeTable, disclosure, lineText, run, table } from './utils/catalog-fixtures.js';

test('catalog-unknown-code: must trigger on a 项 code the list does not have, once for repeated rows', () => {
  const d = disclosure({
    tables: [
      codeTable('T02', [['2101598', '医疗保障其他事务', '5.00']]),
      codeTable('T03', [['2101501', '行政运行', '3.00'], ['2101598', '医疗保障其他事务', '5.00']]),
    ],
  });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.messageId, 'unknown-code');
  assert.equal(f.evidence, '2101598');
  assert.match(f.message, /21015 医疗保障管理事务/);
  assert.equal(f.related?.length, 1);
  assert.match(lineText(d, f), /2101598/);
});

test('catalog-unknown-code: must trigger on an economic code unknown in T06', () => {
  const d = disclosure({ tables: [table('T06', { columns: ['amount'], rows: [['30298', '奇怪费用', '1.00']] })] });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /支出经济分类/);
});

test('catalog-unknown-code: must not trigger on listed function and economic codes', () => {
  const d = disclosure({
    tables: [
      codeTable('T03', [['210', '卫生健康支出', '8.00'], ['21015', '医疗保障管理事务', '8.00'], ['2101501', '行政运行', '8.00']]),
      table('T06', { columns: ['amount'], rows: [['30217', '公务接待费', '1.00'], ['301', '工资福利支出', '2.00']] }),
    ],
  });
  assert.deepEqual(run(rule, d).findings, []);
});
