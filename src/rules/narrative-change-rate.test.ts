import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-change-rate.js';
import { lineOf, oneSection, runRule } from './utils/narrative-fixtures.js';

const HEAD = '六、一般公共预算财政拨款基本支出决算情况说明';

test('narrative-change-rate: must trigger on a rate that is not change ÷ (value + decrease)', () => {
  const d = oneSection(HEAD, ['公用经费 24.24 万元，较上年决算数减少 28.40 万元，下降 50.00%，主要原因是咨询费减少。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'rate-mismatch');
  assert.equal(findings[0]!.expected, '53.95%');
  assert.equal(findings[0]!.evidence, '下降 50.00%');
  assert.ok(lineOf(d, findings[0]!).includes('下降 50.00%'));
});

test('narrative-change-rate: must trigger with the value borrowed from the previous sentence', () => {
  const d = oneSection('一、收入支出决算总体情况说明', ['本年度收、支总计均为 238.67 万元。与上年相比，收、支总计各减少 92.61 万元，下降 29.96%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '27.96%');
});

test('narrative-change-rate: must trigger on a wrong 预决算差异率', () => {
  const d = oneSection(HEAD, ['与年初预算相比，年初预算数 1,331.27 万元，决算数 980.46 万元，预决算差异率-25.35%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '-26.35%');
});

test('narrative-change-rate: must not trigger on correct rates', () => {
  const d = oneSection(HEAD, [
    '人员经费 303.26 万元，较上年决算数增加 17.29 万元，增长 6.05%，主要原因是工资调整。',
    '支出决算数为 452.06 万元，比上年决算增加 428.59 万元，增长 1,826.12%，主要原因是新增项目。',
    '培训费支出 0.00 万元，较上年决算数减少 0.36 万元，下降 100.0%，主要原因是未组织培训。',
    '与年初预算相比，年初预算数 1,331.27 万元，决算数 980.46 万元，预决算差异率-26.35%。',
    '机关运行经费支出 11.23 万元，比年初预算数减少 1.81 万元，下降 13.88%。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-change-rate: must not trigger an error when the derived prior explains the gap by rounding', () => {
  // 1.06 / (1.06 + 1.06) = 50.00%; with each figure ±0.005 the true rate may be 49.94%.
  const d = oneSection(HEAD, ['公务接待费支出决算为 1.06 万元，较上年决算数减少 1.06 万元，下降 49.94%。']);
  const { findings } = runRule(rule, d);
  assert.ok(findings.every((f) => f.severity === 'info'));
});

test('narrative-change-rate: must not trigger on a zero base (left to narrative-zero-base-rate)', () => {
  const d = oneSection(HEAD, ['支出决算数为 10.00 万元，比上年决算增加 10.00 万元，增长 100.00%。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-change-rate: must not trigger an error when the prior is stated with few decimals (比上年度的 0.2 万元)', () => {
  const d = oneSection(HEAD, ['本年公务接待费支出共计0.09万元，比上年度的0.2万元减0.11万元，减54.14%。']);
  assert.ok(runRule(rule, d).findings.every((f) => f.severity === 'info'));
});

test('narrative-change-rate: must trigger when the stated prior gives another rate', () => {
  const d = oneSection(HEAD, ['本年公务接待费支出共计 0.90 万元，比上年度的 1.20 万元减少 0.30 万元，下降 20.00%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '25.00%');
});

test('narrative-change-rate: must not borrow an unrelated amount from the previous sentence', () => {
  const d = oneSection(HEAD, ['年初结转和结余 5.00 万元。本年基本支出较上年增加 3.00 万元，增长 10.00%。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-change-rate: must trigger (error) on a rate no value within the rounding of its inputs gives (figures of a 2017 provincial budget)', () => {
  const d = oneSection('其中：', ['1．党委办公厅（室）及相关机构事务（款）行政运行（项）支出 6106.99 万元，与上年相比增加 101.48 万元，增长 1.66%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '1.69%');
  assert.equal(findings[0]!.severity, undefined);
});

test('narrative-change-rate: must not trigger on a prior-year figure named by its year, nor on a policy rate after another subject', () => {
  const d = oneSection('一、收支预算总表情况说明', [
    '2017 年度部门支出预算安排与 2016 年度相比（2016 年度部门支出预算安排为 8,648.07 万元），增加 498.72 万元，增长 5.77%。',
    '3. 人大事务（款）人大会议（项）支出1469.73万元，与上年相比增加164.48万元，增长12.6%。主要原因是增加了专项经费200万元，其余会议费按照规定压减10%，增减相抵后增加164.48万元。',
  ]);
  assert.deepEqual(runRule(rule, d).findings.filter((f) => f.severity !== 'info'), []);
});

test('narrative-change-rate: must trigger on 减少了 x 万元，减少 y%, on amounts whose 万/元 wrap and on four-digit rates', () => {
  const cases = [
    '2024年支出8120.5万元，比上年减少了1237.7万元，减少13.32%。',
    '项目支出123.45万\n元，比上年增加114.7万\n元，增长1412.56%。',
  ];
  for (const text of cases) {
    const { findings } = runRule(rule, oneSection('一、支出预算情况说明', [text]));
    assert.equal(findings.length, 1, text);
    assert.equal(findings[0]!.severity, undefined, text);
  }
  // 114.7 ÷ 8.75 = 1310.86%: 1312.56% lies inside the rounding of 8.75 (8.745…8.755 less 114.65…114.75) — info at most.
  const { findings } = runRule(rule, oneSection('一、支出预算情况说明', ['项目支出123.45万元，比上年增加114.7万元，增长1312.56%。']));
  assert.ok(findings.every((f) => f.severity === 'info'));
});

/** Real defects of published budgets, proved by their printed figures (no value within the rounding of the inputs gives the printed rate). */
test('narrative-change-rate: must trigger on printed budget rates that the printed figures do not give', () => {
  const cases: [string, string, string][] = [
    // 2018 江苏 provincial budget: 2233.13 ÷ (1115.85 + 2233.13) = 66.68%.
    ['江苏省政协办公厅2018年一般公共预算机关运行经费预算支出1,115.85万元，与上年相比减少2,233.13万元，下降66.69%。', '66.68%', 'final'],
    // 2018 江苏 provincial budget: 392.92 ÷ (6049.97 + 392.92) = 6.10%.
    ['2.法院（款）一般行政事务管理（项）支出6049.97万元，与上年相比减少392.92万元，减少5.95%。', '6.10%', 'final'],
    // 2024 上海 district budget: 352.67 ÷ 348.52 − 1 = 1.19% (the rate was taken from the item's heading figure 350.35).
    ['2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，比2023年预算执行数增加0.53%。', '1.19%', 'budget'],
    // 2019 江苏 provincial budget: 878.93 ÷ (3894.09 − 878.93) = 29.15% (printed 30%); 1297.83 ÷ (9370.12 − 1297.83) = 16.0776%.
    ['3．住房保障（类）支出3894.09万元，主要用于住房公积金和提租补贴。与上年相比增加878.93万元，增长30%。', '29%', 'final'],
    ['1．党委办公厅（室）及相关机构事务（款）行政运行（项）支出9370.12万元，与上年相比增加1297.83万元，增长16.07%。', '16.08%', 'final'],
    // 2023 上海 district budget: 45.41 ÷ 11.67 − 1 = 289.12%; an item whose 预算安排 and rate were copied from the item before: 441.25 ÷ 132.59 − 1 = 232.79%.
    ['2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%。', '289.12%', 'budget'],
    ['2022年当年预算执行数为132.59万元，2023年预算安排441.25万元，比2022年预算执行数增加60.54%。', '232.79%', 'budget'],
  ];
  for (const [text, expected, kind] of cases) {
    const d = oneSection('说明', [text], { year: kind === 'budget' ? Number(/(20\d\d)年预算安排/.exec(text)?.[1] ?? 2024) : 2018 });
    if (kind === 'budget') d.meta.kind = 'budget';
    const { findings } = runRule(rule, d);
    assert.deepEqual(findings.map((f) => [f.expected, f.severity]), [[expected, undefined]], text);
  }
});

test('narrative-change-rate: must not trigger on a budget compared with the prior year\'s budget (比上年预算增加 x 万元，增长 y%)', () => {
  const d = oneSection('四、部门预算编制说明', ['2025年收入预算37151.47万元，比上年预算增加1000.00万元，增长2.77%。', '2025年支出预算37151.47万元，上年预算数为36151.47万元，增长2.77%。'], { year: 2025 });
  d.meta.kind = 'budget';
  assert.deepEqual(runRule(rule, d).findings, []);
});
