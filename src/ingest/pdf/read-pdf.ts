/**
 * PDF → RawDocument: per page, text boxes and ruling lines, rows of ruled tables from their grids
 * and other lines split at wide gaps, running headers/footers dropped, page numbers on every line.
 * A PDF without a text layer is refused (no OCR yet); so is one whose text cannot be decoded
 * (missing CMaps or fonts without a Unicode map) — never an empty document.
 *
 * Engines: the fast reader (engine/fast.ts) by default; pdf.js (loaded on demand) for what the fast
 * reader does not cover (encryption, Type3 fonts, predefined CJK CMaps, damaged streams…) and for
 * text it could not decode. JUESUAN_PDF_ENGINE=pdfjs forces pdf.js, =fast forbids the fallback.
 * Limits (pages, objects, decoded bytes, inflation ratio, time): engine/limits.ts.
 */
import { LineSink, normalizeCell } from '../normalize.js';
import { InputError, type RawDocument } from '../raw.js';
import { joinContinuedRows } from './continued.js';
import { dropFurniture, type PageRows } from './furniture.js';
import { headingLevels } from './headings.js';
import { pageRows } from './layout.js';
import type { PdfOpenOptions } from './load.js';
import type { PageContent } from './page.js';
import { Budget, pdfLimits, startClock, type PdfLimits } from './engine/limits.js';
import { mark } from '../timing.js';
import { isBlank } from '../recognize/section-clean.js';
import { Unsupported } from './engine/objects.js';
import type { PdfReader } from './engine/reader.js';

interface Stats {
  chars: number;
  undecodable: number;
  textOps: number;
  imageOps: number;
}

function count(stats: Stats, content: PageContent): void {
  stats.textOps += content.textOps;
  stats.imageOps += content.imageOps;
  // by code unit, without making a string per character (every character of the document passes here)
  for (const b of content.boxes) {
    const s = b.str;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++; // a character outside the BMP: never white space, and not undecodable (as before, only the BMP's private-use area counts)
          stats.chars++;
          continue;
        }
      }
      if (isBlank(c)) continue;
      stats.chars++;
      if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c <= 8) stats.undecodable++;
    }
  }
}

/** Why the text layer is unusable, or undefined when it is fine. */
function unusable(stats: Stats, label: string): InputError | undefined {
  if (stats.chars === 0 && stats.textOps > 0) {
    return new InputError(`the PDF${label} has text that could not be decoded (missing CMaps or fonts without a Unicode map)`, 'export the PDF again with embedded fonts, or supply the text');
  }
  if (stats.chars === 0) {
    return new InputError(`the PDF${label} has no text layer (scanned PDF?): OCR is not supported yet`, 'supply the original PDF, Word or Excel file, or a text version');
  }
  if (stats.undecodable > stats.chars * 0.3) {
    return new InputError(`the PDF${label} text layer is garbled (fonts without a Unicode map): ${stats.undecodable} of ${stats.chars} characters cannot be decoded`);
  }
  return undefined;
}

async function readPages(reader: PdfReader, stats: Stats, label: string, limits: PdfLimits): Promise<PageRows[]> {
  const pages: PageRows[] = [];
  const budget = new Budget(limits);
  for (let n = 1; n <= reader.numPages; n++) {
    budget.checkTime();
    let content: PageContent;
    try {
      content = await reader.page(n);
    } catch (err) {
      if (err instanceof InputError || err instanceof Unsupported) throw err;
      // the fast reader's trouble with a page is pdf.js's to try
      if (reader.engine === 'fast') throw new Unsupported(`page ${n}: ${(err as Error).message}`);
      throw new InputError(`the PDF${label} is damaged: page ${n} cannot be read (${(err as Error).message})`);
    }
    count(stats, content);
    pages.push({ page: n, height: content.height, rows: pageRows(content) });
  }
  return pages;
}

type Engine = 'fast' | 'pdfjs' | 'auto';

function engineChoice(): Engine {
  const v = process.env.JUESUAN_PDF_ENGINE?.toLowerCase();
  return v === 'pdfjs' || v === 'fast' ? v : 'auto';
}

async function open(kind: 'fast' | 'pdfjs', bytes: Uint8Array, name: string | undefined, limits: PdfLimits, opts: PdfOpenOptions): Promise<PdfReader> {
  if (kind === 'fast') return (await import('./engine/fast.js')).openFast(bytes, limits);
  return (await import('./engine/pdfjs.js')).openPdfjs(bytes, name, limits, opts);
}

async function readWith(reader: PdfReader, label: string, limits: PdfLimits): Promise<{ pages: PageRows[]; stats: Stats }> {
  if (reader.numPages === 0) throw new InputError(`the PDF${label} has no pages`, 'export the document to PDF again');
  const stats: Stats = { chars: 0, undecodable: 0, textOps: 0, imageOps: 0 };
  const pages = await readPages(reader, stats, label, limits);
  if (stats.chars === 0) stats.textOps = await reader.textOps(1).catch(() => 0);
  return { pages, stats };
}

function debug(msg: string): void {
  if (process.env.JUESUAN_DEBUG) process.stderr.write(`juesuan: ${msg}\n`);
}

/** The engine that last read a PDF in this process (for benchmarks and tests). */
export let lastPdfEngine: 'fast' | 'pdfjs' | undefined;

export interface ReadPdfOptions extends PdfOpenOptions {
  limits?: Partial<PdfLimits>;
}

export async function readPdf(bytes: Uint8Array, name?: string, opts: ReadPdfOptions = {}): Promise<RawDocument> {
  const label = name ? ` ${name}` : '';
  const limits = pdfLimits(opts.limits);
  startClock(limits);
  const choice = engineChoice();
  let result: { pages: PageRows[]; stats: Stats; numPages: number } | undefined;
  if (choice !== 'pdfjs') {
    try {
      const reader = await open('fast', bytes, name, limits, opts);
      try {
        const r = await readWith(reader, label, limits);
        const why = unusable(r.stats, label);
        // Text the fast reader could not decode may decode with pdf.js (its CMaps and font programs).
        if (why && !(r.stats.chars === 0 && r.stats.textOps === 0)) {
          if (choice === 'fast') throw why;
          debug(`fast PDF reader: ${why.message}; trying pdf.js`);
        } else result = { ...r, numPages: reader.numPages };
      } finally {
        await reader.close();
      }
      lastPdfEngine = 'fast';
    } catch (err) {
      // a clear refusal (a limit, no pages…) stands; anything else the fast reader met — what it does
      // not cover, or a structure it cannot follow (an object not where the cross-reference table
      // says: pdf.js rebuilds the table) — goes to pdf.js, which reads it or refuses it clearly
      if (err instanceof InputError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      if (choice === 'fast') throw new InputError(`the PDF${label} cannot be read: ${message}`);
      debug(`fast PDF reader: ${message}; using pdf.js`);
    }
  }
  if (!result) {
    const reader = await open('pdfjs', bytes, name, limits, opts);
    try {
      const r = await readWith(reader, label, limits);
      result = { ...r, numPages: reader.numPages };
    } finally {
      await reader.close();
    }
    lastPdfEngine = 'pdfjs';
  }
  const { pages, stats } = result;
  const why = unusable(stats, label);
  if (why) throw why;
  mark('pdf pages');
  dropFurniture(pages);
  joinContinuedRows(pages);
  const levels = headingLevels(pages);
  const sink = new LineSink();
  for (const p of pages) {
    for (const row of p.rows) {
      sink.add(row.cells.map(normalizeCell), { page: p.page, tabular: row.tabular, cellX: row.cellX, headingLevel: levels.get(row) });
    }
  }
  return { format: 'pdf', name, lines: sink.lines, pages: result.numPages };
}
