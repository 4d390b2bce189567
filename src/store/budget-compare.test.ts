/**
 * Budget vs actual on two composed documents of the same entity and year: the 2024 部门预算 and 部门决算
 * of the examples' 青川县医疗保障局, stored as text (read back by the project's readers), compared per
 * function class and for 三公 with the execution rate (执行率).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument, renderText } from '../compose/index.js';
import { openDb } from './db.js';
import { storeDocument } from './corpus.js';
import { budgetActualPairs, budgetVsActual, executionRate } from './budget-compare.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const composedText = (file: string) => new TextEncoder().encode(renderText(composeDocument(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'))).document));

test('executionRate: exact, half up, undefined for a zero budget', () => {
  assert.equal(executionRate(218_547_0000, 212_532_0000), '102.83');
  assert.equal(executionRate(440, 500), '88.00');
  assert.equal(executionRate(1, 3), '33.33');
  assert.equal(executionRate(2, 3), '66.67');
  assert.equal(executionRate(5, 0), undefined);
});

test('budget vs actual: a budget and a 决算 of one entity and year side by side, per class and for 三公', async () => {
  const { db, close } = await openDb(':memory:');
  try {
    const budget = await storeDocument(db, { bytes: composedText('budget-county-medical-insurance-bureau.json'), name: 'budget.txt' });
    const actual = await storeDocument(db, { bytes: composedText('county-medical-insurance-bureau.json'), name: 'final.txt' });
    assert.equal(budget.status, 'ok', budget.error);
    assert.equal(actual.status, 'ok', actual.error);
    assert.deepEqual(await budgetActualPairs(db), [{ entity: '青川县医疗保障局', year: 2024 }]);
    const c = await budgetVsActual(db, { entity: '青川县医疗保障局', year: 2024 });
    assert.equal(c.budget?.documentId, budget.id);
    assert.equal(c.actual?.documentId, actual.id);
    const by = (k: string) => c.rows.find((r) => r.key === k)!;
    // 卫生健康支出: budget 2125.32 万元, actual 14.72 + 5.20 + 286.40 + 1520.00 + 312.85 + 46.30 = 2185.47 万元.
    assert.deepEqual([by('fn:210').budget, by('fn:210').actual, by('fn:210').rate], [21_253_200_00, 21_854_700_00, '102.83']);
    assert.equal(by('fn:210').label, '210 卫生健康支出');
    assert.equal(by('fn:208').group, 'function');
    assert.deepEqual([by('expenditureTotal').budget, by('expenditureTotal').actual], [21_902_900_00, 22_531_100_00]);
    // 三公: budget 5.00 万元 (the budget disclosure), actual 3.28 + 1.12 = 4.40 万元.
    assert.deepEqual([by('threePublic.total').budget, by('threePublic.total').actual, by('threePublic.total').rate], [50_000_00, 44_000_00, '88.00']);
    assert.equal(by('threePublic.abroad').rate, undefined, 'a zero budget has no rate');
    assert.equal(by('threePublic.reception').rate, '74.67');
    const none = await budgetVsActual(db, { entity: '青川县医疗保障局', year: 2023 });
    assert.deepEqual(none.rows, []);
  } finally {
    await close();
  }
});
