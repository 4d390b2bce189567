/**
 * Runs fuzz cases in worker processes (child.ts bundled once by esbuild), each case with a time
 * budget (the worker is killed past it: a hang) and a memory budget (resident memory polled while
 * the case runs, and the worker's peak after it: over it, a memory breach; the worker is replaced).
 * Shared by the brief run of `npm test` and the long run of scripts/fuzz.ts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildAnswer, Outcome } from './classify.js';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

export interface PoolOptions {
  workers: number;
  /**
   * Time budget of a case, in CPU time (user + system, all threads) so that a loaded machine does
   * not turn slow cases into hangs; the wall clock is only a guard at `wallFactor` times it.
   */
  timeoutMs: number;
  wallFactor?: number;
  memoryBytes: number;
  /** Start a fresh worker after this many cases (so one case's garbage does not count for the next). */
  recycleEvery: number;
}

export interface CaseRun {
  outcome: Outcome;
  message?: string;
  ms: number;
  /** CPU time the case used (ms; sampled every 50 ms). */
  cpuMs: number;
  /** Peak resident memory seen while the case ran (bytes; sampled, and the worker's peak when it grew). */
  peakRss: number;
}

/** Builds the worker bundle (our code bundled, dependencies from node_modules). */
async function buildChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outDir = join(root, 'dist', `fuzz-${process.pid}-${Date.now()}`);
  await build({
    // the PDF reader's pdf.js thread (src/ingest/pdf/engine/pdfjs.ts) starts from its entry beside the child
    entryPoints: { child: join(root, 'test', 'fuzz', 'child.ts'), 'pdfjs-worker': join(root, 'src', 'ingest', 'pdf', 'pdfjs-worker.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return join(outDir, 'child.mjs');
}

/**
 * CPU time (user + system) a process has used, in ms, from /proc (0 where there is none), with that
 * of its children that ended (the .xls parser and LibreOffice run in child processes of the worker).
 */
function cpuOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + (Number(fields[i]) || 0), 0);
    return ticks * 10; // clock ticks of 10 ms
  } catch {
    return 0;
  }
}

/** Time (ms) a process spent runnable but waiting for a CPU, from /proc/PID/schedstat (0 where there is none). */
function runWaitOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6 || 0;
  } catch {
    return 0;
  }
}

function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

class Worker {
  child?: ChildProcess;
  cases = 0;
  private ready?: Promise<void>;
  private onAnswer?: (a: ChildAnswer) => void;
  private onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;

  constructor(private readonly script: string, private readonly heapMb: number) {}

  start(): Promise<void> {
    const child = fork(this.script, [], {
      execArgv: [`--max-old-space-size=${this.heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, JUESUAN_FUZZ: '1' },
    });
    child.stderr?.resume();
    this.child = child;
    this.cases = 0;
    this.ready = new Promise((resolve, reject) => {
      const first = (a: ChildAnswer): void => {
        if (a.message === 'ready') resolve();
      };
      child.once('message', first);
      child.once('exit', () => reject(new Error('fuzz worker exited before it was ready')));
    });
    child.on('message', (a: ChildAnswer) => {
      if (a.message !== 'ready' || a.id !== -1) this.onAnswer?.(a);
    });
    child.on('exit', (code, signal) => this.onExit?.(code, signal));
    return this.ready;
  }

  kill(): void {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  async run(id: number, name: string, bytes: Uint8Array, opts: PoolOptions): Promise<CaseRun> {
    if (!this.child || this.cases >= opts.recycleEvery) {
      this.kill();
      await this.start();
    }
    const child = this.child!;
    this.cases++;
    const t0 = performance.now();
    let peak = rssOf(child.pid);
    const cpu0 = cpuOf(child.pid);
    let cpu = 0;
    const wallMs = opts.timeoutMs * (opts.wallFactor ?? 6);
    return new Promise<CaseRun>((resolve) => {
      let done = false;
      const finish = (r: CaseRun, restart: boolean): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(poll);
        this.onAnswer = undefined;
        this.onExit = undefined;
        if (restart) this.kill();
        resolve(r);
      };
      // The wall clock ends a case that sleeps (waits for nothing that comes); a worker that was
      // runnable but starved of CPU (a loaded machine, nice 19) gets more time, up to 5 guards.
      // The runner itself may be the one starved (it delivers the case and reads the answer).
      const wait0 = runWaitOf(child.pid);
      const selfWait0 = runWaitOf(process.pid);
      let guards = 0;
      const guard = (): void => {
        const elapsed = performance.now() - t0;
        const wanted = cpu + (runWaitOf(child.pid) - wait0) + (runWaitOf(process.pid) - selfWait0);
        if (++guards < 5 && wanted > elapsed * 0.5) {
          timer = setTimeout(guard, wallMs);
          return;
        }
        finish({ outcome: 'hang', message: `no answer within ${Math.round(elapsed)} ms of wall-clock time (${cpu} ms CPU, ${Math.round(wanted - cpu)} ms waiting for a CPU)`, ms: elapsed, cpuMs: cpu, peakRss: peak }, true);
      };
      let timer = setTimeout(guard, wallMs);
      const poll = setInterval(() => {
        peak = Math.max(peak, rssOf(child.pid));
        cpu = Math.max(cpu, cpuOf(child.pid) - cpu0);
        if (peak > opts.memoryBytes) finish({ outcome: 'memory', message: `resident memory ${(peak / 2 ** 20).toFixed(0)} MB`, ms: performance.now() - t0, cpuMs: cpu, peakRss: peak }, true);
        else if (cpu > opts.timeoutMs) finish({ outcome: 'hang', message: `over ${opts.timeoutMs} ms of CPU time`, ms: performance.now() - t0, cpuMs: cpu, peakRss: peak }, true);
      }, 50);
      this.onAnswer = (a) => {
        if (a.id !== id && a.id !== -1) return;
        const grew = a.maxRss > opts.memoryBytes;
        peak = Math.max(peak, rssOf(child.pid));
        if (grew) peak = Math.max(peak, a.maxRss);
        const outcome: Outcome = grew && a.outcome !== 'crash' ? 'memory' : a.outcome;
        cpu = Math.max(cpu, a.cpuMs);
        const slow = cpu > opts.timeoutMs && outcome !== 'crash';
        finish({
          outcome: slow ? 'hang' : outcome,
          ...(a.message !== undefined && { message: a.message }),
          ...(grew && { message: `peak resident memory ${(a.maxRss / 2 ** 20).toFixed(0)} MB; ${a.message ?? a.outcome}` }),
          ...(slow && { message: `${cpu.toFixed(0)} ms of CPU time, over ${opts.timeoutMs} ms; ${a.message ?? a.outcome}` }),
          ms: a.ms,
          cpuMs: cpu,
          peakRss: peak,
        }, grew || a.outcome === 'crash');
      };
      this.onExit = (code, signal) => {
        const memory = peak > opts.memoryBytes * 0.9 || code === 134;
        finish({ outcome: memory ? 'memory' : 'fatal', message: `worker died: ${signal ?? `exit ${code}`}`, ms: performance.now() - t0, cpuMs: cpu, peakRss: peak }, true);
      };
      child.send({ id, name, bytes });
    });
  }
}

export class FuzzPool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private waiting: ((w: Worker) => void)[] = [];
  private script?: string;
  private nextId = 1;

  constructor(readonly opts: PoolOptions) {}

  private async worker(): Promise<Worker> {
    this.script ??= await buildChild();
    const free = this.idle.pop();
    if (free) return free;
    if (this.workers.length < this.opts.workers) {
      const w = new Worker(this.script, Math.max(512, Math.round((this.opts.memoryBytes * 2) / 2 ** 20)));
      this.workers.push(w);
      return w;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** Runs one case in the next free worker. */
  async run(name: string, bytes: Uint8Array): Promise<CaseRun> {
    const w = await this.worker();
    try {
      return await w.run(this.nextId++, name, bytes, this.opts);
    } finally {
      this.release(w);
    }
  }

  /** Runs a case alone in a fresh worker (to confirm a hang or a memory breach). */
  async confirm(name: string, bytes: Uint8Array): Promise<CaseRun> {
    this.script ??= await buildChild();
    const w = new Worker(this.script, Math.max(512, Math.round((this.opts.memoryBytes * 2) / 2 ** 20)));
    try {
      return await w.run(this.nextId++, name, bytes, { ...this.opts, recycleEvery: Infinity });
    } finally {
      w.kill();
    }
  }

  close(): void {
    for (const w of this.workers) w.kill();
    this.workers = [];
    this.idle = [];
    if (this.script) rmSync(join(this.script, '..'), { recursive: true, force: true });
  }
}
