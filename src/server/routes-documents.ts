/** Upload, list, read and delete documents; their model, facts, findings and table cells. */
import type { FastifyInstance } from 'fastify';
import type { Disclosure } from '../model/index.js';
import { audit } from '../store/accounts.js';
import { findByHash, storeDocument, storing } from '../store/corpus.js';
import { deleteDocument, getDocumentContent, getDocumentPart, getDocumentSummary, searchDocuments, type SearchFilters } from '../store/queries.js';
import { ApiError, errorSchema } from './errors.js';
import { clientKey, requireUser, type RouteContext } from './app.js';
import { queuedUpload } from './routes-batches.js';
import { receive, type Received } from './receive.js';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

const searchQuery = {
  type: 'object',
  properties: {
    q: { type: 'string' }, entity: { type: 'string' }, year: { type: 'integer' }, kind: { type: 'string' },
    region: { type: 'string' }, departmentType: { type: 'string' }, severity: { type: 'string', enum: ['error', 'warning', 'info'] },
    limit: { type: 'integer', minimum: 1, maximum: 500 }, offset: { type: 'integer', minimum: 0 },
    after: { type: 'string', pattern: '^-?\\d{1,6}\\.\\d{1,12}$', description: 'keyset pagination: the `next` of the page before' },
    facets: { type: 'boolean', description: 'false: no facets counted' },
  },
} as const;

export async function documentRoutes(api: FastifyInstance, ctx: RouteContext): Promise<void> {
  api.post('/documents', { schema: { summary: 'Upload a disclosure (multipart field "file"); read, check and store it', tags: ['documents'], response: { 400: errorSchema, 413: errorSchema, 422: errorSchema, 201: { type: 'object', additionalProperties: true }, 200: { type: 'object', additionalProperties: true } } } }, async (req, reply) => {
    const user = requireUser(req, 'upload');
    if (!req.isMultipart()) throw new ApiError(400, 'bad-request', 'expected a multipart/form-data upload with a "file" field');
    // per-client concurrency, then a bound on all documents waiting for a worker: refuse early and
    // cheaply rather than queue without end
    const client = clientKey(req);
    if (!ctx.uploads.tryAcquire(client)) {
      reply.header('retry-after', '1');
      throw new ApiError(429, 'too-many-uploads', `at most ${ctx.uploads.max} uploads of one client at once`, 'wait for an upload to finish, then send the next');
    }
    let admitted = false;
    let received: Received | undefined;
    try {
      // a client whose uploads were refused again and again waits before its next one is read (its
      // bytes stay in the socket meanwhile): a stream of hostile files cannot keep the event loop busy
      const penalty = ctx.uploadBackoff.waitMs([client]);
      if (penalty > 0) await new Promise((resolve) => setTimeout(resolve, penalty));
      await ctx.receiving.acquire();
      let file: Awaited<ReturnType<typeof req.file>>;
      try {
        file = await req.file();
        if (!file) throw new ApiError(400, 'bad-request', 'no file in the upload', 'send the document in the "file" field');
        // into a reused scratch buffer, hashed as it arrives (see receive.ts)
        received = await receive(file.file);
      } finally {
        ctx.receiving.release();
      }
      if (file.file.truncated) {
        ctx.uploadBackoff.failed([client]);
        throw new ApiError(413, 'too-large', `upload larger than ${ctx.uploadLimit >> 20} MB`);
      }
      if (!received.view.length) throw new ApiError(400, 'empty', 'the uploaded file is empty');
      // the file name is kept as given (shown, offered on download) and never used as a path
      const name = (file.filename || 'upload').slice(0, 255);
      // with a queue the workers read it (issue 15): ?batch=ID answers 202 at once, else the answer waits for them
      if (ctx.queue) {
        const qs = req.query as { batch?: string; wait?: string };
        const bytes = received.keep();
        received.release();
        return await queuedUpload(ctx, reply, { bytes, name, sha256: received.sha256, user: user.username, ...(qs.batch && { batch: qs.batch }), wait: qs.wait !== '0' && qs.wait !== 'false' });
      }
      const sha = received.sha256;
      // the same bytes refused a moment ago are refused again without a worker's time (hostile files
      // sent again and again); a time or memory overrun is never remembered (see storeDocument)
      const refusal = ctx.refused.get(sha);
      if (refusal) {
        ctx.uploadBackoff.failed([client]);
        throw new ApiError(422, 'unreadable', refusal, 'upload a disclosure as PDF, XLSX/XLS, DOCX/DOC, HTML/MHT or text');
      }
      // bytes already stored or being read cost nothing more: always answered. New work is admitted
      // while the documents ahead (in the pool, or admitted and still arriving) take less than
      // maxWaitMs by the pool's average time (1 s assumed before the first)
      const stored = (await findByHash(ctx.db, sha)) !== undefined;
      // no await from here to storeDocument, which marks the bytes as being stored at once: identical
      // uploads arriving together are admitted once and share that one read
      if (!stored && !storing(ctx.db, sha)) {
        const ahead = Math.max(ctx.pool.load, ctx.admitted.n);
        // the wait before a worker takes it: none while a worker is free (so a slow average from a
        // burst of hostile files never refuses an idle server)
        const expected = Math.floor(ahead / ctx.pool.size) * (ctx.pool.avgMs || 1000);
        if (ahead >= ctx.pool.size && (ahead >= ctx.maxQueue || expected > ctx.maxWaitMs)) {
          reply.header('retry-after', String(Math.max(1, Math.ceil(expected / 2000))));
          throw new ApiError(503, 'busy', `the server is reading ${ahead} documents (about ${Math.ceil(expected / 1000)} s of work)`, 'try again in a few seconds');
        }
        ctx.admitted.n++;
        admitted = true;
      }
      // memory of its own only for bytes that are read or stored
      const bytes = received.keep();
      received.release();
      const result = await storeDocument(ctx.db, { bytes, name, sha256: sha, user: user.username, keepUnreadable: false, analyse: (input) => ctx.pool.run({ op: 'store', input }) });
      if (result.status === 'unreadable') {
        const error = result.error ?? 'the file could not be read';
        if (!result.overLimit) ctx.refused.set(sha, error);
        ctx.uploadBackoff.failed([client]);
        throw new ApiError(422, 'unreadable', error, 'upload a disclosure as PDF, XLSX/XLS, DOCX/DOC, HTML/MHT or text');
      }
      ctx.uploadBackoff.succeeded(client);
      if (result.created) await audit(ctx.db, { username: user.username, action: 'upload', documentId: result.id, detail: name });
      const summary = await getDocumentSummary(ctx.db, result.id);
      return reply.code(result.created ? 201 : 200).send({ ...result, document: summary });
    } finally {
      received?.release();
      if (admitted) ctx.admitted.n--;
      ctx.uploads.release(client);
    }
  });

  api.get('/documents', { schema: { summary: 'Search the corpus (filters and facets)', tags: ['documents'], querystring: searchQuery } }, async (req) => {
    return searchDocuments(ctx.db, req.query as SearchFilters);
  });

  api.get('/documents/:id', { schema: { summary: 'One document: its summary', tags: ['documents'], params: idParams, response: { 404: errorSchema } } }, async (req) => {
    const { id } = req.params as { id: number };
    const s = await getDocumentSummary(ctx.db, id);
    if (!s) throw new ApiError(404, 'not-found', `no document ${id}`);
    return s;
  });

  for (const [path, part, what] of [
    ['model', 'model_json', 'the whole model (tables, sections, performance tables)'],
    ['facts', 'facts_json', 'key figures (juesuan.facts/1)'],
    ['findings', 'report_json', 'findings (juesuan.findings/1 with rule outcomes)'],
  ] as const) {
    api.get(`/documents/:id/${path}`, { schema: { summary: `One document: ${what}`, tags: ['documents'], params: idParams, response: { 404: errorSchema } } }, async (req) => {
      const { id } = req.params as { id: number };
      const v = await getDocumentPart(ctx.db, id, part);
      if (v === undefined) throw new ApiError(404, 'not-found', `document ${id} has no ${path} (missing or unreadable)`);
      return v;
    });
  }

  api.get('/documents/:id/tables', { schema: { summary: 'Table cells of one document (?table=T03)', tags: ['documents'], params: idParams, querystring: { type: 'object', properties: { table: { type: 'string' } } } } }, async (req) => {
    const { id } = req.params as { id: number };
    const { table } = req.query as { table?: string };
    const d = (await getDocumentPart(ctx.db, id, 'model_json')) as Disclosure | undefined;
    if (!d) throw new ApiError(404, 'not-found', `no model for document ${id}`);
    const tables = table ? d.tables.filter((t) => t.key === table || t.id === table) : d.tables;
    if (table && !tables.length) throw new ApiError(404, 'not-found', `document ${id} has no table ${table}`);
    return { tables };
  });

  api.get('/documents/:id/content', { schema: { summary: 'The original bytes as uploaded', tags: ['documents'], params: idParams } }, async (req, reply) => {
    const { id } = req.params as { id: number };
    const c = await getDocumentContent(ctx.db, id);
    if (!c) throw new ApiError(404, 'not-found', `no document ${id}`);
    return reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(c.name)}`).type('application/octet-stream').send(Buffer.from(c.content));
  });

  api.delete('/documents/:id', { schema: { summary: 'Delete a document', tags: ['documents'], params: idParams } }, async (req, reply) => {
    const user = requireUser(req, 'delete');
    const { id } = req.params as { id: number };
    if (!(await deleteDocument(ctx.db, id))) throw new ApiError(404, 'not-found', `no document ${id}`);
    await audit(ctx.db, { username: user.username, action: 'delete', documentId: id });
    return reply.status(204).send();
  });
}
