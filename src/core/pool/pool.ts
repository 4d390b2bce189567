/**
 * The worker pool: reading and checking documents off the calling thread, on every core.
 *
 * - Each worker is a worker thread with a heap cap (`memoryMb`, V8 resourceLimits) and each document a
 *   wall-clock budget (`timeoutMs`). A worker that runs out of memory, overruns the budget, or dies of
 *   an escaped error gives that document a clear error and is replaced; the other documents go on.
 * - Workers start on demand, are recycled after `maxTasksPerWorker` documents and stop after
 *   `idleMs` without work, so a long-running server gives its memory back.
 * - Tasks queue in order; `size` of them run at once.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../ingest/raw.js';
import type { PoolTask, TaskFailure, TaskOp, TaskValue } from './tasks.js';

export interface PoolOptions {
  /** Workers running at once (default: the cores). */
  size?: number;
  /** Heap cap per worker in MB (default JUESUAN_WORKER_MEMORY_MB or 1024). */
  memoryMb?: number;
  /** Wall-clock budget per document in ms (default JUESUAN_DOC_TIMEOUT_MS or 60000). */
  timeoutMs?: number;
  /** A worker that has done this many documents is replaced (bounds slow leaks; default 200). */
  maxTasksPerWorker?: number;
  /** Idle workers stop after this many ms (default JUESUAN_WORKER_IDLE_MS or 30000; 0 keeps them). */
  idleMs?: number;
  /** Niceness the workers add to their own (per thread on Linux; 0 = none): the thread that started the
   *  pool — the server's event loop — is then served first when the cores are busy reading. */
  niceness?: number;
}

/** A document the pool could not finish: the worker ran out of time or memory, or died. */
export class PoolLimitError extends InputError {
  constructor(message: string, hint: string, readonly limit: 'time' | 'memory') {
    super(message, hint);
  }
}

/** A worker died of something that is not the input's fault (exit 3 in the CLI, 500 in the server). */
export class PoolInternalError extends Error {
  constructor(message: string, readonly detail?: string) {
    super(message);
    this.name = 'PoolInternalError';
  }
}

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function defaultJobs(): number {
  return Math.max(1, typeof availableParallelism === 'function' ? availableParallelism() : 1);
}

/** The worker's entry: the TypeScript source under tsx (tests, dev), the bundled file in dist/cli. */
function workerEntry(): { source: URL | string; eval?: true } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // tsx's loader does not follow into worker threads on Node 20: register it inside the worker
    const url = new URL('./worker.ts', here).href;
    return { source: `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url)}); }).catch((e) => { throw e; });`, eval: true };
  }
  // bundled: chunks and the worker entry live side by side in dist/cli
  for (const name of ['./pool-worker.mjs', '../pool-worker.mjs']) {
    const url = new URL(name, here);
    if (existsSync(fileURLToPath(url))) return { source: url };
  }
  throw new PoolInternalError(`pool worker bundle not found next to ${here}`);
}

interface Job {
  task: PoolTask;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  label: string;
  onStart?: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  jobId: number;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
  done: number;
  dead: boolean;
  startedAt: number;
}

let nextId = 1;

export class WorkerPool {
  readonly size: number;
  readonly memoryMb: number;
  readonly timeoutMs: number;
  private readonly maxTasks: number;
  private readonly idleMs: number;
  private readonly niceness: number;
  private readonly queue: Job[] = [];
  private readonly slots = new Set<Slot>();
  private closed = false;
  private startFailures = 0;
  /** Moving average of the time a worker spends on one document (ms; 0 before the first). */
  avgMs = 0;
  /** Counters for logs and tests. */
  readonly stats = { started: 0, replaced: 0, timeouts: 0, outOfMemory: 0, crashes: 0, done: 0 };

  constructor(o: PoolOptions = {}) {
    this.size = Math.max(1, Math.floor(o.size ?? defaultJobs()));
    this.memoryMb = o.memoryMb ?? envNumber('JUESUAN_WORKER_MEMORY_MB', 1024);
    this.timeoutMs = o.timeoutMs ?? envNumber('JUESUAN_DOC_TIMEOUT_MS', 60_000);
    this.maxTasks = o.maxTasksPerWorker ?? 200;
    this.idleMs = o.idleMs ?? envNumber('JUESUAN_WORKER_IDLE_MS', 30_000);
    this.niceness = Math.max(0, Math.min(19, Math.floor(o.niceness ?? 0)));
  }

  /** Runs one task; `onStart` is called when a worker takes it (its queue wait is over). */
  run<K extends TaskOp>(task: PoolTask & { op: K }, hooks: { onStart?: () => void } = {}): Promise<TaskValue[K]> {
    if (this.closed) return Promise.reject(new PoolInternalError('the worker pool is closed'));
    const label = task.input.path ?? task.input.name ?? 'input';
    return new Promise<TaskValue[K]>((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (v: unknown) => void, reject, label, ...(hooks.onStart && { onStart: hooks.onStart }) });
      this.pump();
    });
  }

  /** Documents waiting plus documents being read. */
  get load(): number {
    let busy = 0;
    for (const s of this.slots) if (s.job) busy++;
    return busy + this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new PoolInternalError('the worker pool was closed'));
    await Promise.all([...this.slots].map((s) => this.retire(s)));
  }

  private pump(): void {
    while (this.queue.length) {
      let slot: Slot | undefined;
      for (const s of this.slots) if (s.ready && !s.job && !s.dead) { slot = s; break; }
      if (!slot) {
        if (this.slots.size < this.size) this.spawn();
        return;
      }
      this.assign(slot, this.queue.shift()!);
    }
  }

  private spawn(): void {
    const entry = workerEntry();
    const worker = new Worker(entry.source, {
      ...(entry.eval && { eval: true }),
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, this.memoryMb >> 4)) },
      stderr: false,
      stdout: false,
      workerData: { niceness: this.niceness },
    });
    const slot: Slot = { worker, ready: false, jobId: 0, done: 0, dead: false, startedAt: 0 };
    this.slots.add(slot);
    this.stats.started++;
    worker.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; value?: unknown; failure?: TaskFailure }) => {
      if (m.ready) {
        slot.ready = true;
        this.startFailures = 0;
        this.pump();
        this.armIdle(slot);
        return;
      }
      const job = slot.job;
      if (!job || m.id !== slot.jobId) return;
      clearTimeout(slot.timer);
      const took = performance.now() - slot.startedAt;
      this.avgMs = this.avgMs ? this.avgMs * 0.8 + took * 0.2 : took;
      slot.job = undefined;
      slot.done++;
      this.stats.done++;
      if (m.ok) job.resolve(m.value);
      else job.reject(fromFailure(m.failure!));
      if (slot.done >= this.maxTasks) void this.retire(slot);
      this.pump();
      this.armIdle(slot);
    });
    worker.on('error', (err: Error & { code?: string }) => this.died(slot, err));
    worker.on('exit', (code) => this.died(slot, new Error(`worker exited with code ${code}`)));
  }

  private assign(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    slot.job = job;
    slot.jobId = nextId++;
    slot.startedAt = performance.now();
    slot.timer = setTimeout(() => {
      this.stats.timeouts++;
      this.fail(slot, new PoolLimitError(`${job.label}: not read within ${Math.round(this.timeoutMs / 1000)} s (time budget per document)`, 'raise JUESUAN_DOC_TIMEOUT_MS (milliseconds) to allow more', 'time'));
    }, this.timeoutMs);
    job.onStart?.();
    slot.worker.postMessage({ id: slot.jobId, task: job.task });
  }

  private armIdle(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    if (this.idleMs > 0 && !slot.job && !slot.dead) {
      slot.idleTimer = setTimeout(() => { if (!slot.job) void this.retire(slot); }, this.idleMs);
      slot.idleTimer.unref();
    }
  }

  /** The worker failed while (maybe) holding a job: the job gets the error, the worker is replaced. */
  private died(slot: Slot, err: Error & { code?: string }): void {
    if (slot.dead) return;
    const job = slot.job;
    if (!slot.ready && ++this.startFailures >= 3) {
      // the worker cannot even start (a broken install): fail what waits instead of respawning forever
      const e = new PoolInternalError(`the pool worker does not start: ${err.message.split('\n')[0]}`, err.stack);
      for (const j of this.queue.splice(0)) j.reject(e);
    }
    if (job) {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.stats.outOfMemory++;
        this.fail(slot, new PoolLimitError(`${job.label}: reading needed more than ${this.memoryMb} MB (memory budget per document)`, 'raise JUESUAN_WORKER_MEMORY_MB to allow more', 'memory'));
      } else {
        this.stats.crashes++;
        this.fail(slot, new PoolInternalError(`${job.label}: the reader failed: ${err.message.split('\n')[0]}`, err.stack));
      }
      return;
    }
    this.fail(slot);
  }

  private fail(slot: Slot, error?: Error): void {
    const job = slot.job;
    // a document that ran out of budget took the worker that long too
    if (job) this.avgMs = this.avgMs ? this.avgMs * 0.8 + (performance.now() - slot.startedAt) * 0.2 : performance.now() - slot.startedAt;
    slot.job = undefined;
    clearTimeout(slot.timer);
    if (job && error) job.reject(error);
    if (!slot.dead) this.stats.replaced++;
    void this.retire(slot);
    if (!this.closed) this.pump();
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    this.slots.delete(slot);
    if (slot.job) slot.job.reject(new PoolInternalError(`${slot.job.label}: the worker stopped`));
    slot.job = undefined;
    slot.worker.removeAllListeners('message');
    slot.worker.on('error', () => {});
    await slot.worker.terminate().catch(() => undefined);
    if (!this.closed) this.pump();
  }
}

function fromFailure(f: TaskFailure): Error {
  if (f.kind === 'input') return Object.assign(new InputError(f.message, f.hint), f.code ? { code: f.code } : {});
  return new PoolInternalError(f.message, f.stack);
}

let shared: WorkerPool | undefined;

/** One pool per process for the server and library callers (closed by `closeSharedPool`). */
export function sharedPool(o?: PoolOptions): WorkerPool {
  shared ??= new WorkerPool(o);
  return shared;
}

export async function closeSharedPool(): Promise<void> {
  const p = shared;
  shared = undefined;
  await p?.close();
}
