/**
 * Damaged PDFs are read by the fast reader as far as they are readable (as pdf.js and viewers do),
 * not handed to pdf.js: a damaged deflate stream decodes up to the damage. (Sending such files to
 * pdf.js made mutated ones take 10–90 s in its font parser; see test/fuzz/repro/pdf-*.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, deflateSync } from 'node:zlib';
import { lastPdfEngine, readPdf } from '../read-pdf.js';
import { makePdf } from './fixtures.js';
import { openFast } from './fast.js';
import { pdfLimits } from './limits.js';

const latin1 = (b: Uint8Array): string => new TextDecoder('latin1').decode(b);
const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A one-page PDF whose content stream is deflate data followed by bytes that are no valid block. */
function damagedPdf(): Uint8Array {
  const content = 'BT /F1 12 Tf\n1 0 0 1 72 720 Tm (Final accounts 2023) Tj\n1 0 0 1 72 700 Tm (Total 1,234.56) Tj\nET\n';
  const good = deflateSync(Buffer.from(content, 'latin1'), { finishFlush: constants.Z_FULL_FLUSH });
  const data = new Uint8Array([...good, 0xff, 0xff, 0xff, 0xff, 0x12, 0x34]); // BFINAL=1, BTYPE=11: invalid block type
  const base = makePdf([{ lines: ['x'] }], { extraStreams: [{ data, filter: 'FlateDecode' }] });
  // Point the page at the damaged stream (same length edit: the cross-reference stays valid).
  return bytesOf(latin1(base).replace(/\/Contents (\d+) 0 R/, '/Contents 6 0 R'));
}

test('damaged deflate stream: the fast reader decodes it up to the damage', async () => {
  const pdf = damagedPdf();
  const r = openFast(pdf, pdfLimits());
  const page = await r.page(1);
  assert.deepEqual(page.boxes.map((b) => b.str), ['Final accounts 2023', 'Total 1,234.56']);
});

test('damaged deflate stream: readPdf keeps the fast reader (no pdf.js fallback)', async () => {
  const mod = await import('../read-pdf.js');
  const raw = await readPdf(damagedPdf(), 'damaged.pdf');
  assert.equal(mod.lastPdfEngine, 'fast');
  assert.ok(raw.lines.some((l) => l.text.includes('Final accounts 2023')), JSON.stringify(raw.lines.slice(0, 3)));
});

test('a stream damaged at its first byte decodes to nothing (no error, no guess)', async () => {
  const { PdfFile } = await import('./document.js');
  const { PdfStream, Dict, Name } = await import('./objects.js');
  const file = new PdfFile(makePdf([{ lines: ['x'] }]), pdfLimits());
  const stream = new PdfStream(new Dict(), new Uint8Array([0xff, 0xff, 0xff, 0xff]));
  stream.dict.map.set('Filter', new Name('FlateDecode'));
  assert.equal(file.decode(stream).length, 0);
});

test('a font missing from the resources: a standard fallback font, as in pdf.js (no pdf.js fallback)', async () => {
  const mod = await import('../read-pdf.js');
  const pdf = bytesOf(latin1(makePdf([{ lines: ['Final accounts 2023', 'Total 1,234.56'] }])).replace(/\/F1 12 Tf/g, '/F9 12 Tf'));
  const page = await openFast(pdf, pdfLimits()).page(1);
  assert.deepEqual(page.boxes.map((b) => b.str), ['Final accounts 2023', 'Total 1,234.56']);
  const raw = await readPdf(pdf, 'missing-font.pdf');
  assert.equal(mod.lastPdfEngine, 'fast');
  assert.ok(raw.lines.some((l) => l.text.includes('Total 1,234.56')));
});

test('a ToUnicode range over more codes than a font has is skipped by the fast reader (pdf.js expanded it: 8 s, 900 MB)', async () => {
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    '2 beginbfrange',
    '<00000000> <FFFFFFFF> <0041>',
    '<20> <7E> <0020>',
    'endbfrange endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const raw = await readPdf(makePdf([{ lines: ['Budget 2025 total 1,234.56'] }], { toUnicode: cmap }), 'range.pdf');
  assert.equal(lastPdfEngine, 'fast');
  assert.match(raw.lines.map((l) => l.text).join('\n'), /Budget 2025 total 1,234\.56/);
});
