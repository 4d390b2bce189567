import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-weight-total.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

const shandong = (extra: string[][] = []) => project({
  project: '特殊群体医疗费',
  funding: [['total', '年度资金总额', '1600', '524.8', '8.44', '10', '1.61%', '0.16']],
  indicators: [
    ['成本指标', '经济成本', '人均参保缴费（20分）', '', '≤650元', '', '650元', '', '20'],
    ['产出指标', '数量指标', '享受待遇人数（40分）', '', '≥180人', '', '181人', '', '40'],
    ['效益指标', '社会效益指标', '医疗保障覆盖率（10分）', '', '全覆盖', '', '全覆盖', '', '10'],
    ['效益指标', '可持续影响指标', '完善医疗保障体系效果（10分）', '', '卓有成效', '', '卓有成效', '', '10'],
    ...extra,
    ['满意度指标', '服务对象满意度指标', '服务对象满意度（10分）', '', '≥90%', '', '96%', '', '10'],
  ],
  totalScore: '90.16',
});

test('performance-weight-total: must trigger when the points add up to more than 100', () => {
  const d = perfDoc([shandong([['效益指标', '社会效益指标', '医疗保障覆盖率（10分）', '', '全覆盖', '', '全覆盖', '', '10']])]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'weight-sum');
  assert.equal(findings[0]!.expected, '110');
});

test('performance-weight-total: must trigger against a printed 总分值 and a printed subtotal', () => {
  const d = perfDoc([consistentProject({ totalWeight: '100', subtotal: ['80.00', '90.00'],
    funding: [['total', '年度资金总额', '50.40', '940.68', '325.04', '20', '34.55', '6.91']] })]);
  const ids = runRule(rule, d).findings.map((f) => f.messageId).sort();
  assert.deepEqual(ids, ['subtotal-weight', 'weight-sum']);
});

test('performance-weight-total: must not trigger on 10 + 90 (cells or points in names)', () => {
  const d = perfDoc([consistentProject({ subtotal: ['90.00', '90.00'] }), shandong()]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-weight-total: must not trigger when some indicator carries no points', () => {
  const d = perfDoc([project({ project: '转移支付', funding: [['total', '年度资金总额', '', '16.67', '16.67', '10', '100%', '10']],
    indicators: [['产出指标', '数量指标', '参保人数', '', '≥90%', '', '100%']] })]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
