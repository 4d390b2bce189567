import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-completion-rate.js';
import { lineOf, oneSection, runRule } from './utils/narrative-fixtures.js';

const HEAD = '（二）一般公共预算财政拨款支出决算具体情况';

test('narrative-completion-rate: must trigger on a completion that does not follow from actual ÷ budget', () => {
  const d = oneSection(HEAD, ['3. 住房保障支出年初预算数为 18.57 万元，支出决算为 24.25 万元，完成年初预算的 130.53%，决算数大于预算数的主要原因是人员增加。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.messageId, 'completion-mismatch');
  assert.equal(f.expected, '130.59%');
  assert.equal(f.evidence, '完成年初预算的 130.53%');
  assert.ok(lineOf(d, f).includes(f.evidence!));
  assert.equal(f.section, HEAD);
  // 130.53% is reachable only at the edge of the operands' rounding ranges: a warning, not an error.
  assert.equal(f.severity, 'warning');
});

test('narrative-completion-rate: must trigger (error) on a completion no value within the rounding of its inputs gives', () => {
  const d = oneSection(HEAD, ['3. 住房保障支出年初预算数为 18.57 万元，支出决算为 24.25 万元，完成年初预算的 131.53%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, undefined);
});

test('narrative-completion-rate: must trigger when budget and actual stand in the previous sentence', () => {
  const d = oneSection(HEAD, ['本年度一般公共预算财政拨款支出年初预算数为 2,060.90 万元，支出决算数为 238.67 万元。完成年初预算数的 12.58%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '11.58%');
});

test('narrative-completion-rate: must trigger on 执行率 of a project sentence', () => {
  const d = oneSection('二、绩效自评结果', ['项目全年预算数为 40 万元，执行数为 30 万元，执行率为 80%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, '75%');
});

test('narrative-completion-rate: must not trigger on correct completions', () => {
  const d = oneSection(HEAD, [
    '1. 社会保障和就业支出年初预算数为 25.29 万元，支出决算为 26.83 万元，完成年初预算的 106.09%。',
    '2. 卫生健康支出年初预算数为 2485.62 万元，支出决算为 2451.63 万元，完成年初预算的 98.63%。',
    '项目全年预算数为 66 万元，执行数为 66 万元，完成预算的 100%。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-completion-rate: must not trigger an error on a rounding-sized gap (info at most)', () => {
  // 0.14 / 0.15 = 93.33%; with 0.135..0.145 / 0.145..0.155 the true rate may be 93.9%.
  const d = oneSection(HEAD, ['奖励经费年初预算数为 0.15 万元，支出决算为 0.14 万元，完成年初预算的 93.90%。']);
  const { findings } = runRule(rule, d);
  assert.ok(findings.every((f) => f.severity === 'info'));
  assert.equal(findings.length, 1);
});

test('narrative-completion-rate: must not run without a narrative (skipped)', () => {
  const d = oneSection(HEAD, []);
  const r = runRule(rule, d);
  assert.ok(r.skipped);
});

test('narrative-completion-rate: must not trigger when 年初 and 调整后 budgets are both stated', () => {
  const d = oneSection(HEAD, ['卫生健康支出年初预算数为 100.00 万元，调整后预算数为 120.00 万元，支出决算为 90.00 万元，完成年初预算的 90.00%。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-completion-rate: must not mix an item actual with the total budget of the sentence before', () => {
  const d = oneSection('（一）“三公”经费总体情况', ['“三公”经费支出预算为 10.00 万元，支出决算为 8.00 万元，完成预算的 80%。其中：公务接待费支出决算为 6.00 万元，完成预算的 100%。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});
