import { test } from 'node:test';
import assert from 'node:assert/strict';
import { functionCodeChildren, lookupFunctionCode, matchFunctionCodeName } from './function-codes.js';

test('22960 彩票公益金安排的支出 lists its 项 as in the 2024 list, the 扶贫 name kept as an alias', () => {
  const items = functionCodeChildren('22960').map((c) => c.code);
  assert.deepEqual(items, ['2296001', '2296002', '2296003', '2296004', '2296005', '2296006', '2296010', '2296011', '2296012', '2296013', '2296099']);
  assert.equal(lookupFunctionCode('2296001')?.name, '用于补充全国社会保障基金的彩票公益金支出');
  assert.equal(lookupFunctionCode('2296012')?.name, '用于法律援助的彩票公益金支出');
  assert.equal(matchFunctionCodeName('2296011', '用于巩固脱贫衔接乡村振兴的彩票公益金支出'), 'exact');
  assert.equal(matchFunctionCodeName('2296011', '用于扶贫的彩票公益金支出'), 'alias');
  assert.equal(lookupFunctionCode('2296007'), undefined);
});
