/**
 * The pdf.js reader (pdfjs-dist legacy build), kept as the fallback of the fast reader and selectable
 * with JUESUAN_PDF_ENGINE=pdfjs for comparison. pdf.js runs in a worker thread of its own
 * (../pdfjs-worker.ts), started only when used, so that
 * - the PDF time limit holds inside a page: pdf.js's font parsers can spend many seconds in one
 *   synchronous call (a damaged CFF font: 13 s), where nothing can check a clock. Each request is
 *   given what is left of the document's time; past it the thread is terminated and the document
 *   refused ("reading took longer than N s", JUESUAN_PDF_TIME_LIMIT);
 * - its memory is capped (JUESUAN_PDF_MAX_HEAP_MB, the thread's V8 heap): past it the thread ends
 *   and the document is refused, the reading process goes on;
 * - core-js, which pdf.js's legacy build carries, changes built-ins in that thread only.
 * Text from getTextContent; rulings from the operator list (constructPath with the current
 * transformation matrix tracked through save/restore/cm and form XObjects), laid out here by
 * page.ts as the fast reader's pages are. One thread per document, reused by the next one while idle.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../raw.js';
import type { PdfOpenOptions } from '../load.js';
import { pageContent, type PageContent } from '../page.js';
import type { PdfjsPage, PdfjsReply, PdfjsRequest } from '../pdfjs-worker.js';
import { PdfLimitError, startClock, timeLeftMs, timeLimitError, type PdfLimits } from './limits.js';
import type { PdfReader } from './reader.js';

type Request = PdfjsRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * The TypeScript source run through tsx (its loader does not follow into worker threads on Node 20:
 * registered inside; resolved here, as an eval'd thread resolves packages from the working directory).
 */
function fromSource(url: string): { source: string; eval: true } {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  return { source: `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(url)}); }).catch((e) => { throw e; });`, eval: true };
}

/** The thread's entry: the TypeScript source under tsx (tests, dev), the bundled file beside the bundle's chunks. */
function workerEntry(): { source: URL | string; eval?: true } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return fromSource(new URL('../pdfjs-worker.ts', here).href);
  // bundled: chunks and the thread's entry live side by side (dist/cli/<build>)
  for (const name of ['./pdfjs-worker.mjs', '../pdfjs-worker.mjs']) {
    const url = new URL(name, here);
    if (existsSync(fileURLToPath(url))) return { source: url };
  }
  // a bundle built without that entry, in a checkout: the source, from the project's src/
  let dir = dirname(fileURLToPath(here));
  for (let up = 0; up < 6; up++, dir = dirname(dir)) {
    const src = join(dir, 'src', 'ingest', 'pdf', 'pdfjs-worker.ts');
    if (existsSync(src)) return fromSource(pathToFileURL(src).href);
  }
  throw new Error(`the pdf.js worker bundle was not found next to ${here}`);
}

/** A worker thread left by the previous document, idle (unreferenced: it does not keep the process alive). */
let idle: { worker: Worker; heapMb: number } | undefined;

/** Threads that have ended (terminated, crashed, out of memory), whenever it happened. */
const ended = new WeakSet<Worker>();

/** One document's connection to a pdf.js thread: requests in order, each bounded by the time left. */
class PdfjsThread {
  private nextId = 1;
  private dead = false;
  private constructor(
    private readonly worker: Worker,
    private readonly limits: PdfLimits,
    private readonly label: string,
  ) {}

  static start(limits: PdfLimits, label: string): PdfjsThread {
    let worker: Worker;
    if (idle && idle.heapMb === limits.maxHeapMb && !ended.has(idle.worker)) {
      worker = idle.worker;
      idle = undefined;
    } else {
      void idle?.worker.terminate();
      idle = undefined;
      const entry = workerEntry();
      worker = new Worker(entry.source, {
        ...(entry.eval && { eval: true }),
        resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, limits.maxHeapMb >> 4)) },
      });
      // an idle thread's end (terminated, crashed) is of no concern; a request to an ended one fails at once
      worker.on('error', () => undefined);
      worker.on('exit', () => ended.add(worker));
    }
    worker.ref();
    return new PdfjsThread(worker, limits, label);
  }

  /** Sends a request; resolves with the reply, or stops the thread at the time limit or on its failure. */
  call(req: Request, transfer: ArrayBuffer[] = []): Promise<PdfjsReply & { ok: true }> {
    const page = req.type === 'page' || req.type === 'textOps' ? req.n : undefined;
    if (this.dead || ended.has(this.worker)) {
      this.kill();
      return Promise.reject(new InputError(`the PDF${this.label} cannot be read: the pdf.js reader stopped`));
    }
    const id = this.nextId++;
    const { worker, limits } = this;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fail = (err: Error): void => {
        done();
        this.kill();
        reject(err);
      };
      const onMessage = (m: PdfjsReply): void => {
        if (m.id !== id) return;
        done();
        if (m.ok) resolve(m);
        else reject(replyError(m, this.label, page));
      };
      const onError = (e: Error & { code?: string }): void => {
        if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          fail(new PdfLimitError(`reading it with pdf.js needed more than ${limits.maxHeapMb} MB of memory`, 'JUESUAN_PDF_MAX_HEAP_MB'));
        } else fail(new InputError(`the PDF${this.label} cannot be read: ${e?.message ?? String(e)}`));
      };
      const onExit = (code: number): void => fail(new InputError(`the PDF${this.label} cannot be read: the pdf.js reader stopped (exit code ${code})`));
      // the document's time limit (limits.ts, timeLeftMs: CPU time where it is read alone, both clocks in a pool)
      const arm = (): void => {
        const left = timeLeftMs(limits);
        if (left === 0) fail(timeLimitError(limits));
        // looked at again at least 4 times a second: CPU time runs faster than the clock when pdf.js and the GC run at once
        else timer = setTimeout(arm, Math.min(Math.max(left, 20), 250));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      arm();
      if (!this.dead) worker.postMessage({ ...req, id }, transfer);
    });
  }

  private kill(): void {
    if (this.dead) return;
    this.dead = true;
    void this.worker.terminate();
  }

  /** Ends the document: the thread closes it and waits, idle, for the next one (or is stopped if it failed). */
  async close(): Promise<void> {
    if (this.dead) return;
    try {
      await this.call({ type: 'close' });
    } catch {
      this.kill();
      return;
    }
    this.dead = true;
    this.worker.unref();
    if (idle) void idle.worker.terminate();
    idle = { worker: this.worker, heapMb: this.limits.maxHeapMb };
  }
}

/** A failure the thread reported (it goes on): damaged input, encryption. */
function replyError(m: PdfjsReply & { ok: false }, label: string, page?: number): InputError {
  const open = m.open;
  if (open?.kind === 'password' || open?.kind === 'wrong-password') {
    return new InputError(`the PDF${label} is encrypted: ${open.kind === 'wrong-password' ? 'the password is wrong' : 'a password is required to open it'}`, 'remove the password (print or export to an unprotected PDF) and try again');
  }
  if (open?.kind === 'invalid') return new InputError(`the PDF${label} is damaged or not a PDF: ${open.message}`);
  if (open) return new InputError(`the PDF${label} cannot be read: ${open.message}`);
  return new InputError(`the PDF${label} is damaged: ${page ? `page ${page} cannot be read (${m.message})` : m.message}`);
}

export async function openPdfjs(bytes: Uint8Array, name: string | undefined, limits: PdfLimits, opts: PdfOpenOptions = {}): Promise<PdfReader> {
  const label = name ? ` ${name}` : '';
  startClock(limits);
  const thread = PdfjsThread.start(limits, label);
  let numPages: number;
  try {
    const copy = new Uint8Array(bytes);
    numPages = (await thread.call({ type: 'open', bytes: copy, opts: { ...(opts.cMapUrl && { cMapUrl: opts.cMapUrl }) } }, [copy.buffer])).numPages!;
  } catch (err) {
    await thread.close();
    throw err;
  }
  if (numPages > limits.maxPages) {
    await thread.close();
    throw new PdfLimitError(`more than ${limits.maxPages} pages (${numPages})`, 'JUESUAN_PDF_MAX_PAGES');
  }
  return {
    engine: 'pdfjs',
    numPages,
    async page(n: number): Promise<PageContent> {
      const p: PdfjsPage = (await thread.call({ type: 'page', n })).page!;
      return pageContent(n, p.view, p.rotate, p.items, () => p.paths, p);
    },
    async textOps(n: number): Promise<number> {
      return (await thread.call({ type: 'textOps', n })).textOps!;
    },
    close(): Promise<void> {
      return thread.close();
    },
  };
}
