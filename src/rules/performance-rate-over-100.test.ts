import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-rate-over-100.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

test('performance-rate-over-100: must trigger on a 参保率 of 101.27%', () => {
  const d = perfDoc([project({ project: '全民参保', indicators: [['产出指标', '数量指标', '基本医疗保险参保率', '', '≥95%', '', '=101.27%', '5', '5.00']] })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.evidence, '=101.27%');
});

test('performance-rate-over-100: must trigger with the % in the unit column', () => {
  const d = perfDoc([project({ project: 'X', indicators: [['产出指标', '质量指标', '监督检查覆盖率', '=', '100', '%', '105', '10', '10']] })]);
  assert.equal(runRule(rule, d).findings.length, 1);
});

test('performance-rate-over-100: must not trigger on 100%, on rates that may exceed 100%, or on counts', () => {
  const d = perfDoc([consistentProject(), project({ project: 'Y', indicators: [
    ['产出指标', '质量指标', '覆盖率', '', '=100%', '', '=100%', '5', '5.00'],
    ['产出指标', '数量指标', '任务完成率', '', '≥95%', '', '120%', '5', '5.00'],
    ['产出指标', '数量指标', '参保率', '', '≥95', '万人', '101', '5', '5.00'],
  ] })]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
