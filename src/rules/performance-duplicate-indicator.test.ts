import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-duplicate-indicator.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

const row = ['效益指标', '社会效益指标', '特殊群体医疗保障覆盖率（10分）', '', '全覆盖', '', '全覆盖', '', '10'];

test('performance-duplicate-indicator: must trigger on an indicator row printed twice', () => {
  const d = perfDoc([project({ project: '特殊群体医疗费（二）', indicators: [row, row] })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'duplicate-indicator');
  assert.equal(findings[0]!.evidence, '特殊群体医疗保障覆盖率（10分）');
  assert.equal(findings[0]!.related?.length, 1);
});

test('performance-duplicate-indicator: must trigger when the repeat differs only in spacing', () => {
  const d = perfDoc([project({ project: 'X', indicators: [row, ['效益指标', '社会效益指标', '特殊群体医疗保障 覆盖率 (10分)', '', '全覆盖', '', '全覆盖', '', '10']] })]);
  assert.equal(runRule(rule, d).findings.length, 1);
});

test('performance-duplicate-indicator: must not trigger on distinct names, or the same name in two tables or two blocks', () => {
  const other = ['产出指标', '数量指标', '特殊群体医疗保障覆盖率（10分）', '', '全覆盖', '', '全覆盖', '', '10'];
  const d = perfDoc([consistentProject(), project({ project: 'A', indicators: [row, other] }), project({ project: 'B', indicators: [row] })]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
