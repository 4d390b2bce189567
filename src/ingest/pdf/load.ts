/**
 * Opening a PDF with pdfjs-dist (legacy build, for Node): CMaps and standard fonts from the
 * package's folders as filesystem paths (file:// URLs fail on Node 20), no eval, no font faces.
 *
 * Runs inside the pdf.js worker thread (./pdfjs-worker.ts, started by engine/pdfjs.ts), never in the
 * thread that reads: pdf.js's font parsers can spend many seconds inside one call, and only a
 * thread can be stopped in the middle of one. The legacy build and its worker module carry core-js,
 * which replaces built-ins for the whole isolate: in the worker thread that touches no other
 * thread's built-ins, and the load still runs inside withBuiltinsKept, which puts the originals back
 * (the worker module is handed to pdf.js as globalThis.pdfjsWorker, so pdf.js does not import it
 * later, outside the guard). Failures to open are PdfOpenFailures (plain data the thread that reads
 * turns into InputErrors): this module imports nothing the reading thread loads.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { withBuiltinsKept } from './builtins.js';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<Pdfjs> | undefined;

/** pdf.js, loaded on first use (no top-level await: the CLI bundle is CommonJS, see bin/juesuan.cjs). */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= withBuiltinsKept(async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // @ts-expect-error the worker module has no type declarations
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  });
  return loading;
}

export type { PDFDocumentProxy };

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
export const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
export const STANDARD_FONT_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

export interface PdfOpenOptions {
  /** The CMap folder (a path ending in '/'); the package's by default. Tests point it elsewhere. */
  cMapUrl?: string;
}

/** Why pdf.js could not open a document: an encrypted one (a password needed, or a wrong one), a damaged one, or another reason. */
export interface PdfOpenFailure {
  kind: 'password' | 'wrong-password' | 'invalid' | 'other';
  message: string;
}

export class PdfOpenError extends Error {
  constructor(readonly failure: PdfOpenFailure) {
    super(failure.message);
    this.name = 'PdfOpenError';
  }
}

function reason(err: unknown): string {
  const e = err as { message?: string };
  return e?.message ?? String(err);
}

/** Opens the document; throws PdfOpenError for encrypted (password), damaged or non-PDF input. */
export async function openPdf(bytes: Uint8Array, opts: PdfOpenOptions = {}): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: opts.cMapUrl ?? CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_URL,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (err) {
    // Stop the worker side too: nothing of this document may reject later, unobserved.
    await task.destroy().catch(() => undefined);
    const e = err as { name?: string; code?: number };
    if (e?.name === 'PasswordException') {
      throw new PdfOpenError({ kind: e.code === pdfjs.PasswordResponses.INCORRECT_PASSWORD ? 'wrong-password' : 'password', message: reason(err) });
    }
    throw new PdfOpenError({ kind: e?.name === 'InvalidPDFException' ? 'invalid' : 'other', message: reason(err) });
  }
}
