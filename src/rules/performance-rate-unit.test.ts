import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-rate-unit.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

test('performance-rate-unit: must trigger on a 知晓率 measured in 件', () => {
  const d = perfDoc([project({ project: '业务经费', indicators: [['效益指标', '社会效益指标', '参保群众政策知晓率', '>=', '90', '件', '91', '20.00', '20.00']] })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'rate-count-unit');
  assert.equal(findings[0]!.evidence, '件');
  assert.match(findings[0]!.message, /参保群众政策知晓率/);
});

test('performance-rate-unit: must trigger on an inline count unit in the target', () => {
  const d = perfDoc([project({ project: 'X', indicators: [['产出指标', '质量指标', '审核准确率', '', '≥95人', '', '96人', '', '10']] })]);
  assert.equal(runRule(rule, d).findings[0]?.evidence, '≥95人');
});

test('performance-rate-unit: must not trigger on rates in %, counts in 人次, or rates without a unit', () => {
  const d = perfDoc([consistentProject(), project({ project: 'Y', indicators: [
    ['产出指标', '质量指标', '参保率', '', '≥95%', '', '96%', '', '10'],
    ['产出指标', '数量指标', '救助人次', '>=', '1800', '人次', '2066', '10', '10'],
    ['产出指标', '质量指标', '覆盖率', '=', '100', '', '100', '10', '10'],
  ] })]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-rate-unit: must not trigger on a frequency counted in 次', () => {
  const d = perfDoc([project({ project: 'Z', indicators: [['产出指标', '时效指标', '定点机构巡查频率', '>=', '4', '次', '6', '10', '10']] })]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
