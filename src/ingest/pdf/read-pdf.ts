/**
 * PDF → RawDocument: per page, text boxes and ruling lines (pdfjs-dist), rows of ruled tables from
 * their grids and other lines split at wide gaps, running headers/footers dropped, page numbers
 * on every line. A PDF without a text layer is refused (no OCR yet); so is one whose text cannot
 * be decoded (missing CMaps or fonts without a Unicode map) — never an empty document.
 */
import { LineSink, normalizeCell } from '../normalize.js';
import { InputError, type RawDocument } from '../raw.js';
import { joinContinuedRows } from './continued.js';
import { dropFurniture, type PageRows } from './furniture.js';
import { headingLevels } from './headings.js';
import { pageRows } from './layout.js';
import { openPdf, type PdfOpenOptions, type PDFDocumentProxy } from './load.js';
import { countTextOps, readPage, type PageContent } from './page.js';

interface Stats {
  chars: number;
  undecodable: number;
  textOps: number;
  imageOps: number;
}

function count(stats: Stats, content: PageContent): void {
  stats.textOps += content.textOps;
  stats.imageOps += content.imageOps;
  for (const b of content.boxes) {
    for (const ch of b.str) {
      if (/\s/.test(ch)) continue;
      stats.chars++;
      if (/[\ue000-\uf8ff\ufffd\u0000-\u0008]/.test(ch)) stats.undecodable++;
    }
  }
}

function refuse(stats: Stats, label: string): void {
  if (stats.chars === 0 && stats.textOps > 0) {
    throw new InputError(`the PDF${label} has text that could not be decoded (missing CMaps or fonts without a Unicode map)`, 'export the PDF again with embedded fonts, or supply the text');
  }
  if (stats.chars === 0) {
    throw new InputError(`the PDF${label} has no text layer (scanned PDF?): OCR is not supported yet`, 'supply the original PDF, Word or Excel file, or a text version');
  }
  if (stats.undecodable > stats.chars * 0.3) {
    throw new InputError(`the PDF${label} text layer is garbled (fonts without a Unicode map): ${stats.undecodable} of ${stats.chars} characters cannot be decoded`);
  }
}

async function readPages(doc: PDFDocumentProxy, stats: Stats, label: string): Promise<PageRows[]> {
  const pages: PageRows[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    let content: PageContent;
    try {
      const page = await doc.getPage(n);
      content = await readPage(page, n);
      page.cleanup();
    } catch (err) {
      throw new InputError(`the PDF${label} is damaged: page ${n} cannot be read (${(err as Error).message})`);
    }
    count(stats, content);
    pages.push({ page: n, height: content.height, rows: pageRows(content) });
  }
  return pages;
}

export async function readPdf(bytes: Uint8Array, name?: string, opts: PdfOpenOptions = {}): Promise<RawDocument> {
  const label = name ? ` ${name}` : '';
  const doc = await openPdf(bytes, name, opts);
  try {
    const stats: Stats = { chars: 0, undecodable: 0, textOps: 0, imageOps: 0 };
    const pages = await readPages(doc, stats, label);
    if (stats.chars === 0) stats.textOps = await countTextOps(await doc.getPage(1)).catch(() => 0);
    refuse(stats, label);
    dropFurniture(pages);
    joinContinuedRows(pages);
    const levels = headingLevels(pages);
    const sink = new LineSink();
    for (const p of pages) {
      for (const row of p.rows) {
        sink.add(row.cells.map(normalizeCell), { page: p.page, tabular: row.tabular, cellX: row.cellX, headingLevel: levels.get(row) });
      }
    }
    return { format: 'pdf', name, lines: sink.lines, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
