/**
 * The pdf.js fallback runs in a worker thread of its own (engine/pdfjs.ts, ./pdfjs-worker.ts): the
 * PDF time limit stops it inside a page, its heap is capped, and the reading process goes on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../raw.js';
import { openPdfjs } from './engine/pdfjs.js';
import { makePdf } from './engine/fixtures.js';
import { pdfLimits } from './engine/limits.js';
import { readPdf } from './read-pdf.js';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');
// a damaged embedded CFF font that pdf.js's font parser spends ~13 s of CPU on, inside one page
const slowFont = new Uint8Array(readFileSync(join(root, 'test', 'fuzz', 'repro', 'pdf-pdfjs-font-parse-2393.pdf')));
const PAGE = { lines: ['Final accounts 2023', 'Total 1,234.56   Basic 1,000.00'], box: true };

function refusedWith(pattern: RegExp): (e: unknown) => boolean {
  return (e) => {
    assert.ok(e instanceof InputError, String(e));
    assert.match(`${e.message} (${e.hint})`, pattern);
    assert.ok(!e.message.includes('\n'));
    return true;
  };
}

test('pdf.js: the time limit stops its thread inside a page; the next document gets a fresh one', async () => {
  await assert.rejects(readPdf(slowFont, 'slow.pdf', { limits: { timeLimitS: 1 } }), refusedWith(/reading took longer than 1 s.*JUESUAN_PDF_TIME_LIMIT/));
  const reader = await openPdfjs(makePdf([PAGE]), 'x.pdf', pdfLimits());
  assert.deepEqual((await reader.page(1)).boxes.map((b) => b.str), ['Final accounts 2023', 'Total 1,234.56', 'Basic 1,000.00']);
  await reader.close();
});

test('pdf.js: past its heap cap the thread ends and the document is refused with the limit', async () => {
  await assert.rejects(
    (async () => {
      const reader = await openPdfjs(slowFont, 'big.pdf', pdfLimits({ maxHeapMb: 16 }));
      try {
        for (let n = 1; n <= reader.numPages; n++) await reader.page(n);
      } finally {
        await reader.close();
      }
    })(),
    refusedWith(/more than 16 MB of memory.*JUESUAN_PDF_MAX_HEAP_MB/),
  );
});

test('pdf.js: one thread reads document after document; a damaged file is an InputError', async () => {
  for (const text of ['first document', 'second document']) {
    const reader = await openPdfjs(makePdf([{ lines: [text] }]), 'x.pdf', pdfLimits());
    assert.equal(reader.engine, 'pdfjs');
    assert.deepEqual((await reader.page(1)).boxes.map((b) => b.str), [text]);
    await reader.close();
  }
  await assert.rejects(openPdfjs(new TextEncoder().encode('%PDF-1.4\nnot a pdf'), 'bad.pdf', pdfLimits()), refusedWith(/bad\.pdf/));
});
