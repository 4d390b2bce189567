/**
 * What a pool worker does for one document: read it (path or bytes) and return the model, the key
 * figures and/or the findings. The same function runs in-process (one file from the CLI) and in a
 * worker (batches, import, the server), so both give the same answers.
 */
import { operations, type ReadInput } from '../operations.js';
import { factsOf, type Facts } from '../../facts/facts.js';
import { checkDisclosure } from '../../check/engine.js';
import type { Disclosure } from '../../model/index.js';
import type { CheckReport } from '../../check/types.js';
import { InputError } from '../../ingest/raw.js';

export type TaskOp = 'parse' | 'facts' | 'check' | 'analyse' | 'store' | 'compose' | 'selftest';

export interface PoolTask {
  op: TaskOp;
  input: ReadInput;
  /** selftest (only when JUESUAN_POOL_SELFTEST=1, for the pool's own tests): misbehave on purpose */
  selftest?: 'spin' | 'allocate' | 'escape' | 'exit' | 'echo';
  /** compose: the JSON input (else input.bytes: JSON or the filled workbook) and the output format */
  compose?: { body?: unknown; format: string };
  /** check: rule selection */
  only?: string[];
  disable?: string[];
}

export interface TaskValue {
  parse: Disclosure;
  facts: Facts;
  check: CheckReport;
  analyse: { disclosure: Disclosure; facts: Facts; report: CheckReport };
  selftest: string;
  /** for the store: the model's meta, facts and report, and all three as JSON made in the worker */
  compose: { file: string; bytes: Uint8Array };
  store: { meta: Disclosure['meta']; facts: Facts; report: CheckReport; json: { model: string; facts: string; report: string } };
}

/** A failure as it crosses the thread boundary: `input` is the user's file (exit 2), `limit` a budget
 * (time or memory, exit 2 with how to raise it), `internal` a bug (exit 3). */
export interface TaskFailure {
  kind: 'input' | 'limit' | 'internal';
  /** a more precise code for the API (e.g. 'invalid-input' for a compose input with problems) */
  code?: string;
  message: string;
  hint?: string;
  stack?: string;
}

export async function runTask(task: PoolTask): Promise<unknown> {
  const opts = { ...(task.only && { only: task.only }), ...(task.disable && { disable: task.disable }) };
  switch (task.op) {
    case 'parse':
      return operations.parse(task.input);
    case 'facts':
      return operations.facts(task.input);
    case 'check':
      return operations.check(task.input, opts);
    case 'analyse': {
      const disclosure = await operations.parse(task.input);
      return { disclosure, facts: factsOf(disclosure), report: checkDisclosure(disclosure, opts) };
    }
    case 'store': {
      const disclosure = await operations.parse(task.input);
      const facts = factsOf(disclosure);
      const report = checkDisclosure(disclosure, opts);
      // the rule outcomes travel only inside the report's JSON: less to copy onto the event loop
      return { meta: disclosure.meta, facts, report: { ...report, rules: [] }, json: { model: JSON.stringify(disclosure), facts: JSON.stringify(facts), report: JSON.stringify(report) } };
    }
    case 'compose':
      return composeTask(task);
    case 'selftest':
      return selftest(task.selftest);
    default:
      throw new Error(`unknown task ${String((task as { op: unknown }).op)}`);
  }
}

export function toFailure(e: unknown): TaskFailure {
  if (e instanceof Error && (e.name === 'InputError' || e.name === 'ComposeValidationError')) {
    const x = e as Error & { hint?: string; code?: string };
    return { kind: 'input', message: e.message, ...(x.hint && { hint: x.hint }), ...(typeof x.code === 'string' && { code: x.code }) };
  }
  if (e instanceof Error) return { kind: 'internal', message: e.message.split('\n')[0] ?? e.name, ...(e.stack && { stack: e.stack }) };
  return { kind: 'internal', message: String(e) };
}

async function selftest(what: PoolTask['selftest']): Promise<string> {
  if (process.env.JUESUAN_POOL_SELFTEST !== '1') throw new Error('selftest tasks are off');
  switch (what) {
    case 'spin':
      for (;;) { /* a reader stuck in a loop */ }
    case 'allocate': {
      const keep: number[][] = [];
      for (;;) keep.push(new Array(1 << 20).fill(keep.length));
    }
    case 'escape':
      void Promise.reject(new Error('escaped rejection'));
      await new Promise((r) => setTimeout(r, 1000));
      return 'not reached';
    case 'exit':
      process.exit(7);
    default:
      return 'echo';
  }
}

/** Compose in a worker: reading a filled workbook is reading an untrusted file too. */
async function composeTask(task: PoolTask): Promise<{ file: string; bytes: Uint8Array }> {
  const { mkdtemp, readFile, readdir, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { composeToFiles, ComposeValidationError, formatProblems } = await import('../../compose/index.js');
  const { loadComposeInput } = await import('../../compose/load.js');
  const format = task.compose?.format ?? 'html';
  const b = task.input.bytes;
  if (b && b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b) {
    // a filled workbook is a ZIP: checked against the readers' container limits (entry count,
    // inflated size) before the workbook library inflates it
    const { scanZip } = await import('../../ingest/limits-zip.js');
    scanZip(b);
  }
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-compose-'));
  try {
    const loaded = task.input.bytes ? await loadComposeInput(task.input.bytes, task.input.name) : { input: task.compose?.body, problems: [] };
    try {
      await composeToFiles(loaded.input, dir, [format as never], { ...('locate' in loaded && loaded.locate && { locate: loaded.locate }), problems: loaded.problems });
    } catch (e) {
      if (e instanceof ComposeValidationError) throw Object.assign(new InputError(formatProblems(e.problems), 'fix the input where each problem points'), { code: 'invalid-input' });
      throw e;
    }
    const file = (await readdir(dir)).find((f) => f.endsWith(`.${format}`));
    if (!file) throw new Error(`the composer wrote no ${format}`);
    return { file, bytes: new Uint8Array(await readFile(join(dir, file))) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
