import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-qualitative-full.js';
import { perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

test('performance-qualitative-full: must trigger on 完全达到预期 scored 35 of 40', () => {
  const d = perfDoc([project({ project: 'DRG 扩面培训费', indicators: [['效益指标', '社会效益指标', 'DRG 付费政策知晓率', '', '有所提升', '', '完全达到预期', '40', '35.00']] })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.evidence, '完全达到预期');
  assert.equal(findings[0]!.expected, '40');
});

test('performance-qualitative-full: must trigger with points declared in the name', () => {
  const d = perfDoc([project({ project: 'X', indicators: [['效益指标', '社会效益指标', '群众满意（10分）', '', '明显提升', '', '全部完成', '', '8']] })]);
  assert.equal(runRule(rule, d).findings.length, 1);
});

test('performance-qualitative-full: must not trigger on full scores or on partial achievement', () => {
  const d = perfDoc([project({ project: 'Y', indicators: [
    ['效益指标', '社会效益指标', '大楼正常运转', '', '有效保证', '', '完全达到预期', '40', '40.00'],
    ['效益指标', '社会效益指标', '知晓率', '', '有所提升', '', '部分达到预期', '30', '20.00'],
    ['效益指标', '社会效益指标', '达成', '', '有所提升', '', '达成年度指标', '30', '27.00'],
  ] })]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
