/**
 * Batches over the API (issue 15): progress (done / failed / waiting, problems with their reasons),
 * cancel, retry-failed, and uploads onto the queue when the server has one (JUESUAN_REDIS_URL): an
 * upload is then read by `juesuan worker`s, not inside the request. Without `batch`, an upload waits
 * for its document (as in embedded mode, same answers); with `?batch=ID` (from POST /api/batches) it
 * is answered 202 at once and the batch's progress tells the rest.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { audit } from '../store/accounts.js';
import { findByHash, sha256Of } from '../store/corpus.js';
import { addItems, batchProgress, createBatch, getItem, isBatchId, listBatches } from '../store/batches.js';
import { getDocumentSummary } from '../store/queries.js';
import { ApiError, errorSchema } from './errors.js';
import { requireUser, type RouteContext } from './app.js';

const batchParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^\\d{8}-\\d{6}-[0-9a-f]{6}$' } } } as const;

async function batchOr404(ctx: RouteContext, id: string) {
  const p = ctx.queue ? await (await import('../queue/control.js')).progressWithQueue(ctx.db, ctx.queue, id) : await batchProgress(ctx.db, id);
  if (!p) throw new ApiError(404, 'not-found', `no batch ${id}`);
  return p;
}

export async function batchRoutes(api: FastifyInstance, ctx: RouteContext): Promise<void> {
  api.get('/batches', {
    schema: { summary: 'The latest batches (imports, upload batches, re-checks), newest first', tags: ['batches'], querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200 }, before: { type: 'string' } } } },
  }, async (req) => {
    const q = req.query as { limit?: number; before?: string };
    return { batches: await listBatches(ctx.db, { ...(q.limit && { limit: q.limit }), ...(q.before && { before: q.before }) }), queue: ctx.queue !== undefined };
  });

  api.post('/batches', {
    schema: { summary: 'Open an upload batch: then POST /api/documents?batch=ID for each file (answered 202; needs the queue)', tags: ['batches'], body: { type: 'object', nullable: true, properties: { label: { type: 'string', maxLength: 200 } } }, response: { 201: { type: 'object', properties: { id: { type: 'string' } } }, 409: errorSchema } },
  }, async (req, reply) => {
    const user = requireUser(req, 'upload');
    if (!ctx.queue) throw new ApiError(409, 'no-queue', 'upload batches need the queue', 'start the server with JUESUAN_REDIS_URL and run `juesuan worker`s; without it, upload the files one by one');
    const label = (req.body as { label?: string } | null)?.label;
    const id = await createBatch(ctx.db, { kind: 'upload', ...(label && { label }), user: user.username, keepUnreadable: false });
    return reply.code(201).send({ id });
  });

  api.get('/batches/:id', { schema: { summary: 'Progress of a batch: done / failed / waiting, the failed and unreadable documents with their reasons', tags: ['batches'], params: batchParams, response: { 404: errorSchema } } }, async (req) => {
    return batchOr404(ctx, (req.params as { id: string }).id);
  });

  api.post('/batches/:id/cancel', { schema: { summary: 'Cancel a batch: documents still waiting are not read', tags: ['batches'], params: batchParams, response: { 404: errorSchema } } }, async (req) => {
    const user = requireUser(req, 'upload');
    const { id } = req.params as { id: string };
    const { cancel } = ctx.queue ? await import('../queue/control.js') : { cancel: undefined };
    const n = cancel ? await cancel(ctx.db, ctx.queue, id) : (await (await import('../store/batches.js')).cancelBatch(ctx.db, id))?.length;
    if (n === undefined) throw new ApiError(404, 'not-found', `no batch ${id}`);
    await audit(ctx.db, { username: user.username, action: 'batch-cancel', detail: `${id}: ${n} waiting` });
    return { cancelled: n, batch: await batchOr404(ctx, id) };
  });

  api.post('/batches/:id/retry-failed', { schema: { summary: 'Queue the failed documents of a batch again', tags: ['batches'], params: batchParams, response: { 404: errorSchema, 409: errorSchema } } }, async (req) => {
    const user = requireUser(req, 'upload');
    const { id } = req.params as { id: string };
    if (!ctx.queue) throw new ApiError(409, 'no-queue', 'retrying needs the queue', 'start the server with JUESUAN_REDIS_URL');
    const { retryFailed } = await import('../queue/control.js');
    const n = await retryFailed(ctx.db, ctx.queue, id);
    if (n === undefined) throw new ApiError(404, 'not-found', `no batch ${id}`);
    await audit(ctx.db, { username: user.username, action: 'batch-retry', detail: `${id}: ${n} failed` });
    return { queued: n, batch: await batchOr404(ctx, id) };
  });
}

/** An upload onto the queue (the server has one). */
export async function queuedUpload(ctx: RouteContext, reply: FastifyReply, u: { bytes: Uint8Array; name: string; sha256?: string; user: string; batch?: string; wait?: boolean }): Promise<FastifyReply> {
  const q = ctx.queue!;
  const sha = u.sha256 ?? sha256Of(u.bytes);
  let batch = u.batch;
  if (batch !== undefined) {
    if (!isBatchId(batch)) throw new ApiError(400, 'bad-request', `not a batch id: ${batch}`);
    const b = await ctx.db.selectFrom('batches').select(['kind', 'status']).where('id', '=', batch).executeTakeFirst();
    if (!b) throw new ApiError(404, 'not-found', `no batch ${batch}`, 'open one with POST /api/batches');
    if (b.status !== 'open') throw new ApiError(409, 'batch-closed', `batch ${batch} is cancelled`);
  }
  batch ??= await createBatch(ctx.db, { kind: 'upload', label: u.name, user: u.user, keepUnreadable: false });
  const stored = await findByHash(ctx.db, sha);
  const [seq] = await addItems(ctx.db, batch, [stored !== undefined ? { name: u.name, sha256: sha, state: 'existing', documentId: stored } : { name: u.name, sha256: sha, content: u.bytes }]);
  if (stored === undefined) {
    const { queueItems } = await import('../queue/queue.js');
    await queueItems(q, 'store', batch, [seq!]);
  }
  const waitMs = Number(process.env.JUESUAN_UPLOAD_WAIT_MS) > 0 ? Number(process.env.JUESUAN_UPLOAD_WAIT_MS) : 120_000;
  if (u.batch !== undefined || u.wait === false) return reply.code(202).send({ batch, seq, status: stored !== undefined ? 'existing' : 'queued', ...(stored !== undefined && { id: stored }) });
  // wait for a worker (polling the item: the answer is the database's, whichever worker wrote it)
  const t0 = Date.now();
  let item = await getItem(ctx.db, batch, seq!);
  while (item && item.state === 'waiting' && Date.now() - t0 < waitMs) {
    await new Promise((r) => setTimeout(r, 100));
    item = await getItem(ctx.db, batch, seq!);
  }
  if (!item || item.state === 'waiting') return reply.code(202).send({ batch, seq, status: 'queued', hint: `still waiting for a worker: GET /api/batches/${batch}` });
  if (item.state === 'unreadable' || item.state === 'failed') {
    throw new ApiError(422, 'unreadable', item.error ?? 'the file could not be read', 'upload a disclosure as PDF, XLSX/XLS, DOCX/DOC, HTML/MHT or text');
  }
  if (item.state === 'cancelled') throw new ApiError(409, 'batch-closed', `batch ${batch} was cancelled`);
  const created = item.state === 'added';
  if (created) await audit(ctx.db, { username: u.user, action: 'upload', documentId: item.documentId!, detail: u.name });
  const document = await getDocumentSummary(ctx.db, item.documentId!);
  return reply.code(created ? 201 : 200).send({ id: item.documentId, created, status: 'ok', batch, document });
}
