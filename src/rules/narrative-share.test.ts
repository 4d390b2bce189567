import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-share.js';
import { table } from './utils/fixtures.js';
import { narrativeDoc, oneSection, runRule } from './utils/narrative-fixtures.js';

test('narrative-share: must trigger on a share that is not part ÷ the sentence total', () => {
  const d = oneSection('三、支出决算情况说明', ['本年度支出合计 2502.70 万元，其中：基本支出 327.51 万元，占 13.90%；项目支出 2175.20 万元，占 86.91%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '占 13.90%');
  assert.equal(findings[0]!.expected, '13.09%');
});

test('narrative-share: must trigger on 占…项目支出总额的 100% against the table', () => {
  const t03 = table('T03', { columns: ['total', 'basic', 'project'], rows: [['total', '合计', '2502.70', '327.50', '2175.20']] });
  const d = narrativeDoc([
    ['一、预算绩效管理工作开展情况', ['本部门对本年度项目支出开展绩效自评，其中二级项目 6 个，共涉及资金 309.42 万元，占一般公共预算项目支出总额的 100%。']],
  ], { tables: [t03] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '14%');
});

test('narrative-share: must trigger on a named whole stated earlier in the text', () => {
  const d = narrativeDoc([
    ['三、支出决算情况说明', ['本年支出 1,016.01 万元。']],
    ['五、一般公共预算财政拨款支出决算情况说明', ['本年度一般公共预算财政拨款支出 980.46 万元，占本年支出合计的 95.50%。']],
  ]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '96.50%');
});

test('narrative-share: must not trigger on correct shares', () => {
  const d = narrativeDoc([
    ['二、收入决算情况说明', ['本年收入 1,007.55 万元，其中：财政拨款收入 972.00 万元，占 96.47%；其他收入 35.55 万元，占 3.53%。']],
    ['五、一般公共预算财政拨款支出决算结构情况', ['本年度一般公共预算财政拨款支出 2502.70 万元，主要用于以下方面：社会保障和就业支出 26.83 万元，占 1.07%；卫生健康支出 2451.63 万元，占 97.96%；住房保障支出 24.25 万元，占 0.97%。']],
    ['十一、政府采购支出情况说明', ['本年度政府采购支出合计 23.02 万元。授予中小企业合同金额 23.02 万元，占政府采购支出总额的 100.00%。']],
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-share: must trigger on a share of a procurement total stated as 合计 and named as 总额', () => {
  const d = oneSection('十一、政府采购支出情况说明', ['本年度政府采购支出合计 40.00 万元。授予中小企业合同金额 30.00 万元，占政府采购支出总额的 70.00%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '75.00%');
});

test('narrative-share: must trigger on a list split at ； with the total in the first sentence', () => {
  const d = oneSection('（二）一般公共预算财政拨款支出决算结构情况', ['本年度一般公共预算财政拨款支出238.67万元，主要用于以下方面：社会保障和就业支出13.06万元，占5.47%；卫生健康支出214.25万元，占98.77%；住房保障支出11.36万元，占4.76%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '89.77%');
});

test('narrative-share: must not trigger on 分别占 lists', () => {
  const d = oneSection('十一、政府采购支出情况说明', ['本年度政府采购支出合计 23.00 万元，其中：货物 10.00 万元、服务 13.00 万元，分别占 43.48%、56.52%。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-share: must trigger on an item of a list that opens with 其中 in the next sentence', () => {
  const d = oneSection('二、收入决算情况说明', ['本年度收入合计1234.56万元。其中：财政拨款收入1000.00万元，占80.00%；其他收入234.56万元，占19.00%。']);
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => f.expected), ['81.00%']);
});

test('narrative-share: must not take an amount of another clause as the part', () => {
  const d = oneSection('十一、政府采购支出情况说明', ['本年度政府采购货物支出 0.34 万元。授予中小企业合同金额 10.70 万元，占政府采购支出总额的 100%，其中货物采购授予中小企业合同金额占货物支出金额的 100%。']);
  assert.deepEqual(runRule(rule, d).findings.filter((f) => f.severity !== 'info').map((f) => f.evidence), []);
});

test('narrative-share: must trigger on a share of a whole named only in words, the whole being the sum of the parts listed (figures of a 2017 provincial budget)', () => {
  const d = oneSection('十一、一般公共预算“三公”经费、会议费、培训费支出预算表情况说明', [
    '2017年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出110万元，占“三公”经费的18.85%；公务用车购置及运行费支出317.8万元，占“三公”经费的54.43%；公务接待费支出156.55万元，占“三公”经费的26.72%。',
  ], { year: 2017 });
  d.meta.kind = 'budget';
  const { findings } = runRule(rule, d);
  // 156.55 ÷ (110 + 317.8 + 156.55) = 26.79%: no value within the parts' rounding gives 26.72%.
  const errors = findings.filter((f) => f.severity === undefined);
  assert.deepEqual(errors.map((f) => f.expected), ['26.79%']);
});

test('narrative-share: must not trigger on shares of a whole named in words when they follow from the sum of the parts', () => {
  const d = oneSection('（三）“三公”经费预算情况说明', [
    '“三公”经费预算中，因公出国（境）费20.00万元，占“三公”经费的20.00%；公务用车购置及运行费50.00万元，占“三公”经费的50.00%；公务接待费30.00万元，占“三公”经费的30.00%。',
  ], { year: 2025 });
  d.meta.kind = 'budget';
  assert.deepEqual(runRule(rule, d).findings, []);
});
