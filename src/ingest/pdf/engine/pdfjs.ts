/**
 * The pdf.js reader (pdfjs-dist legacy build), kept as the fallback of the fast reader and selectable
 * with JUESUAN_PDF_ENGINE=pdfjs for comparison. Loaded only when used: it costs ~0.3 s and installs
 * core-js polyfills. Text from getTextContent; rulings from the operator list (constructPath with the
 * current transformation matrix tracked through save/restore/cm and form XObjects).
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { InputError } from '../../raw.js';
import { loadPdfjs, openPdf, type Pdfjs, type PdfOpenOptions } from '../load.js';
import { multiply, pageContent, type Matrix, type PageContent, type PaintedPath, type PdfTextItem } from '../page.js';
import type { PdfLimits } from './limits.js';
import { PdfLimitError } from './limits.js';
import type { PdfReader } from './reader.js';

// pdf.js's operator codes, set when pdf.js is loaded (openPdfjs) — no top-level await (see load.ts)
let OPS: Record<string, number> = {};
let STROKES = new Set<number | undefined>();
let FILLS = new Set<number | undefined>();
let TEXT_OPS = new Set<number | undefined>();
let IMAGE_OPS = new Set<number | undefined>();

function setOps(lib: Pdfjs): void {
  if (OPS === lib.OPS) return;
  OPS = lib.OPS as Record<string, number>;
  STROKES = new Set(['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((k) => OPS[k]));
  FILLS = new Set(['fill', 'eoFill'].map((k) => OPS[k]));
  TEXT_OPS = new Set(['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText'].map((k) => OPS[k]));
  IMAGE_OPS = new Set(['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintSolidColorImageMask'].map((k) => OPS[k]));
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function transformPath(data: ArrayLike<number>, m: Matrix): number[][] {
  // pdfjs DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath.
  const paths: number[][] = [];
  let cur: number[] = [];
  const push = (x: number, y: number): void => {
    cur.push(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      if (cur.length > 2) paths.push(cur);
      cur = [];
      push(data[i++]!, data[i++]!);
    } else if (op === 1) push(data[i++]!, data[i++]!);
    else if (op === 2) {
      i += 4;
      push(data[i++]!, data[i++]!);
    } else if (op === 3) {
      i += 2;
      push(data[i++]!, data[i++]!);
    } else if (op === 4) {
      if (cur.length > 2) cur.push(cur[0]!, cur[1]!);
    } else break;
  }
  if (cur.length > 2) paths.push(cur);
  return paths;
}

async function operatorContent(page: PDFPageProxy): Promise<{ paths: PaintedPath[]; textOps: number; imageOps: number }> {
  const list = await page.getOperatorList();
  const paths: PaintedPath[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let textOps = 0;
  let imageOps = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null | undefined;
      if (m && m.length === 6) ctm = multiply(ctm, Array.from(m) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!STROKES.has(paint) && !FILLS.has(paint))) continue;
      for (const pts of transformPath(data, ctm)) paths.push({ kind: STROKES.has(paint) ? 'stroke' : 'fill', pts });
    } else if (TEXT_OPS.has(fn)) textOps++;
    else if (IMAGE_OPS.has(fn)) imageOps++;
  }
  return { paths, textOps, imageOps };
}

async function readPage(page: PDFPageProxy, pageNumber: number): Promise<PageContent> {
  const text = await page.getTextContent();
  const items = text.items as PdfTextItem[];
  const hasText = items.some((it) => it.str && it.str.trim());
  const ops = hasText ? await operatorContent(page) : { paths: [], textOps: 0, imageOps: 0 };
  return pageContent(pageNumber, page.view, page.rotate, items, () => ops.paths, ops);
}

export async function openPdfjs(bytes: Uint8Array, name: string | undefined, limits: PdfLimits, opts: PdfOpenOptions = {}): Promise<PdfReader> {
  const label = name ? ` ${name}` : '';
  setOps(await loadPdfjs());
  const doc = await openPdf(bytes, name, opts);
  if (doc.numPages > limits.maxPages) {
    await doc.destroy();
    throw new PdfLimitError(`more than ${limits.maxPages} pages (${doc.numPages})`, 'JUESUAN_PDF_MAX_PAGES');
  }
  return {
    engine: 'pdfjs',
    numPages: doc.numPages,
    async page(n: number): Promise<PageContent> {
      try {
        const page = await doc.getPage(n);
        const content = await readPage(page, n);
        page.cleanup();
        return content;
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(`the PDF${label} is damaged: page ${n} cannot be read (${(err as Error).message})`);
      }
    },
    async textOps(n: number): Promise<number> {
      const list = await (await doc.getPage(n)).getOperatorList();
      return list.fnArray.reduce((k, fn) => k + (TEXT_OPS.has(fn) ? 1 : 0), 0);
    },
    async close(): Promise<void> {
      await doc.destroy().catch(() => undefined);
    },
  };
}
