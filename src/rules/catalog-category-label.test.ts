import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './catalog-category-label.js';
import { disclosure, lineText, run, table } from './utils/catalog-fixtures.js';

function t01(rows: { key?: string; name: string }[]) {
  return table('T01', {
    columns: ['amount'],
    rows: rows.map((r) => ({ ...(r.key ? { key: r.key } : {}), name: r.name, side: 'expenditure' as const, cells: ['1.00'] })),
  });
}

test('catalog-category-label: must trigger on a cut 类 label and on a label naming another 类', () => {
  const d = disclosure({
    tables: [t01([
      { name: '八、社会保障和就业支' },
      { key: 'fn:210', name: '九、住房保障支出' },
      { name: '十、卫生健康事务支出' },
    ])],
  });
  const { findings } = run(rule, d);
  assert.deepEqual(findings.map((f) => f.messageId), ['truncated-category', 'category-mismatch', 'unknown-category']);
  assert.equal(findings[0]!.expected, '社会保障和就业支出');
  assert.equal(findings[1]!.expected, '卫生健康支出');
  assert.equal(findings[2]!.severity, 'info');
  assert.match(lineText(d, findings[0]!), /社会保障和就业支/);
});

test('catalog-category-label: must not trigger on 类 names, old names, (类) markers or other lines', () => {
  const d = disclosure({
    tables: [t01([
      { key: 'fn:201', name: '一、一般公共服务支出' },
      { key: 'fn:210', name: '九、医疗卫生与计划生育支出' },
      { name: '十九、住房保障支出（类）' },
      { key: 'expenditureTotal', name: '本年支出合计' },
      { name: '一、基本支出' },
      { name: '年末结转和结余' },
    ])],
  });
  assert.deepEqual(run(rule, d).findings, []);
});

test('catalog-category-label: must not trigger (skipped) without T01/T04', () => {
  const r = run(rule, disclosure({ tables: [] }));
  assert.deepEqual(r.findings, []);
  assert.ok(r.skipped);
});
