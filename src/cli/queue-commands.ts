/**
 * The queue's commands (issue 15): `juesuan worker`, `juesuan batch status|cancel|retry-failed`,
 * `juesuan recheck`, and `import` onto the queue when Redis is configured (JUESUAN_REDIS_URL or
 * --redis). BullMQ is loaded only when one of them runs with Redis, so the embedded default starts as
 * fast as before.
 */
import { promises } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../ingest/raw.js';

/** The Redis URL when the queue is configured, else undefined (embedded mode). */
export function queueUrl(explicit?: string): string | undefined {
  const u = explicit ?? process.env.JUESUAN_REDIS_URL;
  return u && u.trim() ? u.trim() : undefined;
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 1)}\n`);
}

async function openAll(dbUrl: string | undefined, redis: string | undefined, needRedis: boolean) {
  const { openDb, resolveDbUrl } = await import('../store/db.js');
  const url = queueUrl(redis);
  if (needRedis && !url) throw new InputError('no queue configured', 'set JUESUAN_REDIS_URL (redis://host:6379) or pass --redis');
  const opened = await openDb(resolveDbUrl(dbUrl));
  let q: Awaited<ReturnType<typeof import('../queue/queue.js')['openQueue']>> | undefined;
  try {
    if (url) q = await (await import('../queue/queue.js')).openQueue(url);
  } catch (e) {
    await opened.close();
    throw new InputError(e instanceof Error ? e.message : String(e), 'start Redis, or check JUESUAN_REDIS_URL');
  }
  return { opened, q, close: async () => { await q?.close(); await opened.close(); } };
}

function line(p: import('../store/batches.js').BatchProgress): string {
  const parts = [`${p.done}/${p.total} done`, `${p.failed} failed`, `${p.waiting} waiting`];
  if (p.cancelled) parts.push(`${p.cancelled} cancelled`);
  return `batch ${p.id} (${p.kind}${p.status === 'cancelled' ? ', cancelled' : ''}): ${parts.join(' · ')}`;
}

function describe(p: import('../store/batches.js').BatchProgress): string {
  const out = [line(p)];
  const s = p.byState;
  out.push(`  added ${s.added ?? 0} · already stored ${s.existing ?? 0} · unreadable ${s.unreadable ?? 0}${s.rechecked ? ` · rechecked ${s.rechecked}` : ''}`);
  for (const x of p.problems) out.push(`  ${x.state}: #${x.seq} ${x.name}: ${x.error ?? ''}${x.state === 'failed' ? ` (${x.attempts} attempts)` : ''}`);
  return out.join('\n');
}

/** Follows a batch until nothing waits (a progress bar on a terminal); returns the last progress. */
async function follow(db: import('../store/corpus.js').Db, q: import('../queue/queue.js').OpenedQueue, batch: string, total: number) {
  const { progressWithQueue } = await import('../queue/control.js');
  const cliProgress = (await import('cli-progress')).default;
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: '队列 {bar} {value}/{total} · {failed} failed', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(total, 0, { failed: 0 });
  let stop = false;
  const onSig = () => { stop = true; };
  process.once('SIGINT', onSig);
  try {
    for (;;) {
      const p = (await progressWithQueue(db, q, batch))!;
      bar?.update(p.done + p.failed + p.cancelled, { failed: p.failed });
      if (p.finished || stop) return p;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    bar?.stop();
    process.off('SIGINT', onSig);
  }
}

/** `import` with a queue: files into a batch on the queue; waits for the workers unless --no-wait. */
export async function importQueued(paths: string[], o: { db?: string; redis?: string; wait: boolean; label?: string }): Promise<void> {
  const { collectFiles } = await import('./import-command.js');
  const { files, missing } = await collectFiles(paths);
  const { opened, q, close } = await openAll(o.db, o.redis, true);
  try {
    const { enqueueDocuments } = await import('../queue/queue.js');
    async function* read() {
      // fs.promises, not node:fs/promises: node loads it on first use, so the commands that never queue don't
      for (const f of files) yield { name: basename(f), bytes: new Uint8Array(await promises.readFile(f)) };
    }
    const s = await enqueueDocuments(opened.db, q!, read(), { kind: 'import', label: o.label ?? paths.join(' ').slice(0, 200), user: 'import', keepUnreadable: true });
    process.stdout.write(`batch ${s.batch}: ${s.queued} queued, ${s.existing} already stored, ${s.unreadable} empty (${opened.url})\n`);
    for (const m of missing) process.stdout.write(`  missing: ${m}\n`);
    if (!o.wait) {
      process.stdout.write(`  follow it with: juesuan batch status ${s.batch}\n`);
      if (missing.length) process.exitCode = 2;
      return;
    }
    const p = await follow(opened.db, q!, s.batch, files.length);
    process.stdout.write(`${describe(p)}\n`);
    if (missing.length || p.failed || (p.byState.unreadable ?? 0) > 0) process.exitCode = 2;
  } finally {
    await close();
  }
}

export function registerQueueCommands(program: Command): void {
  program
    .command('worker')
    .description('take read+check jobs from the queue (JUESUAN_REDIS_URL) and store them (DATABASE_URL); run any number, on any machines')
    .option('--db <url>', 'database (default: DATABASE_URL or ./data/juesuan.sqlite)')
    .option('--redis <url>', 'queue (default: JUESUAN_REDIS_URL)')
    .option('--jobs <n>', 'documents read at once by this worker (threads; default 1)', '1')
    .option('--concurrency <n>', 'jobs held at once (default: 2 × jobs)')
    .action(async (o: { db?: string; redis?: string; jobs: string; concurrency?: string }) => {
      const { opened, q } = await openAll(o.db, o.redis, true);
      await q!.close(); // the worker opens its own connections
      const { startWorker } = await import('../queue/worker.js');
      const jobs = Math.max(1, Math.floor(Number(o.jobs)) || 1);
      const w = startWorker({
        db: opened.db, redisUrl: queueUrl(o.redis)!, jobs, ...(o.concurrency && { concurrency: Math.max(1, Math.floor(Number(o.concurrency)) || 1) }),
        log: (s) => process.stderr.write(`${new Date().toISOString()} ${s}\n`),
      });
      await w.ready;
      process.stderr.write(`${new Date().toISOString()} store: ${opened.dialect} ${opened.url.replace(/\/\/([^@/]*)@/, '//***@')}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.stderr.write(`${new Date().toISOString()} stopping: finishing the jobs held…\n`);
          void w.close().then(() => opened.close()).then(() => {
            process.stderr.write(`${new Date().toISOString()} stopped: ${JSON.stringify(w.stats)}\n`);
            resolve();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  const batch = program.command('batch').description('batches of the queue: progress, cancel, retry the failed');
  batch
    .command('status [id]')
    .description('progress of a batch (done / failed / waiting, failed and unreadable documents with their reasons); without an id, the latest batches')
    .option('--db <url>', 'database (default: DATABASE_URL or ./data/juesuan.sqlite)')
    .option('--redis <url>', 'queue (default: JUESUAN_REDIS_URL)')
    .option('--json', 'JSON')
    .option('--follow', 'wait until nothing waits')
    .action(async (id: string | undefined, o: { db?: string; redis?: string; json?: boolean; follow?: boolean }) => {
      const { opened, q, close } = await openAll(o.db, o.redis, false);
      try {
        const { listBatches, isBatchId } = await import('../store/batches.js');
        if (!id) {
          const list = await listBatches(opened.db);
          if (o.json) printJson({ batches: list });
          else for (const b of list) process.stdout.write(`${b.id}  ${b.kind.padEnd(7)} ${String(b.total).padStart(7)} documents  ${b.status}  ${b.label ?? ''}\n`);
          return;
        }
        if (!isBatchId(id)) throw new InputError(`not a batch id: ${id}`, 'batch ids look like 20261205-223015-3fa2c1 (juesuan batch status lists them)');
        const { progressWithQueue } = await import('../queue/control.js');
        let p = await progressWithQueue(opened.db, q, id);
        if (!p) throw new InputError(`no batch ${id}`, 'juesuan batch status lists the batches');
        if (o.follow && q) p = await follow(opened.db, q, id, p.total);
        if (o.json) printJson(p);
        else process.stdout.write(`${describe(p)}\n`);
      } finally {
        await close();
      }
    });
  batch
    .command('cancel <id>')
    .description('cancel a batch: documents still waiting are not read (those already stored stay)')
    .option('--db <url>', 'database (default: DATABASE_URL or ./data/juesuan.sqlite)')
    .option('--redis <url>', 'queue (default: JUESUAN_REDIS_URL)')
    .action(async (id: string, o: { db?: string; redis?: string }) => {
      const { opened, q, close } = await openAll(o.db, o.redis, false);
      try {
        const { cancel } = await import('../queue/control.js');
        const n = await cancel(opened.db, q, id);
        if (n === undefined) throw new InputError(`no batch ${id}`, 'juesuan batch status lists the batches');
        process.stdout.write(`batch ${id} cancelled: ${n} waiting documents will not be read\n`);
      } finally {
        await close();
      }
    });
  batch
    .command('retry-failed <id>')
    .description('queue the failed documents of a batch again')
    .option('--db <url>', 'database (default: DATABASE_URL or ./data/juesuan.sqlite)')
    .option('--redis <url>', 'queue (default: JUESUAN_REDIS_URL)')
    .action(async (id: string, o: { db?: string; redis?: string }) => {
      const { opened, q, close } = await openAll(o.db, o.redis, true);
      try {
        const { retryFailed, reconcileBatch } = await import('../queue/control.js');
        await reconcileBatch(opened.db, q!, id);
        const n = await retryFailed(opened.db, q!, id);
        if (n === undefined) throw new InputError(`no batch ${id}`, 'juesuan batch status lists the batches');
        process.stdout.write(`batch ${id}: ${n} failed documents queued again\n`);
      } finally {
        await close();
      }
    });

  program
    .command('recheck')
    .description('re-run the rules on every stored document checked with an older rule set (on the queue when JUESUAN_REDIS_URL is set)')
    .option('--db <url>', 'database (default: DATABASE_URL or ./data/juesuan.sqlite)')
    .option('--redis <url>', 'queue (default: JUESUAN_REDIS_URL)')
    .option('--all', 'every document, whatever its rule set')
    .option('--no-wait', 'with a queue: return once queued')
    .option('--summaries', 'instead: count the summary tables (list facets, finding counts) again from the corpus — after rows were written by an older version or by plain SQL')
    .action(async (o: { db?: string; redis?: string; all?: boolean; wait: boolean; summaries?: boolean }) => {
      const { opened, q, close } = await openAll(o.db, o.redis, false);
      try {
        if (o.summaries) {
          const { rebuildSummaries } = await import('../store/summaries.js');
          await rebuildSummaries(opened.db);
          const n = await opened.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          process.stdout.write(`summary tables counted again from ${Number(n.n)} documents\n`);
          return;
        }
        const { staleDocumentIds, recheckStale } = await import('../store/corpus.js');
        const ruleset = await rulesetNow();
        if (!q) {
          const { WorkerPool } = await import('../core/pool/pool.js');
          const pool = new WorkerPool({ idleMs: 0 });
          try {
            if (o.all) await opened.db.updateTable('documents').set({ ruleset: null }).where('status', '=', 'ok').execute();
            const n = await recheckStale(opened.db, ruleset, (model) => pool.run({ op: 'check', input: { model } }));
            process.stdout.write(`${n} documents re-checked\n`);
          } finally {
            await pool.close();
          }
          return;
        }
        const ids = o.all ? (await opened.db.selectFrom('documents').select('id').where('status', '=', 'ok').orderBy('id').execute()).map((r) => r.id) : await staleDocumentIds(opened.db, ruleset);
        const { enqueueRecheck } = await import('../queue/queue.js');
        const s = await enqueueRecheck(opened.db, q, ids, { user: 'cli' });
        process.stdout.write(`batch ${s.batch}: ${s.queued} documents queued for re-checking\n`);
        if (o.wait && s.queued) process.stdout.write(`${describe(await follow(opened.db, q, s.batch, s.queued))}\n`);
      } finally {
        await close();
      }
    });
}

/** The rule-set version the engine stamps on a report now. */
async function rulesetNow(): Promise<string> {
  const { checkDisclosure } = await import('../check/engine.js');
  return checkDisclosure({ meta: { kind: 'other' }, source: { format: 'text' }, toc: [], tables: [], sections: [], performance: [], lines: [], ordinals: [], notFound: [], warnings: [] } as never).document.ruleset;
}
