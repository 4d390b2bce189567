/**
 * SheetJS parses a BIFF (.xls) file in a child process with its own heap cap and a time limit: it
 * trusts the counts in the records (a damaged one loops until memory runs out), and a process can be
 * killed. A worker thread's `resourceLimits` are not enough: a process started with
 * --max-old-space-size (NODE_OPTIONS, the fuzz and batch workers) overrides them for every isolate,
 * and a damaged file then grew the process past 1.5 GB.
 *
 * Starting that process (Node, then SheetJS) costs ~0.3 s of CPU, more than parsing a disclosure's
 * workbook, so one process is kept for the next workbook of the same reader: a batch worker or the
 * server reads one .xls after another without paying the start each time. It parses one workbook at
 * a time (callers wait their turn), is killed on a time-limit breach or when it dies, and is retired
 * when its memory grew past RETIRE_RSS_MB, after RETIRE_AFTER workbooks, or IDLE_MS without work.
 * While idle it holds no reference on the event loop: a CLI run ends as soon as its work is done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type XLSX from 'xlsx';
import { limit, limitError } from '../limits.js';

const require = createRequire(import.meta.url);

/** Retire the process when its resident memory after a workbook is above this (a large file's heap stays). */
const RETIRE_RSS_MB = 160;
const RETIRE_AFTER = 200;
/** Retire an idle process after this long (JUESUAN_XLS_PARSER_IDLE_MS). */
const IDLE_MS = Number(process.env.JUESUAN_XLS_PARSER_IDLE_MS) > 0 ? Number(process.env.JUESUAN_XLS_PARSER_IDLE_MS) : 20_000;

const CHILD = `
const XLSX = require(process.env.JUESUAN_XLSX_PATH);
process.on('disconnect', () => process.exit(0));
// ends by itself when idle twice as long as the parent retires it: a parent thread that was terminated
// (a worker pool stops a thread over its budget) cannot stop it any more
const idleMs = Number(process.env.JUESUAN_XLS_CHILD_IDLE_MS);
let idle = setTimeout(() => process.exit(0), idleMs);
process.on('message', (m) => {
  clearTimeout(idle);
  idle = setTimeout(() => process.exit(0), idleMs);
  let out;
  try {
    out = { id: m.id, ok: true, wb: XLSX.read(m.bytes, m.opts) };
  } catch (e) {
    out = { id: m.id, ok: false, name: e && e.name, message: String((e && e.message) || e) };
  }
  out.rssMb = process.memoryUsage.rss() / 1048576;
  process.send(out);
});`;

interface Answer {
  id: number;
  ok: boolean;
  wb?: XLSX.WorkBook;
  name?: string;
  message?: string;
  rssMb: number;
}

/** Why the parser failed, for the caller to word: a library message, a limit, or a dead process. */
export type ParseFailure = { kind: 'library'; name: string; message: string } | { kind: 'limit'; error: Error } | { kind: 'died'; detail: string };

export class ParseError extends Error {
  constructor(readonly failure: ParseFailure) {
    super(failure.kind === 'limit' ? failure.error.message : failure.kind === 'library' ? failure.message : failure.detail);
  }
}

/** NODE_OPTIONS without heap-size flags (they would override the child's own cap). */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JUESUAN_XLSX_PATH: require.resolve('xlsx'), JUESUAN_XLS_CHILD_IDLE_MS: String(2 * IDLE_MS) };
  if (env.NODE_OPTIONS) env.NODE_OPTIONS = env.NODE_OPTIONS.split(/\s+/).filter((o) => o && !/^--max-(old|semi)-space-size/.test(o)).join(' ');
  return env;
}

class ParserProcess {
  readonly child: ChildProcess;
  readonly heapMb: number;
  parsed = 0;
  dead = false;
  stderr = '';
  private idle: NodeJS.Timeout | undefined;

  constructor() {
    this.heapMb = limit('parseHeapMb');
    this.child = spawn(process.execPath, [`--max-old-space-size=${this.heapMb}`, '--max-semi-space-size=16', '-e', CHILD], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: childEnv(),
    });
    this.child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      if (this.stderr.length < 4096) this.stderr += d;
    });
    this.child.once('exit', () => {
      this.dead = true;
    });
    this.child.once('error', () => {
      this.dead = true;
    });
  }

  /** Holds the event loop while a workbook is parsed; lets it go (and arms the idle retirement) after. */
  hold(busy: boolean): void {
    const handles = [this.child, this.child.channel, this.child.stderr] as ({ ref?: () => void; unref?: () => void } | null | undefined)[];
    for (const h of handles) (busy ? h?.ref : h?.unref)?.call(h);
    clearTimeout(this.idle);
    if (!busy) {
      this.idle = setTimeout(() => this.kill(), IDLE_MS);
      this.idle.unref();
    }
  }

  kill(): void {
    clearTimeout(this.idle);
    this.dead = true;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    if (current === this) current = undefined;
  }

  parse(bytes: Uint8Array, opts: XLSX.ParsingOptions, id: number): Promise<Answer> {
    const seconds = limit('parseSeconds');
    this.stderr = '';
    this.hold(true);
    return new Promise<Answer>((resolve, reject) => {
      let done = false;
      const finish = (err: ParseError | undefined, a?: Answer): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        this.child.off('error', onError);
        if (err) {
          this.kill();
          reject(err);
        } else resolve(a!);
      };
      const onMessage = (m: Answer): void => {
        if (m.id === id) finish(undefined, m);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        // V8 aborts on a full heap (SIGABRT, exit 134) after printing "heap out of memory".
        if (/heap out of memory|Allocation failed/i.test(this.stderr) || signal === 'SIGABRT' || code === 134) finish(new ParseError({ kind: 'limit', error: limitError('parseHeapMb', this.heapMb, true, 'the .xls workbook') }));
        else finish(new ParseError({ kind: 'died', detail: `the parser stopped (${signal ?? `exit ${code}`})` }));
      };
      const onError = (err: Error): void => finish(new ParseError({ kind: 'died', detail: err.message }));
      const timer = setTimeout(() => finish(new ParseError({ kind: 'limit', error: limitError('parseSeconds', seconds, true, 'the .xls workbook') })), seconds * 1000);
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.once('error', onError);
      this.child.send({ id, bytes, opts }, (err) => {
        if (err) finish(new ParseError({ kind: 'died', detail: err.message }));
      });
    });
  }
}

let current: ParserProcess | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

async function parseOnce(bytes: Uint8Array, opts: XLSX.ParsingOptions): Promise<XLSX.WorkBook> {
  if (!current || current.dead) current = new ParserProcess();
  let p = current;
  let a: Answer;
  try {
    a = await p.parse(bytes, opts, nextId++);
  } catch (err) {
    // a process kept from before that died meanwhile (it ends by itself when idle long): once more in a fresh one
    if (!(err instanceof ParseError) || err.failure.kind !== 'died' || p.parsed === 0) throw err;
    p = current = new ParserProcess();
    a = await p.parse(bytes, opts, nextId++);
  }
  p.parsed++;
  if (a.rssMb > RETIRE_RSS_MB || p.parsed >= RETIRE_AFTER) p.kill();
  else p.hold(false);
  if (!a.ok || !a.wb) throw new ParseError({ kind: 'library', name: a.name ?? 'Error', message: a.message ?? '' });
  return a.wb;
}

/** Parses a BIFF workbook in the parser process (one workbook at a time per reading process). */
export function parseXlsInChild(bytes: Uint8Array, opts: XLSX.ParsingOptions): Promise<XLSX.WorkBook> {
  const run = queue.then(() => parseOnce(bytes, opts));
  queue = run.catch(() => undefined);
  return run;
}

/** Ends the parser process now (tests, and a worker that is about to exit). */
export function stopXlsParser(): void {
  current?.kill();
}

/** The parser process's pid while one is alive (diagnostics and tests). */
export function xlsParserPid(): number | undefined {
  return current && !current.dead ? current.child.pid : undefined;
}
