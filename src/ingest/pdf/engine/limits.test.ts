import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { InputError } from '../../raw.js';
import { readPdf } from '../read-pdf.js';
import { openFast } from './fast.js';
import { makePdf } from './fixtures.js';
import { pdfLimits } from './limits.js';

const PAGE = { lines: ['Final accounts 2023', 'Total 1,234.56   Basic 1,000.00'], box: true };

test('fast reader: text items and a ruled box from a hand-written PDF', async () => {
  const r = openFast(makePdf([PAGE], { flate: true }), pdfLimits());
  assert.equal(r.numPages, 1);
  const page = await r.page(1);
  // A wide gap (three spaces) ends a text item, as in pdf.js.
  assert.deepEqual(page.boxes.map((b) => b.str), ['Final accounts 2023', 'Total 1,234.56', 'Basic 1,000.00']);
  assert.equal(page.boxes[0]!.x0, 72);
  assert.equal(page.boxes[0]!.size, 12);
  assert.equal(page.hRules.length, 2);
  assert.equal(page.vRules.length, 2);
});

test('fast reader and pdf.js give the same page content', async () => {
  const bytes = makePdf([PAGE, { lines: ['Second page (a) \\ b'] }]);
  const { openPdfjs } = await import('./pdfjs.js');
  const a = openFast(bytes, pdfLimits());
  const b = await openPdfjs(bytes, 'x.pdf', pdfLimits());
  for (const n of [1, 2]) {
    const [p, q] = [await a.page(n), await b.page(n)];
    assert.deepEqual(p.boxes.map((x) => x.str), q.boxes.map((x) => x.str));
    p.boxes.forEach((x, i) => {
      const y = q.boxes[i]!;
      for (const k of ['x0', 'x1', 'base', 'size'] as const) assert.ok(Math.abs(x[k] - y[k]) < 0.01, `${k}: ${x[k]} vs ${y[k]}`);
    });
    assert.equal(p.hRules.length, q.hRules.length);
    assert.equal(p.vRules.length, q.vRules.length);
  }
  await b.close();
});

async function refused(bytes: Uint8Array, limits: Parameters<typeof readPdf>[2], pattern: RegExp): Promise<void> {
  await assert.rejects(readPdf(bytes, 'x.pdf', limits), (e: Error) => {
    assert.ok(e instanceof InputError, `${e.name}: ${e.message}`);
    assert.match(`${e.message} (${(e as InputError).hint})`, pattern);
    assert.ok(!e.message.includes('\n'));
    return true;
  });
}

test('limits: pages', async () => {
  await refused(makePdf([PAGE, PAGE, PAGE]), { limits: { maxPages: 2 } }, /more than 2 pages.*JUESUAN_PDF_MAX_PAGES/);
});

test('limits: objects', async () => {
  await refused(makePdf([PAGE, PAGE, PAGE]), { limits: { maxObjects: 4 } }, /more than 4 objects.*JUESUAN_PDF_MAX_OBJECTS/);
});

test('limits: a flate bomb is refused while inflating (ratio), and by total decoded size', async () => {
  const bomb = deflateSync(new Uint8Array(40 * 2 ** 20)); // 40 MB of zeros in ~40 KB
  const pdf = makePdf([PAGE], { flate: true });
  const { PdfFile } = await import('./document.js');
  const { PdfStream, Dict, Name } = await import('./objects.js');
  const file = new PdfFile(pdf, pdfLimits());
  const stream = new PdfStream(new Dict(), bomb);
  stream.dict.map.set('Filter', new Name('FlateDecode'));
  assert.throws(() => file.decode(stream), /inflates more than 100 times.*|JUESUAN_PDF_MAX_INFLATE_RATIO/);
  const small = new PdfFile(pdf, pdfLimits({ maxDecodedBytes: 2 ** 20 }));
  assert.throws(() => small.decode(stream), (e: Error) => /decode to more than 1 MB/.test(e.message) && /JUESUAN_PDF_MAX_DECODED_MB/.test((e as InputError).hint ?? ''));
});

test('limits: a flate bomb as page content is a clear error', async () => {
  const content = deflateSync(new Uint8Array(40 * 2 ** 20).fill(32));
  const pdf = makePdf([PAGE]);
  // Swap the page content for the bomb: same object layout, new bytes.
  const text = new TextDecoder('latin1').decode(pdf);
  const bombPdf = makePdf([PAGE], { extraStreams: [{ data: content, filter: 'FlateDecode' }] });
  const t = new TextDecoder('latin1').decode(bombPdf).replace(/\/Contents (\d+) 0 R/, '/Contents 6 0 R');
  assert.notEqual(text, t);
  // Offsets are unchanged (same length replacement), so the cross-reference stays valid.
  await refused(Uint8Array.from(t, (c) => c.charCodeAt(0)), {}, /inflates more than|decode to more than/);
});

test('limits: wall-clock time per document', async () => {
  const many = Array.from({ length: 30 }, () => PAGE);
  await refused(makePdf(many), { limits: { timeLimitS: 1e-9 } }, /longer than .* s.*JUESUAN_PDF_TIME_LIMIT/);
});

test('a PDF without pages is a clear error', async () => {
  await refused(makePdf([PAGE], { empty: true }), {}, /has no pages/);
});

test('bit-flipped PDFs: an InputError or a document, never another error or an unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown): void => void unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    const base = makePdf([PAGE, { lines: ['Second page 2,000.00'], box: true }], { flate: true });
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 60; i++) {
      const bytes = base.slice();
      for (let k = 0; k < 1 + rand(4); k++) {
        const at = rand(bytes.length);
        bytes[at] = bytes[at]! ^ (1 << rand(8));
      }
      try {
        await readPdf(bytes, `flip-${i}.pdf`);
      } catch (e) {
        assert.ok(e instanceof InputError, `case ${i}: ${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
