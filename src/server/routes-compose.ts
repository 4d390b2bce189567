/** Compose: a filled input (JSON body, or the Excel template as a multipart upload) → the documents. */
import type { FastifyInstance } from 'fastify';
import { audit } from '../store/accounts.js';
import { ApiError, errorSchema } from './errors.js';
import { clientKey, requireUser, type RouteContext } from './app.js';
import { writeBudgetTemplateXlsx, writeTemplateXlsx } from '../compose/index.js';
import { InputError } from '../ingest/raw.js';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export async function composeRoutes(api: FastifyInstance, ctx: RouteContext): Promise<void> {
  api.post('/compose', {
    schema: {
      summary: 'Compose the disclosure from figures: JSON input (body) or the filled Excel template (multipart "file")',
      tags: ['compose'],
      querystring: { type: 'object', properties: { format: { type: 'string', enum: Object.keys(CONTENT_TYPES) } } },
      response: { 422: errorSchema },
    },
  }, async (req, reply) => {
    const user = requireUser(req, 'compose');
    const format = (req.query as { format?: string }).format ?? 'html';
    // reading the input (a workbook is an untrusted file) and composing run in the worker pool
    let input: { bytes?: Uint8Array; name?: string } = {};
    if (req.isMultipart()) {
      const file = await req.file();
      if (!file) throw new ApiError(400, 'bad-request', 'no file in the upload');
      input = { bytes: new Uint8Array(await file.toBuffer()), name: file.filename };
      if (file.file.truncated) throw new ApiError(413, 'too-large', `upload larger than ${ctx.uploadLimit >> 20} MB`);
    }
    const client = clientKey(req);
    if (!ctx.uploads.tryAcquire(client)) {
      reply.header('retry-after', '1');
      throw new ApiError(429, 'too-many-uploads', `at most ${ctx.uploads.max} uploads or compositions of one client at once`, 'wait for one to finish');
    }
    let out: { file: string; bytes: Uint8Array };
    try {
      out = await ctx.pool.run({ op: 'compose', input, compose: { format, ...(!input.bytes && { body: req.body }) } });
    } catch (e) {
      if (e instanceof InputError) {
        const code = (e as InputError & { code?: string }).code ?? 'unreadable';
        throw new ApiError(422, code, e.message, e.hint ?? 'fix the input where each problem points');
      }
      throw e;
    } finally {
      ctx.uploads.release(client);
    }
    await audit(ctx.db, { username: user.username, action: 'compose', detail: out.file });
    return reply.type(CONTENT_TYPES[format]!).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(out.file)}`).send(Buffer.from(out.bytes));
  });

  api.get('/template', {
    schema: {
      summary: 'The empty input workbook in the official layout (one sheet per table): final accounts, or ?kind=budget for a 部门预算',
      tags: ['compose'],
      querystring: { type: 'object', properties: { kind: { type: 'string', enum: ['final-accounts', 'budget'] } } },
    },
  }, async (req, reply) => {
    const budget = (req.query as { kind?: string }).kind === 'budget';
    const bytes = budget ? await writeBudgetTemplateXlsx() : await writeTemplateXlsx();
    return reply.type(CONTENT_TYPES.xlsx!).header('content-disposition', `attachment; filename="juesuan-${budget ? 'budget-' : ''}template.xlsx"`).send(Buffer.from(bytes));
  });
}
