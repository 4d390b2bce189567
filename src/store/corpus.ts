/**
 * The corpus repository: documents (original bytes, hash, format), their model, facts and findings
 * with the rule-set version. One query layer for SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Disclosure } from '../model/index.js';
import type { Facts } from '../facts/types.js';
import type { CheckReport, Finding } from '../check/types.js';
import { operations } from '../core/operations.js';
import { checkDisclosure } from '../check/engine.js';
import { InputError } from '../ingest/raw.js';
import { detectFormat } from '../ingest/detect.js';
import type { Database } from './schema.js';
import { toFen } from './schema.js';
import { departmentTypeOf, factsToRows, regionOf } from './facts-rows.js';
import { applySummaryChange, findingTallyOf, lockDocumentDims, tallyFindings } from './summaries.js';

export type Db = Kysely<Database>;

export interface StoreResult {
  id: number;
  created: boolean;
  status: 'ok' | 'unreadable';
  error?: string;
  /** unreadable because a time or memory budget ran out (not a property of the bytes: a retry may succeed) */
  overLimit?: boolean;
}

const now = () => new Date().toISOString();

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function findByHash(db: Db, sha: string): Promise<number | undefined> {
  const row = await db.selectFrom('documents').select('id').where('sha256', '=', sha).executeTakeFirst();
  return row?.id;
}

/** Reads, checks and stores one document; a document already stored (same bytes) is not read again. */
/** A document read and checked: the model itself, or (from a pool worker) its meta with the JSON
 * already serialised off the event loop. */
export interface Analysed {
  disclosure?: Disclosure;
  meta?: Disclosure['meta'];
  facts: Facts;
  report: CheckReport;
  json?: { model: string; facts: string; report: string };
}
export type Analyse = (input: { bytes: Uint8Array; name: string }) => Promise<Analysed>;

/** Same bytes being read right now (per database): callers wait for the one read instead of racing on the insert. */
const inFlight = new WeakMap<object, Map<string, Promise<StoreResult>>>();

/**
 * Reads, checks and stores one document; a document already stored (same bytes) is not read again.
 * `analyse` reads it (default: in this thread; the server and import pass the worker pool's).
 * Concurrent calls with the same bytes share one read and one row; a unique-key race with another
 * process ends in the row that won.
 */
export async function storeDocument(db: Db, input: { bytes: Uint8Array; name: string; user?: string; keepUnreadable?: boolean; analyse?: Analyse; sha256?: string }): Promise<StoreResult> {
  // a caller that hashed the bytes already (to look them up) passes the hash
  const sha = input.sha256 ?? sha256Of(input.bytes);
  let byHash = inFlight.get(db);
  if (!byHash) inFlight.set(db, (byHash = new Map()));
  const pending = byHash.get(sha);
  if (pending) {
    const r = await pending;
    return r.status === 'ok' && r.created ? { ...r, created: false } : r;
  }
  const p = storeOnce(db, sha, input);
  byHash.set(sha, p);
  try {
    return await p;
  } finally {
    byHash.delete(sha);
  }
}

/** Whether these bytes are being read and stored right now by this process. */
export function storing(db: Db, sha: string): boolean {
  return inFlight.get(db)?.has(sha) ?? false;
}

export function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: string; message?: string };
  return x?.code === '23505' || x?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|duplicate key value/i.test(x?.message ?? '');
}

async function storeOnce(db: Db, sha: string, input: { bytes: Uint8Array; name: string; user?: string; keepUnreadable?: boolean; analyse?: Analyse }): Promise<StoreResult> {
  const existing = await findByHash(db, sha);
  if (existing !== undefined) return { id: existing, created: false, status: 'ok' };
  let analysed: Analysed | undefined;
  let error: string | undefined;
  try {
    analysed = await (input.analyse ?? ((i) => operations.analyse(i)))({ bytes: input.bytes, name: input.name });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    error = e.message;
    // a time or memory budget overrun is not a property of the bytes: not stored, so a retry may succeed
    if ('limit' in e) return { id: 0, created: false, status: 'unreadable', overLimit: true, error: e.hint ? `${e.message} (${e.hint})` : e.message };
    if (input.keepUnreadable === false) return { id: 0, created: false, status: 'unreadable', error };
  }
  const format = safeFormat(input.bytes, input.name);
  let id: number;
  try {
    id = await insertDocument(db, sha, format, input, analysed, error);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const winner = await findByHash(db, sha);
    if (winner === undefined) throw e;
    return { id: winner, created: false, status: 'ok' };
  }
  return { id, created: true, status: analysed ? 'ok' : 'unreadable', ...(error && { error }) };
}

/**
 * Inserts one read document with its findings and facts in one transaction; `after` runs inside it
 * (the queue marks the batch item there, so the document and its item become visible together or not
 * at all). A second insert of the same bytes fails on the unique hash (`isUniqueViolation`).
 */
export async function insertDocument(db: Db, sha: string, format: string, input: { bytes: Uint8Array; name: string; user?: string }, analysed: Analysed | undefined, error: string | undefined, after?: (tx: Db, id: number) => Promise<void>): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const meta = analysed?.meta ?? analysed?.disclosure?.meta;
    const d = meta && { meta };
    const inserted = await tx
      .insertInto('documents')
      .values({
        sha256: sha, name: input.name, format, size: input.bytes.length, content: input.bytes,
        entity: d?.meta.entity ?? null, year: d?.meta.year ?? null, kind: d?.meta.kind ?? null, scope: d?.meta.scope ?? null,
        region: d?.meta.region ?? regionOf(d?.meta.entity), department_type: d?.meta.departmentType ?? departmentTypeOf(d?.meta.entity), unit: d?.meta.unit ?? null,
        status: analysed ? 'ok' : 'unreadable', error: error ?? null,
        ruleset: analysed?.report.document.ruleset ?? null,
        errors: analysed?.report.counts.error ?? 0, warnings: analysed?.report.counts.warning ?? 0, infos: analysed?.report.counts.info ?? 0,
        model_json: analysed ? (analysed.json?.model ?? JSON.stringify(analysed.disclosure)) : null,
        facts_json: analysed ? (analysed.json?.facts ?? JSON.stringify(analysed.facts)) : null,
        report_json: analysed ? (analysed.json?.report ?? JSON.stringify(analysed.report)) : null,
        created_by: input.user ?? null, created_at: now(), updated_at: now(),
      })
      .returning(['id', 'year', 'kind', 'region', 'department_type', 'errors', 'warnings', 'infos'])
      .executeTakeFirstOrThrow();
    if (analysed) {
      await insertFindings(tx, inserted.id, analysed.report.findings);
      await insertFacts(tx, inserted.id, analysed.facts);
    }
    if (after) await after(tx, inserted.id);
    // the summary counters last: their rows are shared by every writer, held only until the commit
    await applySummaryChange(tx, undefined, { dims: inserted, findings: tallyFindings(analysed?.report.findings ?? []) });
    return inserted.id;
  });
}

export function safeFormat(bytes: Uint8Array, name: string): string {
  try {
    return detectFormat(bytes, name);
  } catch {
    return 'unknown';
  }
}

async function insertFindings(tx: Db, documentId: number, findings: Finding[]): Promise<void> {
  const rows = findings.map((f, seq) => ({
    document_id: documentId, seq, rule: f.rule, severity: f.severity, message: f.message,
    evidence: f.evidence ?? null, expected: f.expected ?? null, line: f.location.line ?? null, page: f.location.page ?? null,
    section: f.location.section ?? null, table_name: f.location.table ?? null, row_label: f.location.row ?? null, column_label: f.location.column ?? null,
  }));
  for (let i = 0; i < rows.length; i += 200) await tx.insertInto('findings').values(rows.slice(i, i + 200)).execute();
}

async function insertFacts(tx: Db, documentId: number, facts: Facts): Promise<void> {
  const rows = factsToRows(facts).map((r) => ({ document_id: documentId, key: r.key, fen: r.fen }));
  if (rows.length) await tx.insertInto('facts').values(rows).execute();
}

/**
 * Replaces one document's findings and counts by a new report (a re-check), in one transaction with
 * the summary counters. The document's row is locked first, so two re-checks of one document run one
 * after the other. A document deleted meanwhile is an error.
 */
export async function replaceReport(db: Db, id: number, report: CheckReport, after?: (tx: Db) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const dims = await lockDocumentDims(tx, id);
    if (!dims) throw new Error(`document ${id} is gone (deleted before its re-check was stored)`);
    const old = await findingTallyOf(tx, id);
    await tx.deleteFrom('findings').where('document_id', '=', id).execute();
    await insertFindings(tx, id, report.findings);
    await tx.updateTable('documents').set({
      ruleset: report.document.ruleset, report_json: JSON.stringify(report), errors: report.counts.error,
      warnings: report.counts.warning, infos: report.counts.info, updated_at: now(),
    }).where('id', '=', id).execute();
    if (after) await after(tx);
    await applySummaryChange(tx, { dims, findings: old }, {
      dims: { ...dims, errors: report.counts.error, warnings: report.counts.warning, infos: report.counts.info },
      findings: tallyFindings(report.findings),
    });
  });
}

/** Ids of the documents read with another rule set than `ruleset` (what a re-check must redo). */
export async function staleDocumentIds(db: Db, ruleset: string): Promise<number[]> {
  const rows = await db.selectFrom('documents').select('id').where('status', '=', 'ok').where((eb) => eb.or([eb('ruleset', '!=', ruleset), eb('ruleset', 'is', null)])).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Re-runs the rules on every stored model whose rule-set version differs from the current one. */
export async function recheckStale(db: Db, ruleset: string, check: (model: Disclosure) => Promise<CheckReport> = async (d) => checkDisclosure(d)): Promise<number> {
  const stale = await db.selectFrom('documents').select(['id', 'model_json']).where('status', '=', 'ok').where((eb) => eb.or([eb('ruleset', '!=', ruleset), eb('ruleset', 'is', null)])).execute();
  for (const row of stale) {
    if (!row.model_json) continue;
    const report = await check(JSON.parse(row.model_json) as Disclosure);
    try {
      await replaceReport(db, row.id, report);
    } catch (e) {
      if (await documentExists(db, row.id)) throw e; // deleted meanwhile: nothing to re-check
    }
  }
  return stale.length;
}

async function documentExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function factsByDocument(db: Db, ids: number[]): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('facts').selectAll().where('document_id', 'in', ids).execute();
  for (const r of rows) {
    const rec = out.get(r.document_id) ?? {};
    rec[r.key] = toFen(r.fen);
    out.set(r.document_id, rec);
  }
  return out;
}
