import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchLevel, nameKey } from './perf-consistency-names.js';

const level = (a: string, b: string) => matchLevel(nameKey(a), nameKey(b));

test('perf-consistency names: suffixes, years and 中央财政 aside, the same project matches exactly', () => {
  assert.equal(level('医疗救助补助', '医疗救助补助资金'), 'exact');
  assert.equal(level('城乡居民医疗保险业务', '城乡居民医疗保险业务经费'), 'exact');
  assert.equal(level('基层医保工作站经费', '基层医保工作站项目'), 'exact');
  assert.equal(level('特殊群体医疗费2024', '特殊群体医疗费(2024年)'), 'exact');
  assert.equal(level('“特殊群体医疗费（二）”', '特殊群体医疗费（二）'), 'exact');
});

test('perf-consistency names: batches and bracketed qualifiers are another batch, not the same project', () => {
  assert.equal(level('中央财政医疗服务与保障能力提升补助资金', '第二批中央医疗服务与保障能力提升补助资金'), 'batch');
  assert.equal(level('特殊群体医疗费', '特殊群体医疗费（二）'), 'batch');
  assert.equal(nameKey('第二批甲资金').qualifiers.join(), nameKey('甲资金（二）').qualifiers.join());
});

test('perf-consistency names: near names are uncertain, different ones do not match', () => {
  assert.equal(level('职工免费健康查体', '职工免费查体'), 'near');
  assert.equal(level('人员工资及公用经费', '医疗救助补助资金'), undefined);
  assert.equal(level('甲', '甲项目'), 'exact');
  assert.equal(level('办公', '办公楼维修'), undefined, 'cores shorter than four characters never match loosely');
});
