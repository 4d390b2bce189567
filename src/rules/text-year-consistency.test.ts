import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './text-year-consistency.js';
import { lineOf, narrativeDoc, oneSection, runRule } from './utils/narrative-fixtures.js';

test('text-year-consistency: must trigger on a prior-year figure labelled two years back', () => {
  const d = oneSection('（四）“三公”经费使用和管理情况', ['“三公”经费年初预算0.89万元，实际支出0.89万元。2021年“三公”经费预算2.49万元，实际支出2.49万元。本年数与上年数比降低64.26%。'], { year: 2023 });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'prior-year-label');
  assert.equal(findings[0]!.evidence, '2021年');
  assert.equal(findings[0]!.expected, '2022年');
  assert.ok(lineOf(d, findings[0]!).includes('2021年'));
});

test('text-year-consistency: must trigger on a wrong comparison year, a stale heading, a stale current year and an old evaluation', () => {
  const d = narrativeDoc([
    ['第三部分 2022年度部门决算情况说明', ['本年度收入合计 100.00 万元，与2020年相比增加 10.00 万元。']],
    ['一、收入支出决算总体情况说明', ['2022年度支出合计 100.00 万元，较上年增加 10.00 万元。']],
    ['（二）自评组织过程', ['根据《关于开展2019年预算资金绩效自评的通知》要求开展自评。']],
  ], { year: 2023 });
  const ids = runRule(rule, d).findings.map((f) => f.messageId).sort();
  assert.deepEqual(ids, ['comparison-year', 'evaluation-year', 'heading-year', 'stale-year']);
});

test('text-year-consistency: must not trigger on the prior year, ranges, history or dates', () => {
  const d = oneSection('一、部门概况', [
    '本局2019年2月挂牌成立。2023年度收入合计 100.00 万元，较2022年增加 5.00 万元。',
    '2021-2023年总体绩效目标已完成；2022年-2024年离休人员医疗费未结算。',
    '截至2023年12月31日，本部门共有车辆0辆。单位人数较2022年底增加1人。',
    '2022年决算数为 95.00 万元。开展2023年度项目绩效自评。',
  ], { year: 2023 });
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('text-year-consistency: must trigger on a budget heading of another year, not on 上年预算执行 figures', () => {
  const d = narrativeDoc([
    ['四、2024年部门预算编制说明', ['2025年部门收入预算37151.47万元。']],
    ['（一）2025年“三公”经费预算情况说明', ['2024年当年预算执行数为348.52万元，2025年预算安排350.35万元，比2024年预算执行数增加0.53%。']],
  ], { year: 2025 });
  d.meta.kind = 'budget';
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => [f.messageId, f.evidence]), [['heading-year', '2024年']]);
  assert.match(findings[0]!.message, /本预算年度 2025/);
});
