/**
 * Opening a PDF with pdfjs-dist (legacy build, for Node): CMaps and standard fonts from the
 * package's folders as filesystem paths (file:// URLs fail on Node 20), no eval, no font faces.
 * Password and damage errors become InputErrors with the reason.
 *
 * Loaded only by the pdf.js engine (the fallback of the fast reader). The legacy build and its
 * worker carry core-js, which replaces built-ins for the whole process: both are loaded here, once,
 * inside withBuiltinsKept, which puts the originals back (the worker module is handed to pdf.js as
 * globalThis.pdfjsWorker, so pdf.js does not import it later, outside the guard).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { InputError } from '../raw.js';
import { withBuiltinsKept } from './builtins.js';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<Pdfjs> | undefined;

/** pdf.js, loaded on first use (no top-level await: the CLI bundle is CommonJS, see bin/juesuan.mjs). */
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

function reason(err: unknown): string {
  const e = err as { name?: string; message?: string };
  return e?.message ?? String(err);
}

export interface PdfOpenOptions {
  /** The CMap folder (a path ending in '/'); the package's by default. Tests point it elsewhere. */
  cMapUrl?: string;
}

/** Opens the document; throws InputError for encrypted (password), damaged or non-PDF input. */
export async function openPdf(bytes: Uint8Array, name?: string, opts: PdfOpenOptions = {}): Promise<PDFDocumentProxy> {
  const label = name ? ` ${name}` : '';
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
      const wrong = e.code === pdfjs.PasswordResponses.INCORRECT_PASSWORD;
      throw new InputError(`the PDF${label} is encrypted: ${wrong ? 'the password is wrong' : 'a password is required to open it'}`, 'remove the password (print or export to an unprotected PDF) and try again');
    }
    if (e?.name === 'InvalidPDFException') throw new InputError(`the PDF${label} is damaged or not a PDF: ${reason(err)}`);
    throw new InputError(`the PDF${label} cannot be read: ${reason(err)}`);
  }
}
