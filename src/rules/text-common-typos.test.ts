import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './text-common-typos.js';
import { evaluation } from './utils/fixtures.js';
import { lineOf, oneSection, runRule } from './utils/narrative-fixtures.js';

test('text-common-typos: must trigger on 滴三方, 己经 and 截止 before a date', () => {
  const d = oneSection('其他需要说明的事项', [
    '资金用于购买滴三方监管服务。',
    '项目己经完成。截止2023年12月31日，本部门共有车辆0辆。',
  ]);
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => f.expected), ['第三方', '已经', '截至']);
  for (const f of findings) assert.ok(lineOf(d, f).includes(f.evidence!));
});

test('text-common-typos: must not trigger on the correct forms', () => {
  const d = oneSection('其他需要说明的事项', ['委托第三方开展评价，已经完成。截至2023年12月31日，本部门共有车辆0辆。申报截止日期为3月底，部分项目未完成。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('text-common-typos: must trigger on a typo wrapped across a 绩效自评表 cell', () => {
  const ev = evaluation({
    project: '能力提升补助资金',
    funding: [['total', '年度资金总额', '430.00', '430.00', '10.00', '10', '2.33%', '0.23']],
    indicators: [['产出指标', '数量指标', '检查覆盖率', '=', '100%', '%', '0%', '5', '0', '该项目为购买滴 三方监 管服务']],
  });
  const d = oneSection('其他需要说明的事项', ['无。'], { performance: [ev] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '滴 三方');
  assert.equal(findings[0]!.expected, '第三方');
});
