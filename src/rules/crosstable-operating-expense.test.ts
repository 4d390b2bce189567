import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-operating-expense.js';
import { amountFigure, disclosure, section, table } from './utils/fixtures.js';
import { runRule } from './utils/rule-test.js';

const t06 = () => table('T06', { columns: ['amount'], rows: [
  { key: '302', name: '商品和服务支出', cells: { amount: '24.24' } },
  { key: 'publicTotal', name: '公用经费合计', side: 'public', cells: { amount: '24.24' } },
] });
const text = (v: string) => section('十、机关运行经费支出情况说明', [{
  text: `2023年度机关运行经费支出${v}万元，比上年减少28.40万元。`,
  figures: [amountFigure(`${v}万元`, { subject: '机关运行经费', role: 'value' }), amountFigure('28.40万元', { subject: '机关运行经费', role: 'change' })],
}]);

test('crosstable-operating-expense: must trigger a warning when the stated 机关运行经费 differs from T06 公用经费', () => {
  const { findings } = runRule(rule, disclosure({ tables: [t06()], sections: [text('30.24')] }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.evidence, '30.24万元');
  assert.equal(findings[0]!.expected, '24.24');
  assert.equal(findings[0]!.location.section, '十、机关运行经费支出情况说明');
});

test('crosstable-operating-expense: must trigger on the older 三公 table row 机关运行经费', () => {
  const t09 = table('T09', { unit: '万元', columns: ['budget', 'actual'], rows: [['operatingExpense', '机关运行经费', '30.00', '28.00']] });
  const { findings } = runRule(rule, disclosure({ tables: [t06(), t09] }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.location.table, 'T09');
});

test('crosstable-operating-expense: must not trigger when they agree; skipped when nothing states it', () => {
  assert.deepEqual(runRule(rule, disclosure({ tables: [t06()], sections: [text('24.24')] })).findings, []);
  assert.equal(runRule(rule, disclosure({ tables: [t06()] })).outcome.status, 'skipped');
});
