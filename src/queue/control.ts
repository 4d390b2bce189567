/**
 * Batch control on the queue: progress (with the queue's view of items still waiting), cancel and
 * retry-failed. Progress itself lives in the database; these add what only Redis knows.
 */
import type { Db } from '../store/corpus.js';
import { batchesWithWaitingItems, batchProgress, cancelBatch, reopenFailed, settleItem, waitingItems, type BatchProgress } from '../store/batches.js';
import { jobIdOf, queueItems, type OpenedQueue } from './queue.js';

/**
 * Items that wait in the database but whose job is gone from Redis or failed there without a worker
 * hearing of it (a job that stalled past its limit, a Redis flushed or restarted without persistence)
 * are settled as failed with the reason, so `retry-failed` can queue them again. Checked only when the
 * queue has nothing waiting, running or delayed: then every waiting item is such a one.
 */
export async function reconcileBatch(db: Db, q: OpenedQueue, batch: string, o: { graceMs?: number } = {}): Promise<number> {
  if (!(await queueIdle(q))) return 0;
  // an item queued a moment ago may have its job on the way (items are committed before their jobs are added)
  const cutoff = new Date(Date.now() - (o.graceMs ?? RECONCILE_GRACE_MS)).toISOString();
  let settled = 0;
  for (const it of await waitingItems(db, batch)) {
    if (it.queuedAt && it.queuedAt > cutoff) continue;
    let reason = 'the job is no longer in the queue (Redis restarted or flushed?)';
    for (let retry = 0; retry < 20; retry++) {
      const job = await q.queue.getJob(jobIdOf(batch, it.seq, retry));
      if (!job) { if (retry > 0) break; continue; }
      const state = await job.getState();
      if (state === 'failed') reason = job.failedReason || 'failed';
      else if (state === 'completed') reason = 'the job completed without settling its document (a worker of another version?)';
    }
    if (await settleItem(db, batch, it.seq, { state: 'failed', error: reason })) settled++;
  }
  return settled;
}

/** Items queued less than this long ago are not judged lost (their job may be on its way to Redis). */
export const RECONCILE_GRACE_MS = 10_000;

async function queueIdle(q: OpenedQueue): Promise<boolean> {
  const counts = await q.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(counts).every((n) => n === 0);
}

/**
 * The workers' side of `reconcileBatch`: when the queue is idle, every open batch with waiting items
 * is reconciled, so a job lost from Redis ends failed (and `retry-failed` can queue it again) without
 * anyone asking for the batch's status. Workers run it when the queue drains and every
 * JUESUAN_QUEUE_RECONCILE_MS; several workers doing it at once settle each item once.
 */
export async function reconcileOpenBatches(db: Db, q: OpenedQueue, o: { graceMs?: number } = {}): Promise<number> {
  if (!(await queueIdle(q))) return 0;
  let settled = 0;
  for (const batch of await batchesWithWaitingItems(db)) settled += await reconcileBatch(db, q, batch, o);
  return settled;
}

export async function progressWithQueue(db: Db, q: OpenedQueue | undefined, batch: string): Promise<BatchProgress | undefined> {
  if (q) await reconcileBatch(db, q, batch);
  return batchProgress(db, batch);
}

/** Cancels a batch: waiting items are marked cancelled (a worker that takes one skips it) and their jobs removed. */
export async function cancel(db: Db, q: OpenedQueue | undefined, batch: string): Promise<number | undefined> {
  const items = await cancelBatch(db, batch);
  if (!items) return undefined;
  if (q) {
    for (const it of items) {
      const job = await q.queue.getJob(jobIdOf(batch, it.seq));
      // a job a worker holds right now cannot be removed: it finds its item cancelled and stops
      await job?.remove().catch(() => undefined);
    }
  }
  return items.length;
}

/** Queues the failed documents of a batch again (fresh attempts). */
export async function retryFailed(db: Db, q: OpenedQueue, batch: string): Promise<number | undefined> {
  const items = await reopenFailed(db, batch);
  if (!items) return undefined;
  const bySeq = new Map<number, number>();
  for (const it of items) {
    // a new job id: the failed job may still be kept in Redis under the old one
    let retry = 1;
    while (retry < 1000 && (await q.queue.getJob(jobIdOf(batch, it.seq, retry)))) retry++;
    bySeq.set(it.seq, retry);
  }
  for (const it of items) await queueItems(q, it.documentId !== null && !it.sha256 ? 'recheck' : 'store', batch, [it.seq], bySeq.get(it.seq));
  return items.length;
}
