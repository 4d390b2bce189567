import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Table } from '../../model/index.js';
import { readTextString } from '../text/read-text.js';
import { recognizeMeta } from './meta.js';
import { recognizeSections } from './sections.js';
import { entityInTitle } from './meta-title.js';

function metaOf(text: string, tables: Table[] = []) {
  const raw = readTextString(text);
  return recognizeMeta(raw, { tables, sections: recognizeSections(raw, new Set()), performance: [] });
}

function table(unit: '元' | '万元', unitSource: Table['unitSource'] = 'printed', key: Table['key'] = 'T01'): Table {
  return { id: 't', key, title: '收入支出决算总表', unit, unitSource, columns: [], rows: [], status: 'present', notes: [], prov: { line: 1 }, endLine: 1 };
}

test('recognizeMeta: a wrapped title gives entity, year, kind and scope', () => {
  const meta = metaOf(['**某某市农业农村局（本级）2022 年度部', '门决算公开说明**', '', '一、部门职责', '负责相关工作。'].join('\n'));
  assert.equal(meta.title, '某某市农业农村局（本级）2022 年度部门决算公开说明');
  assert.equal(meta.entity, '某某市农业农村局（本级）');
  assert.deepEqual([meta.year, meta.kind, meta.scope], [2022, 'final-accounts', 'own-office']);
  assert.equal(meta.entityProv?.line, 1);
});

test('recognizeMeta: year on its own line before the entity; 单位决算 is unit scope', () => {
  const dept = metaOf(['2021 年度', '', '某某县教育局部门决算', '目 录', '第一部分 部门概况'].join('\n'));
  assert.deepEqual([dept.entity, dept.year, dept.scope], ['某某县教育局', 2021, 'department']);
  const unit = metaOf(['# 2024年度某某市档案馆单位 决算', '# 目 录'].join('\n'));
  assert.deepEqual([unit.entity, unit.year, unit.scope, unit.kind], ['某某市档案馆', 2024, 'unit', 'final-accounts']);
});

test('recognizeMeta: a 部门整体支出绩效自评报告 is a performance self-evaluation; a 部门预算 a budget', () => {
  const perf = metaOf(['某某县民政局2023年部门整体支出', '绩效自评报告', '一、单位基本情况', '编制人数 12 人。'].join('\n'));
  assert.deepEqual([perf.entity, perf.year, perf.kind], ['某某县民政局', 2023, 'performance-self-evaluation']);
  const budget = metaOf(['某某区财政局2025年部门预算公开', '一、部门职责'].join('\n'));
  assert.deepEqual([budget.entity, budget.kind], ['某某区财政局', 'budget']);
});

test('recognizeMeta: without a title, the 单位：labels name the entity and the text names the year', () => {
  const text = ['## 收入支出决算总表', '公开01表', '金额单位：元', '部门：某某县卫生健康局', '项目\t行次\t金额', '单位：万元', '部门：某某县卫生健康局', '2021年度部门整体支出绩效自评情况', '2021年度项目支出绩效自评表'].join('\n');
  const meta = metaOf(text, [table('元')]);
  assert.equal(meta.title, undefined);
  assert.equal(meta.entity, '某某县卫生健康局');
  assert.deepEqual([meta.year, meta.kind, meta.unit], [2021, 'final-accounts', '元']);
});

test('recognizeMeta: the unit is the one most tables print, else the narrative amounts', () => {
  assert.equal(metaOf('某局2022年度部门决算', [table('万元'), table('万元'), table('元')]).unit, '万元');
  assert.equal(metaOf('某局2022年度部门决算', [table('元', 'assumed'), table('万元', 'printed')]).unit, '万元');
  const narrative = metaOf(['某局2022年度部门决算公开说明', '一、收入决算情况说明', '本年收入 10.00 万元，其他收入 1.00 万元，另有 5 元。'].join('\n'));
  assert.equal(narrative.unit, '万元');
  assert.equal(metaOf('一、说明\n无。').unit, undefined);
});

test('entityInTitle: the name before the year and the kind of document', () => {
  assert.equal(entityInTitle('2023 年度某某县医疗保障局部门决算'), '某某县医疗保障局');
  assert.equal(entityInTitle('某某市交通运输局2022年度单位决算'), '某某市交通运输局');
  assert.equal(entityInTitle('2022年度部门决算'), undefined);
});

test('entityInTitle: 关于…的说明', () => {
  assert.equal(entityInTitle('关于某某县水利局2022年度部门决算的说明'), '某某县水利局');
});
