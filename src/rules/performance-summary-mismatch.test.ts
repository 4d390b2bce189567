import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-summary-mismatch.js';
import { consistentProject, perfDoc, project } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

const summary = (name: string, score: string, grade: string) =>
  project({ project: name, kind: 'summary', title: '2022 年度预算项目绩效自评情况汇总表', totalScore: score, grade });

test('performance-summary-mismatch: must trigger on a summary score and grade that differ from the table', () => {
  const d = perfDoc([summary('医疗救助补助资金（2021 年）', '95.46', '良'), consistentProject()]);
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => [f.messageId, f.evidence, f.expected]), [['summary-score', '95.46', '93.46'], ['summary-grade', '良', '优']]);
});

test('performance-summary-mismatch: must not trigger on matching rows, synonyms, or rows without a table', () => {
  const d = perfDoc([summary('医疗救助补助资金', '93.46', '优秀'), summary('其他项目', '50', '差'), consistentProject()]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-summary-mismatch: must not run without a summary table (skipped)', () => {
  const r = runRule(rule, perfDoc([consistentProject()]));
  assert.equal(r.outcome.status, 'skipped');
});
