/**
 * Every composed example (src/compose) written as .docx, turned into PDF by LibreOffice, reads back
 * through the PDF reader with the facts it was composed with.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeDocument, writeDocx } from '../../src/compose/index.js';
import { exampleInputs } from '../../src/compose/testing/fixtures.js';
import { convertWithLibreOffice, findSoffice } from '../../src/ingest/docx/libreoffice.js';
import { readDisclosure } from '../../src/ingest/index.js';
import { factsOf } from '../../src/facts/facts.js';
import { NO_SOFFICE } from './write-pdf.js';

test('composed examples round-trip through PDF (LibreOffice) with the same facts', { skip: !findSoffice() && NO_SOFFICE, timeout: 600_000 }, async () => {
  const examples = exampleInputs();
  assert.ok(examples.length > 0);
  const pdfs = await Promise.all(examples.map(async ({ name, input }) => {
    const { disclosure, document } = composeDocument(input);
    return { name, disclosure, pdf: await convertWithLibreOffice(await writeDocx(document), 'docx', 'pdf') };
  }));
  for (const { name, disclosure, pdf } of pdfs) {
    const back = await readDisclosure(pdf, `${name}.pdf`);
    assert.equal(back.source.format, 'pdf');
    assert.deepEqual(factsOf(back), factsOf(disclosure), name);
  }
});
