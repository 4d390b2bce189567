import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factLabel, functionClassNames } from './labels.js';

test('fact labels: Chinese names from the glossary and the catalogue, never the raw key', () => {
  assert.equal(factLabel('incomeTotal'), '本年收入合计');
  assert.equal(factLabel('publicExpense'), '公用经费');
  assert.equal(factLabel('fn:208'), '208 社会保障和就业支出');
  assert.equal(factLabel('threePublic.budget.vehicle'), '“三公”经费预算·公务用车购置及运行维护费');
  assert.equal(factLabel('threePublic.actual.abroad'), '“三公”经费决算·因公出国（境）费');
  assert.equal(functionClassNames()['210'], '卫生健康支出');
});
