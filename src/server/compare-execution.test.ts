/** GET /api/compare/execution (budget vs actual, 执行率) and GET /api/template?kind=budget. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { composeDocument, renderText } from '../compose/index.js';
import { openDb } from '../store/db.js';
import { storeDocument } from '../store/corpus.js';
import { buildServer } from './app.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const composedText = (file: string) => new TextEncoder().encode(renderText(composeDocument(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'))).document));

test('API: budget vs actual of one entity and year; the budget template', async () => {
  const o = await openDb(':memory:');
  const app = await buildServer({ db: o.db, mode: 'single', webDir: '/nonexistent' });
  try {
    await storeDocument(o.db, { bytes: composedText('budget-county-medical-insurance-bureau.json'), name: 'budget.txt' });
    await storeDocument(o.db, { bytes: composedText('county-medical-insurance-bureau.json'), name: 'final.txt' });
    const pairs = await app.inject('/api/compare/execution/pairs');
    assert.equal(pairs.statusCode, 200, pairs.body);
    assert.deepEqual(pairs.json(), { pairs: [{ entity: '青川县医疗保障局', year: 2024 }] });
    const r = await app.inject(`/api/compare/execution?entity=${encodeURIComponent('青川县医疗保障局')}&year=2024`);
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json() as { rows: { key: string; budget?: number; actual?: number; rate?: string }[] };
    assert.equal(body.rows.find((x) => x.key === 'threePublic.total')?.rate, '88.00');
    assert.equal(body.rows.find((x) => x.key === 'fn:210')?.rate, '102.83');
    const bad = await app.inject('/api/compare/execution?entity=x');
    assert.equal(bad.statusCode, 400);
    const tpl = await app.inject('/api/template?kind=budget');
    assert.equal(tpl.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    assert.ok(wb.getWorksheet('表2 收入预算总表'), 'the budget workbook');
  } finally {
    await app.close();
    await o.close();
  }
});
