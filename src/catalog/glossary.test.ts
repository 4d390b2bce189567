import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GLOSSARY, termFor, zhFor } from './glossary.js';

test('termFor maps domain terms to identifiers (domain.md §7)', () => {
  assert.equal(termFor('本年收入合计'), 'incomeTotal');
  assert.equal(termFor('基本支出'), 'basicExpenditure');
  assert.equal(termFor('因公出国(境)费'), 'abroad');
  assert.equal(termFor('"三公"经费'), 'threePublic');
  assert.equal(termFor('偏差原因分析及改进措施'), 'deviationReason');
  assert.equal(termFor('一般公共预算财政拨款收入'), 'generalBudgetIncome');
  assert.equal(termFor('政府采购支出总额'), 'procurementTotal');
  assert.equal(termFor('不是术语'), undefined);
});

test('zhFor is the inverse of termFor for primary terms, identifiers are unique', () => {
  const ids = GLOSSARY.map((t) => t.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const t of GLOSSARY) assert.equal(termFor(t.zh), t.id, t.zh);
  assert.equal(zhFor('publicExpense'), '公用经费');
  assert.equal(zhFor('nope'), undefined);
});
