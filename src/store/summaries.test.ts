/**
 * The summary tables answer exactly what the live queries over documents and findings answer, after
 * inserts, re-checks (findings replaced) and deletes; a rebuild gives the same counters; the
 * migration backfills a database that has documents already. SQLite always, PostgreSQL with
 * JUESUAN_TEST_PG_URL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDb, type OpenedDb } from './db.js';
import { insertDocument, replaceReport, sha256Of, type Analysed, type Db } from './corpus.js';
import { deleteDocument, findingCounts, searchDocuments, type SearchFilters } from './queries.js';
import { rebuildSummaries } from './summaries.js';
import type { CheckReport, Finding } from '../check/types.js';
import { freshPgDatabase, PG_SKIP } from '../../test/support/pg.js';
import { rng } from '../../test/support/mulberry32.js';


const YEARS = [2022, 2023, 2024, null];
const KINDS = ['final-accounts', 'budget', null];
const REGIONS = ['高台县', '四川省成都市', '', null];
const DEPTS = ['医疗保障', '教育', '财政', null];
const RULES = ['crosstable.income-total', 'narrative.amount', 'text.year', 'completeness.table'];
const SEVERITIES = ['error', 'warning', 'info'] as const;

function report(r: () => number): CheckReport {
  const findings: Finding[] = [];
  const n = Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    findings.push({ rule: RULES[Math.floor(r() * RULES.length)]!, severity: SEVERITIES[Math.floor(r() * 3)]!, message: `finding ${i}`, location: { line: i + 1 } });
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { schema: 'juesuan.findings/1', document: { kind: 'final-accounts', ruleset: 'test' }, findings, rules: [], counts };
}

function analysed(r: () => number): Analysed {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const meta = { entity: `示例单位${Math.floor(r() * 1e6)}`, year: pick(YEARS), kind: pick(KINDS), region: pick(REGIONS), departmentType: pick(DEPTS) };
  return {
    meta: meta as unknown as Analysed['meta'],
    facts: { schema: 'juesuan.facts/1', amounts: {} } as unknown as Analysed['facts'],
    report: report(r),
    json: { model: '{}', facts: '{}', report: '{}' },
  };
}

let serial = 0;
async function insert(db: Db, r: () => number): Promise<number> {
  const bytes = new TextEncoder().encode(`document ${serial++} ${r()}`);
  const unreadable = r() < 0.1;
  return insertDocument(db, sha256Of(bytes), 'text', { bytes, name: `d${serial}.txt` }, unreadable ? undefined : analysed(r), unreadable ? 'not a disclosure' : undefined);
}

/** Every combination of the summary's filters (values present, absent and unknown), and the finding counts of each year. */
async function assertSummariesMatch(db: Db, label: string): Promise<void> {
  const filters: SearchFilters[] = [{}];
  const add = (key: keyof SearchFilters, values: unknown[]) => {
    for (const f of [...filters]) for (const v of values) filters.push({ ...f, [key]: v });
  };
  add('year', [2023, 2024, 1999]);
  add('kind', ['budget', 'final-accounts']);
  add('region', ['高台县', '无此地']);
  add('departmentType', ['教育']);
  add('severity', ['error', 'warning', 'info']);
  for (const f of filters) {
    const fast = await searchDocuments(db, { ...f, limit: 5 });
    const live = await searchDocuments(db, { ...f, limit: 5 }, { summaries: false });
    assert.deepEqual(fast, live, `${label}: list ${JSON.stringify(f)}`);
  }
  for (const year of [undefined, ...YEARS.filter((y) => y !== null), 1999]) {
    const f = year === undefined ? {} : { year };
    assert.deepEqual(await findingCounts(db, f), await findingCounts(db, f, { summaries: false }), `${label}: finding counts ${JSON.stringify(f)}`);
  }
}

/** The counters themselves (rows with a count), to compare with a rebuild. */
async function counters(db: Db): Promise<unknown> {
  const d = await sql`SELECT year, kind, region, department_type, nulls, has_errors, has_warnings, has_infos, documents FROM summary_documents WHERE documents <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
  const f = await sql`SELECT year, year_null, rule, severity, documents, findings FROM summary_findings WHERE documents <> 0 OR findings <> 0 ORDER BY 1, 2, 3, 4`.execute(db);
  const m = await sql`SELECT dimension, value, is_null, has_errors, has_warnings, has_infos, documents FROM summary_facets WHERE documents <> 0 ORDER BY 1, 2, 3, 4, 5, 6`.execute(db);
  return JSON.parse(JSON.stringify({ d: d.rows, m: m.rows, f: f.rows }, (_k, v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v)));
}

async function withDb(kind: 'sqlite' | 'postgres', fn: (o: OpenedDb) => Promise<void>): Promise<void> {
  const pg = kind === 'postgres' ? await freshPgDatabase() : undefined;
  const dir = kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'juesuan-summaries-')) : undefined;
  const o = await openDb(pg?.url ?? join(dir!, 'corpus.sqlite'));
  try {
    await fn(o);
  } finally {
    await o.close();
    await pg?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

for (const [name, skip] of [['sqlite', false], ['postgres', PG_SKIP]] as const) {
  test(`summaries (${name}): totals, facets and finding counts equal the live queries after inserts, re-checks and deletes`, { skip }, async () => {
    await withDb(name, async ({ db }) => {
      const r = rng(7);
      await assertSummariesMatch(db, 'empty corpus');
      const ids: number[] = [];
      for (let i = 0; i < 120; i++) ids.push(await insert(db, r));
      await assertSummariesMatch(db, 'after inserts');
      // re-checks: findings replaced (more, fewer, none, other rules and severities)
      for (const id of ids.filter((_, i) => i % 3 === 0)) await replaceReport(db, id, report(r));
      await replaceReport(db, ids[1]!, { ...report(r), findings: [], counts: { error: 0, warning: 0, info: 0 } });
      await assertSummariesMatch(db, 'after re-checks');
      for (const id of ids.filter((_, i) => i % 4 === 1)) assert.equal(await deleteDocument(db, id), true);
      assert.equal(await deleteDocument(db, ids[1]!), false, 'deleted already');
      await assertSummariesMatch(db, 'after deletes');
      for (let i = 0; i < 20; i++) await insert(db, r);
      await assertSummariesMatch(db, 'after more inserts');
      const kept = await counters(db);
      await rebuildSummaries(db);
      assert.deepEqual(await counters(db), kept, 'a rebuild counts the same');
      await assertSummariesMatch(db, 'after a rebuild');
      await assert.rejects(replaceReport(db, ids[1]!, report(r)), /document \d+ is gone/);
    });
  });

  test(`summaries (${name}): the migration backfills a corpus stored before it; concurrent re-checks of one document count once`, { skip }, async () => {
    await withDb(name, async (o) => {
      const { db } = o;
      const r = rng(11);
      const ids: number[] = [];
      for (let i = 0; i < 40; i++) ids.push(await insert(db, r));
      // as if stored by a version without the summaries: empty them, then run the migration again
      await db.deleteFrom('kysely_migration' as never).where('name' as never, 'in', ['0004_summaries', '0005_summary_facets'] as never).execute();
      for (const t of ['summary_documents', 'summary_facets', 'summary_findings']) await sql`DROP TABLE ${sql.table(t)}`.execute(db);
      const again = await openDb(o.url);
      try {
        await assertSummariesMatch(again.db, 'after the migration');
        const id = ids.find((_, i) => i % 10 !== 0)!;
        await Promise.all([replaceReport(again.db, id, report(r)), replaceReport(again.db, id, report(r)), deleteDocument(again.db, ids[0]!)]);
        await assertSummariesMatch(again.db, 'after concurrent re-checks');
      } finally {
        await again.close();
      }
    });
  });
}
