import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-restated-figure.js';
import { narrativeDoc, runRule } from './utils/narrative-fixtures.js';

test('narrative-restated-figure: must trigger on one decrease stated with two rates', () => {
  const d = narrativeDoc([
    ['六、一般公共预算财政拨款基本支出决算情况说明', ['公用经费 24.24 万元，较上年决算数减少 28.4 万元，下降 53.94%，主要原因是咨询费减少。']],
    ['十、机关运行经费支出情况说明', ['本年度机关运行经费支出 24.24 万元，较上年决算数减少 28.4 万元，下降 53.95%。']],
  ]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '下降 53.94%');
  assert.equal(findings[0]!.expected, '53.95%');
  assert.equal(findings[0]!.section, '六、一般公共预算财政拨款基本支出决算情况说明');
});

test('narrative-restated-figure: must trigger on one amount stated as 372.1 and 372.09', () => {
  const d = narrativeDoc([
    ['（一）部门预算收支情况', ['本年年中调整指标增拨一般财政拨款 372.1 万元，其他收入 4.9 万元。']],
    ['（一）综合评价结论', ['经自评，年中调整指标增拨一般财政拨款 372.09 万元，其他收入 4.9 万元。']],
  ]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '372.09 万元');
  assert.equal(findings[0]!.messageId, 'amount-restated');
});

test('narrative-restated-figure: must not trigger on repeated identical statements or different subjects', () => {
  const d = narrativeDoc([
    ['一、收入支出决算总体情况说明', ['本年度收、支总计均为 2502.70 万元，较上年增加 1003.63 万元，增长 66.95%。']],
    ['四、财政拨款收入支出决算总体情况说明', ['本年度财政拨款收、支总计均为 2502.70 万元，较上年增加 1003.63 万元，增长 66.95%。']],
    ['九、“三公”经费', ['“三公”经费支出决算为 1.06 万元，较上年决算数减少 1.06 万元，下降 49.94%。公务接待费支出决算为 1.06 万元，较上年决算数减少 1.06 万元，下降 49.94%。']],
    ['五、一般公共预算财政拨款支出', ['卫生健康支出决算为 2451.63 万元。卫生健康支出年初预算数为 2485.62 万元。']],
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
