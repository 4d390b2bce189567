/**
 * Every composed example (src/compose, examples/*.json) written as .docx and turned into PDF by
 * LibreOffice reads back through the PDF reader with the facts it was composed with (final
 * accounts) and re-checks with no error-level finding (final accounts and budgets): a clerk who
 * prints what the composer wrote must not be told it is wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeDocument, writeDocx } from '../../src/compose/index.js';
import { budgetExampleInputs, exampleInputs } from '../../src/compose/testing/fixtures.js';
import { convertWithLibreOffice, findSoffice } from '../../src/ingest/docx/libreoffice.js';
import { readDisclosure } from '../../src/ingest/index.js';
import { factsOf } from '../../src/facts/facts.js';
import { checkDisclosure } from '../../src/check/engine.js';
import { NO_SOFFICE } from './write-pdf.js';

test('composed examples round-trip through PDF (LibreOffice) with the same facts and no error finding', { skip: !findSoffice() && NO_SOFFICE, timeout: 900_000 }, async () => {
  const examples = [
    ...exampleInputs().map((e) => ({ ...e, facts: true })),
    ...budgetExampleInputs().map((e) => ({ ...e, facts: false })),
  ];
  assert.ok(examples.length > 0);
  const pdfs = await Promise.all(examples.map(async ({ name, input, facts }) => {
    const { disclosure, document } = composeDocument(input);
    return { name, facts, disclosure, pdf: await convertWithLibreOffice(await writeDocx(document), 'docx', 'pdf') };
  }));
  for (const { name, facts, disclosure, pdf } of pdfs) {
    const back = await readDisclosure(pdf, `${name}.pdf`);
    assert.equal(back.source.format, 'pdf');
    if (facts) assert.deepEqual(factsOf(back), factsOf(disclosure), name);
    const errors = checkDisclosure(back).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.rule}: ${f.message}`), [], `${name}: error findings after printing to PDF`);
  }
});
