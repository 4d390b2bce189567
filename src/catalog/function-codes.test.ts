import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FUNCTION_CATEGORIES, allFunctionCodes, chineseOrdinal, codeLevel, functionCategoryByName, functionCodeChildren,
  joinCodeParts, lookupFunctionCode, matchFunctionCodeName, splitFunctionCode,
} from './function-codes.js';

test('lookupFunctionCode finds 项, 款 and 类 with their level', () => {
  assert.deepEqual(lookupFunctionCode('2101501'), { code: '2101501', name: '行政运行', level: 'item' });
  assert.equal(lookupFunctionCode('21015')?.name, '医疗保障管理事务');
  assert.equal(lookupFunctionCode('210')?.level, 'category');
  assert.equal(lookupFunctionCode('2101202')?.name, '财政对城乡居民基本医疗保险基金的补助');
  assert.equal(lookupFunctionCode('2080505')?.name, '机关事业单位基本养老保险缴费支出');
  assert.equal(lookupFunctionCode('2210203')?.name, '购房补贴');
  assert.equal(lookupFunctionCode('2101599')?.name, '其他医疗保障管理事务支出');
  assert.equal(lookupFunctionCode(' ２１０１５０１ ')?.name, '行政运行');
});

test('lookupFunctionCode returns undefined for unknown or malformed codes', () => {
  assert.equal(lookupFunctionCode('2101598'), undefined);
  assert.equal(lookupFunctionCode('abc'), undefined);
  assert.equal(lookupFunctionCode(''), undefined);
});

test('every 项 and 款 has its parent in the catalogue', () => {
  for (const c of allFunctionCodes()) {
    if (c.level === 'category') continue;
    const parent = c.code.slice(0, c.level === 'item' ? 5 : 3);
    assert.ok(lookupFunctionCode(parent), `${c.code} ${c.name}: parent ${parent} missing`);
  }
});

test('renamed codes keep their earlier names as aliases', () => {
  assert.deepEqual(lookupFunctionCode('210')?.aliases, ['医疗卫生与计划生育支出', '医疗卫生支出']);
  assert.equal(matchFunctionCodeName('20805', '行政事业单位离退休'), 'alias');
});

test('matchFunctionCodeName: exact, bracket-tolerant, truncated, mismatch', () => {
  assert.equal(matchFunctionCodeName('2101501', '行政运行'), 'exact');
  assert.equal(matchFunctionCodeName('20103', '政府办公厅(室)及相关机构事务'), 'exact');
  assert.equal(matchFunctionCodeName('2101202', '财政对城乡居民基本医疗保险基金的补'), 'truncated');
  assert.equal(matchFunctionCodeName('2101501', '事业运行'), 'mismatch');
  assert.equal(matchFunctionCodeName('9999999', '行政运行'), undefined);
});

test('splitFunctionCode, joinCodeParts and codeLevel', () => {
  assert.deepEqual(splitFunctionCode('2101501'), ['210', '21015', '2101501']);
  assert.deepEqual(splitFunctionCode('21015'), ['210', '21015']);
  assert.deepEqual(splitFunctionCode('2101'), []);
  assert.equal(joinCodeParts(['210', '15', '01']), '2101501');
  assert.equal(joinCodeParts(['210', '21015', '2101501']), '2101501');
  assert.equal(joinCodeParts(['210', '']), '210');
  assert.equal(joinCodeParts(['210', '16', '2101501']), undefined);
  assert.equal(codeLevel('21015'), 'section');
  assert.equal(codeLevel('2101'), undefined);
});

test('FUNCTION_CATEGORIES lists every 类 in code order with the 26 T01 ordinals', () => {
  const codes = FUNCTION_CATEGORIES.map((c) => c.code);
  assert.deepEqual(codes, [...codes].sort());
  for (const c of ['201', '227', '229', '230', '231', '232', '233', '234']) assert.ok(codes.includes(c), c);
  assert.equal(FUNCTION_CATEGORIES[0]?.label, '一、一般公共服务支出');
  assert.equal(FUNCTION_CATEGORIES.find((c) => c.code === '210')?.label, '九、卫生健康支出');
  assert.equal(FUNCTION_CATEGORIES.find((c) => c.code === '234')?.label, '二十六、抗疫特别国债安排的支出');
  assert.equal(FUNCTION_CATEGORIES.find((c) => c.code === '227')?.ordinal, undefined);
  assert.equal(FUNCTION_CATEGORIES.filter((c) => c.ordinal).length, 26);
});

test('functionCategoryByName tolerates ordinals, （类） and old names', () => {
  assert.equal(functionCategoryByName('卫生健康支出'), '210');
  assert.equal(functionCategoryByName('九、卫生健康支出'), '210');
  assert.equal(functionCategoryByName('住房保障支出（类）'), '221');
  assert.equal(functionCategoryByName('医疗卫生与计划生育支出'), '210');
  assert.equal(functionCategoryByName('卫生健康'), '210');
  assert.equal(functionCategoryByName('行政运行'), undefined);
  assert.equal(functionCategoryByName(''), undefined);
  assert.equal(functionCategoryByName('其他'), undefined);
});

test('functionCodeChildren and chineseOrdinal', () => {
  assert.deepEqual(functionCodeChildren('22102').map((c) => c.code), ['2210201', '2210202', '2210203']);
  assert.ok(functionCodeChildren('210').every((c) => c.level === 'section'));
  assert.deepEqual([1, 10, 14, 20, 26].map(chineseOrdinal), ['一', '十', '十四', '二十', '二十六']);
});
