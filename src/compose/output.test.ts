import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../ingest/raw.js';
import { composeToFiles, convertDocxToPdf, loadComposeInput, parseComposeInput, SofficeMissingError } from './index.js';
import { small } from './testing/fixtures.js';
import { writeInputWorkbook } from './workbook/index.js';

test('loadComposeInput reads a JSON document (with BOM) and an input workbook', async () => {
  const json = await loadComposeInput(new TextEncoder().encode('\uFEFF' + JSON.stringify(small)), 'a.json');
  assert.deepEqual(json.input, small);
  const wb = await loadComposeInput(await writeInputWorkbook(parseComposeInput(small)), 'a.xlsx');
  assert.equal((wb.input as { entity: string }).entity, small.entity);
  assert.ok(wb.locate?.('$.income[0].fiscal'));
});

test('loadComposeInput refuses what is neither JSON nor a workbook, with a clear error', async () => {
  await assert.rejects(loadComposeInput(new TextEncoder().encode('entity: x'), 'a.yaml'), (e: unknown) => e instanceof InputError && /neither a JSON/.test((e as Error).message));
});

test('PDF without LibreOffice: a clear error, and composeToFiles writes nothing', async () => {
  const saved = process.env.JUESUAN_SOFFICE;
  process.env.JUESUAN_SOFFICE = '/nonexistent/soffice';
  try {
    await assert.rejects(convertDocxToPdf(new Uint8Array([1])), SofficeMissingError);
    const dir = mkdtempSync(join(tmpdir(), 'compose-nopdf-'));
    await assert.rejects(composeToFiles(small, dir, ['html', 'pdf']), /LibreOffice/);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    if (saved === undefined) delete process.env.JUESUAN_SOFFICE;
    else process.env.JUESUAN_SOFFICE = saved;
  }
});
