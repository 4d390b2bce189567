/**
 * Per-client limits of the server: uploads in progress per client, and failed sign-ins with an
 * exponential back-off per user name and per address. In memory (one server process), bounded in size.
 */

/** At most `max` requests of one client in progress at once; the next one is refused (429). */
export class ConcurrencyLimiter {
  private readonly active = new Map<string, number>();
  constructor(readonly max: number) {}

  tryAcquire(client: string): boolean {
    const n = this.active.get(client) ?? 0;
    if (n >= this.max) return false;
    this.active.set(client, n + 1);
    return true;
  }

  release(client: string): void {
    const n = (this.active.get(client) ?? 1) - 1;
    if (n <= 0) this.active.delete(client);
    else this.active.set(client, n);
  }

  inUse(client: string): number {
    return this.active.get(client) ?? 0;
  }
}

/**
 * At most `max` holders at once; the others wait in arrival order. The server receives at most this
 * many upload bodies at a time (the rest stay in their sockets): the event loop's turns stay short,
 * so health checks and reads between them are answered quickly however many clients send at once.
 */
export class Semaphore {
  private held = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly max: number) {}

  async acquire(): Promise<void> {
    if (this.held < this.max) {
      this.held++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes to the next in line
    else this.held = Math.max(0, this.held - 1);
  }

  get queued(): number {
    return this.waiting.length;
  }
}

interface Failures {
  count: number;
  /** no attempt before this time (ms since epoch) */
  until: number;
  last: number;
}

/**
 * Failed sign-ins: `free` failures are allowed, then each failure doubles the wait before the next
 * attempt (1 s, 2 s, 4 s … up to `maxWaitMs`). A success clears the user name's record. Records are
 * forgotten `forgetMs` after the last failure; at most `capacity` are kept (oldest dropped).
 */
export class LoginBackoff {
  private readonly byKey = new Map<string, Failures>();
  constructor(readonly o: { free?: number; maxWaitMs?: number; forgetMs?: number; capacity?: number; now?: () => number } = {}) {}

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }

  /** Milliseconds to wait before any of `keys` may try again (0: may try now). */
  waitMs(keys: string[]): number {
    const t = this.now();
    let wait = 0;
    for (const k of keys) {
      const f = this.byKey.get(k);
      if (!f) continue;
      if (t - f.last > (this.o.forgetMs ?? 3_600_000)) this.byKey.delete(k);
      else wait = Math.max(wait, f.until - t);
    }
    return Math.max(0, wait);
  }

  failed(keys: string[]): void {
    const t = this.now();
    const free = this.o.free ?? 5;
    for (const k of keys) {
      const f = this.byKey.get(k) ?? { count: 0, until: 0, last: t };
      f.count++;
      f.last = t;
      if (f.count > free) f.until = t + Math.min(this.o.maxWaitMs ?? 900_000, 1000 * 2 ** Math.min(20, f.count - free - 1));
      this.byKey.delete(k);
      this.byKey.set(k, f);
    }
    const cap = this.o.capacity ?? 10_000;
    while (this.byKey.size > cap) this.byKey.delete(this.byKey.keys().next().value!);
  }

  succeeded(key: string): void {
    this.byKey.delete(key);
  }
}
