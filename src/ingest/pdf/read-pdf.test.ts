import { test } from 'node:test';
import assert from 'node:assert/strict';
import PDFDocument from 'pdfkit';
import { readPdf } from './read-pdf.js';
import { InputError } from '../raw.js';
import { sampleCells, SAMPLE } from '../../../test/fixtures-formats/sample.js';
import {
  encryptedPdf, findCjkFont, imageOnlyPdf, libreOfficePdf, NO_CJK_FONT, NO_SOFFICE, pdfkitBytes,
} from '../../../test/fixtures-formats/write-pdf.js';
import { findSoffice } from '../docx/libreoffice.js';
import { predefinedCmapPdf } from '../../../test/fixtures-formats/write-cmap-pdf.js';

const font = findCjkFont();
const noFont = !font && NO_CJK_FONT;

test('readPdf (pdfkit, embedded CJK font): ruled tables, right-aligned amounts, paragraphs', { skip: noFont }, async () => {
  const doc = await readPdf(await pdfkitBytes(font!, SAMPLE, { pageNumbers: true }), 'sample.pdf');
  assert.equal(doc.format, 'pdf');
  assert.equal(doc.pages, 1);
  assert.deepEqual(doc.lines.map((l) => l.cells), sampleCells());
  assert.ok(doc.lines.every((l) => l.page === 1));
  assert.deepEqual(doc.lines.filter((l) => l.headingLevel).map((l) => [l.headingLevel, l.text]), [
    [1, '2023年度示例县财政局部门决算'], [3, '第一部分 部门概况'], [2, '收入支出决算总表'], [2, '支出决算表'], [3, '第二部分 情况说明'],
  ]);
  const row = doc.lines.find((l) => l.cells[0] === '2010601')!;
  assert.equal(row.tabular, true);
  assert.equal(row.cellX!.length, 5);
  assert.ok(row.cellX![2]!.x1 > row.cellX![2]!.x0);
});

test('readPdf (LibreOffice from .docx): wrapped cells joined, same lines as the text form', { skip: !findSoffice() && NO_SOFFICE, timeout: 180_000 }, async () => {
  const bytes = await libreOfficePdf();
  const doc = await readPdf(bytes!, 'lo.pdf');
  assert.deepEqual(doc.lines.map((l) => l.cells), sampleCells());
});

test('readPdf: landscape pages, a table continued over pages, page numbers dropped and pages kept', { skip: noFont }, async () => {
  const doc = await readPdf(await pdfkitBytes(font!, SAMPLE, { pageNumbers: true, landscape: true, repeat: 4 }));
  assert.ok((doc.pages ?? 0) >= 3, `pages: ${doc.pages}`);
  const want = sampleCells();
  assert.deepEqual(doc.lines.map((l) => l.cells), [...want, ...want, ...want, ...want]);
  assert.ok(!doc.lines.some((l) => /^- \d+ -$/.test(l.text)), 'page numbers are dropped');
  const pages = doc.lines.map((l) => l.page!);
  assert.deepEqual(pages, [...pages].sort((a, b) => a - b));
  assert.equal(pages[pages.length - 1], doc.pages);
  assert.deepEqual(doc.lines.map((l) => l.line), doc.lines.map((_, i) => i + 1));
});

test('readPdf: a table printed sideways on a portrait page reads upright', { skip: noFont }, async () => {
  const doc = await readPdf(await pdfkitBytes(font!, SAMPLE, { sideways: true }));
  assert.deepEqual(doc.lines.map((l) => l.cells), sampleCells());
});

test('readPdf: radical code points and full-width digits are normalised', { skip: noFont }, async () => {
  const pdf = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => pdf.on('end', () => r()));
  pdf.registerFont('cjk', font!.path, font!.family);
  pdf.font('cjk').fontSize(12);
  pdf.text('部\u2ed4决算\u2f6c录', 72, 100, { lineBreak: false });
  pdf.text('合计', 72, 140, { lineBreak: false });
  pdf.text('１，２３４．５６', 300, 140, { lineBreak: false });
  pdf.end();
  await done;
  const doc = await readPdf(new Uint8Array(Buffer.concat(chunks)));
  assert.deepEqual(doc.lines.map((l) => l.cells), [['部门决算目录'], ['合计', '1,234.56']]);
});

test('readPdf: an image-only PDF (a scan) is refused: no text layer', async () => {
  await assert.rejects(readPdf(await imageOnlyPdf(), 'scan.pdf'), (e: unknown) => e instanceof InputError && /no text layer \(scanned PDF\?\): OCR is not supported yet/.test(e.message));
});

test('readPdf: an encrypted PDF is refused with the reason', { skip: noFont }, async () => {
  await assert.rejects(readPdf(await encryptedPdf(font!), 'secret.pdf'), (e: unknown) => e instanceof InputError && /encrypted/.test(e.message) && /password/.test(e.message));
});

test('readPdf: damaged and non-PDF bytes are InputErrors', { skip: noFont }, async () => {
  const good = await pdfkitBytes(font!);
  await assert.rejects(readPdf(good.slice(0, 400), 'cut.pdf'), InputError);
  await assert.rejects(readPdf(new Uint8Array(Buffer.from('%PDF-1.7\nnot really a pdf')), 'fake.pdf'), InputError);
  await assert.rejects(readPdf(new Uint8Array(Buffer.from('hello')), 'hello.pdf'), InputError);
});

test('readPdf: a non-embedded Chinese font with a predefined CMap (UniGB-UCS2-H) is decoded', async () => {
  const bytes = predefinedCmapPdf([[72, 760, '部门决算'], [72, 730, '合计'], [300, 730, '1,234.56']]);
  const doc = await readPdf(bytes, 'old.pdf');
  assert.deepEqual(doc.lines.map((l) => l.cells), [['部门决算'], ['合计', '1,234.56']]);
});

test('readPdf: text that cannot be decoded (CMaps missing) is an error, never an empty document', async () => {
  const bytes = predefinedCmapPdf([[72, 760, '部门决算']]);
  await assert.rejects(readPdf(bytes, 'old.pdf', { cMapUrl: '/nonexistent/cmaps/' }), (e: unknown) => e instanceof InputError && /could not be decoded/.test(e.message));
});
