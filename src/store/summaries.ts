/**
 * Summary (rollup) tables of the corpus, so that the list's total and facets and the finding counts
 * per year read a few thousand narrow rows instead of every document (issue 15: ≤ 100 ms at 10⁵–10⁶
 * documents).
 *
 * - `summary_facets`: documents counted by one dimension at a time (and the has-findings flags): the
 *   first page's total and four facets in a few hundred rows, whatever the corpus size.
 * - `summary_documents`: documents counted by the list's filter dimensions — year, kind, region,
 *   department type, and whether the document has errors / warnings / infos. A NULL dimension is
 *   stored as 0 or '' with its bit in `nulls` (1 year, 2 kind, 4 region, 8 department type), so the
 *   key is a plain primary key on both SQLite and PostgreSQL and an empty string stays distinct from
 *   an absent value.
 * - `summary_findings`: per (document year, rule, severity) the number of documents with at least one
 *   such finding and the number of findings.
 *
 * They are kept in the transaction of every write that changes what they count: a document stored
 * (`insertDocument`), its findings replaced by a re-check (`replaceReport`), a document deleted
 * (`deleteDocument`). The counters are upserted with deltas (`n = n + excluded.n`) at the end of the
 * transaction, in one order (documents, then one-dimension rows, then findings; each sorted by key) so that concurrent writers
 * never deadlock and hold the hot rows only for their commit. `rebuildSummaries` counts them again
 * from the corpus in one statement per table (after a bulk load, or a write by a tool that bypasses
 * this module). Rows whose count fell to 0 are kept and skipped by the queries.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** The columns of a document that decide its summary row. */
export interface DocumentDims {
  year: number | null;
  kind: string | null;
  region: string | null;
  department_type: string | null;
  errors: number;
  warnings: number;
  infos: number;
}

export const DOCUMENT_DIM_COLUMNS = ['year', 'kind', 'region', 'department_type', 'errors', 'warnings', 'infos'] as const;

/** Bits of `summary_documents.nulls`. */
export const NULL_BIT = { year: 1, kind: 2, region: 4, department_type: 8 } as const;

const FACET_COLUMNS = ['year', 'kind', 'region', 'department_type'] as const;
type FacetColumn = (typeof FACET_COLUMNS)[number];

const DOCUMENT_KEY = ['year', 'kind', 'region', 'department_type', 'nulls', 'has_errors', 'has_warnings', 'has_infos'] as const;

function documentKey(d: DocumentDims) {
  return {
    year: d.year ?? 0,
    kind: d.kind ?? '',
    region: d.region ?? '',
    department_type: d.department_type ?? '',
    nulls: (d.year === null ? NULL_BIT.year : 0) | (d.kind === null ? NULL_BIT.kind : 0) | (d.region === null ? NULL_BIT.region : 0) | (d.department_type === null ? NULL_BIT.department_type : 0),
    has_errors: Number(d.errors) > 0 ? 1 : 0,
    has_warnings: Number(d.warnings) > 0 ? 1 : 0,
    has_infos: Number(d.infos) > 0 ? 1 : 0,
  };
}

const sameKey = (a: ReturnType<typeof documentKey>, b: ReturnType<typeof documentKey>) => DOCUMENT_KEY.every((k) => a[k] === b[k]);

/** (rule, severity) → number of findings, for one document. */
export type FindingTally = Map<string, { rule: string; severity: string; findings: number }>;

export function tallyFindings(rows: Iterable<{ rule: string; severity: string; n?: number | string | bigint }>): FindingTally {
  const t: FindingTally = new Map();
  for (const r of rows) {
    const k = `${r.rule}\u0000${r.severity}`;
    const e = t.get(k) ?? { rule: r.rule, severity: r.severity, findings: 0 };
    e.findings += r.n === undefined ? 1 : Number(r.n);
    t.set(k, e);
  }
  return t;
}

/** The findings of one document counted by (rule, severity), as stored. */
export async function findingTallyOf(tx: Db, documentId: number): Promise<FindingTally> {
  const rows = await tx.selectFrom('findings').select(['rule', 'severity', (eb) => eb.fn.countAll<number>().as('n')]).where('document_id', '=', documentId).groupBy(['rule', 'severity']).execute();
  return tallyFindings(rows);
}

/** A total order of keys (all writers lock counter rows in it: no deadlock between them). */
const keyOrder = (a: Record<string, unknown>, cols: readonly string[]) => JSON.stringify(cols.map((c) => a[c]));

async function bumpDocuments(tx: Db, rows: { key: ReturnType<typeof documentKey>; delta: number }[]): Promise<void> {
  const sorted = rows.filter((r) => r.delta !== 0).sort((a, b) => (keyOrder(a.key, DOCUMENT_KEY) < keyOrder(b.key, DOCUMENT_KEY) ? -1 : 1));
  if (!sorted.length) return;
  await tx.insertInto('summary_documents').values(sorted.map((r) => ({ ...r.key, documents: r.delta })))
    .onConflict((oc) => oc.columns([...DOCUMENT_KEY]).doUpdateSet((eb) => ({ documents: eb('summary_documents.documents', '+', eb.ref('excluded.documents')) })))
    .execute();
}

const FACET_KEY = ['dimension', 'value', 'is_null', 'has_errors', 'has_warnings', 'has_infos'] as const;
type FacetKey = { dimension: string; value: string; is_null: number; has_errors: number; has_warnings: number; has_infos: number };

/** The four one-dimension rows of a document (year, kind, region, department type, each with the has-findings flags). */
function facetKeys(k: ReturnType<typeof documentKey>): FacetKey[] {
  return FACET_COLUMNS.map((dimension) => ({
    dimension, value: String(k[dimension]), is_null: k.nulls & NULL_BIT[dimension] ? 1 : 0,
    has_errors: k.has_errors, has_warnings: k.has_warnings, has_infos: k.has_infos,
  }));
}

async function bumpFacets(tx: Db, before: ReturnType<typeof documentKey> | undefined, after: ReturnType<typeof documentKey> | undefined): Promise<void> {
  const deltas = new Map<string, { key: FacetKey; delta: number }>();
  for (const [k, d] of [[before, -1], [after, +1]] as const) {
    for (const key of k ? facetKeys(k) : []) {
      const id = keyOrder(key, FACET_KEY);
      const e = deltas.get(id) ?? { key, delta: 0 };
      e.delta += d;
      deltas.set(id, e);
    }
  }
  const rows = [...deltas].filter(([, e]) => e.delta !== 0).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, e]) => ({ ...e.key, documents: e.delta }));
  if (!rows.length) return;
  await tx.insertInto('summary_facets').values(rows)
    .onConflict((oc) => oc.columns([...FACET_KEY]).doUpdateSet((eb) => ({ documents: eb('summary_facets.documents', '+', eb.ref('excluded.documents')) })))
    .execute();
}

async function bumpFindings(tx: Db, year: number | null, rows: { rule: string; severity: string; documents: number; findings: number }[]): Promise<void> {
  const changed = rows.filter((r) => r.documents !== 0 || r.findings !== 0).sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0));
  for (let i = 0; i < changed.length; i += 200) {
    await tx.insertInto('summary_findings')
      .values(changed.slice(i, i + 200).map((r) => ({ year: year ?? 0, year_null: year === null ? 1 : 0, rule: r.rule, severity: r.severity, documents: r.documents, findings: r.findings })))
      .onConflict((oc) => oc.columns(['year', 'year_null', 'rule', 'severity']).doUpdateSet((eb) => ({
        documents: eb('summary_findings.documents', '+', eb.ref('excluded.documents')),
        findings: eb('summary_findings.findings', '+', eb.ref('excluded.findings')),
      })))
      .execute();
  }
}

/**
 * Moves one document's contribution from `before` (absent: a new document) to `after` (absent: a
 * deleted one), inside the caller's transaction.
 */
export async function applySummaryChange(tx: Db, before: { dims: DocumentDims; findings: FindingTally } | undefined, after: { dims: DocumentDims; findings: FindingTally } | undefined): Promise<void> {
  const kb = before && documentKey(before.dims);
  const ka = after && documentKey(after.dims);
  if (!(kb && ka && sameKey(kb, ka))) {
    await bumpDocuments(tx, [...(kb ? [{ key: kb, delta: -1 }] : []), ...(ka ? [{ key: ka, delta: +1 }] : [])]);
    await bumpFacets(tx, kb, ka);
  }
  const yb = before?.dims.year ?? null;
  const ya = after?.dims.year ?? null;
  if (before && after && yb === ya) {
    const rows = new Map<string, { rule: string; severity: string; documents: number; findings: number }>();
    for (const [k, v] of before.findings) rows.set(k, { rule: v.rule, severity: v.severity, documents: -1, findings: -v.findings });
    for (const [k, v] of after.findings) {
      const r = rows.get(k) ?? { rule: v.rule, severity: v.severity, documents: 0, findings: 0 };
      r.documents += 1;
      r.findings += v.findings;
      rows.set(k, r);
    }
    await bumpFindings(tx, ya, [...rows.values()]);
    return;
  }
  if (before) await bumpFindings(tx, yb, [...before.findings.values()].map((v) => ({ rule: v.rule, severity: v.severity, documents: -1, findings: -v.findings })));
  if (after) await bumpFindings(tx, ya, [...after.findings.values()].map((v) => ({ rule: v.rule, severity: v.severity, documents: 1, findings: v.findings })));
}

/**
 * Locks one document's row for the rest of the transaction and answers its summary dimensions
 * (undefined: no such document). An UPDATE that changes nothing: a row lock on PostgreSQL (a
 * concurrent re-check or delete of the same document waits, then sees this one's result), the write
 * lock on SQLite; the same statement on both.
 */
export async function lockDocumentDims(tx: Db, id: number): Promise<DocumentDims | undefined> {
  const r = await tx.updateTable('documents').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', id)
    .returning([...DOCUMENT_DIM_COLUMNS]).executeTakeFirst();
  return r && { year: r.year, kind: r.kind, region: r.region, department_type: r.department_type, errors: Number(r.errors), warnings: Number(r.warnings), infos: Number(r.infos) };
}

/**
 * Counts the summary tables again from the corpus (INSERT … SELECT … GROUP BY, one statement per
 * table and dimension) in one transaction. On PostgreSQL the summary tables are locked first
 * (EXCLUSIVE: reads go on), so a writer of this version that stores, re-checks or deletes a document
 * meanwhile waits at its counter update and applies its change after the rebuild, which did not see
 * it: the counts stay exact while the corpus is written. (A re-check that changes no count updates
 * no counter and need not wait.)
 */
export async function rebuildSummaries(db: Db): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const run = async (tx: Db) => {
    if (postgres) await sql`LOCK TABLE summary_documents, summary_facets, summary_findings IN EXCLUSIVE MODE`.execute(tx);
    await tx.deleteFrom('summary_documents').execute();
    await tx.deleteFrom('summary_facets').execute();
    await tx.deleteFrom('summary_findings').execute();
    await sql`INSERT INTO summary_documents (year, kind, region, department_type, nulls, has_errors, has_warnings, has_infos, documents)
      SELECT COALESCE(year, 0), COALESCE(kind, ''), COALESCE(region, ''), COALESCE(department_type, ''),
        (CASE WHEN year IS NULL THEN ${sql.lit(NULL_BIT.year)} ELSE 0 END) + (CASE WHEN kind IS NULL THEN ${sql.lit(NULL_BIT.kind)} ELSE 0 END)
          + (CASE WHEN region IS NULL THEN ${sql.lit(NULL_BIT.region)} ELSE 0 END) + (CASE WHEN department_type IS NULL THEN ${sql.lit(NULL_BIT.department_type)} ELSE 0 END),
        CASE WHEN errors > 0 THEN 1 ELSE 0 END, CASE WHEN warnings > 0 THEN 1 ELSE 0 END, CASE WHEN infos > 0 THEN 1 ELSE 0 END, count(*)
      FROM documents GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`.execute(tx);
    for (const dim of FACET_COLUMNS) {
      const c = sql.raw(dim);
      const value = dim === 'year' ? sql`CAST(COALESCE(year, 0) AS TEXT)` : sql`COALESCE(${c}, '')`;
      await sql`INSERT INTO summary_facets (dimension, value, is_null, has_errors, has_warnings, has_infos, documents)
        SELECT ${sql.lit(dim)}, value, is_null, has_errors, has_warnings, has_infos, count(*) FROM (
          SELECT ${value} AS value, CASE WHEN ${c} IS NULL THEN 1 ELSE 0 END AS is_null,
            CASE WHEN errors > 0 THEN 1 ELSE 0 END AS has_errors, CASE WHEN warnings > 0 THEN 1 ELSE 0 END AS has_warnings, CASE WHEN infos > 0 THEN 1 ELSE 0 END AS has_infos
          FROM documents) d
        GROUP BY value, is_null, has_errors, has_warnings, has_infos`.execute(tx);
    }
    await sql`INSERT INTO summary_findings (year, year_null, rule, severity, documents, findings)
      SELECT COALESCE(d.year, 0), CASE WHEN d.year IS NULL THEN 1 ELSE 0 END, f.rule, f.severity, count(DISTINCT f.document_id), count(*)
      FROM findings f JOIN documents d ON d.id = f.document_id GROUP BY 1, 2, 3, 4`.execute(tx);
  };
  // inside a transaction already (a migration): in it; otherwise in one of its own
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}

// ——— reading ———

/** The list filters the summary can answer (anything else — text search, entity — reads the documents). */
export interface SummaryFilters {
  year?: number;
  kind?: string;
  region?: string;
  departmentType?: string;
  severity?: string;
}

function documentConditions(f: SummaryFilters): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [sql`documents <> 0`];
  if (f.year !== undefined) c.push(sql`year = ${f.year} AND (nulls & ${sql.lit(NULL_BIT.year)}) = 0`);
  if (f.kind) c.push(sql`kind = ${f.kind} AND (nulls & ${sql.lit(NULL_BIT.kind)}) = 0`);
  if (f.region) c.push(sql`region = ${f.region} AND (nulls & ${sql.lit(NULL_BIT.region)}) = 0`);
  if (f.departmentType) c.push(sql`department_type = ${f.departmentType} AND (nulls & ${sql.lit(NULL_BIT.department_type)}) = 0`);
  if (f.severity === 'error') c.push(sql`has_errors = 1`);
  if (f.severity === 'warning') c.push(sql`has_warnings = 1`);
  if (f.severity === 'info') c.push(sql`has_infos = 1`);
  return c;
}


/** The value of a dimension as the documents hold it: NULL where its bit is set. */
const nullable = (col: FacetColumn) => sql.raw(`CASE WHEN (nulls & ${NULL_BIT[col]}) = 0 THEN ${col} END`);

/**
 * PostgreSQL: the rows of the list's GROUPING SETS query ((year), (kind), (region),
 * (department_type), ()) — the same shape as over the documents — from the summary.
 */
export async function groupedFacetsFromSummary(db: Db, f: SummaryFilters): Promise<Record<string, unknown>[]> {
  const r = await sql<Record<string, unknown>>`SELECT year, kind, region, department_type, GROUPING(year) AS g0, GROUPING(kind) AS g1, GROUPING(region) AS g2, GROUPING(department_type) AS g3, sum(documents) AS n
    FROM (SELECT ${nullable('year')} AS year, ${nullable('kind')} AS kind, ${nullable('region')} AS region, ${nullable('department_type')} AS department_type, documents
      FROM summary_documents WHERE ${sql.join(documentConditions(f), sql` AND `)}) s
    GROUP BY GROUPING SETS ((year), (kind), (region), (department_type), ()) HAVING sum(documents) > 0`.execute(db);
  return r.rows;
}

/** Whether the filters name none of the four dimensions (only a severity, or nothing): the one-dimension rows answer. */
export function noDimensionFilter(f: SummaryFilters): boolean {
  return f.year === undefined && !f.kind && !f.region && !f.departmentType;
}

/**
 * The total and the four facets from `summary_facets` (a few rows per value of each dimension,
 * whatever the corpus size), for filters on severity only. Facet values come in the order the live
 * query gives on this database: years by number; text as PostgreSQL's list sorts it (JavaScript
 * order), or as SQLite's BINARY collation (UTF-8 bytes).
 */
export async function facetsFromMarginals(db: Db, f: SummaryFilters): Promise<{ total: number; facets: Record<FacetColumn, { value: string; count: number }[]> }> {
  const sev = documentConditions({ ...(f.severity && { severity: f.severity }) });
  const r = await sql<{ dimension: string; value: string; is_null: number | string; n: number | string }>`SELECT dimension, value, is_null, sum(documents) AS n
    FROM summary_facets WHERE ${sql.join(sev, sql` AND `)} GROUP BY dimension, value, is_null HAVING sum(documents) > 0`.execute(db);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = postgres ? (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) : (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  const facets = { year: [], kind: [], region: [], department_type: [] } as Record<FacetColumn, { value: string; count: number }[]>;
  let total = 0;
  for (const x of r.rows) {
    const dim = x.dimension as FacetColumn;
    if (dim === 'year') total += Number(x.n);
    if (Number(x.is_null) === 0) facets[dim]?.push({ value: x.value, count: Number(x.n) });
  }
  for (const dim of FACET_COLUMNS) facets[dim].sort((a, b) => (dim === 'year' ? Number(a.value) - Number(b.value) : text(a.value, b.value)));
  return { total, facets };
}

/** SQLite: the total and one facet at a time (values in the column's order), from the summary. */
export async function totalFromSummary(db: Db, f: SummaryFilters): Promise<number> {
  const r = await sql<{ n: number | string | null }>`SELECT sum(documents) AS n FROM summary_documents WHERE ${sql.join(documentConditions(f), sql` AND `)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function facetFromSummary(db: Db, f: SummaryFilters, col: FacetColumn): Promise<{ value: string; count: number }[]> {
  const c = sql.raw(col);
  const r = await sql<{ v: unknown; n: number | string }>`SELECT ${c} AS v, sum(documents) AS n FROM summary_documents
    WHERE ${sql.join(documentConditions(f), sql` AND `)} AND (nulls & ${sql.lit(NULL_BIT[col])}) = 0
    GROUP BY ${c} HAVING sum(documents) > 0 ORDER BY ${c}`.execute(db);
  return r.rows.map((x) => ({ value: String(x.v), count: Number(x.n) }));
}

/** Documents with findings by (rule, severity), over one year or all, from the summary. */
export async function findingCountsFromSummary(db: Db, f: { year?: number }): Promise<{ rule: string; severity: string; documents: number }[]> {
  const year = f.year !== undefined ? sql`AND year = ${f.year} AND year_null = 0` : sql``;
  const r = await sql<{ rule: string; severity: string; n: number | string }>`SELECT rule, severity, sum(documents) AS n FROM summary_findings
    WHERE documents > 0 ${year} GROUP BY rule, severity HAVING sum(documents) > 0 ORDER BY rule, severity`.execute(db);
  return r.rows.map((x) => ({ rule: x.rule, severity: x.severity, documents: Number(x.n) }));
}
