import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './completeness-blank-template.js';
import { checkDisclosure } from '../check/engine.js';
import { oneSection, runRule } from './utils/narrative-fixtures.js';

const BLANK = [
  '上海市XX局2024年度部门决算收入XX万元，比上年增加XX万元，增长XX%。',
  ...Array.from({ length: 24 }, (_, i) => `${i + 1}. XX（项）支出XX万元，主要用于XXX。`),
];

test('completeness-blank-template: must trigger once on a template whose entity and figures are XX placeholders', () => {
  const d = oneSection('第三部分 上海市XX局2024年度部门决算情况说明', BLANK, { entity: '上海市XX局' });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, 'XX');
  // The engine runs no other rule on it: one finding for the whole document.
  const report = checkDisclosure(d);
  assert.equal(report.findings.length, 1);
  assert.equal(report.findings[0]!.rule, 'completeness.blank-template');
});

test('completeness-blank-template: must not trigger on a disclosure with one stray XX', () => {
  const d = oneSection('一、收入支出决算总体情况说明', ['本年收入合计 120.00 万元，较上年增加 10.00 万元，增长 9.09%。XX 项目已完成。'], { entity: '上海市普陀区商务委员会' });
  assert.deepEqual(runRule(rule, d).findings, []);
});
