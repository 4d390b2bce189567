/**
 * `juesuan worker`: takes read+check jobs from the queue and stores the results. Run any number, on
 * any machines, against the same Redis and database.
 *
 * - Reading runs in the worker pool (a thread per job with a heap cap and a time budget), so the event
 *   loop stays free to renew the job's lock in Redis: a job is given to another worker only when this
 *   one is gone (killed, machine lost), after JUESUAN_QUEUE_LOCK_MS.
 * - A document is stored in one transaction with its findings and facts and the settling of its batch
 *   item: a worker killed at any point leaves either all of it or nothing, and the job, retried,
 *   finds either the item settled (nothing to do) or nothing stored (does it again).
 * - Idempotent by document hash: the hash is unique in the store; a job whose bytes are stored already
 *   (by another job, another batch, a worker that died after its commit) settles as 'existing'.
 * - Unreadable input is an answer, not a failure (stored with its reason for an import, reported for
 *   an upload). Failures (a reader that crashed or overran its time or memory budget, a database
 *   error) are retried with back-off; after JUESUAN_QUEUE_ATTEMPTS attempts the job is on the failed
 *   list and its item settles as failed with the reason (`juesuan batch status`, `retry-failed`).
 */
import { Queue, QueueEvents, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Db } from '../store/corpus.js';
import { findByHash, insertDocument, type Analysed, isUniqueViolation, replaceReport, safeFormat } from '../store/corpus.js';
import { dropStaged, getItem, settleItem, stagedContent } from '../store/batches.js';
import { WorkerPool, PoolLimitError } from '../core/pool/pool.js';
import { InputError } from '../ingest/raw.js';
import type { Disclosure } from '../model/index.js';
import { QUEUE_NAME, queueConfig, redactUrl, redisConnection, type JobData, type OpenedQueue } from './queue.js';
import { reconcileOpenBatches } from './control.js';

export interface WorkerOptions {
  db: Db;
  redisUrl: string;
  /** documents read at once by this worker (pool threads; default 1) */
  jobs?: number;
  /** jobs held at once (default 2 × jobs: the next document's database work overlaps this one's reading) */
  concurrency?: number;
  /** the pool (tests pass one); default a pool of `jobs` threads */
  pool?: WorkerPool;
  log?: (line: string) => void;
  /** how often an idle queue is checked for waiting documents whose jobs are gone (JUESUAN_QUEUE_RECONCILE_MS, default 60000; also when the queue drains) */
  reconcileMs?: number;
  /** a document queued less than this long ago is not judged lost (default 10000) */
  reconcileGraceMs?: number;
}

export interface WorkerStats {
  added: number;
  existing: number;
  unreadable: number;
  rechecked: number;
  skipped: number;
  failed: number;
  retried: number;
}

export interface RunningWorker {
  stats: WorkerStats;
  /** Stops taking jobs, finishes the ones held, closes the pool and connections. */
  close(): Promise<void>;
  /** Resolves when the worker is connected and taking jobs. */
  ready: Promise<void>;
}

/** The item is no longer waiting (cancelled, or settled by another run of the job): roll back. */
class NotWaiting extends Error {}

export type JobOutcome = 'added' | 'existing' | 'unreadable' | 'rechecked' | 'skipped';

/** One job: the part that touches the database and the pool (exported for tests). */
export async function processJob(db: Db, pool: WorkerPool, data: JobData, attempt: number): Promise<JobOutcome> {
  const item = await getItem(db, data.batch, data.seq);
  if (!item || item.state !== 'waiting') return 'skipped';
  if (item.batchStatus === 'cancelled') {
    await settleItem(db, data.batch, data.seq, { state: 'cancelled' });
    return 'skipped';
  }
  if (data.op === 'recheck') return recheckOne(db, pool, data, item.documentId, attempt);
  const sha = item.sha256;
  if (!sha) throw new UnrecoverableError(`batch ${data.batch} item ${data.seq} has no document hash`);
  const settleExisting = async (id: number): Promise<JobOutcome> => {
    await db.transaction().execute(async (tx) => {
      await settleItem(tx, data.batch, data.seq, { state: 'existing', documentId: id, attempts: attempt });
      await dropStaged(tx, sha);
    });
    return 'existing';
  };
  const existing = await findByHash(db, sha);
  if (existing !== undefined) return settleExisting(existing);
  const bytes = await stagedContent(db, sha);
  if (!bytes) throw new UnrecoverableError('the queued bytes are gone (the batch was cancelled, or staged_content was cleared)');
  const name = item.name;
  let analysed: Analysed | undefined;
  let error: string | undefined;
  try {
    analysed = await pool.run({ op: 'store', input: { bytes: new Uint8Array(bytes), name } });
  } catch (e) {
    // over a time or memory budget, a reader crash, a pool problem: a failure, retried
    if (e instanceof PoolLimitError || !(e instanceof InputError)) throw e;
    error = e.message;
  }
  if (error !== undefined && !item.keepUnreadable) {
    await db.transaction().execute(async (tx) => {
      await settleItem(tx, data.batch, data.seq, { state: 'unreadable', error: error!, attempts: attempt });
      await dropStaged(tx, sha);
    });
    return 'unreadable';
  }
  try {
    await insertDocument(db, sha, safeFormat(bytes, name), { bytes, name, user: item.createdBy ?? item.kind }, analysed, error, async (tx, id) => {
      if (!(await settleItem(tx, data.batch, data.seq, { state: analysed ? 'added' : 'unreadable', documentId: id, ...(error !== undefined && { error }), attempts: attempt }))) throw new NotWaiting();
      await dropStaged(tx, sha);
    });
  } catch (e) {
    if (e instanceof NotWaiting) return 'skipped';
    if (!isUniqueViolation(e)) throw e;
    // another job stored the same bytes first
    const winner = await findByHash(db, sha);
    if (winner === undefined) throw e;
    return settleExisting(winner);
  }
  return analysed ? 'added' : 'unreadable';
}

async function recheckOne(db: Db, pool: WorkerPool, data: JobData, id: number | null, attempt: number): Promise<JobOutcome> {
  const row = id === null ? undefined : await db.selectFrom('documents').select(['model_json']).where('id', '=', id).executeTakeFirst();
  if (!row?.model_json) {
    await settleItem(db, data.batch, data.seq, { state: 'unreadable', error: `document ${id} is gone or has no model`, attempts: attempt });
    return 'unreadable';
  }
  const report = await pool.run({ op: 'check', input: { model: JSON.parse(row.model_json) as Disclosure } });
  try {
    await replaceReport(db, id!, report, async (tx) => {
      if (!(await settleItem(tx, data.batch, data.seq, { state: 'rechecked', documentId: id!, attempts: attempt }))) throw new NotWaiting();
    });
  } catch (e) {
    if (e instanceof NotWaiting) return 'skipped';
    throw e;
  }
  return 'rechecked';
}

export function startWorker(o: WorkerOptions): RunningWorker {
  const config = queueConfig(o.redisUrl);
  const jobs = Math.max(1, o.jobs ?? 1);
  const pool = o.pool ?? new WorkerPool({ size: jobs, idleMs: 0 });
  const log = o.log ?? (() => undefined);
  const stats: WorkerStats = { added: 0, existing: 0, unreadable: 0, rechecked: 0, skipped: 0, failed: 0, retried: 0 };
  const connection = redisConnection(o.redisUrl);
  const eventsConnection = redisConnection(o.redisUrl);
  let lastRedisError = '';
  for (const c of [connection, eventsConnection]) c.on('error', (e: Error) => { if (e.message !== lastRedisError) { lastRedisError = e.message; log(`redis: ${e.message}`); } });
  for (const c of [connection, eventsConnection]) c.on('ready', () => { lastRedisError = ''; });
  const worker = new Worker<JobData, JobOutcome>(QUEUE_NAME, async (job: Job<JobData>) => {
    const outcome = await processJob(o.db, pool, job.data, job.attemptsMade + 1);
    stats[outcome]++;
    return outcome;
  }, {
    connection, prefix: config.prefix, concurrency: Math.max(1, o.concurrency ?? jobs * 2),
    lockDuration: config.lockMs, stalledInterval: config.lockMs, maxStalledCount: 2, autorun: true,
  });
  // Final failures, whoever saw them (this worker, or the stalled-job check that gave up on a job
  // whose workers kept dying): the item settles as failed with the reason. Every worker hears every
  // event; settling is idempotent.
  const events = new QueueEvents(QUEUE_NAME, { connection: eventsConnection, prefix: config.prefix });
  events.on('failed', ({ jobId, failedReason }) => {
    void (async () => {
      const m = /^(\d{8}-\d{6}-[0-9a-f]{6})\.(\d+)(?:\.r\d+)?$/.exec(jobId);
      if (!m) return;
      if (await settleItem(o.db, m[1]!, Number(m[2]), { state: 'failed', error: failedReason || 'failed' })) stats.failed++;
    })().catch((e: unknown) => log(`settling failed job ${jobId}: ${e instanceof Error ? e.message : String(e)}`));
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError || err.name === 'UnrecoverableError';
    if (!final) stats.retried++;
    log(`${final ? 'failed' : 'will retry'}: ${job.id} (attempt ${job.attemptsMade}): ${err.message.split('\n')[0]}`);
    // the 'failed' queue event settles the item (for every way a job can end failed)
  });
  let lastLogged = '';
  const once = (m: string) => { if (m !== lastLogged) { lastLogged = m; log(m); } };
  // Jobs lost from Redis (flushed, restarted without persistence, a stalled job past its limit): when
  // the queue drains and every reconcileMs, the waiting documents of open batches whose jobs are gone
  // settle as failed with the reason, so `batch status` shows them and `retry-failed` queues them
  // again — without anyone having to ask for the batch's status first.
  const controlConnection = redisConnection(o.redisUrl);
  controlConnection.on('error', () => undefined); // the worker's own connection reports Redis errors
  const control: OpenedQueue = { queue: new Queue<JobData>(QUEUE_NAME, { connection: controlConnection, prefix: config.prefix }), config, close: async () => undefined };
  control.queue.on('error', () => undefined);
  let reconciling: Promise<void> | undefined;
  let lastReconcile = 0;
  const reconcile = () => {
    if (reconciling || Date.now() - lastReconcile < 1000) return;
    lastReconcile = Date.now();
    reconciling = reconcileOpenBatches(o.db, control, { graceMs: o.reconcileGraceMs ?? Number(process.env.JUESUAN_QUEUE_RECONCILE_GRACE_MS || 10_000) })
      .then((n) => { if (n) { stats.failed += n; log(`${n} waiting documents had no job left in the queue: settled as failed (juesuan batch retry-failed queues them again)`); } })
      .catch((e: unknown) => once(`checking for lost jobs: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => { reconciling = undefined; });
  };
  worker.on('drained', reconcile);
  const reconcileTimer = setInterval(reconcile, Math.max(100, o.reconcileMs ?? (Number(process.env.JUESUAN_QUEUE_RECONCILE_MS) || 60_000)));
  reconcileTimer.unref();
  worker.on('error', (e) => once(`worker: ${e.message}`));
  events.on('error', (e) => once(`queue events: ${e.message}`));
  const ready = Promise.all([worker.waitUntilReady(), events.waitUntilReady()]).then(() => {
    log(`worker taking jobs from ${redactUrl(o.redisUrl)} (queue ${config.prefix}:${QUEUE_NAME}, ${jobs} reading at once, ${config.attempts} attempts)`);
  });
  let closing: Promise<void> | undefined;
  return {
    stats, ready,
    close: () => {
      closing ??= (async () => {
        clearInterval(reconcileTimer);
        await worker.close();
        await reconciling;
        await control.queue.close();
        controlConnection.disconnect();
        await events.close();
        if (!o.pool) await pool.close();
        connection.disconnect();
        eventsConnection.disconnect();
      })();
      return closing;
    },
  };
}
