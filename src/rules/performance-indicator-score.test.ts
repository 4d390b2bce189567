import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-indicator-score.js';
import { perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

const one = (row: string[], blocks?: string[][]) => perfDoc([project({ project: '培训费', indicators: [row], ...(blocks ? { blocks } : {}) })]);

test('performance-indicator-score: must trigger when a met target loses points (91 ≥ 90 scored 19 of 20)', () => {
  const { findings } = runRule(rule, one(['效益指标', '社会效益指标', '政策知晓率', '>=', '90', '%', '91', '20.00', '19.00']));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'met-not-full');
  assert.equal(findings[0]!.severity, 'error');
  assert.equal(findings[0]!.evidence, '19.00');
  assert.equal(findings[0]!.expected, '20.00');
});

test('performance-indicator-score: must trigger on an unmet target scored above actual ÷ target (9.24 for 9.21)', () => {
  const { findings } = runRule(rule, one(['产出指标', '时效指标', '培训按期完成率', '', '>=95%', '', '=87.5%', '10', '9.24']));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'unmet-overscored');
  assert.equal(findings[0]!.expected, '9.21');
});

test('performance-indicator-score: must trigger a warning on an unmet ≤ target scored below target ÷ actual', () => {
  const { findings } = runRule(rule, one(['成本指标', '经济成本指标', '人均成本', '<=', '100', '元', '125', '10', '5']));
  assert.equal(findings[0]?.messageId, 'unmet-underscored');
  assert.equal(findings[0]?.severity, 'warning');
  assert.equal(findings[0]?.expected, '8.00');
});

test('performance-indicator-score: must trigger when a block is scored in full over an unmet indicator', () => {
  const d = perfDoc([project({ project: '部门整体支出', kind: 'department', indicators: [
    ['产出指标', '数量指标', '参保人数', '', '≥880000', '', '886577', '', ''],
    ['产出指标', '时效指标', '各项工作及时完成率', '', '100%', '', '90%', '', ''],
  ], blocks: [['产出指标（50分）', '50', '50']] })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'block-full-unmet');
  assert.equal(findings[0]!.evidence, '90%');
  assert.match(findings[0]!.message, /及时完成率/);
});

test('performance-indicator-score: must not trigger on correct scores, ratios at the printed precision, or text values', () => {
  const d = perfDoc([project({ project: '综合', indicators: [
    ['产出指标', '数量指标', '安保服务配置班次', '', '>=12 人次', '', '=11 人次', '10', '9.17'],
    ['产出指标', '数量指标', '聘用驾驶员人数', '', '=2 人', '', '=1 人', '10', '5.00'],
    ['产出指标', '质量指标', '培训出勤率', '', '>=95%', '', '=84.34%', '10', '8.88'],
    ['产出指标', '质量指标', '参保率', '>=', '95', '%', '101.27', '5', '5.00'],
    ['成本指标', '经济成本指标', '台式计算机每台成本', '', '<=4500 元', '', '=0 元', '5', '0.00'],
    ['产出指标', '时效指标', '完成时间', '', '2023年12月30日前', '', '=2023年12月30日前', '5', '5.00'],
    ['效益指标', '社会效益指标', '知晓率', '', '有所提升', '', '未达到预期', '30', '0.00'],
  ] })]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-indicator-score: must trigger with 反向 printed as the nature of a cost indicator', () => {
  const { findings } = runRule(rule, one(['成本指标', '经济成本指标', '人均成本', '反向', '100', '元', '80', '10', '9']));
  assert.equal(findings[0]?.messageId, 'met-not-full');
  assert.equal(findings[0]?.severity, 'error');
});
