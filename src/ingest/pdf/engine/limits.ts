/**
 * Limits of one PDF read (issue 14): pages, objects, decoded bytes, inflation ratio of a stream and
 * wall-clock time. Each breach is an InputError that names the limit and the environment variable
 * that raises it. Defaults fit the largest real disclosures many times over.
 */
import { InputError } from '../../raw.js';

export interface PdfLimits {
  /** Pages per document (JUESUAN_PDF_MAX_PAGES). */
  maxPages: number;
  /** Objects in the cross-reference (JUESUAN_PDF_MAX_OBJECTS). */
  maxObjects: number;
  /** Bytes decoded from all streams of the document (JUESUAN_PDF_MAX_DECODED_MB). */
  maxDecodedBytes: number;
  /** Decoded : encoded ratio of one stream, enforced past RATIO_FLOOR bytes (JUESUAN_PDF_MAX_INFLATE_RATIO). */
  maxInflateRatio: number;
  /** Seconds per document (JUESUAN_PDF_TIME_LIMIT), both engines together. */
  timeLimitS: number;
  /** Heap (MB) of the pdf.js worker thread, the fast reader's fallback (JUESUAN_PDF_MAX_HEAP_MB). */
  maxHeapMb: number;
  /** When the time limit ends (Date.now() ms): set once per document, so that the pdf.js fallback gets what the fast reader left. */
  deadline?: number;
  /** The process's CPU time (µs, user + system) at which the limit ends, set with `deadline`. */
  cpuDeadline?: number;
}

/** The process's CPU time is read at most once per CPU_READ_EVERY_MS of wall time (a system call each: 5% of a read when asked per page and stream). */
const CPU_READ_EVERY_MS = 20;
let cpuRead = { at: -Infinity, us: 0 };

function cpuNow(): number {
  const now = Number(process.hrtime.bigint() / 1000n) / 1000; // ms; not performance.now(), which loads perf_hooks (~2 ms of a check)
  if (now - cpuRead.at >= CPU_READ_EVERY_MS) {
    const u = process.cpuUsage();
    cpuRead = { at: now, us: u.user + u.system };
  }
  return cpuRead.us;
}

/** Whether other documents are read in this process at the same time (a worker pool's thread): its CPU time is then not this document's. */
let sharedProcess = false;

/** Called by a worker pool's thread: the process's CPU time counts the other workers too. */
export function markSharedProcess(): void {
  sharedProcess = true;
}

/** Where a document is read alone (the CLI, a fuzz case), a starved process still gets this many times the limit in wall-clock time. */
const WALL_FACTOR = 3;

/**
 * Milliseconds until the document's time limit is over (0: it is over). Starts the clock if needed.
 * - Read alone in its process: the process's CPU time (every thread: pdf.js's, the garbage
 *   collector's) decides, so a hostile file never costs more than the limit in CPU; a process that
 *   waits for a CPU (a loaded machine) gets up to WALL_FACTOR times the limit in wall-clock time.
 * - In a worker pool, where the process's CPU time also counts the other workers': the limit ends
 *   when both the wall clock and the CPU time have passed it (the pool has its own per-document budget).
 */
export function timeLeftMs(limits: PdfLimits): number {
  startClock(limits);
  const wall = limits.deadline! - Date.now();
  const cpu = (limits.cpuDeadline! - cpuNow()) / 1000;
  if (!sharedProcess) return Math.max(0, Math.ceil(Math.min(cpu, wall + (WALL_FACTOR - 1) * limits.timeLimitS * 1000)));
  return Math.max(0, Math.ceil(Math.max(wall, cpu)));
}

/** The refusal at the time limit. */
export function timeLimitError(limits: PdfLimits): PdfLimitError {
  return new PdfLimitError(`reading took longer than ${limits.timeLimitS} s`, 'JUESUAN_PDF_TIME_LIMIT (seconds)');
}

/** Starts the document's clock: both deadlines, once (later calls keep them). */
export function startClock(limits: PdfLimits): PdfLimits {
  limits.deadline ??= Date.now() + limits.timeLimitS * 1000;
  limits.cpuDeadline ??= cpuNow() + limits.timeLimitS * 1e6;
  return limits;
}

/** A stream may always decode to this many bytes, whatever its ratio (small, very repetitive content). */
export const RATIO_FLOOR = 4 * 2 ** 20;

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function pdfLimits(overrides: Partial<PdfLimits> = {}): PdfLimits {
  return {
    maxPages: envNumber('JUESUAN_PDF_MAX_PAGES', 1000),
    maxObjects: envNumber('JUESUAN_PDF_MAX_OBJECTS', 1_000_000),
    maxDecodedBytes: envNumber('JUESUAN_PDF_MAX_DECODED_MB', 256) * 2 ** 20,
    maxInflateRatio: envNumber('JUESUAN_PDF_MAX_INFLATE_RATIO', 100),
    // Whole-process reads of hostile files end within 10 s: reading stops here, and the layout,
    // recognizers and rules after it take well under a second on what a PDF can hold in 8 s.
    timeLimitS: envNumber('JUESUAN_PDF_TIME_LIMIT', 8),
    // pdf.js read the largest real disclosure (734 KB, 20 pages) within a 96 MB heap; past this cap
    // the thread is stopped, so that the document's process stays under ~1 GB
    maxHeapMb: envNumber('JUESUAN_PDF_MAX_HEAP_MB', 512),
    ...overrides,
  };
}

export class PdfLimitError extends InputError {
  constructor(what: string, env: string) {
    super(`the PDF exceeds a limit: ${what}`, `set ${env} to raise it`);
  }
}

/**
 * Running budget of one document: decoded bytes and a deadline (see timeLeftMs: CPU time where the
 * document is read alone, wall clock and CPU time together in a worker pool).
 */
export class Budget {
  decoded = 0;
  constructor(readonly limits: PdfLimits) {
    startClock(limits);
  }

  checkTime(): void {
    if (timeLeftMs(this.limits) === 0) throw timeLimitError(this.limits);
  }

  /** The most bytes the next stream of `encoded` bytes may decode to. */
  maxOutput(encoded: number): number {
    return Math.max(0, Math.min(this.limits.maxDecodedBytes - this.decoded, Math.max(RATIO_FLOOR, encoded * this.limits.maxInflateRatio)));
  }

  /** Called when a stream hit maxOutput(encoded): says which limit it was. */
  exceeded(encoded: number): never {
    if (this.limits.maxDecodedBytes - this.decoded <= Math.max(RATIO_FLOOR, encoded * this.limits.maxInflateRatio)) {
      throw new PdfLimitError(`its streams decode to more than ${Math.round(this.limits.maxDecodedBytes / 2 ** 20)} MB`, 'JUESUAN_PDF_MAX_DECODED_MB');
    }
    throw new PdfLimitError(`a stream of ${encoded} bytes inflates more than ${this.limits.maxInflateRatio} times (a compression bomb?)`, 'JUESUAN_PDF_MAX_INFLATE_RATIO');
  }

  add(bytes: number): void {
    this.decoded += bytes;
  }
}
