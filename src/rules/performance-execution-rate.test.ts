import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-execution-rate.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

const withFunding = (row: string[]) => project({ project: '特殊群体医疗费', funding: [row] });

test('performance-execution-rate: must trigger on a rate that does not follow from executed ÷ budget', () => {
  const d = perfDoc([withFunding(['total', '年度资金总额', '1600', '524.8', '8.44', '10', '1.60%', '0.16'])]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.messageId, 'rate-mismatch');
  assert.equal(f.severity, 'error');
  assert.equal(f.evidence, '1.60%');
  assert.equal(f.expected, '1.61%');
  assert.match(d.lines.find((l) => l.line === f.location.line)!.text, /1\.60%/);
});

test('performance-execution-rate: must trigger once for a 财政拨款 row that repeats the total row', () => {
  const d = perfDoc([project({ project: 'X', funding: [
    ['total', '年度资金总额', '20', '20', '15', '10', '70.00%', '7.00'],
    ['fiscal', '其中：当年财政拨款', '20', '20', '15', '10', '70.00%', '7.00'],
  ] })]);
  assert.equal(runRule(rule, d).findings.length, 1);
});

test('performance-execution-rate: must not trigger on correct rates (with or without %)', () => {
  const d = perfDoc([
    consistentProject(),
    withFunding(['total', '年度资金总额', '15', '15', '11.44', '10', '76.27%', '7.63']),
    withFunding(['total', '年度资金总额', '20', '20', '0', '10', '0', '0']),
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-execution-rate: must not trigger an error on a gap the printed amounts explain (info)', () => {
  // 0.14 / 0.15 = 93.33%, but 0.135..0.145 / 0.145..0.155 allows 93.55%.
  const d = perfDoc([withFunding(['total', '年度资金总额', '0.15', '0.15', '0.14', '10', '93.55%', '9.36'])]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'info');
  assert.equal(findings[0]!.messageId, 'rate-rounding');
});

test('performance-execution-rate: must not trigger on a zero budget or a missing rate', () => {
  const d = perfDoc([withFunding(['total', '年度资金总额', '0', '0', '0', '10', '0', '0']), withFunding(['total', '年度资金总额', '10', '10', '', '10', '', ''])]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-execution-rate: must not trigger on a rate printed as a fraction', () => {
  const d = perfDoc([withFunding(['total', '年度资金总额', '15', '15', '11.44', '10', '0.7627', '7.63'])]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-execution-rate: must trigger only a warning on a rate computed on the 年初预算数', () => {
  const d = perfDoc([withFunding(['total', '年度资金总额', '50.00', '80.00', '40.00', '10', '80.00%', '5.00'])]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'rate-of-initial-budget');
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.expected, '50.00%');
});
