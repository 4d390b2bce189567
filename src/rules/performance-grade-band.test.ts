import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './performance-grade-band.js';
import { consistentProject, perfDoc } from './utils/performance-fixtures.js';
import { runRule } from './utils/rule-test.js';

test('performance-grade-band: must trigger on 88 graded 优', () => {
  const d = perfDoc([consistentProject({ totalScore: '88.00', grade: '优' })]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'grade-band');
  assert.equal(findings[0]!.evidence, '优');
  assert.equal(findings[0]!.expected, '良');
});

test('performance-grade-band: must trigger against the bands the notes print', () => {
  const bands = [
    { grade: '优秀', min: 95, minInclusive: true, max: 100, maxInclusive: true, text: '优秀（S≥95）' },
    { grade: '良好', min: 80, minInclusive: true, max: 95, maxInclusive: false, text: '良好（95＞S≥80）' },
  ];
  const d = perfDoc([consistentProject({ totalScore: '93.46', grade: '优秀', gradeBands: bands })]);
  assert.equal(runRule(rule, d).findings[0]?.expected, '良好');
});

test('performance-grade-band: must not trigger on matching grades, synonyms, the boundary, or non-grades', () => {
  const d = perfDoc([
    consistentProject(),
    consistentProject({ totalScore: '99', grade: '优秀' }),
    consistentProject({ totalScore: '90', grade: '优' }),
    consistentProject({ totalScore: '80.00', grade: '良' }),
    consistentProject({ totalScore: '57.16', grade: '差' }),
    consistentProject({ totalScore: '0', grade: '项目暂未开展' }),
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});
