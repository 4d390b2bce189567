import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filledDateIn, titleKind, unitIn } from './performance-meta.js';
import { gradeBandsIn } from './performance-total.js';
import type { PRow } from './performance-rows.js';

const row = (...cells: string[]): PRow => ({
  line: 1, endLine: 1, text: cells.join('\t'), tabular: cells.length > 1, cells: cells.map((text, i) => ({ text, prov: { line: 1, cell: i } })),
});

test('titleKind: the four kinds of title, and what is not a title', () => {
  assert.equal(titleKind('## 2021年度项目支出绩效自评表'), 'project');
  assert.equal(titleKind('市级预算项目支出绩效自评表'), 'project');
  assert.equal(titleKind('2023年度部门整体支出绩效自评表（部门名称：某局）'), 'department');
  assert.equal(titleKind('2024年度中央对地方转移支付区域绩效自评表'), 'transfer');
  assert.equal(titleKind('2024 年度预算项目绩效自评情况汇总表'), 'summary');
  assert.equal(titleKind('部门整体支出绩效评价基础数据表'), null);
  assert.equal(titleKind('项目支出绩效指标表'), null);
  assert.equal(titleKind('各项目绩效自评表详见附件。'), null);
});

test('unitIn: printed units, the truncated 单位：万, and 单位：<name>', () => {
  assert.equal(unitIn('金额单位：万元'), '万元');
  assert.equal(unitIn('单位：万'), '万元');
  assert.equal(unitIn('（单位：元）'), '元');
  assert.equal(unitIn('项目资金（万元）'), '万元');
  assert.equal(unitIn('单位：某市医疗保障局（本级）'), null);
});

test('filledDateIn: inline and next-cell dates, with and without 年月日', () => {
  assert.deepEqual(filledDateIn(row('填报单位：某局    填报时间：2023.8.18'))?.month, 8);
  const d = filledDateIn(row('填报日期：', '2024年1月20日'));
  assert.deepEqual([d?.text, d?.year, d?.month, d?.day, d?.prov.cell], ['2024年1月20日', 2024, 1, 20, 1]);
  assert.equal(filledDateIn(row('填报人：张三')), undefined);
});

test('gradeBandsIn: ranges with （含）, the band below, and S-inequalities', () => {
  const a = gradeBandsIn('自评等级：划分为4档，100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差。');
  assert.deepEqual(a.map((b) => [b.grade, b.min, b.max, b.maxInclusive]), [['优', 90, 100, true], ['良', 80, 90, false], ['中', 60, 80, false], ['差', 0, 60, false]]);
  const b = gradeBandsIn('说明：1.评价等级分为优秀（S≥90）、良好（90＞S≥80）、较差（80＞S≥60）、差（S＜60）。');
  assert.deepEqual(b.map((x) => [x.grade, x.min, x.max ?? null]), [['优秀', 90, null], ['良好', 80, 90], ['较差', 60, 80], ['差', 0, 60]]);
  assert.deepEqual(gradeBandsIn('无'), []);
});
