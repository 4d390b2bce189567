import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-perf-department-vs-narrative.js';
import { lineOf, narrativeDoc, runRule } from './utils/narrative-fixtures.js';
import { departmentEvaluation } from './utils/perf-consistency-fixtures.js';

const BUDGET_TEXT = '2023年，本部门年初预算收入233.11万元，其中：基本支出年初预算233.11万元。2023年全年支出总计610.1万元。';
const SPENDING_TEXT = '本年度基本支出610.11万元，其中人员经费230.92万元，日常公用经费379.19万元。';
const THREE_PUBLIC_TEXT = '“三公”经费年初预算0.89万元，实际支出0.89万元。2022年“三公”经费预算2.49万元。';

/** 部门资金 block with its 按支出性质分 pairs, as the 湖南 form prints it. */
const fundingTable = (initial: string, publicExpense = '379.19') => departmentEvaluation({
  year: 2023,
  funding: [['total', '年度资金总额', initial, '610.11', '610.11', '10', '100%', '10']],
  extra: [
    ['按收入性质分', '', '按支出性质分'],
    ['其中：一般公共预算', '605.2', '基本支出', '610.11'],
    ['政府性基金拨款', '', '其中：人员经费', '230.92'],
    ['纳入管理的非税收入拨款', '', '公用经费', publicExpense],
  ],
});

/** The 基础数据表: year columns, 三公经费 and 公用经费 rows. */
const baseData = (threePublicBudget: string, publicActual: string) => departmentEvaluation({
  title: '部门整体支出绩效评价基础数据表',
  year: 2023,
  extra: [
    ['经费控制情况', '2022年决算数', '2023年预算数', '2023年决算数'],
    ['一、部门基本支出', '610.11', '610.11', '610.11'],
    ['2、三公经费', '2.49', threePublicBudget, '0.89'],
    ['五、公用经费', '656.58', '233.11', publicActual],
  ],
});

const doc = (...performance: ReturnType<typeof departmentEvaluation>[]) => narrativeDoc([
  ['二、一般公共预算支出情况', [BUDGET_TEXT, SPENDING_TEXT, THREE_PUBLIC_TEXT]],
], { year: 2023, performance });

test('crosstable-perf-department-vs-narrative: must trigger when the table\'s 年初预算数 differs from the text', () => {
  const d = doc(fundingTable('231.11'));
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.severity, 'error');
  assert.equal(f.evidence, '231.11');
  assert.equal(f.expected, '233.11');
  assert.ok(lineOf(d, f).includes('231.11'));
  assert.equal(f.related?.[0]?.evidence, '233.11万元');
});

test('crosstable-perf-department-vs-narrative: must trigger on the 基础数据表 三公经费 预算数 and 公用经费 决算数', () => {
  const d = doc(fundingTable('233.11'), baseData('3', '373.04'));
  const { findings } = runRule(rule, d);
  const byEvidence = new Map(findings.map((f) => [f.evidence, f]));
  assert.equal(findings.length, 2);
  assert.equal(byEvidence.get('3')?.severity, 'warning', 'an unqualified 预算数 against 年初预算: uncertain');
  assert.equal(byEvidence.get('3')?.related?.[0]?.evidence, '0.89万元');
  assert.equal(byEvidence.get('373.04')?.severity, 'error');
  assert.equal(byEvidence.get('373.04')?.column, '2023年决算数');
});

test('crosstable-perf-department-vs-narrative: must not trigger when the figures agree (rounding, other years, 年初 vs 全年)', () => {
  const d = doc(fundingTable('233.11'), baseData('0.89', '379.19'));
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('crosstable-perf-department-vs-narrative: must not trigger (skipped) without a department-wide table', () => {
  const r = runRule(rule, narrativeDoc([['一、说明', [BUDGET_TEXT]]]));
  assert.deepEqual(r.findings, []);
  assert.match(r.skipped ?? '', /部门整体/);
});

test('crosstable-perf-department-vs-narrative: must not trigger on one project\'s figures read as the department\'s', () => {
  const d = narrativeDoc([
    ['十一、预算绩效情况说明', ['1.“甲资金”项目绩效自评情况：项目年初预算数为60万元，全年预算数为66万元，执行数为60万元。']],
    ['2. 乙项目绩效自评综述', ['年初预算数为 10 万元，执行数为 9 万元。']],
  ], { year: 2023, performance: [fundingTable('233.11')] });
  assert.deepEqual(runRule(rule, d).findings, []);
});
