import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-total-score.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

test('performance-total-score: must trigger when the total differs from execution + indicator scores', () => {
  const d = perfDoc([consistentProject({ totalScore: '90.46' })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'total-mismatch');
  assert.equal(findings[0]!.evidence, '90.46');
  assert.equal(findings[0]!.expected, '93.46');
});

test('performance-total-score: must trigger on a printed indicator subtotal that does not add up', () => {
  const d = perfDoc([consistentProject({ subtotal: ['90.00', '88.00'] })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'subtotal-mismatch');
  assert.equal(findings[0]!.expected, '90.00');
});

test('performance-total-score: must trigger with block scores (湖南 form)', () => {
  const d = perfDoc([project({
    project: '部门整体支出', kind: 'department',
    funding: [['total', '年度资金总额', '231.11', '610.11', '610.11', '10', '100%', '10']],
    indicators: [
      ['产出指标', '数量指标', '参保人数', '', '≥880000', '', '886577', '', ''],
      ['效益指标', '社会效益指标', '平稳运行', '', '平稳', '', '平稳', '', ''],
      ['满意度指标', '满意度指标', '参保人员满意度', '', '≥98%', '', '98%', '10', '10'],
    ],
    blocks: [['产出指标（50分）', '50', '50'], ['效益指标（30分）', '30', '25']],
    totalWeight: '100', totalScore: '100',
  })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '95');
});

test('performance-total-score: must not trigger on consistent totals, a blank execution score, or unscored tables', () => {
  const d = perfDoc([
    consistentProject(),
    consistentProject({ funding: [['total', '年度资金总额', '10.00', '10.00', '', '10.00', '', '']], totalScore: '90.00' }),
    project({ project: '转移支付', funding: [['total', '年度资金总额:', '', '16.67', '16.67', '', '100%', '']],
      indicators: [['产出指标', '数量指标', '参保人数', '', '≥90%', '', '100%']] }),
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-total-score: must not trigger an error on a rounding-sized gap', () => {
  const d = perfDoc([consistentProject({ funding: [['total', '年度资金总额', '1540', '505.12', '19.15', '10', '3.79%', '0.4']], totalScore: '90.38' })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'info');
});
