import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ECONOMIC_CATEGORIES, economicCategoryByName, lookupEconomicCode, matchEconomicCodeName } from './economic-codes.js';

test('lookupEconomicCode finds 类 and 款', () => {
  assert.equal(lookupEconomicCode('301')?.name, '工资福利支出');
  assert.equal(lookupEconomicCode('30217')?.name, '公务接待费');
  assert.equal(lookupEconomicCode('30231')?.name, '公务用车运行维护费');
  assert.equal(lookupEconomicCode('30217')?.level, 'section');
  assert.equal(lookupEconomicCode('30230'), undefined);
});

test('economic 类 list, names and aliases', () => {
  assert.deepEqual(ECONOMIC_CATEGORIES.map((c) => c.code), ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
  assert.equal(economicCategoryByName('商品和服务支出'), '302');
  assert.equal(economicCategoryByName('资本性支出(基本建设)'), '309');
  assert.equal(matchEconomicCodeName('30212', '因公出国（境）费'), 'alias');
  assert.equal(matchEconomicCodeName('30213', '维修(护)费'), 'exact');
  assert.equal(matchEconomicCodeName('30201', '印刷费'), 'mismatch');
});

test('政府预算支出经济分类 (5xx) codes are listed apart from the 部门 list', async () => {
  const { GOVERNMENT_ECONOMIC_CATEGORIES } = await import('./economic-codes.js');
  assert.equal(lookupEconomicCode('50206')?.name, '公务接待费');
  assert.equal(lookupEconomicCode('509')?.name, '对个人和家庭的补助');
  assert.equal(GOVERNMENT_ECONOMIC_CATEGORIES[0]?.code, '501');
  assert.equal(economicCategoryByName('机关工资福利支出'), '501');
});
