import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-parts-sum.js';
import { oneSection, runRule } from './utils/narrative-fixtures.js';

test('narrative-parts-sum: must trigger when a complete list (shares add to 100%) falls short of its total', () => {
  const d = oneSection('二、收入决算情况说明', ['本年收入 1,017.55 万元，其中：财政拨款收入 972.00 万元，占 96.47%；上级补助收入 0.00 万元，占 0.00%；其他收入 35.55 万元，占 3.53%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '1,017.55 万元');
  assert.equal(findings[0]!.expected, '1,007.55万元');
});

test('narrative-parts-sum: must trigger when the parts exceed the total', () => {
  const d = oneSection('三、支出决算情况说明', ['本年度支出合计 500.00 万元，其中：基本支出 200.00 万元，项目支出 320.00 万元。']);
  assert.equal(runRule(rule, d).findings[0]?.messageId, 'parts-exceed-total');
});

test('narrative-parts-sum: must not trigger on lists that add up, partial lists or nested breakdowns', () => {
  const d = oneSection('三、支出决算情况说明', [
    '本年度一般公共预算财政拨款支出 2502.70 万元，主要用于以下方面：社会保障和就业支出 26.83 万元，占 1.07%；卫生健康支出 2451.63 万元，占 97.96%；住房保障支出 24.25 万元，占 0.97%。',
    '本年度基本支出 610.11 万元，其中：人员经费 230.92 万元。',
    '本单位实际支出 610.11 万元，按支出资金分类：基本支出 610.11 万元，无经营支出；按支出明细分类：工资福利支出 230.92 万元，商品和服务支出 379.19 万元。',
    '本年收入 900.00 万元，其中：财政拨款收入 800.00 万元，事业收入 50.00 万元。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
