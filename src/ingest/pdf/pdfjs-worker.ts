/**
 * The pdf.js worker thread: opens one document at a time with pdf.js (./load.ts) and answers the
 * requests of engine/pdfjs.ts — open, a page's text items and painted paths, a page's text
 * operators, close — one after the other. The thread that reads stops this one (Worker.terminate)
 * when the PDF time limit ends or when its heap cap is reached: pdf.js's font parsers can spend many
 * seconds inside one call (a damaged CFF font: 13 s in one page), where no limit can be checked.
 *
 * Imports pdf.js and ./load.ts only (plus types), so that the CLI bundle's entry for this thread
 * shares no chunk with the reading code.
 */
import { parentPort } from 'node:worker_threads';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { loadPdfjs, openPdf, PdfOpenError, type PdfOpenFailure, type PdfOpenOptions, type Pdfjs } from './load.js';
import { IDENTITY, multiply, type Matrix } from './matrix.js';
import type { PaintedPath, PdfTextItem } from './page.js';

/** A page as pdf.js gives it, before engine-neutral layout (page.ts's pageContent, in the reading thread). */
export interface PdfjsPage {
  view: number[];
  rotate: number;
  items: PdfTextItem[];
  paths: PaintedPath[];
  textOps: number;
  imageOps: number;
}

export type PdfjsRequest =
  | { id: number; type: 'open'; bytes: Uint8Array; opts: PdfOpenOptions }
  | { id: number; type: 'page'; n: number }
  | { id: number; type: 'textOps'; n: number }
  | { id: number; type: 'close' };

export type PdfjsReply =
  | { id: number; ok: true; numPages?: number; page?: PdfjsPage; textOps?: number }
  | { id: number; ok: false; open?: PdfOpenFailure; message: string };

// pdf.js's operator codes, set when pdf.js is loaded
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

async function readPage(page: PDFPageProxy): Promise<PdfjsPage> {
  const text = await page.getTextContent();
  const items = text.items as PdfTextItem[];
  const hasText = items.some((it) => it.str && it.str.trim());
  const ops = hasText ? await operatorContent(page) : { paths: [], textOps: 0, imageOps: 0 };
  return { view: [...page.view], rotate: page.rotate, items, ...ops };
}

let doc: PDFDocumentProxy | undefined;

async function handle(req: PdfjsRequest): Promise<PdfjsReply> {
  const { id } = req;
  if (req.type === 'close') {
    await doc?.destroy().catch(() => undefined);
    doc = undefined;
    return { id, ok: true };
  }
  if (req.type === 'open') {
    await doc?.destroy().catch(() => undefined);
    doc = undefined;
    setOps(await loadPdfjs());
    doc = await openPdf(req.bytes, req.opts);
    return { id, ok: true, numPages: doc.numPages };
  }
  if (!doc) throw new Error('no document is open');
  const page = await doc.getPage(req.n);
  if (req.type === 'textOps') {
    const list = await page.getOperatorList();
    return { id, ok: true, textOps: list.fnArray.reduce((k, fn) => k + (TEXT_OPS.has(fn) ? 1 : 0), 0) };
  }
  const content = await readPage(page);
  page.cleanup();
  return { id, ok: true, page: content };
}

if (parentPort) {
  const port = parentPort;
  // a rejection pdf.js leaves unobserved (a damaged cross-reference found late) ends this thread with
  // its reason as the error, which the reading thread reports for the document
  process.on('unhandledRejection', (reason) => {
    const e = reason as { name?: string; message?: string } | undefined;
    throw new Error(e?.message ? `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}` : String(reason));
  });
  // one request at a time, in order
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (req: PdfjsRequest) => {
    queue = queue.then(async () => {
      let reply: PdfjsReply;
      try {
        reply = await handle(req);
      } catch (err) {
        const e = err as Error;
        reply = { id: req.id, ok: false, message: e?.message ?? String(err), ...(err instanceof PdfOpenError && { open: err.failure }) };
      }
      port.postMessage(reply);
    });
  });
}
