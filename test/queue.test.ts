/**
 * The queue (issue 15) against a real Redis and PostgreSQL: a small scale test (JUESUAN_QUEUE_TEST_N
 * synthetic disclosures, default 300, with duplicates, an empty and an unreadable file) read by two
 * workers; a job run twice stores once; a worker killed with SIGKILL mid-import loses nothing and
 * stores nothing twice; a poison document ends on the failed list with its reason and is queued again
 * by retry-failed; cancel; re-check on the queue. Skips with a message without JUESUAN_TEST_REDIS_URL
 * (.ci/run starts Redis and sets it) or JUESUAN_TEST_PG_URL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freshPgDatabase, PG_URL } from './support/pg.js';
import { openDb, type OpenedDb } from '../src/store/db.js';
import { batchProgress, getItem } from '../src/store/batches.js';
import { enqueueDocuments, enqueueRecheck, jobIdOf, openQueue, type OpenedQueue } from '../src/queue/queue.js';
import { cancel, retryFailed } from '../src/queue/control.js';
import { processJob, startWorker } from '../src/queue/worker.js';
import { WorkerPool } from '../src/core/pool/pool.js';
import { generateTexts } from '../scripts/scale-gen.js';

const REDIS = process.env.JUESUAN_TEST_REDIS_URL;
const SKIP = !REDIS ? 'JUESUAN_TEST_REDIS_URL not set: queue tests skipped (.ci/run starts Redis and sets it)'
  : !PG_URL ? 'JUESUAN_TEST_PG_URL not set: queue tests skipped (.ci/run starts PostgreSQL and sets it)' : false;
const N = Number(process.env.JUESUAN_QUEUE_TEST_N) || 300;
const root = resolve(import.meta.dirname, '..');

/** A fresh database and a queue of its own (a Redis key prefix per test). */
async function setup(env: Record<string, string> = {}): Promise<{ o: OpenedDb; q: OpenedQueue; prefix: string; done: () => Promise<void> }> {
  const pg = await freshPgDatabase();
  const o = await openDb(pg.url);
  const prefix = `jtest${randomBytes(4).toString('hex')}`;
  const saved = { ...process.env };
  Object.assign(process.env, { JUESUAN_QUEUE_PREFIX: prefix, ...env });
  const q = await openQueue(REDIS!);
  return {
    o, q, prefix,
    done: async () => {
      await q.queue.obliterate({ force: true }).catch(() => undefined);
      await q.close();
      await o.close();
      await pg.drop();
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    },
  };
}

async function until<T>(what: string, f: () => Promise<T | undefined>, limitMs = 600_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() - t0 > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const finished = (o: OpenedDb, batch: string) => until(`batch ${batch}`, async () => {
  const p = await batchProgress(o.db, batch);
  return p?.finished ? p : undefined;
});

async function storedOnce(o: OpenedDb): Promise<{ docs: number; distinct: number }> {
  const r = await o.db.selectFrom('documents').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('sha256').distinct().as('d')]).executeTakeFirstOrThrow();
  return { docs: Number(r.n), distinct: Number(r.d) };
}

test(`queue: ${N} synthetic disclosures, duplicates, an empty and an unreadable file, read by two workers`, { skip: SKIP }, async () => {
  const { o, q, done } = await setup();
  const workers = [startWorker({ db: o.db, redisUrl: REDIS!, jobs: 1 }), startWorker({ db: o.db, redisUrl: REDIS!, jobs: 1 })];
  try {
    const docs = [...generateTexts({ n: N, seed: 11, defects: 0.3 })];
    const input = [
      ...docs.map((d) => ({ name: d.name, bytes: d.bytes })),
      { name: 'copy-of-first.txt', bytes: docs[0]!.bytes }, { name: 'copy-of-second.txt', bytes: docs[1]!.bytes },
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'binary.bin', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0, 7, 7]) },
    ];
    const s = await enqueueDocuments(o.db, q, input, { kind: 'import', label: 'test', keepUnreadable: true });
    assert.equal(s.unreadable, 1, 'the empty file settles at once');
    const p = await finished(o, s.batch);
    assert.equal(p.total, input.length);
    assert.equal(p.failed, 0, JSON.stringify(p.problems));
    assert.equal(p.done, input.length);
    assert.equal((p.byState.added ?? 0) + (p.byState.existing ?? 0), N + 2);
    assert.equal(p.byState.existing, 2, 'the two copies are stored once');
    assert.equal(p.byState.unreadable, 2, 'empty and binary');
    const c = await storedOnce(o);
    assert.equal(c.docs, N + 1, 'every distinct readable document and the unreadable one, once');
    assert.equal(c.distinct, c.docs);
    const ok = await o.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'ok').executeTakeFirstOrThrow();
    assert.equal(Number(ok.n), N);
    const years = await o.db.selectFrom('documents').select('year').distinct().where('year', 'is not', null).execute();
    assert.ok(years.length >= 3, 'varied years');
    const facts = await o.db.selectFrom('facts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.ok(Number(facts.n) > N, 'facts as rows');
    assert.equal((await o.db.selectFrom('staged_content').select('sha256').execute()).length, 0, 'no staged bytes left');
    // the same files again: nothing is read, everything is already stored
    const again = await enqueueDocuments(o.db, q, docs.slice(0, 20).map((d) => ({ name: d.name, bytes: d.bytes })), { kind: 'import' });
    assert.equal(again.existing, 20);
    assert.equal(again.queued, 0);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await done();
  }
});

test('queue: a job run twice stores once; a cancelled batch is not read', { skip: SKIP }, async () => {
  const { o, q, done } = await setup();
  const pool = new WorkerPool({ size: 1, idleMs: 0 });
  try {
    const docs = [...generateTexts({ n: 6, seed: 5, defects: 0 })];
    const s = await enqueueDocuments(o.db, q, docs.slice(0, 2).map((d) => ({ name: d.name, bytes: d.bytes })), { kind: 'import' });
    assert.equal(await processJob(o.db, pool, { op: 'store', batch: s.batch, seq: 1 }, 1), 'added');
    assert.equal(await processJob(o.db, pool, { op: 'store', batch: s.batch, seq: 1 }, 2), 'skipped');
    assert.equal((await storedOnce(o)).docs, 1);
    // a second batch with the same bytes: settles as existing, pointing at the stored document
    const s2 = await enqueueDocuments(o.db, q, [{ name: 'again.txt', bytes: docs[1]!.bytes }], { kind: 'upload', keepUnreadable: false });
    assert.equal(await processJob(o.db, pool, { op: 'store', batch: s.batch, seq: 2 }, 1), 'added');
    assert.equal(await processJob(o.db, pool, { op: 'store', batch: s2.batch, seq: 1 }, 1), 'existing');
    assert.equal((await getItem(o.db, s2.batch, 1))?.state, 'existing');
    assert.equal((await storedOnce(o)).docs, 2);
    // cancel: the waiting items are cancelled, their jobs removed, a job that still runs does nothing
    const s3 = await enqueueDocuments(o.db, q, docs.slice(2).map((d) => ({ name: d.name, bytes: d.bytes })), { kind: 'import' });
    assert.equal(await cancel(o.db, q, s3.batch), 4);
    assert.equal(await processJob(o.db, pool, { op: 'store', batch: s3.batch, seq: 1 }, 1), 'skipped');
    const p = await batchProgress(o.db, s3.batch);
    assert.equal(p?.cancelled, 4);
    assert.equal(p?.status, 'cancelled');
    assert.equal((await storedOnce(o)).docs, 2);
    for (const seq of [1, 2, 3, 4]) assert.equal(await q.queue.getJob(jobIdOf(s3.batch, seq)), undefined, 'the cancelled jobs are off the queue');
  } finally {
    await pool.close();
    await done();
  }
});

test('queue: a poison document goes to the failed list with its reason after N attempts; retry-failed queues it again', { skip: SKIP }, async () => {
  const { o, q, done } = await setup({ JUESUAN_QUEUE_ATTEMPTS: '2' });
  // a pool whose time budget no document meets: every attempt fails (as a reader stuck in a loop would)
  const stuck = new WorkerPool({ size: 1, idleMs: 0, timeoutMs: 1 });
  let w = startWorker({ db: o.db, redisUrl: REDIS!, pool: stuck });
  try {
    const [d] = [...generateTexts({ n: 1, seed: 3, defects: 0 })];
    const s = await enqueueDocuments(o.db, q, [{ name: d!.name, bytes: d!.bytes }], { kind: 'import' });
    const p = await finished(o, s.batch);
    assert.equal(p.failed, 1);
    assert.equal(p.problems[0]?.state, 'failed');
    assert.match(p.problems[0]?.error ?? '', /not read within/);
    assert.equal((await storedOnce(o)).docs, 0, 'nothing stored');
    assert.equal((await q.queue.getFailed()).length, 1, 'the job is on the failed list');
    await w.close();
    await stuck.close();
    w = startWorker({ db: o.db, redisUrl: REDIS! });
    assert.equal(await retryFailed(o.db, q, s.batch), 1);
    const again = await finished(o, s.batch);
    assert.equal(again.failed, 0);
    assert.equal(again.byState.added, 1);
    assert.equal((await storedOnce(o)).docs, 1);
  } finally {
    await w.close();
    await stuck.close();
    await done();
  }
});

test('queue: jobs lost from Redis are noticed by a worker (no one asks for the status): their documents settle as failed; retry-failed reads them', { skip: SKIP }, async () => {
  const { o, q, done } = await setup();
  let w: ReturnType<typeof startWorker> | undefined;
  try {
    const docs = [...generateTexts({ n: 3, seed: 21, defects: 0 })];
    const s = await enqueueDocuments(o.db, q, docs.map((d) => ({ name: d.name, bytes: d.bytes })), { kind: 'import' });
    await q.queue.obliterate({ force: true }); // Redis lost the jobs (flushed, restarted without persistence)
    await new Promise((r) => setTimeout(r, 600));
    w = startWorker({ db: o.db, redisUrl: REDIS!, reconcileMs: 200, reconcileGraceMs: 500 });
    const p = await finished(o, s.batch);
    assert.equal(p.failed, 3);
    assert.match(p.problems[0]?.error ?? '', /no longer in the queue/);
    assert.equal((await storedOnce(o)).docs, 0);
    assert.equal(await retryFailed(o.db, q, s.batch), 3);
    const again = await finished(o, s.batch);
    assert.equal(again.failed, 0);
    assert.equal(again.byState.added, 3);
    assert.equal((await storedOnce(o)).docs, 3);
  } finally {
    await w?.close();
    await done();
  }
});

test('queue: re-check on the queue replaces the findings of documents checked with an older rule set', { skip: SKIP }, async () => {
  const { o, q, done } = await setup();
  const w = startWorker({ db: o.db, redisUrl: REDIS! });
  try {
    const docs = [...generateTexts({ n: 3, seed: 8, defects: 1 })];
    const s = await enqueueDocuments(o.db, q, docs.map((d) => ({ name: d.name, bytes: d.bytes })), { kind: 'import' });
    await finished(o, s.batch);
    await o.db.updateTable('documents').set({ ruleset: 'old' }).execute();
    const ids = (await o.db.selectFrom('documents').select('id').execute()).map((r) => r.id);
    const r = await enqueueRecheck(o.db, q, ids);
    const p = await finished(o, r.batch);
    assert.equal(p.byState.rechecked, 3);
    const left = await o.db.selectFrom('documents').select('id').where('ruleset', '=', 'old').execute();
    assert.equal(left.length, 0);
  } finally {
    await w.close();
    await done();
  }
});

test('queue: a worker killed with SIGKILL mid-import loses nothing and stores nothing twice', { skip: SKIP }, async () => {
  const { o, q, prefix, done } = await setup({ JUESUAN_QUEUE_LOCK_MS: '2000' });
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-kill-'));
  const env = { ...process.env, DATABASE_URL: o.url, JUESUAN_REDIS_URL: REDIS!, JUESUAN_QUEUE_PREFIX: prefix, JUESUAN_QUEUE_LOCK_MS: '2000' };
  const spawnWorker = () => spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'worker', '--jobs', '1', '--concurrency', '3'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const victim = spawnWorker();
  let stderr = '';
  victim.stderr!.on('data', (c) => { stderr += String(c); });
  let second: ReturnType<typeof spawnWorker> | undefined;
  try {
    const n = Math.min(N, 80);
    const docs = [...generateTexts({ n, seed: 21, defects: 0.2 })];
    const s = await enqueueDocuments(o.db, q, docs.map((d) => ({ name: d.name, bytes: d.bytes })), { kind: 'import' });
    // kill it once it has stored some and holds others
    await until('the first documents', async () => ((await batchProgress(o.db, s.batch))!.done >= Math.min(10, n - 5) ? true : undefined), 300_000);
    victim.kill('SIGKILL');
    await new Promise((r) => victim.once('exit', r));
    second = spawnWorker();
    const p = await finished(o, s.batch);
    assert.equal(p.failed, 0, JSON.stringify(p.problems));
    assert.equal(p.done, n);
    const c = await storedOnce(o);
    assert.equal(c.docs, n, 'every document stored');
    assert.equal(c.distinct, n, 'none twice');
    const orphans = await o.db.selectFrom('facts').select('document_id').where('document_id', 'not in', (eb) => eb.selectFrom('documents').select('id')).execute();
    assert.equal(orphans.length, 0);
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\nworker log: ${stderr.slice(-2000)}`);
  } finally {
    victim.kill('SIGKILL');
    second?.kill('SIGTERM');
    if (second && second.exitCode === null) await new Promise((r) => second!.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    await done();
  }
});

function multipart(name: string, content: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----juesuanQueueBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('queue: the API with a queue — upload read by a worker (same answers), upload batches with progress, cancel, re-check queued; keyset pages', { skip: SKIP }, async () => {
  const { o, q, done } = await setup();
  const { buildServer } = await import('../src/server/app.js');
  const w = startWorker({ db: o.db, redisUrl: REDIS! });
  const app = await buildServer({ db: o.db, mode: 'single', queue: q });
  try {
    const docs = [...generateTexts({ n: 5, seed: 31, defects: 0 })];
    const up = await app.inject({ method: 'POST', url: '/api/documents', ...multipart(docs[0]!.name, docs[0]!.bytes) });
    assert.equal(up.statusCode, 201, up.body);
    assert.equal(up.json().document.entity, docs[0]!.entity);
    const again = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('copy.txt', docs[0]!.bytes) });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, up.json().id);
    const bad = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('scan.bin', new Uint8Array([0, 1, 2, 0, 0, 0, 7, 0, 0])) });
    assert.equal(bad.statusCode, 422);
    const b = await app.inject({ method: 'POST', url: '/api/batches', payload: { label: 'four files' } });
    assert.equal(b.statusCode, 201);
    const id = b.json().id as string;
    for (const d of docs.slice(1)) {
      const r = await app.inject({ method: 'POST', url: `/api/documents?batch=${id}`, ...multipart(d.name, d.bytes) });
      assert.equal(r.statusCode, 202, r.body);
      assert.equal(r.json().batch, id);
    }
    const p = await until<{ total: number; done: number }>('the upload batch', async () => {
      const r = await app.inject({ method: 'GET', url: `/api/batches/${id}` });
      assert.equal(r.statusCode, 200);
      return r.json().finished ? r.json() : undefined;
    });
    assert.equal(p.total, 4);
    assert.equal(p.done, 4);
    assert.equal((await app.inject({ method: 'GET', url: '/api/batches' })).json().batches.some((x: { id: string }) => x.id === id), true);
    assert.equal((await app.inject({ method: 'GET', url: '/api/batches/20990101-000000-abcdef' })).statusCode, 404);
    const c = await app.inject({ method: 'POST', url: `/api/batches/${id}/cancel` });
    assert.equal(c.json().cancelled, 0, 'nothing left to cancel');
    assert.equal((await app.inject({ method: 'POST', url: `/api/documents?batch=${id}`, ...multipart('late.txt', docs[1]!.bytes) })).statusCode, 409, 'a cancelled batch takes no more');
    await o.db.updateTable('documents').set({ ruleset: 'old' }).execute();
    const re = await app.inject({ method: 'POST', url: '/api/recheck' });
    assert.equal(re.json().queued, 5);
    await finished(o, re.json().batch);
    const page1 = (await app.inject({ method: 'GET', url: '/api/documents?limit=2' })).json();
    assert.equal(page1.items.length, 2);
    const page2 = (await app.inject({ method: 'GET', url: `/api/documents?limit=2&after=${page1.next}` })).json();
    assert.equal(page2.items.length, 2);
    assert.ok(!page1.items.some((x: { id: number }) => page2.items.some((y: { id: number }) => y.id === x.id)));
  } finally {
    await app.close();
    await w.close();
    await done();
  }
});
