/** Comparisons across years and entities, exports, the rule catalogue, re-checking, health. */
import type { FastifyInstance } from 'fastify';
import { audit } from '../store/accounts.js';
import { recheckStale } from '../store/corpus.js';
import { compare, getDocumentSummary } from '../store/queries.js';
import { factLabels, functionClassNames } from '../facts/labels.js';
import { budgetActualPairs, budgetVsActual } from '../store/budget-compare.js';
import { checkDisclosure } from '../check/engine.js';
import { listRules } from '../check/rules-list.js';
import { ApiError, errorSchema } from './errors.js';
import { comparisonTable, toCsv, toXlsx } from './export.js';
import { requireUser, type RouteContext } from './app.js';

const compareQuery = {
  type: 'object',
  properties: {
    entity: { type: 'string', description: 'one entity across years' },
    year: { type: 'integer', description: 'many entities in one year' },
    entities: { type: 'string', description: 'comma-separated entity names (with year)' },
    format: { type: 'string', enum: ['json', 'csv', 'xlsx'] },
  },
} as const;

export function currentRuleset(): string {
  return checkDisclosure({ meta: { kind: 'other' }, source: { format: 'text' }, toc: [], tables: [], sections: [], performance: [], lines: [], ordinals: [], notFound: [], warnings: [] }).document.ruleset;
}

export async function corpusRoutes(api: FastifyInstance, ctx: RouteContext): Promise<void> {
  api.get('/health', { schema: { summary: 'Liveness', tags: ['meta'] } }, async () => ({ ok: true }));

  api.get('/rules', { schema: { summary: 'The rule catalogue', tags: ['meta'] } }, async () => ({ rules: listRules() }));

  const comparison = async (q: { entity?: string; year?: number; entities?: string }) => {
    if (q.entity) return compare(ctx.db, { entity: q.entity });
    if (q.year !== undefined) return compare(ctx.db, { year: q.year, ...(q.entities && { entities: q.entities.split(',').map((s) => s.trim()).filter(Boolean) }) });
    throw new ApiError(400, 'bad-request', 'give entity (across years) or year (across entities)');
  };

  api.get('/compare', { schema: { summary: 'Key figures side by side (分): one entity across years, or entities in one year; with Chinese labels of the keys and each column\'s file name, upload time and unit', tags: ['corpus'], querystring: compareQuery, response: { 400: errorSchema } } }, async (req) => {
    const c = await comparison(req.query as { entity?: string; year?: number; entities?: string });
    const columns = await Promise.all(c.columns.map(async (col) => {
      const s = await getDocumentSummary(ctx.db, col.documentId);
      return { ...col, name: s?.name ?? null, createdAt: s?.createdAt ?? null, unit: s?.unit ?? null };
    }));
    return { ...c, columns, labels: factLabels(c.keys) };
  });

  api.get('/labels', { schema: { summary: 'Chinese names for the UI: 支出功能分类 类 names by code', tags: ['meta'] } }, async () => ({ functionClasses: functionClassNames() }));

  api.get('/compare/execution', {
    schema: {
      summary: 'Budget vs actual (执行率): the 部门预算 and 部门决算 of one entity and year, per function class, totals and 三公 (分)',
      tags: ['corpus'],
      querystring: { type: 'object', required: ['entity', 'year'], properties: { entity: { type: 'string' }, year: { type: 'integer' } } },
      response: { 400: errorSchema },
    },
  }, async (req) => {
    const q = req.query as { entity?: string; year?: number };
    if (!q.entity || q.year === undefined) throw new ApiError(400, 'bad-request', 'give entity and year');
    return budgetVsActual(ctx.db, { entity: q.entity, year: q.year });
  });

  api.get('/compare/execution/pairs', { schema: { summary: 'Entities and years with both a budget and a final-accounts document', tags: ['corpus'] } }, async () => ({ pairs: await budgetActualPairs(ctx.db) }));

  api.get('/export', { schema: { summary: 'Export a comparison as CSV, XLSX or JSON (amounts in 元)', tags: ['corpus'], querystring: compareQuery } }, async (req, reply) => {
    const q = req.query as { entity?: string; year?: number; entities?: string; format?: 'json' | 'csv' | 'xlsx' };
    const c = await comparison(q);
    const table = comparisonTable(c.columns, c.keys, q.format === 'csv' || q.format === 'xlsx' ? factLabels(c.keys) : undefined);
    const base = `juesuan-${q.entity ?? q.year}`;
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(base)}.csv`).send(toCsv(table));
    if (q.format === 'xlsx') {
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(base)}.xlsx`).send(await toXlsx(table));
    }
    return table;
  });

  api.post('/recheck', { schema: { summary: 'Re-run the rules on every document checked with an older rule set', tags: ['corpus'] } }, async (req) => {
    const user = requireUser(req, 'recheck');
    if (ctx.queue) {
      // on the queue: one job per stale document, followed as a batch
      const { staleDocumentIds } = await import('../store/corpus.js');
      const { enqueueRecheck } = await import('../queue/queue.js');
      const s = await enqueueRecheck(ctx.db, ctx.queue, await staleDocumentIds(ctx.db, currentRuleset()), { user: user.username });
      await audit(ctx.db, { username: user.username, action: 'recheck', detail: `batch ${s.batch}: ${s.queued} documents queued` });
      return { rechecked: 0, queued: s.queued, batch: s.batch };
    }
    const n = await recheckStale(ctx.db, currentRuleset(), (model) => ctx.pool.run({ op: 'check', input: { model } }));
    await audit(ctx.db, { username: user.username, action: 'recheck', detail: `${n} documents` });
    return { rechecked: n };
  });
}
