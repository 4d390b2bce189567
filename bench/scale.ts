/**
 * The scale benchmark of issue 15, one command: `npm run bench:scale [-- options]`.
 *
 * 1. Starts Redis and PostgreSQL from the Debian packages on private ports under a temporary folder
 *    (or uses JUESUAN_BENCH_REDIS_URL / JUESUAN_BENCH_PG_URL), initdb/pg_ctl as `postgres` when root.
 * 2. Generates N synthetic disclosures (scripts/scale-gen.ts; cached under /tmp between runs) as text
 *    and, with --pdf N, composed PDFs.
 * 3. Imports them with 2 `juesuan worker` processes (the bundle, as deployed) and reports documents per
 *    minute (first job queued → last document stored), the queue's pick-up latency (idle queue, one
 *    document at a time) and end-to-end latency, and the PostgreSQL size.
 * 4. Times the corpus queries (p50/p99 over R runs each) at N documents, bulk-loads copies of the
 *    documents' rows (facts, findings and metadata; no bytes, no model) up to --big documents (100k),
 *    and times them again.
 * 5. kill -9 of a worker during an import of --kill documents (1,000): every document stored once.
 *
 * Prints a markdown table and writes it to bench/scale-results.md with the machine's load average.
 * Options: --n 10000 --pdf 1000 --pdf-distinct 100 --big 100000 --kill 1000 --runs 100 --workers 2 --skip-import --out FILE
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { openDb, type OpenedDb } from '../src/store/db.js';
import { batchProgress } from '../src/store/batches.js';
import { rebuildSummaries } from '../src/store/summaries.js';
import { compare, documentsWithFinding, factRanking, findingCounts, searchDocuments } from '../src/store/queries.js';
import { enqueueDocuments, jobIdOf, openQueue, type OpenedQueue } from '../src/queue/queue.js';
import { generateDocs } from '../scripts/scale-gen.js';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const N = arg('n', 10_000);
const PDF_N = arg('pdf', 1000);
const BIG = arg('big', 100_000);
const KILL_N = arg('kill', 1000);
const RUNS = arg('runs', 100);
const WORKERS = arg('workers', 2);
const log = (s: string) => process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${s}\n`);

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
    s.on('error', rej);
  });
}

const isRoot = process.getuid?.() === 0;
function asPostgres(cmd: string, args: string[]): void {
  if (isRoot) execFileSync('su', ['postgres', '-c', [cmd, ...args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`)].join(' ')], { stdio: 'pipe' });
  else execFileSync(cmd, args, { stdio: 'pipe' });
}

interface Services { redisUrl: string; pgUrl: string; stop: () => void }

async function startServices(): Promise<Services> {
  const givenRedis = process.env.JUESUAN_BENCH_REDIS_URL;
  const givenPg = process.env.JUESUAN_BENCH_PG_URL;
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-scale-'));
  const stops: (() => void)[] = [];
  let redisUrl = givenRedis;
  if (!redisUrl) {
    const port = await freePort();
    execFileSync('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--dir', dir, '--logfile', join(dir, 'redis.log'), '--pidfile', join(dir, 'redis.pid')]);
    redisUrl = `redis://127.0.0.1:${port}`;
    stops.push(() => { try { execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'pipe' }); } catch { /* gone */ } });
  }
  let pgUrl = givenPg;
  if (!pgUrl) {
    const bin = '/usr/lib/postgresql/15/bin';
    if (!existsSync(`${bin}/initdb`)) throw new Error('PostgreSQL 15 binaries not found in /usr/lib/postgresql/15/bin (apt-get install postgresql), or set JUESUAN_BENCH_PG_URL');
    const data = join(dir, 'pg');
    mkdirSync(data);
    if (isRoot) { execFileSync('chown', ['postgres', dir, data]); }
    const port = await freePort();
    asPostgres(`${bin}/initdb`, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    asPostgres(`${bin}/pg_ctl`, ['-D', data, '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c shared_buffers=512MB -c synchronous_commit=on -c max_connections=100`, '-l', join(dir, 'pg.log'), '-w', 'start']);
    pgUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    stops.push(() => { try { asPostgres(`${bin}/pg_ctl`, ['-D', data, '-m', 'fast', 'stop']); } catch { /* gone */ } });
  }
  return { redisUrl, pgUrl, stop: () => { for (const s of stops.reverse()) s(); rmSync(dir, { recursive: true, force: true }); } };
}

async function freshDb(pgUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The generated corpus, cached in /tmp (generation is not what is measured). */
async function corpus(format: 'text' | 'pdf', n: number): Promise<string> {
  const suffix = `-s1${format === 'pdf' ? `-d${arg('pdf-distinct', 100)}` : ''}`;
  const dir = join(tmpdir(), `juesuan-scale-${format}-${n}${suffix}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  // a larger corpus generated before holds this one (same seed: its first n documents)
  for (const e of readdirSync(tmpdir())) {
    const m = new RegExp(`^juesuan-scale-${format}-(\\d+)${suffix}$`).exec(e);
    if (m && Number(m[1]) >= n && existsSync(join(tmpdir(), e, '.complete'))) return join(tmpdir(), e);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  let k = 0;
  for await (const d of generateDocs({ n, seed: 1, defects: 0.3, format, distinct: arg('pdf-distinct', 100) })) {
    writeFileSync(join(dir, d.name), d.bytes);
    if (++k % 1000 === 0) log(`generated ${k}/${n} ${format}`);
  }
  writeFileSync(join(dir, '.complete'), '');
  log(`generated ${n} ${format} documents in ${((performance.now() - t0) / 1000).toFixed(0)} s → ${dir}`);
  return dir;
}

function startWorkers(n: number, env: NodeJS.ProcessEnv): ChildProcess[] {
  return Array.from({ length: n }, (_, i) => {
    const c = spawn(process.execPath, [join(root, 'bin', 'juesuan.cjs'), 'worker', '--jobs', '1'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    c.stderr!.on('data', (b) => { if (process.env.JUESUAN_BENCH_VERBOSE) process.stderr.write(`[worker ${i}] ${String(b)}`); });
    return c;
  });
}

/** CPU seconds a process has used (user + system, from /proc). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of the benchmark's PostgreSQL (the postmaster and its children), from /proc. */
let postmaster = 0;
function pgCpuSeconds(): number {
  let t = 0;
  if (!postmaster) return 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(d) !== postmaster && Number(f[1]) !== postmaster) continue;
      t += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
    } catch { /* gone */ }
  }
  return t;
}

async function stopWorkers(ws: ChildProcess[]): Promise<void> {
  await Promise.all(ws.map((w) => (w.exitCode !== null || w.signalCode ? undefined : new Promise((r) => { w.once('exit', r); w.kill('SIGTERM'); }))));
}

async function waitBatch(o: OpenedDb, batch: string, onTick?: (done: number) => void | Promise<void>): Promise<NonNullable<Awaited<ReturnType<typeof batchProgress>>>> {
  let last = -1;
  for (;;) {
    const p = (await batchProgress(o.db, batch))!;
    if (p.done + p.failed !== last) { last = p.done + p.failed; await onTick?.(last); }
    if (p.finished) return p;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

interface ImportResult { format: string; n: number; seconds: number; perMin: number; failed: number; stored: number; enqueueSeconds: number; workerCpuPerDoc: number; pgCpuPerDoc: number }

async function runImport(o: OpenedDb, q: OpenedQueue, env: NodeJS.ProcessEnv, format: 'text' | 'pdf', n: number): Promise<ImportResult> {
  const dir = await corpus(format, n);
  const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort().slice(0, n);
  const workers = startWorkers(WORKERS, env);
  try {
    await new Promise((r) => setTimeout(r, 3000)); // workers connect (not counted)
    log(`${format}: importing ${files.length} documents with ${WORKERS} workers`);
    const t0 = performance.now();
    const cpu0 = workers.reduce((a, w) => a + cpuSeconds(w.pid), 0);
    const pg0 = pgCpuSeconds();
    let enq = 0;
    const read = function* () { for (const f of files) yield { name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }; };
    const s = await enqueueDocuments(o.db, q, read(), { kind: 'import', label: `bench ${format}` });
    enq = (performance.now() - t0) / 1000;
    let lastLog = 0;
    const p = await waitBatch(o, s.batch, (d) => { if (d - lastLog >= 1000) { lastLog = d; log(`${format}: ${d}/${files.length} (${(d / ((performance.now() - t0) / 60000)).toFixed(0)}/min)`); } });
    const seconds = (performance.now() - t0) / 1000;
    const workerCpu = workers.reduce((a, w) => a + cpuSeconds(w.pid), 0) - cpu0;
    const pgCpu = pgCpuSeconds() - pg0;
    return { format, n: files.length, seconds, perMin: files.length / (seconds / 60), failed: p.failed, stored: (p.byState.added ?? 0) + (p.byState.unreadable ?? 0), enqueueSeconds: enq, workerCpuPerDoc: workerCpu / files.length, pgCpuPerDoc: pgCpu / files.length };
  } finally {
    await stopWorkers(workers);
  }
}

/** Pick-up latency on an idle queue (job added → a worker starts it) and end to end (→ stored), one document at a time. */
async function latency(o: OpenedDb, q: OpenedQueue, env: NodeJS.ProcessEnv, k = 30): Promise<{ pickup: number[]; total: number[] }> {
  const workers = startWorkers(WORKERS, env);
  const pickup: number[] = [];
  const total: number[] = [];
  try {
    await new Promise((r) => setTimeout(r, 3000));
    let i = 0;
    for await (const d of generateDocs({ n: k, seed: 99, defects: 0, format: 'text', start: 900_000 })) {
      const t0 = Date.now();
      const s = await enqueueDocuments(o.db, q, [{ name: d.name, bytes: d.bytes }], { kind: 'upload' });
      await waitBatch(o, s.batch);
      total.push(Date.now() - t0);
      const job = await q.queue.getJob(jobIdOf(s.batch, 1));
      if (job?.processedOn) pickup.push(job.processedOn - job.timestamp);
      i++;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await stopWorkers(workers);
  }
  return { pickup, total };
}

async function pgSize(o: OpenedDb): Promise<{ db: string; tables: string }> {
  const d = await sql<{ s: string }>`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`.execute(o.db);
  const t = await sql<{ name: string; s: string; rows: string }>`SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS s, c.reltuples::bigint::text AS rows FROM pg_class c WHERE c.relname IN ('documents','facts','findings','summary_documents','summary_facets','summary_findings') ORDER BY c.relname`.execute(o.db);
  return { db: d.rows[0]!.s, tables: t.rows.map((r) => `${r.name} ${r.s} (${Number(r.rows).toLocaleString('en')} rows)`).join(', ') };
}

type QueryTimes = Map<string, { p50: number; p99: number }>;

/** The corpus queries the API serves, each RUNS times with varied parameters. */
async function timeQueries(o: OpenedDb): Promise<QueryTimes> {
  const db = o.db;
  await sql`ANALYZE`.execute(db);
  const sample = await sql<{ id: number; year: number | null; entity: string | null; region: string | null; kind: string | null }>`SELECT id, year, entity, region, kind FROM documents WHERE status = 'ok' ORDER BY random() LIMIT 200`.execute(db);
  const docs = sample.rows;
  const rules = (await sql<{ rule: string }>`SELECT DISTINCT rule FROM findings LIMIT 50`.execute(db)).rows.map((r) => r.rule);
  const keys = ['expenditureTotal', 'incomeTotal', 'threePublic.actual.total', 'basicExpenditure', 'projectExpenditure'];
  const pick = <T>(xs: T[], i: number): T => xs[i % xs.length]!;
  const queries: [string, (i: number) => Promise<unknown>][] = [
    ['list: first page (total + 4 facets)', () => searchDocuments(db, { limit: 50 })],
    ['list: a page deep in the list (keyset)', (i) => { const d = pick(docs, i); return searchDocuments(db, { limit: 50, after: `${d.year ?? 0}.${d.id}` }); }],
    ['list: one region (total + facets)', (i) => searchDocuments(db, { region: pick(docs, i).region ?? '', limit: 50 })],
    ['list: year + kind (total + facets)', (i) => searchDocuments(db, { year: pick(docs, i).year ?? 2024, kind: pick(docs, i).kind ?? 'final-accounts', limit: 50 })],
    ['list: documents with errors', () => searchDocuments(db, { severity: 'error', limit: 50 })],
    ['search: substring of the entity', (i) => searchDocuments(db, { q: (pick(docs, i).entity ?? '局').slice(2, 6), limit: 50 })],
    ['compare: one entity across years', (i) => compare(db, { entity: pick(docs, i).entity ?? '' })],
    ['compare: 5 entities in one year', (i) => compare(db, { year: pick(docs, i).year ?? 2024, entities: docs.slice(i % 190, (i % 190) + 5).map((d) => d.entity ?? '') })],
    ['rank: a key figure in one year (top 20)', (i) => factRanking(db, { key: pick(keys, i), year: pick(docs, i).year ?? 2024, limit: 20 })],
    ['findings: documents with a rule (keyset page)', (i) => documentsWithFinding(db, { rule: pick(rules, i), limit: 50 })],
    ['findings: counts by rule and severity, one year', (i) => findingCounts(db, { year: pick(docs, i).year ?? 2024 })],
  ];
  const out: QueryTimes = new Map();
  for (const [name, f] of queries) {
    for (let i = 0; i < 5; i++) await f(i); // warm
    const t: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await f(i);
      t.push(performance.now() - t0);
    }
    out.set(name, { p50: pct(t, 50), p99: pct(t, 99) });
    log(`query ${name}: p50 ${ms(pct(t, 50))} ms, p99 ${ms(pct(t, 99))} ms`);
  }
  return out;
}

let summaryRebuildSeconds = 0;

/** The summary tables answer what the live queries answer (a sample of filters): 'exact', or the first difference. */
async function summariesExact(o: OpenedDb): Promise<string> {
  const years = (await sql<{ year: number }>`SELECT DISTINCT year FROM documents WHERE year IS NOT NULL ORDER BY year LIMIT 3`.execute(o.db)).rows.map((r) => r.year);
  const filters = [{}, { severity: 'error' as const }, ...years.map((year) => ({ year, kind: 'final-accounts' }))];
  for (const f of filters) {
    const a = await searchDocuments(o.db, { ...f, limit: 1 });
    const b = await searchDocuments(o.db, { ...f, limit: 1 }, { summaries: false });
    if (JSON.stringify(a) !== JSON.stringify(b)) return `list ${JSON.stringify(f)} differs (total ${a.total} vs ${b.total} live)`;
  }
  for (const year of [undefined, ...years]) {
    const f = year === undefined ? {} : { year };
    if (JSON.stringify(await findingCounts(o.db, f)) !== JSON.stringify(await findingCounts(o.db, f, { summaries: false }))) return `finding counts ${JSON.stringify(f)} differ`;
  }
  return 'exact';
}

/**
 * Bulk loader: copies of the stored documents' rows (metadata, facts, findings; an empty content and no
 * model) until `target` documents, each copy a new entity name, its year shifted. One statement per
 * round and table, server-side (INSERT … SELECT with generate_series), ids assigned in blocks.
 */
async function bulkLoad(o: OpenedDb, target: number): Promise<number> {
  const db = o.db;
  const base = Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM documents`.execute(db)).rows[0]!.n);
  const maxId = Number((await sql<{ m: string }>`SELECT max(id)::text AS m FROM documents`.execute(db)).rows[0]!.m);
  const rounds = Math.ceil((target - base) / base);
  for (let g = 1; g <= rounds; g++) {
    const limit = Math.min(base, target - base * g);
    if (limit <= 0) break;
    const off = g * maxId;
    await db.transaction().execute(async (tx) => {
      await sql`INSERT INTO documents (id, sha256, name, format, size, content, entity, year, kind, scope, region, department_type, unit, status, error, ruleset, errors, warnings, infos, model_json, facts_json, report_json, created_by, created_at, updated_at)
        SELECT id + ${off}, md5(sha256 || ${g}::text) || md5(${g}::text || sha256), name, format, size, ''::bytea, entity || ${`（${g}）`}, CASE WHEN year IS NULL THEN NULL ELSE 2019 + ((year - 2019 + ${g}) % 7) END,
          kind, scope, region, department_type, unit, status, error, ruleset, errors, warnings, infos, NULL, facts_json, NULL, 'bulk', created_at, updated_at
        FROM documents WHERE id <= ${maxId} ORDER BY id LIMIT ${limit}`.execute(tx);
      await sql`INSERT INTO facts (document_id, key, fen) SELECT f.document_id + ${off}, f.key, f.fen FROM facts f WHERE f.document_id IN (SELECT id - ${off} FROM documents WHERE id > ${off} AND id <= ${off + maxId})`.execute(tx);
      await sql`INSERT INTO findings (document_id, seq, rule, severity, message, evidence, expected, line, page, section, table_name, row_label, column_label)
        SELECT f.document_id + ${off}, seq, rule, severity, message, evidence, expected, line, page, section, table_name, row_label, column_label FROM findings f WHERE f.document_id IN (SELECT id - ${off} FROM documents WHERE id > ${off} AND id <= ${off + maxId})`.execute(tx);
    });
    log(`bulk load: round ${g}/${rounds} (${base * g + limit} documents)`);
  }
  await sql`SELECT setval(pg_get_serial_sequence('documents', 'id'), (SELECT max(id) FROM documents))`.execute(db);
  // the rows above bypassed the store's writes: the summary tables are counted again, one statement each
  const t0 = performance.now();
  await rebuildSummaries(db);
  summaryRebuildSeconds = (performance.now() - t0) / 1000;
  log(`summary tables rebuilt in ${summaryRebuildSeconds.toFixed(1)} s`);
  await sql`VACUUM ANALYZE`.execute(db);
  return Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM documents`.execute(db)).rows[0]!.n);
}

/** kill -9 of one worker during an import: every document stored exactly once. */
async function killTest(svc: Services, n: number): Promise<{ n: number; stored: number; distinct: number; failed: number; killedAt: number; seconds: number }> {
  const url = await freshDb(svc.pgUrl, 'scale_kill');
  const o = await openDb(url);
  process.env.JUESUAN_QUEUE_PREFIX = 'scalekill';
  process.env.JUESUAN_QUEUE_LOCK_MS = '5000';
  const q = await openQueue(svc.redisUrl);
  await q.queue.obliterate({ force: true }).catch(() => undefined);
  const env = { ...process.env, DATABASE_URL: url, JUESUAN_REDIS_URL: svc.redisUrl, JUESUAN_QUEUE_PREFIX: 'scalekill', JUESUAN_QUEUE_LOCK_MS: '5000' };
  const dir = await corpus('text', Math.max(n, N));
  const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort().slice(0, n);
  const workers = startWorkers(WORKERS, env);
  let replacement: ChildProcess[] = [];
  let killedAt = -1;
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const t0 = performance.now();
    const s = await enqueueDocuments(o.db, q, files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) })), { kind: 'import', label: 'kill test' });
    const p = await waitBatch(o, s.batch, (d) => {
      if (killedAt < 0 && d >= Math.floor(n / 3)) {
        killedAt = d;
        workers[0]!.kill('SIGKILL');
        log(`kill -9 of worker 1 (pid ${workers[0]!.pid}) at ${d}/${n} documents; a new worker starts`);
        replacement = startWorkers(1, env);
      }
    });
    const seconds = (performance.now() - t0) / 1000;
    const c = await sql<{ n: string; d: string }>`SELECT count(*)::text AS n, count(DISTINCT sha256)::text AS d FROM documents`.execute(o.db);
    return { n, stored: Number(c.rows[0]!.n), distinct: Number(c.rows[0]!.d), failed: p.failed, killedAt, seconds };
  } finally {
    await stopWorkers([...workers, ...replacement]);
    await q.close();
    await o.close();
  }
}

async function main(): Promise<void> {
  const load0 = loadavg();
  log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average ${load0.map((x) => x.toFixed(2)).join(' ')}`);
  // the workers run the bundle, as deployed: build it now, not inside the measurement
  execFileSync(process.execPath, [join(root, 'bin', 'juesuan.cjs'), '--version'], { cwd: root, stdio: 'pipe' });
  const svc = await startServices();
  const lines: string[] = [];
  try {
    const url = await freshDb(svc.pgUrl, 'scale_main');
    const o = await openDb(url);
    process.env.JUESUAN_QUEUE_PREFIX = 'scale';
    const q = await openQueue(svc.redisUrl);
    await q.queue.obliterate({ force: true }).catch(() => undefined);
    const env = { ...process.env, DATABASE_URL: url, JUESUAN_REDIS_URL: svc.redisUrl, JUESUAN_QUEUE_PREFIX: 'scale' };
    const imports: ImportResult[] = [];
    if (!flag('skip-import')) {
      imports.push(await runImport(o, q, env, 'text', N));
      const loadText = loadavg();
      log(`text import done; load average ${loadText.map((x) => x.toFixed(2)).join(' ')}`);
    }
    const lat = await latency(o, q, env);
    const size10 = await pgSize(o);
    const q10 = await timeQueries(o);
    let pdfResult: ImportResult | undefined;
    let pdfSize: string | undefined;
    if (PDF_N > 0 && !flag('skip-import')) {
      // PDFs into a database of their own (the query numbers above are for the text corpus)
      const pdfUrl = await freshDb(svc.pgUrl, 'scale_pdf');
      const op = await openDb(pdfUrl);
      try {
        pdfResult = await runImport(op, q, { ...env, DATABASE_URL: pdfUrl }, 'pdf', PDF_N);
        pdfSize = (await pgSize(op)).db;
      } finally {
        await op.close();
      }
    }
    const loadImports = loadavg();
    const count10 = Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM documents`.execute(o.db)).rows[0]!.n);
    let qBig: QueryTimes | undefined;
    let sizeBig: { db: string; tables: string } | undefined;
    let countBig = 0;
    const exact10 = await summariesExact(o);
    log(`summary tables at ${count10} documents: ${exact10}`);
    let exactBig: string | undefined;
    if (BIG > count10 && count10 > 0) {
      countBig = await bulkLoad(o, BIG);
      sizeBig = await pgSize(o);
      qBig = await timeQueries(o);
      exactBig = await summariesExact(o);
      log(`summary tables at ${countBig} documents: ${exactBig}`);
    }
    await q.close();
    await o.close();
    const kill = KILL_N > 0 ? await killTest(svc, KILL_N) : undefined;
    const load1 = loadavg();

    lines.push(`# Scale benchmark (issue 15)`, '');
    lines.push(`${new Date().toISOString()} · ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB · Node ${process.version} · ${WORKERS} workers (\`juesuan worker --jobs 1\`), Redis + PostgreSQL 15 on this machine`);
    lines.push(`load average (1/5/15 min): start ${load0.map((x) => x.toFixed(2)).join(' ')} · after the imports ${loadImports.map((x) => x.toFixed(2)).join(' ')} · end ${load1.map((x) => x.toFixed(2)).join(' ')}`, '');
    lines.push('## Import (read + check + store, 2 workers)', '');
    lines.push('| input | documents | time | documents/min | failed | stored | of which queuing | worker CPU / document | PostgreSQL CPU / document | CPU-bound documents/min on 2 idle cores |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of [...imports, ...(pdfResult ? [pdfResult] : [])]) {
      const bound = 2 * 60 / Math.max(1e-6, r.workerCpuPerDoc + r.pgCpuPerDoc);
      lines.push(`| ${r.format === 'pdf' ? 'composed PDF (pdfkit)' : 'text (composed)'} | ${r.n} | ${r.seconds.toFixed(0)} s | **${r.perMin.toFixed(0)}** | ${r.failed} | ${r.stored} | ${r.enqueueSeconds.toFixed(0)} s | ${(r.workerCpuPerDoc * 1000).toFixed(0)} ms | ${(r.pgCpuPerDoc * 1000).toFixed(0)} ms | ${bound.toFixed(0)} |`);
    }
    lines.push('', 'documents/min: first job queued → last document stored, wall clock on this machine as loaded. The last column divides the two cores by the CPU time the workers and PostgreSQL spent per document (the rate when nothing else runs; Redis and the producer not counted).');
    lines.push('', `Queue latency, idle queue, one document at a time (${lat.pickup.length} documents): pick-up (queued → a worker starts it) p50 ${ms(pct(lat.pickup, 50))} ms, p99 ${ms(pct(lat.pickup, 99))} ms; end to end (queued → stored and settled, including reading) p50 ${ms(pct(lat.total, 50))} ms, p99 ${ms(pct(lat.total, 99))} ms.`);
    lines.push('', `PostgreSQL at ${count10.toLocaleString('en')} documents: ${size10.db} (${size10.tables})${pdfSize ? `; the ${PDF_N} PDFs: ${pdfSize}` : ''}.`);
    if (sizeBig) lines.push(`PostgreSQL at ${countBig.toLocaleString('en')} documents (rows bulk-loaded: metadata, facts, findings; no bytes or model): ${sizeBig.db} (${sizeBig.tables}).`);
    lines.push('', `## Corpus queries (${RUNS} runs each, varied parameters; ms)`, '');
    lines.push(`| query | p50 @ ${count10.toLocaleString('en')} | p99 @ ${count10.toLocaleString('en')} |${qBig ? ` p50 @ ${countBig.toLocaleString('en')} | p99 @ ${countBig.toLocaleString('en')} |` : ''}`);
    lines.push(`|---|---:|---:|${qBig ? '---:|---:|' : ''}`);
    for (const [name, t] of q10) {
      const b = qBig?.get(name);
      lines.push(`| ${name} | ${ms(t.p50)} | ${ms(t.p99)} |${b ? ` ${ms(b.p50)} | ${b.p99 > 100 ? `**${ms(b.p99)}**` : ms(b.p99)} |` : ''}`);
    }
    lines.push('', `The list's total and facets and the finding counts read the summary tables (\`src/store/summaries.ts\`; kept by every write, rebuilt after the bulk load${sizeBig ? ` in ${summaryRebuildSeconds.toFixed(1)} s` : ''}). Compared with the same queries over the documents and findings: at ${count10.toLocaleString('en')} documents ${exact10}${exactBig ? `, at ${countBig.toLocaleString('en')} ${exactBig}` : ''}.`);
    if (kill) {
      lines.push('', '## kill -9 of a worker during an import', '');
      lines.push(`${kill.n} documents, 2 workers, worker 1 killed with SIGKILL at ${kill.killedAt} stored (a new one started; lock ${5} s): ${kill.stored} documents stored, ${kill.distinct} distinct, ${kill.failed} failed, in ${kill.seconds.toFixed(0)} s → ${kill.stored === kill.n && kill.distinct === kill.n && kill.failed === 0 ? '**every document stored exactly once**' : '**NOT exactly once**'}.`);
    }
    lines.push('');
  } finally {
    svc.stop();
  }
  const md = lines.join('\n');
  process.stdout.write(`${md}\n`);
  const outIdx = process.argv.indexOf('--out');
  const out = outIdx > 0 ? resolve(process.argv[outIdx + 1]!) : join(root, 'bench', 'scale-results.md');
  writeFileSync(out, md);
  log(`written to ${out}`);
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(`scale benchmark failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
