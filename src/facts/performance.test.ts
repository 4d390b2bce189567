import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizePerformance } from '../ingest/recognize/performance.js';
import { rawFromText } from '../ingest/recognize/performance-raw.js';
import { HUNAN, TRANSFER_AND_SUMMARY, YUNNAN } from '../ingest/recognize/performance-fixtures.test-data.js';
import { evaluation } from '../rules/utils/fixtures.js';
import { performanceFacts, projectKey } from './performance.js';

const factsOf = (text: string) => performanceFacts(recognizePerformance(rawFromText(text), new Set()).evaluations);

test('performanceFacts: amounts in 元 with two decimals, the rate without %, score and grade as printed', () => {
  assert.deepEqual(factsOf(YUNNAN), [{
    project: '乡村医生补助资金', annualBudget: '1500000.00', executed: '1350000.00', executionRate: '90.00', totalScore: '97.00', grade: '优',
  }]);
  assert.deepEqual(factsOf(HUNAN), [{
    project: '部门整体支出', annualBudget: '3200000.00', executed: '3200000.00', executionRate: '100', totalScore: '100', grade: '优秀',
  }]);
});

test('performanceFacts: a summary row fills what its table leaves out and stands alone when no table matches', () => {
  assert.deepEqual(factsOf(TRANSFER_AND_SUMMARY), [
    { project: '公共卫生服务补助', annualBudget: '300000.00', executed: '270000.00', executionRate: '90', totalScore: '88', grade: '良' },
    { project: '疫苗冷链运转经费', totalScore: '95.5', grade: '优' },
  ]);
});

test('performanceFacts: nothing is invented — blank cells, tables in 元, scores that are not numbers', () => {
  const ev = evaluation({ project: '业务经费', unit: '元', funding: [['total', '年度资金总额', '100000.00', '100000.00', '', '10', '', '']], totalScore: '—', grade: '' });
  assert.deepEqual(performanceFacts([ev]), [{ project: '业务经费', annualBudget: '100000.00' }]);
  assert.deepEqual(performanceFacts([]), []);
});

test('projectKey: spaces, brackets and 年/年度 do not matter', () => {
  assert.equal(projectKey('职工免费查体 (2024年)'), projectKey('职工免费查体（2024 年）'));
  assert.notEqual(projectKey('特殊群体医疗费（二）'), projectKey('特殊群体医疗费'));
});
