/**
 * Receiving an upload on the server's event loop without fresh memory for each one.
 *
 * Collecting the parts of an upload into a new buffer (what `toBuffer()` does) touches fresh pages
 * for every upload, and a page fault costs ~17 µs on the virtual machines we run on: 40 ms for a
 * 9 MB upload, against 1 ms for the same copy into memory used before. Under a stream of hostile
 * uploads (the same large files again and again, refused by the hash) that was the event loop's
 * largest cost. So an upload is copied into a reused scratch buffer and hashed part by part as it
 * arrives (no single long hash either); only a document that is to be read gets memory of its own
 * (`keep`). Scratch buffers are as many as uploads received at once, and are let go when uploads
 * stop for IDLE_MS.
 */
import { createHash } from 'node:crypto';

const IDLE_MS = 5_000;
/** Scratch buffers start at this size and double as uploads need. */
const INITIAL = 256 * 1024;

const free: Buffer[] = [];
let idleTimer: NodeJS.Timeout | undefined;

function take(): Buffer {
  clearTimeout(idleTimer);
  return free.pop() ?? Buffer.allocUnsafe(INITIAL);
}

/** At most this many kept (the receiving semaphore bounds how many are in use at once). */
const MAX_FREE = 8;

function give(b: Buffer): void {
  if (free.length < MAX_FREE) free.push(b);
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    free.length = 0;
  }, IDLE_MS);
  idleTimer.unref();
}

export interface Received {
  /** The upload's bytes: a view of the scratch buffer, valid until `release()`. */
  view: Uint8Array;
  sha256: string;
  /** The bytes in memory of their own (for a document that is read and stored). */
  keep(): Uint8Array;
  /** Gives the scratch buffer back (call once; the view is invalid after). */
  release(): void;
}

/** Receives a stream of parts (an upload's file stream) into a scratch buffer, hashing as it goes. */
export async function receive(parts: AsyncIterable<Buffer>): Promise<Received> {
  let buf = take();
  let n = 0;
  const hash = createHash('sha256');
  try {
    for await (const part of parts) {
      if (n + part.length > buf.length) {
        let size = buf.length * 2;
        while (size < n + part.length) size *= 2;
        const bigger = Buffer.allocUnsafe(size);
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      part.copy(buf, n);
      n += part.length;
      hash.update(part);
    }
  } catch (err) {
    give(buf);
    throw err;
  }
  let released = false;
  const view = new Uint8Array(buf.buffer, buf.byteOffset, n);
  return {
    view,
    sha256: hash.digest('hex'),
    keep: () => new Uint8Array(view),
    release: () => {
      if (released) return;
      released = true;
      give(buf);
    },
  };
}

/** Scratch buffers held now (tests). */
export function scratchBuffers(): number {
  return free.length;
}
