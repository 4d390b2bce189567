import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-itemised-sum.js';
import { oneSection, runRule } from './utils/narrative-fixtures.js';

const HEAD = '（三）一般公共预算财政拨款支出决算具体情况';
const items = [
  '1、社会保障和就业支出（类）机关事业单位基本养老保险缴费支出（项）。年初预算数为13.06万元，支出决算数为13.06万元，完成年初预算的100%。',
  '2、卫生健康支出（类）行政运行（项）。年初预算数为126.26万元，支出决算数为126.26万元，完成年初预算的100%。',
  '3、住房保障支出（类）住房公积金（项）。年初预算数为11.36万元，支出决算数为11.36万元，完成年初预算的100%。',
];

test('narrative-itemised-sum: must trigger on a 年初预算 total that the items do not add up to', () => {
  const d = oneSection(HEAD, ['本年度一般公共预算财政拨款支出年初预算数为2,060.9万元，支出决算数为150.68万元，完成年初预算数的7.31%。其中：', ...items]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '2,060.9万元');
  assert.equal(findings[0]!.expected, '150.68万元');
  assert.equal(findings[0]!.severity, undefined);
});

test('narrative-itemised-sum: must trigger (warning) when neither total adds up', () => {
  const d = oneSection(HEAD, ['本年度一般公共预算财政拨款支出年初预算数为300.00万元，支出决算数为290.00万元。其中：', ...items]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.severity === 'warning'));
});

test('narrative-itemised-sum: must not trigger when the items add up within rounding', () => {
  const d = oneSection(HEAD, [
    '本年度一般公共预算财政拨款支出年初预算为 2529.48 万元，支出决算为 2502.70 万元，完成年初预算的 98.94%。其中：',
    '1. 社会保障和就业支出年初预算数为 25.29 万元，支出决算为 26.83 万元。',
    '2. 卫生健康支出年初预算数为 2485.62 万元，支出决算为 2451.63 万元。',
    '3. 住房保障支出年初预算数为 18.57 万元，支出决算为 24.25 万元。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
