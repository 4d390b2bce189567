/** Compose: a filled input (JSON body, or the Excel template as a multipart upload) → the documents. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { audit } from '../store/accounts.js';
import { ApiError, errorSchema } from './errors.js';
import { requireUser, type RouteContext } from './app.js';
import { composeToFiles, ComposeValidationError, formatProblems, writeBudgetTemplateXlsx, writeTemplateXlsx, type ComposeFormat } from '../compose/index.js';
import { loadComposeInput, type LoadedInput } from '../compose/load.js';

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
    const dir = await mkdtemp(join(tmpdir(), 'juesuan-compose-'));
    try {
      let loaded: LoadedInput;
      if (req.isMultipart()) {
        const file = await req.file();
        if (!file) throw new ApiError(400, 'bad-request', 'no file in the upload');
        loaded = await loadComposeInput(new Uint8Array(await file.toBuffer()), file.filename);
      } else loaded = { input: req.body, problems: [] };
      await composeToFiles(loaded.input, dir, [format as ComposeFormat], { ...(loaded.locate && { locate: loaded.locate }), problems: loaded.problems });
      const file = (await readdir(dir)).find((f) => f.endsWith(`.${format}`));
      if (!file) throw new ApiError(500, 'internal', `the composer wrote no ${format}`);
      const bytes = await readFile(join(dir, file));
      await audit(ctx.db, { username: user.username, action: 'compose', detail: `${file}` });
      return reply.type(CONTENT_TYPES[format]!).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}`).send(bytes);
    } catch (e) {
      if (e instanceof ComposeValidationError) throw new ApiError(422, 'invalid-input', formatProblems(e.problems), 'fix the input where each problem points');
      throw e;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
