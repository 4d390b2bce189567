/**
 * The same small disclosure written as text and as every other format reads back with the same
 * tables and the same facts (juesuan.facts/1) through `readDisclosure`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDisclosure, readRaw } from '../../src/ingest/index.js';
import { factsOf } from '../../src/facts/facts.js';
import { convertWithLibreOffice, findSoffice } from '../../src/ingest/docx/libreoffice.js';
import type { Disclosure } from '../../src/model/index.js';
import { sampleDisclosureText } from '../support/sample-disclosure.js';
import { linesToBlocks, type Block } from './sample.js';
import { gbkBytes, sampleHtml, sampleMht } from './write-web.js';
import { sampleDocx, sampleXlsx } from './write-office.js';
import { findCjkFont, NO_CJK_FONT, NO_SOFFICE, pdfkitBytes } from './write-pdf.js';

const TEXT = sampleDisclosureText({ year: 2023, entity: '示例县统计局' });
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** Tables without provenance: what a format must not change. */
function tablesOf(d: Disclosure): unknown {
  return d.tables.map((t) => ({
    key: t.key,
    unit: t.unit,
    status: t.status,
    columns: t.columns.map((c) => c.key),
    rows: t.rows.map((r) => ({ key: r.key, code: r.code, name: r.name, cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value])) })),
  }));
}

async function blocks(): Promise<Block[]> {
  return linesToBlocks((await readRaw(utf8(TEXT), 'sample.txt')).lines);
}

async function assertSameAsText(bytes: Uint8Array, name: string): Promise<void> {
  const fromText = await readDisclosure(utf8(TEXT), 'sample.txt');
  const other = await readDisclosure(bytes, name);
  assert.ok(fromText.tables.length >= 3, 'the text form has tables');
  assert.deepEqual(tablesOf(other), tablesOf(fromText), `${name}: tables`);
  assert.deepEqual(factsOf(other), factsOf(fromText), `${name}: facts`);
}

test('same disclosure as HTML (UTF-8 and GBK) and .mht: same tables and facts as the text', async () => {
  const html = sampleHtml(await blocks());
  await assertSameAsText(utf8(html), 'sample.html');
  await assertSameAsText(utf8(sampleMht(html)), 'sample.mht');
  const gbk = gbkBytes(sampleHtml(await blocks(), 'gbk'));
  if (gbk) await assertSameAsText(gbk, 'sample-gbk.html');
});

test('same disclosure as .docx and .xlsx: same tables and facts as the text', async () => {
  await assertSameAsText(await sampleDocx(await blocks()), 'sample.docx');
  await assertSameAsText(await sampleXlsx(await blocks()), 'sample.xlsx');
});

test('same disclosure as PDF (pdfkit, embedded CJK font): same tables and facts', { skip: !findCjkFont() && NO_CJK_FONT }, async () => {
  await assertSameAsText(await pdfkitBytes(findCjkFont()!, await blocks(), { landscape: true, pageNumbers: true }), 'sample.pdf');
});

test('same disclosure as a PDF whose tables have no ruling lines: same tables and facts', { skip: !findCjkFont() && NO_CJK_FONT }, async () => {
  await assertSameAsText(await pdfkitBytes(findCjkFont()!, await blocks(), { landscape: true, borderless: true }), 'borderless.pdf');
});

test('same disclosure as PDF, .doc and .xls made by LibreOffice: same tables and facts', { skip: !findSoffice() && NO_SOFFICE, timeout: 300_000 }, async () => {
  const docx = await sampleDocx(await blocks(), { landscape: true });
  const xlsx = await sampleXlsx(await blocks());
  const [pdf, doc, xls] = await Promise.all([
    convertWithLibreOffice(docx, 'docx', 'pdf'),
    convertWithLibreOffice(docx, 'docx', 'doc'),
    convertWithLibreOffice(xlsx, 'xlsx', 'xls'),
  ]);
  await assertSameAsText(pdf, 'sample-lo.pdf');
  await assertSameAsText(doc, 'sample.doc');
  await assertSameAsText(xls, 'sample.xls');
});
