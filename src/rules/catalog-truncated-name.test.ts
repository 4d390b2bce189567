import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './catalog-truncated-name.js';
import { codeTable, disclosure, lineText, run } from './utils/catalog-fixtures.js';

test('catalog-truncated-name: must trigger on a name cut short, once across tables', () => {
  const d = disclosure({
    tables: [
      codeTable('T02', [['2101202', '财政对城乡居民基本医疗保险基金的补', '10.00']]),
      codeTable('T03', [['2101202', '财政对城乡居民基本医疗保险基金的补', '10.00']]),
    ],
  });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.messageId, 'truncated-name');
  assert.equal(f.evidence, '财政对城乡居民基本医疗保险基金的补');
  assert.equal(f.expected, '财政对城乡居民基本医疗保险基金的补助');
  assert.equal(f.related?.length, 1);
  assert.match(lineText(d, f), /基金的补/);
});

test('catalog-truncated-name: must not trigger on full names or unrelated names', () => {
  const d = disclosure({
    tables: [codeTable('T03', [
      ['2101202', '财政对城乡居民基本医疗保险基金的补助', '10.00'],
      ['2101501', '事业运行', '1.00'],
      ['2101599', '其他', '1.00'],
    ])],
  });
  assert.deepEqual(run(rule, d).findings, []);
});
