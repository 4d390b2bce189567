import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './text-unit-slip.js';
import { narrativeDoc, oneSection, runRule } from './utils/narrative-fixtures.js';

test('text-unit-slip: must trigger on 元 where the same figure is stated in 万元', () => {
  const d = narrativeDoc([
    ['1. 部门预算收支情况', ['本年当年收入 610.1万元；全年收入总计 610.1万元。']],
    ['（一）综合评价结论', ['经自评，全年收入总计610.1元，执行率100%。']],
  ]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '610.1元');
  assert.equal(findings[0]!.expected, '610.1万元');
});

test('text-unit-slip: must not trigger on round figures or consistent units', () => {
  const d = oneSection('十二、国有资产占用情况说明', [
    '单价 100 万元（含）以上设备 0 台，人均接待标准 100 元。',
    '公务接待费支出 898.00 元，人均 56.13 元；另支出 1.06 万元。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
