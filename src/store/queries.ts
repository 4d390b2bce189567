/** Corpus queries: search with facets, one document's parts, and comparisons across years and entities. */
import type { Db } from './corpus.js';
import { factsByDocument } from './corpus.js';

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
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.region) q = q.where('region', '=', f.region);
  if (f.departmentType) q = q.where('department_type', '=', f.departmentType);
  if (f.severity === 'error') q = q.where('errors', '>', 0);
  if (f.severity === 'warning') q = q.where('warnings', '>', 0);
  if (f.severity === 'info') q = q.where('infos', '>', 0);
  return q;
}

export async function searchDocuments(db: Db, f: SearchFilters): Promise<{ items: DocumentSummary[]; total: number; facets: Record<string, { value: string; count: number }[]> }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const rows = await filtered(db, f).select([...SUMMARY_COLUMNS]).orderBy('year', 'desc').orderBy('id', 'desc').limit(limit).offset(f.offset ?? 0).execute();
  const total = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const facets: Record<string, { value: string; count: number }[]> = {};
  for (const col of ['year', 'kind', 'region', 'department_type'] as const) {
    const fr = await filtered(db, f).select([col, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(col).orderBy(col).execute();
    facets[col === 'department_type' ? 'departmentType' : col] = fr
      .filter((r) => r[col] !== null)
      .map((r) => ({ value: String(r[col]), count: Number(r.n) }));
  }
  return { items: rows.map((r) => toSummary(r as SummaryRow)), total: Number(total?.n ?? 0), facets };
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

export async function deleteDocument(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('documents').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
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
export async function compare(db: Db, by: { entity: string } | { year: number; entities?: string[] }): Promise<{ columns: ComparisonColumn[]; keys: string[] }> {
  let q = db.selectFrom('documents').select(['id', 'entity', 'year', 'kind']).where('status', '=', 'ok');
  if ('entity' in by) q = q.where('entity', '=', by.entity).orderBy('year', 'asc');
  else {
    q = q.where('year', '=', by.year);
    if (by.entities?.length) q = q.where('entity', 'in', by.entities);
    q = q.orderBy('entity', 'asc');
  }
  const docs = await q.execute();
  const facts = await factsByDocument(db, docs.map((d) => d.id));
  const columns = docs.map((d) => ({ documentId: d.id, entity: d.entity, year: d.year, kind: d.kind, facts: facts.get(d.id) ?? {} }));
  const keys = [...new Set(columns.flatMap((c) => Object.keys(c.facts)))].sort();
  return { columns, keys };
}
