/**
 * The review report (审核意见) of stored documents: `GET /api/documents/{id}/report.xlsx|.html` for one,
 * `GET /api/documents/report.xlsx|.html?ids=1,2,3` for several (a summary sheet, then one block per
 * document). HTML is served inline (print it from the browser); XLSX as a download.
 */
import type { FastifyInstance } from 'fastify';
import type { JsonReport } from '../check/report-json.js';
import { buildReviewReport, renderReviewReport, REPORT_FORMATS, REPORT_MIME, type ReportFormat, type ReportInput } from '../report/index.js';
import { getDocumentPart, getDocumentSummary } from '../store/queries.js';
import { ApiError, errorSchema } from './errors.js';
import type { RouteContext } from './app.js';

const MAX_IDS = 500;

async function inputOf(ctx: RouteContext, id: number): Promise<ReportInput> {
  const s = await getDocumentSummary(ctx.db, id);
  if (!s) throw new ApiError(404, 'not-found', `no document ${id}`);
  const report = (await getDocumentPart(ctx.db, id, 'report_json')) as JsonReport | undefined;
  if (!report) return { file: s.name, status: 'unreadable', error: s.error ?? 'the document could not be read' };
  return { file: s.name, status: 'ok', report };
}

function fileName(inputs: ReportInput[], format: ReportFormat): string {
  const one = inputs.length === 1 ? inputs[0]!.report?.document : undefined;
  const what = one ? [one.entity, one.year !== undefined ? `${one.year}年度` : undefined].filter(Boolean).join('') : `${inputs.length}份`;
  return `审核意见-${what || '文档'}.${format}`.replace(/[\\/:*?"<>|\r\n]/g, '_');
}

function parseIds(raw: string | undefined): number[] {
  const ids = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!ids.length) throw new ApiError(400, 'bad-request', 'give the documents as ?ids=1,2,3');
  if (ids.length > MAX_IDS) throw new ApiError(400, 'bad-request', `at most ${MAX_IDS} documents in one report`);
  const out = ids.map(Number);
  const bad = ids.filter((_, i) => !Number.isInteger(out[i]) || out[i]! < 1);
  if (bad.length) throw new ApiError(400, 'bad-request', `not a document id: ${bad.slice(0, 5).join(', ')}`);
  return [...new Set(out)];
}

export async function reportRoutes(api: FastifyInstance, ctx: RouteContext): Promise<void> {
  for (const format of REPORT_FORMATS) {
    const send = async (inputs: ReportInput[], reply: import('fastify').FastifyReply) => {
      const bytes = await renderReviewReport(buildReviewReport(inputs), format);
      const disposition = format === 'html' ? 'inline' : 'attachment';
      return reply
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName(inputs, format))}`)
        .type(REPORT_MIME[format])
        .send(Buffer.from(bytes));
    };
    api.get(`/documents/report.${format}`, {
      schema: {
        summary: `Review report (审核意见) of several documents as ${format.toUpperCase()}: a summary, then each document's findings`,
        tags: ['documents'], querystring: { type: 'object', required: ['ids'], properties: { ids: { type: 'string', description: 'comma-separated document ids' } } },
        response: { 400: errorSchema, 404: errorSchema },
      },
    }, async (req, reply) => {
      const ids = parseIds((req.query as { ids?: string }).ids);
      const inputs: ReportInput[] = [];
      for (const id of ids) inputs.push(await inputOf(ctx, id));
      return send(inputs, reply);
    });
    api.get(`/documents/:id/report.${format}`, {
      schema: {
        summary: `Review report (审核意见) of one document as ${format.toUpperCase()}: header, findings by table and section, a column for the reply`,
        tags: ['documents'], params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
        response: { 404: errorSchema },
      },
    }, async (req, reply) => {
      const { id } = req.params as { id: number };
      return send([await inputOf(ctx, id)], reply);
    });
  }
}
