import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-execution-score.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

const withFunding = (row: string[]) => project({ project: '项目', funding: [row] });

test('performance-execution-score: must trigger an error on a score the rate does not give', () => {
  const d = perfDoc([withFunding(['total', '年度资金总额', '40', '40', '30', '10', '75.00%', '8.50'])]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'score-mismatch');
  assert.equal(findings[0]!.severity, 'error');
  assert.equal(findings[0]!.evidence, '8.50');
  assert.equal(findings[0]!.expected, '7.50');
});

test('performance-execution-score: must trigger a warning on a score rounded to one decimal (0.4 for 0.38)', () => {
  const d = perfDoc([withFunding(['total', '年度资金总额', '1540', '505.12', '19.15', '10', '3.79%', '0.4'])]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'score-coarse');
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.expected, '0.38');
});

test('performance-execution-score: must trigger when the score exceeds the 分值', () => {
  const d = perfDoc([withFunding(['total', '年度资金总额', '10', '10', '12', '10', '120.00%', '12'])]);
  assert.equal(runRule(rule, d).findings[0]?.messageId, 'score-mismatch');
});

test('performance-execution-score: must not trigger on correct scores, capped at 100% and at whole points', () => {
  const d = perfDoc([
    consistentProject(),
    withFunding(['total', '年度资金总额', '25', '25', '19.99', '10', '79.96%', '8']),
    withFunding(['total', '年度资金总额', '10', '10', '12', '10', '120.00%', '10.00 分']),
    withFunding(['total', '年度资金总额', '10', '10', '', '10', '', '']),
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-execution-score: must not trigger an error within the rounding of the amounts', () => {
  // 0.14 / 0.15 × 10 = 9.33; the printed amounts allow up to 0.145 / 0.145 = 10.
  const d = perfDoc([withFunding(['total', '年度资金总额', '0.15', '0.15', '0.14', '10', '93.33%', '9.50'])]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'info');
  assert.equal(findings[0]!.messageId, 'score-rounding');
});
