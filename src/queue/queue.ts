/**
 * Read+check jobs on BullMQ (Redis), issue 15. The queue carries only (batch, seq): what to read is
 * the batch item in the database (src/store/batches.ts), its bytes staged there too, so any worker on
 * any machine that reaches the same Redis and database can take any job, and a job run twice finds
 * its item settled and does nothing. Without JUESUAN_REDIS_URL nothing here is loaded: the embedded
 * worker pool does the work in process, as before.
 */
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Db } from '../store/corpus.js';
import { sha256Of } from '../store/corpus.js';
import { addItems, createBatch, type BatchKind, type NewItem } from '../store/batches.js';

export const QUEUE_NAME = 'juesuan-documents';

export interface QueueConfig {
  url: string;
  /** key prefix in Redis (JUESUAN_QUEUE_PREFIX, default juesuan): one Redis can serve several corpora */
  prefix: string;
  /** attempts per document before it goes to the failed list (JUESUAN_QUEUE_ATTEMPTS, default 3) */
  attempts: number;
  /** a job whose worker stops renewing its lock for this long is given to another (JUESUAN_QUEUE_LOCK_MS, default 30000) */
  lockMs: number;
}

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** The Redis URL when the queue is configured (flag, else JUESUAN_REDIS_URL), else undefined: embedded mode. */
export function redisUrlFromEnv(explicit?: string): string | undefined {
  const u = explicit ?? process.env.JUESUAN_REDIS_URL;
  return u && u.trim() ? u.trim() : undefined;
}

export function queueConfig(url: string): QueueConfig {
  if (!/^rediss?:\/\//.test(url)) throw new Error(`JUESUAN_REDIS_URL must be a redis:// or rediss:// URL (got ${url})`);
  return { url, prefix: process.env.JUESUAN_QUEUE_PREFIX || 'juesuan', attempts: envInt('JUESUAN_QUEUE_ATTEMPTS', 3), lockMs: envInt('JUESUAN_QUEUE_LOCK_MS', 30_000) };
}

/** A Redis connection as BullMQ wants it (commands wait for a reconnect instead of failing). */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

export interface JobData {
  op: 'store' | 'recheck';
  batch: string;
  seq: number;
}

/** The job id of a batch item (a job added twice with the same id is one job). */
export function jobIdOf(batch: string, seq: number, retry = 0): string {
  return retry ? `${batch}.${seq}.r${retry}` : `${batch}.${seq}`;
}

export interface OpenedQueue {
  queue: Queue<JobData>;
  config: QueueConfig;
  close(): Promise<void>;
}

export async function openQueue(url: string, o: { connectTimeoutMs?: number } = {}): Promise<OpenedQueue> {
  const config = queueConfig(url);
  const connection = redisConnection(url);
  let lastError: Error | undefined;
  connection.on('error', (e: Error) => { lastError = e; }); // reconnects by itself; commands report what fails
  const queue = new Queue<JobData>(QUEUE_NAME, { connection, prefix: config.prefix });
  queue.on('error', (e: Error) => { lastError = e; });
  const limit = o.connectTimeoutMs ?? (Number(process.env.JUESUAN_REDIS_CONNECT_MS) || 10_000);
  let timer: NodeJS.Timeout | undefined;
  try {
    // an unreachable Redis is a clear error after `limit`, not an endless wait
    await Promise.race([
      (async () => { await queue.waitUntilReady(); await connection.ping(); })(),
      new Promise((_, reject) => { timer = setTimeout(() => reject(lastError ?? new Error(`no answer within ${limit} ms`)), limit); }),
    ]);
  } catch (e) {
    await queue.close().catch(() => undefined);
    connection.disconnect();
    throw new Error(`the queue's Redis at ${redactUrl(url)} does not answer: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    clearTimeout(timer);
  }
  return {
    queue, config,
    close: async () => {
      await queue.close();
      connection.disconnect();
    },
  };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

export function jobOptions(config: QueueConfig, jobId: string): JobsOptions {
  return {
    jobId, attempts: config.attempts, backoff: { type: 'exponential', delay: 2000 },
    // the database keeps every outcome; Redis keeps only a window of them
    removeOnComplete: { count: 2000 }, removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
  };
}

/** Queues these batch items (in order). */
export async function queueItems(q: OpenedQueue, op: JobData['op'], batch: string, seqs: number[], retry = 0): Promise<void> {
  for (let i = 0; i < seqs.length; i += 500) {
    await q.queue.addBulk(seqs.slice(i, i + 500).map((seq) => ({ name: op, data: { op, batch, seq }, opts: jobOptions(q.config, jobIdOf(batch, seq, retry)) })));
  }
}

export interface EnqueueSummary {
  batch: string;
  queued: number;
  existing: number;
  unreadable: number;
}

/**
 * Documents into a batch and onto the queue: each is hashed; bytes already stored settle at once as
 * 'existing' (no job), empty files as 'unreadable', the others are staged and queued. `docs` may be a
 * lazy sequence (files read as they are queued); items are added in chunks.
 */
export async function enqueueDocuments(
  db: Db, q: OpenedQueue, docs: Iterable<{ name: string; bytes: Uint8Array }> | AsyncIterable<{ name: string; bytes: Uint8Array }>,
  o: { kind: BatchKind; label?: string; user?: string; keepUnreadable?: boolean; batch?: string; onQueued?: (n: number) => void },
): Promise<EnqueueSummary> {
  const batch = o.batch ?? await createBatch(db, { kind: o.kind, ...(o.label && { label: o.label }), ...(o.user && { user: o.user }), keepUnreadable: o.keepUnreadable !== false });
  const summary: EnqueueSummary = { batch, queued: 0, existing: 0, unreadable: 0 };
  let chunk: { name: string; bytes: Uint8Array }[] = [];
  let chunkBytes = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const shas = chunk.map((d) => sha256Of(d.bytes));
    const stored = new Map<string, number>();
    const unique = [...new Set(shas)];
    for (let i = 0; i < unique.length; i += 500) {
      for (const r of await db.selectFrom('documents').select(['id', 'sha256']).where('sha256', 'in', unique.slice(i, i + 500)).execute()) stored.set(r.sha256, r.id);
    }
    const items: NewItem[] = chunk.map((d, i) => {
      const sha256 = shas[i]!;
      if (!d.bytes.length) return { name: d.name, sha256, state: 'unreadable', error: 'empty file' };
      const id = stored.get(sha256);
      if (id !== undefined) return { name: d.name, sha256, state: 'existing', documentId: id };
      return { name: d.name, sha256, content: d.bytes };
    });
    const seqs = await addItems(db, batch, items);
    const waiting = seqs.filter((_, i) => !items[i]!.state);
    await queueItems(q, 'store', batch, waiting);
    summary.queued += waiting.length;
    summary.existing += items.filter((it) => it.state === 'existing').length;
    summary.unreadable += items.filter((it) => it.state === 'unreadable').length;
    o.onQueued?.(summary.queued + summary.existing + summary.unreadable);
    chunk = [];
    chunkBytes = 0;
  };
  for await (const d of docs) {
    chunk.push(d);
    chunkBytes += d.bytes.length;
    if (chunk.length >= 200 || chunkBytes >= 32 << 20) await flush();
  }
  await flush();
  return summary;
}

/** Re-checks on the queue: one job per document (ids), in a batch of kind 'recheck'. */
export async function enqueueRecheck(db: Db, q: OpenedQueue, ids: number[], o: { user?: string; label?: string } = {}): Promise<EnqueueSummary> {
  const batch = await createBatch(db, { kind: 'recheck', label: o.label ?? 'recheck', ...(o.user && { user: o.user }) });
  let queued = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const part = ids.slice(i, i + 1000);
    const names = new Map((await db.selectFrom('documents').select(['id', 'name']).where('id', 'in', part).execute()).map((r) => [r.id, r.name]));
    const seqs = await addItems(db, batch, part.map((id) => ({ name: names.get(id) ?? `document ${id}`, documentId: id })));
    await queueItems(q, 'recheck', batch, seqs);
    queued += seqs.length;
  }
  return { batch, queued, existing: 0, unreadable: 0 };
}
