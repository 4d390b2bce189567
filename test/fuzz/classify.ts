/** How a fuzz case ended, and which errors count as clear. */
import { InputError } from '../../src/ingest/raw.js';

/**
 * ok: read (exit 0/1); clear: refused with a one-line InputError (exit 2); unclear: an InputError
 * whose message is a raw JavaScript/library runtime message or spans lines; crash: any other
 * exception (exit 3) or an escaped rejection; fatal: the process died (abort, signal); hang: over
 * the time budget; memory: over the memory budget.
 */
export type Outcome = 'ok' | 'clear' | 'unclear' | 'crash' | 'fatal' | 'hang' | 'memory';

export const FAILURES: readonly Outcome[] = ['unclear', 'crash', 'fatal', 'hang', 'memory'];

export interface ChildCase {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export interface ChildAnswer {
  id: number;
  outcome: Outcome;
  message?: string;
  ms: number;
  /** CPU time of the case (user + system, ms). */
  cpuMs: number;
  /** Peak resident memory of the worker so far (bytes). */
  maxRss: number;
}

/** JavaScript runtime messages that tell a user nothing about the document. */
export const RAW_JS_MESSAGE =
  /Cannot (read|set) propert(y|ies)|is not a function|is not iterable|is not defined|is not a constructor|of undefined|of null\b|Maximum call stack|Invalid (array|string|typed array) length|Array buffer allocation failed|out of memory|Cannot convert (undefined|null|a BigInt)|Cannot access '|before initialization|Unexpected end of JSON|\[object Object\]/;

export function classifyError(err: unknown): { outcome: Outcome; message: string } {
  if (err instanceof InputError) {
    const line = `${err.message}${err.hint ? ` (${err.hint})` : ''}`;
    if (/[\r\n]/.test(line) || RAW_JS_MESSAGE.test(line)) return { outcome: 'unclear', message: line };
    return { outcome: 'clear', message: line };
  }
  const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const where = err instanceof Error ? (err.stack ?? '').split('\n').slice(1, 4).map((s) => s.trim()).join(' | ') : '';
  return { outcome: 'crash', message: `${msg.split('\n')[0]}${where ? ` @ ${where}` : ''}` };
}
