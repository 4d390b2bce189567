import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-zero-execution-met.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

const outputs = [
  ['产出指标', '数量指标', '职工免费查体项目（10分）', '', '≥5项', '', '5项', '', '10'],
  ['产出指标', '质量指标', '职工查体合格率（20分）', '', '≥90%', '', '100%', '', '20'],
];

test('performance-zero-execution-met: must trigger when nothing was spent and every output is complete', () => {
  const d = perfDoc([project({ project: '职工免费查体', funding: [['total', '年度资金总额', '651', '213.53', '0', '10', '0', '0']],
    indicators: outputs, completion: { 0: '100%', 1: '100%' } })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.evidence, '0');
  assert.match(findings[0]!.message, /职工免费查体/);
});

test('performance-zero-execution-met: must trigger when 执行数 is blank and outputs scored in full', () => {
  const d = perfDoc([project({ project: '业务经费', funding: [['total', '年度资金总额', '10.00', '10.00', '', '10.00', '', '']],
    indicators: [['产出指标', '数量指标', '参保率', '>=', '95', '%', '95.76', '30.00', '30.00']] })]);
  assert.equal(runRule(rule, d).findings.length, 1);
});

test('performance-zero-execution-met: must not trigger when money was spent, outputs fell short, or there are no outputs', () => {
  const d = perfDoc([
    consistentProject(),
    project({ project: '平台', funding: [['total', '年度资金总额', '20', '20', '0', '10', '0', '0']],
      indicators: [['产出指标', '数量指标', '整合定点医疗机构（20分）', '', '≥75家', '', '0', '', '0']], completion: { 0: '0' } }),
    project({ project: '无产出', funding: [['total', '年度资金总额', '20', '20', '0', '10', '0', '0']],
      indicators: [['满意度指标', '满意度指标', '满意度', '', '≥90%', '', '95%', '10', '10']] }),
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
