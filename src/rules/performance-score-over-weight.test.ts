import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-score-over-weight.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

test('performance-score-over-weight: must trigger on an indicator scored above its points', () => {
  const d = perfDoc([project({ project: 'X', indicators: [['效益指标', '社会效益指标', '知晓度（10分）', '', '提升', '', '明显提升', '', '12']] })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '12');
  assert.equal(findings[0]!.expected, '≤10');
});

test('performance-score-over-weight: must trigger on an execution score and a block score above their points', () => {
  const d = perfDoc([project({ project: 'Y', funding: [['total', '年度资金总额', '10', '10', '10', '10', '100%', '12.00']],
    indicators: [['产出指标', '数量指标', '人次', '', '≥1', '', '2', '', '']], blocks: [['产出指标（50分）', '50', '55']] })]);
  assert.equal(runRule(rule, d).findings.length, 2);
});

test('performance-score-over-weight: must not trigger on scores within their points', () => {
  assert.deepEqual(runRule(rule, perfDoc([consistentProject()])).findings, []);
});
