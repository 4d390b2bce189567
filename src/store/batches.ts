/**
 * Batches (issue 15): the documents of one import, upload session or re-check, followed as one. The
 * queue (src/queue) adds items and workers settle them; the CLI (`juesuan batch …`) and the API read
 * the progress from here, so it is the same whichever machine asks. Items settle in the transaction
 * that stores their document, so a batch never counts a document that is not there.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './corpus.js';

export type BatchKind = 'import' | 'upload' | 'recheck';
/** Item states: waiting for a worker; settled as added (stored now), existing (stored before),
 * unreadable (reason in error), rechecked; failed after the last attempt (reason in error); cancelled. */
export type ItemState = 'waiting' | 'added' | 'existing' | 'unreadable' | 'rechecked' | 'failed' | 'cancelled';
export const SETTLED: ItemState[] = ['added', 'existing', 'unreadable', 'rechecked'];

const now = () => new Date().toISOString();

/** A batch id that sorts by creation time: 20261205-223015-3fa2c1. */
export function newBatchId(at = new Date()): string {
  const s = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${s}-${randomBytes(3).toString('hex')}`;
}

export function isBatchId(s: string): boolean {
  return /^\d{8}-\d{6}-[0-9a-f]{6}$/.test(s);
}

/**
 * A new batch. `total` is for a batch read in this process (an import without the queue): its size is
 * known up front and its items are recorded as they settle (`recordSettled`); the ones not recorded
 * yet count as waiting. A queued batch starts at 0 and grows with `addItems`.
 */
export async function createBatch(db: Db, b: { id?: string; kind: BatchKind; label?: string; user?: string; keepUnreadable?: boolean; total?: number }): Promise<string> {
  const id = b.id ?? newBatchId();
  await db.insertInto('batches').values({
    id, kind: b.kind, label: b.label ?? null, status: 'open', total: b.total ?? 0, keep_unreadable: b.keepUnreadable === false ? 0 : 1,
    created_by: b.user ?? null, created_at: now(), updated_at: now(),
  }).execute();
  return id;
}

export interface NewItem {
  name: string;
  sha256?: string;
  /** the bytes to stage for the workers (absent: already stored, or a re-check) */
  content?: Uint8Array;
  documentId?: number;
  /** settled at once (a document already stored: 'existing'; an empty file: 'unreadable') */
  state?: ItemState;
  error?: string;
}

/**
 * Appends items to a batch (sequence numbers continue the batch's own), staging their bytes; returns
 * the sequence number of each. One transaction per call: items and bytes appear together.
 */
export async function addItems(db: Db, batchId: string, items: NewItem[]): Promise<number[]> {
  if (!items.length) return [];
  return db.transaction().execute(async (tx) => {
    // the batch row is the counter: concurrent appends (uploads into one batch) are serialised on it
    const b = await tx.updateTable('batches').set((eb) => ({ total: eb('total', '+', items.length), updated_at: now() })).where('id', '=', batchId).returning('total').executeTakeFirst();
    if (!b) throw new Error(`no batch ${batchId}`);
    const first = Number(b.total) - items.length;
    const seqs = items.map((_, i) => first + i + 1);
    const staged = new Map<string, Uint8Array>();
    for (const it of items) if (it.content && it.sha256 && !staged.has(it.sha256)) staged.set(it.sha256, it.content);
    const stagedRows = [...staged].map(([sha256, content]) => ({ sha256, content, created_at: now() }));
    // a few MB per statement at most
    for (let i = 0; i < stagedRows.length;) {
      let bytes = 0;
      let j = i;
      while (j < stagedRows.length && (j === i || bytes + stagedRows[j]!.content.length < 8 << 20)) bytes += stagedRows[j++]!.content.length;
      await tx.insertInto('staged_content').values(stagedRows.slice(i, j)).onConflict((oc) => oc.column('sha256').doNothing()).execute();
      i = j;
    }
    const rows = items.map((it, i) => ({
      batch_id: batchId, seq: seqs[i]!, name: it.name.slice(0, 1000), sha256: it.sha256 ?? null, document_id: it.documentId ?? null,
      state: it.state ?? 'waiting', error: it.error ?? null, attempts: 0, queued_at: now(), updated_at: now(),
    }));
    for (let i = 0; i < rows.length; i += 500) await tx.insertInto('batch_items').values(rows.slice(i, i + 500)).execute();
    return seqs;
  });
}

/** Records one settled document of a batch read in this process (see `createBatch`'s `total`). */
export async function recordSettled(db: Db, batchId: string, seq: number, it: { name: string; sha256?: string; documentId?: number; state: ItemState; error?: string }): Promise<void> {
  await db.insertInto('batch_items').values({
    batch_id: batchId, seq, name: it.name.slice(0, 1000), sha256: it.sha256 ?? null, document_id: it.documentId ?? null,
    state: it.state, error: it.error ?? null, attempts: 1, queued_at: null, updated_at: now(),
  }).execute();
}

export interface BatchItem {
  batchId: string;
  seq: number;
  name: string;
  sha256: string | null;
  documentId: number | null;
  state: ItemState;
  error: string | null;
  attempts: number;
  keepUnreadable: boolean;
  batchStatus: string;
  kind: BatchKind;
  createdBy: string | null;
}

export async function getItem(db: Db, batchId: string, seq: number): Promise<BatchItem | undefined> {
  const r = await db.selectFrom('batch_items').innerJoin('batches', 'batches.id', 'batch_items.batch_id')
    .select(['batch_items.batch_id', 'batch_items.seq', 'batch_items.name', 'batch_items.sha256', 'batch_items.document_id', 'batch_items.state', 'batch_items.error', 'batch_items.attempts',
      'batches.keep_unreadable', 'batches.status', 'batches.kind', 'batches.created_by'])
    .where('batch_items.batch_id', '=', batchId).where('batch_items.seq', '=', seq).executeTakeFirst();
  if (!r) return undefined;
  return {
    batchId: r.batch_id, seq: r.seq, name: r.name, sha256: r.sha256, documentId: r.document_id, state: r.state as ItemState, error: r.error,
    attempts: r.attempts, keepUnreadable: Number(r.keep_unreadable) === 1, batchStatus: r.status, kind: r.kind as BatchKind, createdBy: r.created_by,
  };
}

/**
 * Settles an item (in the caller's transaction when given). Only a waiting item settles: a job run
 * twice, or after a cancel, changes nothing. Returns whether it did.
 */
export async function settleItem(db: Db, batchId: string, seq: number, s: { state: ItemState; documentId?: number; error?: string; attempts?: number }): Promise<boolean> {
  const r = await db.updateTable('batch_items').set({
    state: s.state, updated_at: now(),
    ...(s.documentId !== undefined && { document_id: s.documentId }),
    ...(s.error !== undefined && { error: s.error.slice(0, 2000) }),
    ...(s.attempts !== undefined && { attempts: s.attempts }),
  }).where('batch_id', '=', batchId).where('seq', '=', seq).where('state', '=', 'waiting').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The staged bytes of a queued document. */
export async function stagedContent(db: Db, sha: string): Promise<Uint8Array | undefined> {
  const r = await db.selectFrom('staged_content').select('content').where('sha256', '=', sha).executeTakeFirst();
  return r?.content;
}

/** Drops staged bytes that no waiting or failed item needs any more (called once a document is stored). */
export async function dropStaged(db: Db, sha: string): Promise<void> {
  await db.deleteFrom('staged_content').where('sha256', '=', sha)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('batch_items').select(sql`1`.as('one')).where('sha256', '=', sha).where('state', 'in', ['waiting', 'failed']))))
    .execute();
}

export interface BatchProgress {
  id: string;
  kind: BatchKind;
  label: string | null;
  status: 'open' | 'cancelled';
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  total: number;
  /** settled (added + existing + unreadable + rechecked), failed, waiting (queued or being read), cancelled */
  done: number;
  failed: number;
  waiting: number;
  cancelled: number;
  byState: Partial<Record<ItemState, number>>;
  /** true when nothing waits any more */
  finished: boolean;
  /** the failed and unreadable documents with their reasons (the first `limit`) */
  problems: { seq: number; name: string; state: ItemState; error: string | null; attempts: number }[];
}

export async function batchProgress(db: Db, id: string, o: { problems?: number } = {}): Promise<BatchProgress | undefined> {
  const b = await db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) return undefined;
  const counts = await db.selectFrom('batch_items').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).where('batch_id', '=', id).groupBy('state').execute();
  const byState: Partial<Record<ItemState, number>> = {};
  for (const c of counts) byState[c.state as ItemState] = Number(c.n);
  const n = (s: ItemState) => byState[s] ?? 0;
  const problems = await db.selectFrom('batch_items').select(['seq', 'name', 'state', 'error', 'attempts']).where('batch_id', '=', id)
    .where('state', 'in', ['failed', 'unreadable']).orderBy('seq').limit(o.problems ?? 100).execute();
  // items not recorded yet (a batch read in this process records them as they settle) wait too
  const recorded = Object.values(byState).reduce((a, x) => a + (x ?? 0), 0);
  const waiting = Math.max(n('waiting'), Number(b.total) - recorded + n('waiting'));
  if (waiting > n('waiting')) byState.waiting = waiting;
  return {
    id: b.id, kind: b.kind as BatchKind, label: b.label, status: b.status as 'open' | 'cancelled', createdBy: b.created_by, createdAt: String(b.created_at), updatedAt: String(b.updated_at),
    total: Number(b.total), done: SETTLED.reduce((s, k) => s + n(k), 0), failed: n('failed'), waiting, cancelled: n('cancelled'), byState,
    finished: waiting === 0,
    problems: problems.map((p) => ({ seq: p.seq, name: p.name, state: p.state as ItemState, error: p.error, attempts: p.attempts })),
  };
}

export async function listBatches(db: Db, o: { limit?: number; before?: string } = {}): Promise<{ id: string; kind: string; label: string | null; status: string; total: number; createdAt: string }[]> {
  let q = db.selectFrom('batches').select(['id', 'kind', 'label', 'status', 'total', 'created_at']).orderBy('id', 'desc').limit(Math.min(Math.max(o.limit ?? 20, 1), 200));
  if (o.before) q = q.where('id', '<', o.before);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, label: r.label, status: r.status, total: Number(r.total), createdAt: String(r.created_at) }));
}

/** Cancels a batch: what still waits is marked cancelled (workers skip it); returns those items. */
export async function cancelBatch(db: Db, id: string): Promise<{ seq: number }[] | undefined> {
  return db.transaction().execute(async (tx) => {
    const b = await tx.updateTable('batches').set({ status: 'cancelled', updated_at: now() }).where('id', '=', id).returning('id').executeTakeFirst();
    if (!b) return undefined;
    const items = await tx.updateTable('batch_items').set({ state: 'cancelled', updated_at: now() }).where('batch_id', '=', id).where('state', '=', 'waiting').returning('seq').execute();
    // bytes nobody waits for any more
    await tx.deleteFrom('staged_content')
      .where('sha256', 'in', (eb) => eb.selectFrom('batch_items').select('sha256').where('batch_id', '=', id).where('state', '=', 'cancelled').where('sha256', 'is not', null).$narrowType<{ sha256: string }>())
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('batch_items as o').select(sql`1`.as('one')).whereRef('o.sha256', '=', 'staged_content.sha256').where('o.state', 'in', ['waiting', 'failed']))))
      .execute();
    return items;
  });
}

/** Puts the failed items of a batch back to waiting (the caller queues them again); returns them. */
export async function reopenFailed(db: Db, id: string): Promise<{ seq: number; name: string; sha256: string | null; documentId: number | null }[] | undefined> {
  return db.transaction().execute(async (tx) => {
    const b = await tx.updateTable('batches').set({ status: 'open', updated_at: now() }).where('id', '=', id).returning('id').executeTakeFirst();
    if (!b) return undefined;
    return tx.updateTable('batch_items').set({ state: 'waiting', error: null, attempts: 0, queued_at: now(), updated_at: now() })
      .where('batch_id', '=', id).where('state', '=', 'failed').returning(['seq', 'name', 'sha256', 'document_id as documentId']).execute();
  });
}

/** Waiting items of a batch (to queue them again after a Redis loss: `batch retry-failed --waiting`). */
export async function waitingItems(db: Db, id: string): Promise<{ seq: number; name: string; sha256: string | null; documentId: number | null; queuedAt: string | null }[]> {
  return db.selectFrom('batch_items').select(['seq', 'name', 'sha256', 'document_id as documentId', 'queued_at as queuedAt']).where('batch_id', '=', id).where('state', '=', 'waiting').orderBy('seq').execute();
}

/** Open batches with items still waiting (read from the partial index of waiting items: as cheap as what waits). */
export async function batchesWithWaitingItems(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('batches').select('id').where('status', '=', 'open')
    .where('id', 'in', (eb) => eb.selectFrom('batch_items').select('batch_id').where('state', '=', 'waiting'))
    .orderBy('id').execute();
  return rows.map((r) => r.id);
}
