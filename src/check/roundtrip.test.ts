/**
 * Documents composed by the project itself (examples/*.json → text → read back) are consistent: the
 * table identities raise no error on them; and changing one printed figure makes the right rule fail
 * at the right line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument, renderText } from '../compose/index.js';
import { readDisclosure } from '../ingest/index.js';
import type { Disclosure } from '../model/index.js';
import { checkDisclosure } from './engine.js';
import { RULES } from '../rules/index.js';

const examples = join(fileURLToPath(import.meta.url), '..', '..', '..', 'examples');
const NAMES = ['county-medical-insurance-bureau', 'county-education-bureau', 'township-government'];
/** The table-identity rules (intratable-*, crosstable-t0x-*, crosstable-operating-expense). */
const ONLY = RULES.map((r) => r.meta.id).filter((id) => /^intratable-|^crosstable-(t\d\d-|operating-)/.test(id));

function composedText(name: string): string {
  return renderText(composeDocument(JSON.parse(readFileSync(join(examples, `${name}.json`), 'utf8'))).document);
}

async function read(text: string, name: string): Promise<Disclosure> {
  return readDisclosure(new TextEncoder().encode(text), `${name}.txt`);
}

for (const name of NAMES) {
  test(`roundtrip: ${name}: no table identity is broken`, { skip: !existsSync(join(examples, `${name}.json`)) && 'examples/ not found' }, async () => {
    const report = checkDisclosure(await read(composedText(name), name), { only: ONLY });
    const errors = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(report.rules.filter((r) => r.status === 'crashed'), []);
  });
}

test('roundtrip: the education example warns that its 机关运行经费 differs from 公用经费', { skip: !existsSync(examples) && 'examples/ not found' }, async () => {
  const report = checkDisclosure(await read(composedText('county-education-bureau'), 'edu'), { only: ['crosstable-operating-expense'] });
  assert.deepEqual(report.findings.map((f) => `${f.rule}/${f.severity}`), ['crosstable.operating-expense/warning']);
});

test('roundtrip: one changed figure in T03 breaks its row identity at that line', { skip: !existsSync(examples) && 'examples/ not found' }, async () => {
  const name = 'county-medical-insurance-bureau';
  const text = composedText(name);
  const d = await read(text, name);
  const t03 = d.tables.find((t) => t.key === 'T03')!;
  const row = t03.rows.find((r) => r.code?.length === 7 && r.cells.basic?.value.kind === 'amount' && r.cells.total?.value.kind === 'amount')!;
  const cell = row.cells.basic!;
  const lines = text.split('\n');
  const line = lines[cell.prov.line - 1]!;
  assert.ok(line.includes(cell.text), 'the cell is on its line');
  const changed = cell.text.replace(/^(\d)/, (dgt) => String((Number(dgt) % 9) + 1));
  lines[cell.prov.line - 1] = line.replace(cell.text, changed);
  const report = checkDisclosure(await read(lines.join('\n'), name), { only: ['intratable-t03-row-sum'] });
  const errors = report.findings.filter((f) => f.severity === 'error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.location.line, cell.prov.line);
  assert.equal(errors[0]!.location.table, 'T03');
});
