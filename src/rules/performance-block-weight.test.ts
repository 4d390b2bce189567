import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-block-weight.js';
import { perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

const rows = [
  ['产出指标', '数量指标', '享受待遇人数（20分）', '', '≥180人', '', '181人', '', '20'],
  ['产出指标', '质量指标', '补助对象准确度（20分）', '', '=100%', '', '100%', '', '20'],
  ['效益指标', '社会效益指标', '特殊群体医疗保障覆盖率（10分）', '', '全覆盖', '', '全覆盖', '', '10'],
  ['效益指标', '社会效益指标', '特殊群体医疗保障覆盖率（10分）', '', '全覆盖', '', '全覆盖', '', '10'],
  ['效益指标', '可持续影响指标', '完善医疗保障体系效果（10分）', '', '卓有成效', '', '卓有成效', '', '10'],
];

test('performance-block-weight: must trigger when a block declares 20 and its indicators carry 30', () => {
  const d = perfDoc([project({ project: '特殊群体医疗费', indicators: rows, blocks: [['产出指标 (40分)'], ['效益指标 (20分)']] })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'block-sum');
  assert.equal(findings[0]!.evidence, '效益指标 (20分)');
  assert.equal(findings[0]!.expected, '效益指标（30分）');
});

test('performance-block-weight: must trigger when a printed block 分值 differs from the declared points', () => {
  const d = perfDoc([project({ project: '部门整体', kind: 'department', indicators: rows.slice(0, 2), blocks: [['产出指标（50分）', '40', '40']] })]);
  assert.equal(runRule(rule, d).findings[0]?.messageId, 'block-weight');
});

test('performance-block-weight: must not trigger when the blocks add up', () => {
  const d = perfDoc([project({ project: '特殊群体医疗费', indicators: [...rows.slice(0, 3), rows[4]!], blocks: [['产出指标(40分)'], ['效益指标(20分)'], ['满意度指标']] })]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-block-weight: must trigger only a warning when rows were placed in blocks by position', () => {
  const ev = project({ project: 'PDF 表', indicators: rows, blocks: [['产出指标 (40分)'], ['效益指标 (20分)']] });
  Object.assign(ev.indicators[3]!, { level1Inferred: true, level2Inferred: true });
  const { findings } = runRule(rule, perfDoc([ev]));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
});
