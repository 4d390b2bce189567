import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-filled-date.js';
import { consistentProject, perfDoc } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

test('performance-filled-date: must trigger on a 2023 evaluation filled on 2023.8.18', () => {
  const d = perfDoc([consistentProject({ year: 2023, filledDate: '2023.8.18' })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'filled-before-year-end');
  assert.equal(findings[0]!.evidence, '2023.8.18');
});

test('performance-filled-date: must trigger using the document year when the table prints none', () => {
  const ev = consistentProject({ filledDate: '2022年12月1日' });
  delete ev.year;
  assert.equal(runRule(rule, perfDoc([ev], 2022)).findings.length, 1);
});

test('performance-filled-date: must not trigger on a date after the year, or without a year or a date', () => {
  const noYear = consistentProject({ filledDate: '2023.8.18' });
  delete noYear.year;
  const d = perfDoc([consistentProject({ year: 2023, filledDate: '2024.3.20' }), consistentProject({ year: 2023 }), noYear]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('performance-filled-date: must not trigger on the last day of the year', () => {
  assert.deepEqual(runRule(rule, perfDoc([consistentProject({ year: 2023, filledDate: '2023年12月31日' })])).findings, []);
});
