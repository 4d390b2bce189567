import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fen } from '../../model/index.js';
import type { IndicatorInput } from '../input-schema.js';
import { executionRate, executionScore, gradeOf, indicatorScore, scorePerformance } from './score.js';

const ind = (nature: IndicatorInput['nature'], target: string, actual: string, achievement?: number): IndicatorInput =>
  ({ level1: '产出指标', level2: '数量指标', level3: 'x', nature, target, actual, unit: '', weight: '20', ...(achievement !== undefined && { achievement }) });

test('execution rate and score from the printed rate: 325.04 / 940.68 → 34.55% → 3.46', () => {
  const rate = executionRate(32504 as Fen, 94068 as Fen);
  assert.equal(rate, 3455);
  assert.equal(executionScore(rate, 1000), 346);
  assert.equal(executionScore(executionRate(120 as Fen, 100 as Fen), 1000), 1000, 'capped at the weight');
  assert.equal(executionRate(5 as Fen, 0 as Fen), null);
  assert.equal(executionScore(null, 1000), 0);
});

test('indicator scores: met → full, ratio otherwise, reverse for ≤, qualitative by achievement', () => {
  assert.equal(indicatorScore(ind('>=', '6000', '7119'), 2000), 2000);
  assert.equal(indicatorScore(ind('>=', '2600', '2475'), 1500), 1428);
  assert.equal(indicatorScore(ind('<=', '0.5', '0.6'), 1500), 1250);
  assert.equal(indicatorScore(ind('<=', '3', '2'), 1500), 1500);
  assert.equal(indicatorScore(ind('=', '100', '90'), 1000), 900);
  assert.equal(indicatorScore(ind('=', '100', '110'), 1000), 909);
  assert.equal(indicatorScore(ind('qualitative', '明显提升', '有所提升', 85), 3000), 2550);
  assert.equal(indicatorScore(ind('>=', '95%', '98%'), 1000), 1000, 'percent signs are read');
});

test('grades: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below; Shanghai 合格/不合格', () => {
  assert.deepEqual([9000, 8999, 8000, 6000, 5999].map((s) => gradeOf(s)), ['优', '良', '良', '中', '差']);
  assert.deepEqual([7000, 5000].map((s) => gradeOf(s, 'shanghai')), ['合格', '不合格']);
});

test('total = execution score + Σ indicator scores', () => {
  const f = scorePerformance({
    kind: 'project', project: 'p', funding: { fiscal: { annualBudget: '940.68', executed: '325.04' } }, executionWeight: '10',
    indicators: [{ ...ind('>=', '10', '10'), weight: '90' }],
  }, '万元');
  assert.equal(f.executionScore, 346);
  assert.equal(f.totalScore, 9346);
  assert.equal(f.grade, '优');
  assert.equal(f.totalWeight, 10000);
});
