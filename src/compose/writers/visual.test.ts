/**
 * Visual checks of the printed formats, on the 2024 medical-insurance example: the DOCX printed by
 * LibreOffice (the PDF format), the XLSX printed by LibreOffice and the HTML printed by Chromium.
 * For each: every page rendered to PNG under artifacts/compose/<format>/ (kept for people to look
 * at), every table starts on a page of its own in its form's orientation, takes the pages expected
 * and no table row is split across pages (read from the PDF's text layer, page by page). The
 * composed PDF and DOCX read back with the same facts and no error finding. Each part skips with a
 * message when LibreOffice, poppler or Chromium is not installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableBlock } from '../blocks.js';
import { composeDocument, convertDocxToPdf, findSoffice, renderHtml, writeDocx, writeXlsx } from '../index.js';
import { layoutOf } from '../layout.js';
import { exampleInputs } from '../testing/fixtures.js';
import { CHROMIUM, hasCommand, htmlToPdf, landscapePages, locateTables, officeToPdf, pageTexts, renderPngs, type TablePages } from '../testing/pages.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ARTIFACTS = join(ROOT, 'artifacts', 'compose');
const poppler = ['pdftoppm', 'pdftotext', 'pdfinfo'].filter((c) => !hasCommand(c));
const soffice = findSoffice();
const noPoppler = poppler.length ? `${poppler.join(', ')} (poppler-utils) not installed: visual checks skipped` : false;
const skipOffice = noPoppler || (soffice ? false : 'soffice (LibreOffice) not installed: DOCX/XLSX page checks skipped');
const skipHtml = noPoppler || (existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: HTML page checks skipped`);

const medical = exampleInputs().find((e) => e.name.startsWith('county-medical'))!;
const composed = composeDocument(medical.input);
const tables = composed.document.blocks.filter((b): b is TableBlock => b.kind === 'table');

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
}

/** Every table on pages of its own, in its orientation, one page each (this example's tables all fit one), no row split. */
function assertTablePages(format: string, pdf: string): TablePages[] {
  const texts = pageTexts(pdf);
  const landscape = landscapePages(pdf);
  const located = locateTables(texts, tables);
  const starts = new Set<number>();
  located.forEach((t, i) => {
    const b = tables[i]!;
    assert.ok(!starts.has(t.start), `${format} ${t.id}: starts on a page of its own (page ${t.start})`);
    starts.add(t.start);
    assert.equal(landscape[t.start - 1], layoutOf(b).orientation === 'landscape', `${format} ${t.id}: printed ${layoutOf(b).orientation}`);
    const split = t.rowPages.map((p, r) => (p === 0 ? r : -1)).filter((r) => r >= 0);
    assert.deepEqual(split, [], `${format} ${t.id}: no row split across pages (rows ${split.join(', ')} are)`);
    assert.equal(t.pages, 1, `${format} ${t.id}: ${t.pages} pages, expected 1`);
    for (const p of t.rowPages) assert.ok(p >= t.start && p < t.start + t.pages, `${format} ${t.id}: rows on its own pages`);
  });
  const later = located.slice(1);
  later.forEach((t, i) => assert.ok(t.start > located[i]!.start, `${format}: tables in document order`));
  return located;
}

function work(): string {
  return mkdtempSync(join(tmpdir(), 'compose-visual-'));
}

function keepPngs(pdf: string, format: string): void {
  const pngs = renderPngs(pdf, join(ARTIFACTS, format), 'page', 60);
  assert.ok(pngs.length > 0 && pngs.every((p) => statSync(p).size > 2000), `${format}: pages rendered to PNG`);
}

test('visual (pdf from the docx): cover, 目录 with page numbers, each table on its own page, no split row, reads back clean', { skip: skipOffice, timeout: 400_000 }, async () => {
  const dir = work();
  try {
    const docx = await writeDocx(composed.document);
    const pdfBytes = await convertDocxToPdf(docx);
    const pdf = join(dir, 'document.pdf');
    writeFileSync(pdf, pdfBytes);
    keepPngs(pdf, 'pdf');
    const located = assertTablePages('pdf', pdf);
    const texts = pageTexts(pdf);
    assert.ok(texts[0]!.includes(composed.document.title.replace(/\s+/g, '')) && texts[0]!.length < 60, 'page 1 is the cover (the title alone)');
    const toc = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    assert.match(toc, /目\s*录/, 'page 2 is the 目录');
    const entries = toc.split('\n').map((l) => l.replace(/\s+/g, ''));
    let cursor = 0;
    for (const t of located) {
      const k = entries.findIndex((l, i) => i >= cursor && l.startsWith(t.title.replace(/\s+/g, '')));
      assert.ok(k >= 0, `目录 lists ${t.title}`);
      cursor = k + 1;
      const m = /[.．…·]{3,}(\d+)$/.exec(entries[k]!);
      assert.equal(Number(m?.[1]), t.start, `目录 gives ${t.title} its page ${t.start}`);
    }
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    assert.match(fonts, /CJK/i, 'a CJK font is embedded');
    const { readDisclosure } = await import('../../ingest/index.js');
    const { factsOf } = await import('../../facts/facts.js');
    const { checkDisclosure } = await import('../../check/engine.js');
    for (const [name, bytes] of [['composed.pdf', pdfBytes], ['composed.docx', docx]] as const) {
      const back = await readDisclosure(bytes, name);
      assert.equal(canonical(factsOf(back)), canonical(factsOf(composed.disclosure)), `${name} reads back with the same facts`);
      const errors = checkDisclosure(back).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
      assert.deepEqual(errors, [], `${name}: no error finding`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('visual (xlsx printed by LibreOffice): one page wide, each table sheet on its own page(s), header repeated, cover text not cut', { skip: skipOffice, timeout: 400_000 }, async () => {
  const dir = work();
  try {
    const file = join(dir, 'document.xlsx');
    writeFileSync(file, await writeXlsx(composed.document));
    const pdf = officeToPdf(file, dir, soffice!);
    keepPngs(pdf, 'xlsx');
    assertTablePages('xlsx', pdf);
    const texts = pageTexts(pdf);
    const cover = composed.document.blocks.slice(0, composed.document.blocks.findIndex((b) => b.kind === 'table'));
    for (const b of cover) if (b.kind !== 'table') assert.ok(texts[0]!.includes(b.text.replace(/\s+/g, '')), `cover sheet prints in full: ${b.text.slice(0, 20)}…`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('visual (html printed by Chromium): A4 pages, each table on its own page in its orientation, header rows repeated, no split row', { skip: skipHtml, timeout: 400_000 }, async () => {
  const dir = work();
  try {
    const pdf = (await htmlToPdf(renderHtml(composed.document), join(dir, 'document.pdf')))!;
    keepPngs(pdf, 'html');
    assertTablePages('html', pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

mkdirSync(ARTIFACTS, { recursive: true });
