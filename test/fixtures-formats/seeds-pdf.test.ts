/**
 * The real seeds turned into PDF by LibreOffice (their text rendered as a landscape Word document:
 * table rows as ruled tables, other lines as paragraphs) read back with the same table cells and
 * the same facts as the text. Skipped without ../shared/corpus or LibreOffice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readDisclosure, readRaw } from '../../src/ingest/index.js';
import { factsOf } from '../../src/facts/facts.js';
import { convertWithLibreOffice, findSoffice } from '../../src/ingest/docx/libreoffice.js';
import type { RawDocument } from '../../src/ingest/raw.js';
import { corpusAvailable, seeds, SKIP_MESSAGE } from '../support/corpus.js';
import { linesToBlocks } from './sample.js';
import { sampleDocx } from './write-office.js';
import { NO_SOFFICE } from './write-pdf.js';

const skip = (!corpusAvailable() && SKIP_MESSAGE) || (!findSoffice() && NO_SOFFICE);

/** Cells compared without whitespace (wrapping and CJK/Latin spacing are the renderer's) and without trailing blanks. */
function tableRows(raw: RawDocument): string[] {
  return raw.lines
    .filter((l) => l.tabular)
    .map((l) => {
      const cells = l.cells.map((c) => c.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')'));
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      return JSON.stringify(cells);
    });
}

/** The rows of `want` missing from `got` when matched in order (`got` may hold extra rows). */
function missingInOrder(got: string[], want: string[]): string[] {
  const missing: string[] = [];
  let i = 0;
  for (const w of want) {
    const at = got.indexOf(w, i);
    if (at < 0) missing.push(w);
    else i = at + 1;
  }
  return missing;
}

/** Facts with performance project names compared without whitespace. */
function comparable(d: Awaited<ReturnType<typeof readDisclosure>>): ReturnType<typeof factsOf> {
  const f = factsOf(d);
  return { ...f, performance: f.performance?.map((p) => ({ ...p, project: p.project.replace(/\s+/g, '') })) };
}

test('seeds as LibreOffice PDFs read back with the table cells and facts of the text', { skip, timeout: 600_000 }, async () => {
  const all = seeds();
  const pdfs = await Promise.all(all.map(async (s) => {
    const text = new Uint8Array(readFileSync(s.path));
    const raw = await readRaw(text, s.name);
    const docx = await sampleDocx(linesToBlocks(raw.lines), { landscape: true, size: 16 });
    return { seed: s, text, raw, pdf: await convertWithLibreOffice(docx, 'docx', 'pdf') };
  }));
  for (const { seed, text, raw, pdf } of pdfs) {
    const fromPdf = await readRaw(pdf, seed.name.replace(/\.txt$/, '.pdf'));
    assert.equal(fromPdf.format, 'pdf');
    assert.ok((fromPdf.pages ?? 0) > 1, `${seed.name}: pages`);
    // Every table row of the text, in order; the PDF may add rows where a paragraph has wide gaps.
    const [got, want] = [tableRows(fromPdf), tableRows(raw)];
    assert.deepEqual(missingInOrder(got, want), [], `${seed.name}: table rows`);
    assert.ok(got.length - want.length <= Math.max(5, want.length * 0.05), `${seed.name}: ${got.length - want.length} extra rows`);
    const a = comparable(await readDisclosure(text, seed.name));
    const b = comparable(await readDisclosure(pdf, seed.name.replace(/\.txt$/, '.pdf')));
    assert.deepEqual(b, a, `${seed.name}: facts`);
  }
});
