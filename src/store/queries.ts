/** Corpus queries: search with facets, one document's parts, and comparisons across years and entities. */
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './corpus.js';
import { factsByDocument } from './corpus.js';
import { toFen } from './schema.js';
import { applySummaryChange, facetFromSummary, facetsFromMarginals, noDimensionFilter, findingCountsFromSummary, findingTallyOf, groupedFacetsFromSummary, lockDocumentDims, totalFromSummary } from './summaries.js';

/** How a query may be answered: from the summary tables when its filters allow (default), or from the rows themselves. */
export interface QueryMode {
  /** false: count over the documents and findings themselves (tests compare both) */
  summaries?: boolean;
}

/** Whether the summary tables can answer the total and facets under these filters (only their dimensions). */
export function summaryAnswers(f: SearchFilters): boolean {
  return !f.q && !f.entity;
}

export interface SearchFilters {
  q?: string;
  entity?: string;
  year?: number;
  kind?: string;
  region?: string;
  departmentType?: string;
  /** Only documents with at least one finding of this severity. */
  severity?: 'error' | 'warning' | 'info';
  limit?: number;
  offset?: number;
  /** keyset pagination: the `next` of the page before (stable and index-backed at any depth; offset is not) */
  after?: string;
  /** false: no facets (a next page, or a client that has them) */
  facets?: boolean;
}

/** A position in the list's order (year newest first, documents without a year last, then id): "2024.1234". */
function parseCursor(c: string | undefined): { year: number; id: number } | undefined {
  if (!c) return undefined;
  const m = /^(-?\d{1,6})\.(\d{1,12})$/.exec(c);
  if (!m) throw Object.assign(new Error(`not a page cursor: ${c}`), { statusCode: 400 });
  return { year: Number(m[1]), id: Number(m[2]) };
}

export interface DocumentSummary {
  id: number;
  name: string;
  format: string;
  size: number;
  sha256: string;
  entity: string | null;
  year: number | null;
  kind: string | null;
  scope: string | null;
  region: string | null;
  departmentType: string | null;
  unit: string | null;
  status: string;
  error: string | null;
  counts: { error: number; warning: number; info: number };
  ruleset: string | null;
  createdAt: string;
}

const SUMMARY_COLUMNS = ['id', 'name', 'format', 'size', 'sha256', 'entity', 'year', 'kind', 'scope', 'region', 'department_type', 'unit', 'status', 'error', 'errors', 'warnings', 'infos', 'ruleset', 'created_at'] as const;

type SummaryRow = { [K in (typeof SUMMARY_COLUMNS)[number]]: unknown };

function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: Number(r.id), name: String(r.name), format: String(r.format), size: Number(r.size), sha256: String(r.sha256),
    entity: (r.entity as string | null) ?? null, year: r.year === null ? null : Number(r.year), kind: (r.kind as string | null) ?? null,
    scope: (r.scope as string | null) ?? null, region: (r.region as string | null) ?? null, departmentType: (r.department_type as string | null) ?? null,
    unit: (r.unit as string | null) ?? null, status: String(r.status), error: (r.error as string | null) ?? null,
    counts: { error: Number(r.errors), warning: Number(r.warnings), info: Number(r.infos) }, ruleset: (r.ruleset as string | null) ?? null,
    createdAt: String(r.created_at),
  };
}

function filtered(db: Db, f: SearchFilters) {
  let q = db.selectFrom('documents');
  if (f.q) q = q.where((eb) => eb.or([eb('entity', 'like', `%${f.q}%`), eb('name', 'like', `%${f.q}%`)]));
  if (f.entity) q = q.where('entity', '=', f.entity);
  // the same condition once more as the list orders by it: the (…, COALESCE(year, 0) DESC, id DESC)
  // indexes then serve a year's first page without reading the whole year
  if (f.year !== undefined) q = q.where('year', '=', f.year).where(sql<number>`COALESCE(year, 0)`, '=', f.year);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.region) q = q.where('region', '=', f.region);
  if (f.departmentType) q = q.where('department_type', '=', f.departmentType);
  if (f.severity === 'error') q = q.where('errors', '>', 0);
  if (f.severity === 'warning') q = q.where('warnings', '>', 0);
  if (f.severity === 'info') q = q.where('infos', '>', 0);
  return q;
}

/**
 * The corpus list: filters, newest year first (documents without a year last), then newest id; `next`
 * is the cursor of the following page (keyset: `after`), absent on the last. With `after` or
 * `facets: false` the facets are not counted (the first page has them).
 */
export async function searchDocuments(db: Db, f: SearchFilters, mode: QueryMode = {}): Promise<{ items: DocumentSummary[]; total: number; facets: Record<string, { value: string; count: number }[]>; next?: string }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const after = parseCursor(f.after);
  let page = filtered(db, f).select([...SUMMARY_COLUMNS]);
  if (after) page = page.where(sql<boolean>`(COALESCE(year, 0), id) < (${after.year}, ${after.id})`);
  page = page.orderBy(sql`COALESCE(year, 0)`, 'desc').orderBy('id', 'desc').limit(limit + 1);
  if (!after && f.offset) page = page.offset(f.offset);
  const fromSummary = mode.summaries !== false && summaryAnswers(f);
  // the first page of the whole corpus (or of a severity): the one-dimension counts, read while the page is
  const marginals = fromSummary && noDimensionFilter(f) ? facetsFromMarginals(db, f) : undefined;
  marginals?.catch(() => undefined); // awaited below; a failure of the page first must not leave it unhandled
  const rows = await page.execute();
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows[rows.length - 1];
  const next = more && last ? `${last.year ?? 0}.${last.id}` : undefined;
  const wantFacets = !after && f.facets !== false;
  if (marginals) {
    const m = await marginals;
    const facets: Record<string, { value: string; count: number }[]> = wantFacets ? { year: m.facets.year, kind: m.facets.kind, region: m.facets.region, departmentType: m.facets.department_type } : {};
    return { items: rows.map((r) => toSummary(r as SummaryRow)), total: m.total, facets, ...(next && { next }) };
  }
  if (wantFacets && db.getExecutor().adapter instanceof PostgresAdapter) {
    // PostgreSQL: the total and the four facets in one scan (GROUPING SETS), of the summary when it answers
    const cols = ['year', 'kind', 'region', 'department_type'] as const;
    const grouped: Record<string, unknown>[] = fromSummary ? await groupedFacetsFromSummary(db, f) : await filtered(db, f)
      .select([...cols, sql<number>`GROUPING(year)`.as('g0'), sql<number>`GROUPING(kind)`.as('g1'), sql<number>`GROUPING(region)`.as('g2'), sql<number>`GROUPING(department_type)`.as('g3'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(sql`GROUPING SETS ((year), (kind), (region), (department_type), ())`).execute();
    const facets: Record<string, { value: string; count: number }[]> = {};
    let total = 0;
    for (const [i, col] of cols.entries()) {
      const g = ['g0', 'g1', 'g2', 'g3'] as const;
      facets[col === 'department_type' ? 'departmentType' : col] = grouped
        .filter((r) => Number(r[g[i]!]) === 0 && g.every((k, j) => j === i || Number(r[k]) === 1) && r[col] !== null)
        .map((r) => ({ value: String(r[col]), count: Number(r.n) }))
        .sort((a, b) => (col === 'year' ? Number(a.value) - Number(b.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    }
    for (const r of grouped) if ([r.g0, r.g1, r.g2, r.g3].every((x) => Number(x) === 1)) total = Number(r.n);
    return { items: rows.map((r) => toSummary(r as SummaryRow)), total, facets, ...(next && { next }) };
  }
  if (fromSummary) {
    const facets: Record<string, { value: string; count: number }[]> = {};
    for (const col of (wantFacets ? ['year', 'kind', 'region', 'department_type'] as const : [])) facets[col === 'department_type' ? 'departmentType' : col] = await facetFromSummary(db, f, col);
    return { items: rows.map((r) => toSummary(r as SummaryRow)), total: await totalFromSummary(db, f), facets, ...(next && { next }) };
  }
  const total = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const facets: Record<string, { value: string; count: number }[]> = {};
  for (const col of (wantFacets ? ['year', 'kind', 'region', 'department_type'] as const : [])) {
    const fr = await filtered(db, f).select([col, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(col).orderBy(col).execute();
    facets[col === 'department_type' ? 'departmentType' : col] = fr
      .filter((r) => r[col] !== null)
      .map((r) => ({ value: String(r[col]), count: Number(r.n) }));
  }
  return { items: rows.map((r) => toSummary(r as SummaryRow)), total: Number(total?.n ?? 0), facets, ...(next && { next }) };
}

export async function getDocumentSummary(db: Db, id: number): Promise<DocumentSummary | undefined> {
  const r = await db.selectFrom('documents').select([...SUMMARY_COLUMNS]).where('id', '=', id).executeTakeFirst();
  return r ? toSummary(r as SummaryRow) : undefined;
}

export async function getDocumentPart(db: Db, id: number, part: 'model_json' | 'facts_json' | 'report_json'): Promise<unknown | undefined> {
  const r = await db.selectFrom('documents').select(part).where('id', '=', id).executeTakeFirst();
  const text = r?.[part];
  return typeof text === 'string' ? JSON.parse(text) : undefined;
}

export async function getDocumentContent(db: Db, id: number): Promise<{ name: string; format: string; content: Uint8Array } | undefined> {
  return db.selectFrom('documents').select(['name', 'format', 'content']).where('id', '=', id).executeTakeFirst();
}

/** Deletes one document with its findings and facts, and its counts from the summary tables, in one transaction. */
export async function deleteDocument(db: Db, id: number): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const dims = await lockDocumentDims(tx, id);
    if (!dims) return false;
    const findings = await findingTallyOf(tx, id);
    await tx.deleteFrom('documents').where('id', '=', id).execute();
    await applySummaryChange(tx, { dims, findings }, undefined);
    return true;
  });
}

export interface ComparisonColumn {
  documentId: number;
  entity: string | null;
  year: number | null;
  /** final-accounts, budget, … (a budget and a 决算 of one year are two columns). */
  kind?: string | null;
  facts: Record<string, number>;
}

/** One entity across years (oldest first), or many entities in one year: key figures side by side, in 分. */
export async function compare(db: Db, by: { entity: string } | { year: number; entities?: string[]; limit?: number }): Promise<{ columns: ComparisonColumn[]; keys: string[] }> {
  let q = db.selectFrom('documents').select(['id', 'entity', 'year', 'kind']).where('status', '=', 'ok');
  if ('entity' in by) q = q.where('entity', '=', by.entity).orderBy('year', 'asc');
  else {
    q = q.where('year', '=', by.year);
    if (by.entities?.length) q = q.where('entity', 'in', by.entities);
    // a year of a national corpus has tens of thousands of entities: the first `limit` (default 500)
    q = q.orderBy('entity', 'asc').limit(Math.min(Math.max(by.limit ?? 500, 1), 5000));
  }
  const docs = await q.execute();
  const facts = await factsByDocument(db, docs.map((d) => d.id));
  const columns = docs.map((d) => ({ documentId: d.id, entity: d.entity, year: d.year, kind: d.kind, facts: facts.get(d.id) ?? {} }));
  const keys = [...new Set(columns.flatMap((c) => Object.keys(c.facts)))].sort();
  return { columns, keys };
}

/**
 * Documents with findings of one rule (and severity), newest first, keyset-paginated by document id
 * (`after`: the last id of the page before). Served by the index on findings (rule, severity, document).
 */
export async function documentsWithFinding(db: Db, f: { rule: string; severity?: string; after?: number; limit?: number }): Promise<{ items: { id: number; name: string; entity: string | null; year: number | null; findings: number }[]; next?: number }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  let q = db.selectFrom('findings').select(['document_id', (eb) => eb.fn.countAll<number>().as('n')]).where('rule', '=', f.rule);
  if (f.severity) q = q.where('severity', '=', f.severity);
  if (f.after !== undefined) q = q.where('document_id', '<', f.after);
  const hits = await q.groupBy('document_id').orderBy('document_id', 'desc').limit(limit + 1).execute();
  const more = hits.length > limit;
  if (more) hits.length = limit;
  const ids = hits.map((h) => h.document_id);
  const docs = ids.length ? new Map((await db.selectFrom('documents').select(['id', 'name', 'entity', 'year']).where('id', 'in', ids).execute()).map((d) => [d.id, d])) : new Map();
  return {
    items: hits.map((h) => ({ id: h.document_id, name: docs.get(h.document_id)?.name ?? '', entity: docs.get(h.document_id)?.entity ?? null, year: docs.get(h.document_id)?.year ?? null, findings: Number(h.n) })),
    ...(more && { next: ids[ids.length - 1] }),
  };
}

/** Findings counted by rule and severity (over the documents of a year, or the whole corpus): documents with at least one. */
export async function findingCounts(db: Db, f: { year?: number } = {}, mode: QueryMode = {}): Promise<{ rule: string; severity: string; documents: number }[]> {
  if (mode.summaries !== false) return findingCountsFromSummary(db, f);
  let q = db.selectFrom('findings').select(['rule', 'severity', (eb) => eb.fn.count<number>('document_id').distinct().as('n')]);
  if (f.year !== undefined) q = q.where('document_id', 'in', (eb) => eb.selectFrom('documents').select('id').where('year', '=', f.year!));
  const rows = await q.groupBy(['rule', 'severity']).orderBy('rule').orderBy('severity').execute();
  return rows.map((r) => ({ rule: r.rule, severity: r.severity, documents: Number(r.n) }));
}

/** The largest values of one key figure (分), over a year when given: who spends most on 三公, … */
export async function factRanking(db: Db, f: { key: string; year?: number; limit?: number }): Promise<{ documentId: number; entity: string | null; year: number | null; fen: number }[]> {
  let q = db.selectFrom('facts').innerJoin('documents', 'documents.id', 'facts.document_id')
    .select(['facts.document_id', 'documents.entity', 'documents.year', 'facts.fen']).where('facts.key', '=', f.key);
  if (f.year !== undefined) q = q.where('documents.year', '=', f.year);
  const rows = await q.orderBy('facts.fen', 'desc').orderBy('facts.document_id', 'desc').limit(Math.min(Math.max(f.limit ?? 20, 1), 500)).execute();
  return rows.map((r) => ({ documentId: r.document_id, entity: r.entity, year: r.year, fen: toFen(r.fen) }));
}
