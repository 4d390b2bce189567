import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './catalog-name-mismatch.js';
import { codeTable, disclosure, lineText, run, table } from './utils/catalog-fixtures.js';

test('catalog-name-mismatch: must trigger when the printed name belongs to another code', () => {
  const d = disclosure({ tables: [codeTable('T05', [['2101501', '事业运行', '3.00'], ['2210201', '住房公积金', '1.00']])] });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.messageId, 'name-mismatch');
  assert.equal(f.evidence, '事业运行');
  assert.equal(f.expected, '行政运行');
  assert.match(lineText(d, f), /事业运行/);
});

test('catalog-name-mismatch: must trigger on a wrong economic 款 name in T06', () => {
  const d = disclosure({ tables: [table('T06', { columns: ['amount'], rows: [['30201', '印刷费', '1.00']] })] });
  const { findings } = run(rule, d);
  assert.equal(findings[0]?.expected, '办公费');
});

test('catalog-name-mismatch: must not trigger on aliases, bracket width, quotes or truncation', () => {
  const d = disclosure({
    tables: [
      codeTable('T03', [
        ['20805', '行政事业单位离退休', '1.00'],
        ['20103', '政府办公厅(室)及相关机构事务', '1.00'],
        ['2040506', '"两庭"建设', '1.00'],
        ['2101202', '财政对城乡居民基本医疗保险基金的补', '1.00'],
        ['2101598', '未列入科目表的项', '1.00'],
      ]),
    ],
  });
  assert.deepEqual(run(rule, d).findings, []);
});

test('catalog-name-mismatch: must trigger as info only on a wording variant (function words, 支出 suffix)', () => {
  const d = disclosure({ tables: [table('T06', { columns: ['amount'], rows: [['30399', '其他个人和家庭的补助支出', '1.00']] })] });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'name-variant');
  assert.equal(findings[0]!.severity, 'info');
});
