/**
 * The fuzz seeds: documents of every format made by the project itself (the sample disclosure of
 * test/fixtures-formats in each writer, and, for the long run, full disclosures composed from
 * examples/ by src/compose). No real document is used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import XLSX from 'xlsx';
import { SAMPLE, sampleText, type Block } from '../fixtures-formats/sample.js';
import { sampleDocx, sampleXlsx } from '../fixtures-formats/write-office.js';
import { findCjkFont, pdfkitBytes } from '../fixtures-formats/write-pdf.js';
import { predefinedCmapPdf } from '../fixtures-formats/write-cmap-pdf.js';
import { gbkBytes, sampleHtml, sampleMht } from '../fixtures-formats/write-web.js';

export type SeedFormat = 'text' | 'html' | 'mht' | 'docx' | 'xlsx' | 'xls' | 'pdf';

export interface Seed {
  /** A file name with the extension of the format (the readers look at it). */
  name: string;
  format: SeedFormat;
  bytes: Uint8Array;
}

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** A workbook as legacy .xls (BIFF8) through SheetJS. */
export function toXls(xlsx: Uint8Array): Uint8Array {
  const wb = XLSX.read(xlsx, { type: 'array' });
  return new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
}

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

/** Small seeds of every format from the sample disclosure (quick: the brief run of `npm test`). */
export async function sampleSeeds(blocks: Block[] = SAMPLE): Promise<Seed[]> {
  const text = sampleText(blocks);
  const html = sampleHtml(blocks);
  const xlsx = await sampleXlsx(blocks);
  const seeds: Seed[] = [
    { name: 'sample.txt', format: 'text', bytes: utf8(text) },
    { name: 'sample-utf16.txt', format: 'text', bytes: utf16le(text) },
    { name: 'sample.html', format: 'html', bytes: utf8(html) },
    { name: 'sample.mht', format: 'mht', bytes: utf8(sampleMht(html)) },
    { name: 'sample.docx', format: 'docx', bytes: await sampleDocx(blocks) },
    { name: 'sample.xlsx', format: 'xlsx', bytes: xlsx },
    { name: 'sample.xls', format: 'xls', bytes: toXls(xlsx) },
    { name: 'cmap.pdf', format: 'pdf', bytes: predefinedCmapPdf([[72, 760, '收入支出决算总表'], [72, 740, '本年收入合计 1,234.56'], [300, 740, '本年支出合计 1,234.56']]) },
  ];
  const gbk = gbkBytes(sampleHtml(blocks, 'gbk'));
  if (gbk) seeds.push({ name: 'sample-gbk.html', format: 'html', bytes: gbk });
  const font = findCjkFont();
  if (font) seeds.push({ name: 'sample.pdf', format: 'pdf', bytes: await pdfkitBytes(font, blocks) });
  return seeds;
}

/** Full disclosures composed from examples/ (text, HTML, DOCX, XLSX, XLS): the long run's seeds. */
export async function composedSeeds(examples = ['county-medical-insurance-bureau.json', 'township-government.json']): Promise<Seed[]> {
  const { composeDocument, renderFormat } = await import('../../src/compose/index.js');
  const seeds: Seed[] = [];
  for (const file of examples) {
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(join(root, 'examples', file), 'utf8'));
    } catch {
      continue;
    }
    const { document } = composeDocument(input as Parameters<typeof composeDocument>[0]);
    const base = file.replace(/\.json$/, '');
    seeds.push({ name: `${base}.txt`, format: 'text', bytes: await renderFormat(document, 'txt') });
    seeds.push({ name: `${base}.html`, format: 'html', bytes: await renderFormat(document, 'html') });
    seeds.push({ name: `${base}.docx`, format: 'docx', bytes: await renderFormat(document, 'docx') });
    const xlsx = await renderFormat(document, 'xlsx');
    seeds.push({ name: `${base}.xlsx`, format: 'xlsx', bytes: xlsx });
    seeds.push({ name: `${base}.xls`, format: 'xls', bytes: toXls(xlsx) });
  }
  const font = findCjkFont();
  if (font) seeds.push({ name: 'sample-long.pdf', format: 'pdf', bytes: await pdfkitBytes(font, SAMPLE, { repeat: 3, pageNumbers: true }) });
  return seeds;
}
