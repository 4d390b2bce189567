import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './text-entity-consistency.js';
import { splitEntity } from './utils/narrative-entity.js';
import { oneSection, runRule } from './utils/narrative-fixtures.js';

test('text-entity-consistency: splitEntity finds region, level and body', () => {
  assert.deepEqual(splitEntity('甘肃省高台县医疗保障局'), { region: '高台县', level: '县', body: '医疗保障局' });
  assert.deepEqual(splitEntity('乌鲁木齐市医疗保障局（本级）'), { region: '乌鲁木齐市', level: '市', body: '医疗保障局' });
  assert.deepEqual(splitEntity('高台县市场监督管理局'), { region: '高台县', level: '县', body: '市场监督管理局' });
});

test('text-entity-consistency: must trigger on a sibling county body and a wrong budget level', () => {
  const d = oneSection('一、部门职责', [
    '通海县医疗保障局2023年度部门决算公开说明如下。',
    '组织对本年度区级预算项目全面开展绩效自评。',
  ], { entity: '荣成县医疗保障局' });
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => f.messageId), ['other-entity', 'budget-level']);
  assert.equal(findings[0]!.evidence, '通海县医疗保障局');
  assert.equal(findings[1]!.evidence, '区级预算项目');
});

test('text-entity-consistency: must not trigger on the superior body, the own name or the own level', () => {
  const d = oneSection('一、部门职责', [
    '高台县医疗保障局负责全县医疗保障工作，接受张掖市医疗保障局业务指导。根据威海市医疗保障局通知，本局开展自评。',
    '资金上解市财政局；县级专项资金一个专项一行；本单位县级预算项目全部开展自评。',
  ], { entity: '甘肃省高台县医疗保障局' });
  assert.deepEqual(runRule(rule, d).findings, []);
});
