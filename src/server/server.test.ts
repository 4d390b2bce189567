import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openDb, type OpenedDb } from '../store/db.js';
import { createUser } from '../store/accounts.js';
import { buildServer } from './app.js';
import { sampleDisclosureText } from '../../test/support/sample-disclosure.js';
import { freshPgDatabase, PG_SKIP } from '../../test/support/pg.js';

function multipart(name: string, content: string | Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----juesuanTestBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function withServer(mode: 'single' | 'multi', fn: (app: FastifyInstance, o: OpenedDb) => Promise<void>, uploadLimit?: number, kind: 'sqlite' | 'postgres' = 'sqlite'): Promise<void> {
  const pg = kind === 'postgres' ? await freshPgDatabase() : undefined;
  const o = await openDb(pg?.url ?? ':memory:');
  const app = await buildServer({ db: o.db, mode, webDir: '/nonexistent', ...(uploadLimit && { uploadLimit }) });
  try {
    await fn(app, o);
  } finally {
    await app.close();
    await o.close();
    await pg?.drop();
  }
}

for (const [dbName, skip] of [['sqlite', false], ['postgres', PG_SKIP]] as const) {
  test(`API (${dbName}): upload, document parts, search, compare, export`, { skip }, async () => {
    await withServer('single', async (app) => {
      const up = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('a.txt', sampleDisclosureText({ year: 2023, wrongShare: true })) });
      assert.equal(up.statusCode, 201, up.body);
      const { id } = up.json() as { id: number };
      const again = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('copy.txt', sampleDisclosureText({ year: 2023, wrongShare: true })) });
      assert.equal(again.statusCode, 200);
      assert.equal((again.json() as { id: number }).id, id);
      await app.inject({ method: 'POST', url: '/api/documents', ...multipart('b.txt', sampleDisclosureText({ year: 2024 })) });
      const facts = (await app.inject(`/api/documents/${id}/facts`)).json() as { amounts: Record<string, string> };
      assert.equal(facts.amounts.expenditureTotal, '1350000.00');
      const findings = (await app.inject(`/api/documents/${id}/findings`)).json() as { schema: string; findings: { evidence?: string }[] };
      assert.equal(findings.schema, 'juesuan.findings/1');
      assert.ok(findings.findings.some((f) => f.evidence?.includes('75.00')), 'the wrong share is found');
      const tables = (await app.inject(`/api/documents/${id}/tables?table=T03`)).json() as { tables: { key: string }[] };
      assert.equal(tables.tables[0]?.key, 'T03');
      const list = (await app.inject('/api/documents?year=2024')).json() as { total: number };
      assert.equal(list.total, 1);
      const cmp = (await app.inject(`/api/compare?entity=${encodeURIComponent('示例县民政局')}`)).json() as { columns: { year: number; name: string }[]; labels: Record<string, string> };
      assert.deepEqual(cmp.columns.map((c) => c.year), [2023, 2024]);
      assert.ok(cmp.columns.every((c) => c.name), 'each column names its file');
      assert.equal(cmp.labels['fn:208'], '208 社会保障和就业支出');
      assert.equal(cmp.labels['threePublic.actual.reception'], '“三公”经费决算·公务接待费');
      const csv = await app.inject(`/api/export?entity=${encodeURIComponent('示例县民政局')}&format=csv`);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.body, /本年支出合计（元）/);
      const json = (await app.inject(`/api/export?entity=${encodeURIComponent('示例县民政局')}&format=json`)).json() as { header: string[] };
      assert.ok(json.header.includes('expenditureTotal'), 'JSON keeps the keys');
      const xlsx = await app.inject(`/api/export?year=2024&format=xlsx`);
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
      const content = await app.inject(`/api/documents/${id}/content`);
      assert.match(content.body, /示例县民政局/);
      const docs = await app.inject('/docs/json');
      assert.equal(docs.statusCode, 200);
      assert.ok((docs.json() as { paths: Record<string, unknown> }).paths['/api/documents']);
    }, undefined, dbName);
  });
}

test('API: one error shape for not found, bad input, too large and unreadable uploads', async () => {
  await withServer('single', async (app) => {
    const nf = await app.inject('/api/documents/999');
    assert.equal(nf.statusCode, 404);
    assert.equal((nf.json() as { error: { code: string } }).error.code, 'not-found');
    const bad = await app.inject('/api/documents/abc');
    assert.equal(bad.statusCode, 400);
    assert.ok((bad.json() as { error: { message: string } }).error.message);
    const big = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('big.txt', 'x'.repeat(5000)) });
    assert.equal(big.statusCode, 413, big.body);
    const bin = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('scan.bin', new Uint8Array([0, 1, 2, 0, 0, 0, 7, 0, 0])) });
    assert.equal(bin.statusCode, 422, bin.body);
    assert.equal((bin.json() as { error: { code: string } }).error.code, 'unreadable');
    const cmp = await app.inject('/api/compare');
    assert.equal(cmp.statusCode, 400);
  }, 4096);
});

test('API multi-user: login, CSRF, roles and the audit trail', async () => {
  await withServer('multi', async (app, o) => {
    await createUser(o.db, 'admin', 'admin-password', 'admin');
    await createUser(o.db, 'reader', 'reader-password', 'reader');
    const anon = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('a.txt', sampleDisclosureText()) });
    assert.equal(anon.statusCode, 401);
    const bad = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'admin', password: 'nope' } });
    assert.equal(bad.statusCode, 401);
    const li = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'admin', password: 'admin-password' } });
    assert.equal(li.statusCode, 200);
    const cookie = li.cookies.find((c) => c.name === 'juesuan_session')!;
    const { csrf } = li.json() as { csrf: string };
    const cookies = { juesuan_session: cookie.value };
    const noCsrf = await app.inject({ method: 'POST', url: '/api/documents', cookies, ...multipart('a.txt', sampleDisclosureText()) });
    assert.equal(noCsrf.statusCode, 403);
    const mp = multipart('a.txt', sampleDisclosureText());
    const ok = await app.inject({ method: 'POST', url: '/api/documents', cookies, payload: mp.payload, headers: { ...mp.headers, 'x-csrf-token': csrf } });
    assert.equal(ok.statusCode, 201, ok.body);
    const r = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'reader', password: 'reader-password' } });
    const rc = { juesuan_session: r.cookies.find((c) => c.name === 'juesuan_session')!.value };
    const mp2 = multipart('b.txt', sampleDisclosureText({ year: 2020 }));
    const forbidden = await app.inject({ method: 'POST', url: '/api/documents', cookies: rc, payload: mp2.payload, headers: { ...mp2.headers, 'x-csrf-token': (r.json() as { csrf: string }).csrf } });
    assert.equal(forbidden.statusCode, 403);
    const trail = (await app.inject({ url: '/api/audit', cookies })).json() as { entries: { action: string; username: string }[] };
    assert.ok(trail.entries.some((e) => e.action === 'upload' && e.username === 'admin'));
    assert.ok(trail.entries.some((e) => e.action === 'login' && e.username === 'reader'));
  });
});

test('API over a real socket', async () => {
  await withServer('single', async (app) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const form = new FormData();
    form.append('file', new Blob([sampleDisclosureText()]), 'a.txt');
    const up = await fetch(`http://127.0.0.1:${port}/api/documents`, { method: 'POST', body: form });
    assert.equal(up.status, 201);
    const list = (await (await fetch(`http://127.0.0.1:${port}/api/documents`)).json()) as { total: number };
    assert.equal(list.total, 1);
  });
});

test('API compose: JSON input → documents; an inconsistent input → 422 with located problems; the template', async () => {
  const { readFileSync } = await import('node:fs');
  const example = JSON.parse(readFileSync(new URL('../../examples/county-medical-insurance-bureau.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  await withServer('single', async (app) => {
    const html = await app.inject({ method: 'POST', url: '/api/compose?format=html', payload: example });
    assert.equal(html.statusCode, 200, html.body.slice(0, 300));
    assert.match(html.headers['content-type'] as string, /text\/html/);
    assert.match(html.body, /<table/);
    const bad = await app.inject({ method: 'POST', url: '/api/compose?format=html', payload: { ...example, year: 'last year' } });
    assert.equal(bad.statusCode, 422, bad.body.slice(0, 300));
    const body = bad.json() as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'invalid-input');
    assert.match(body.error.message, /year/);
    const tpl = await app.inject('/api/template');
    assert.equal(tpl.statusCode, 200);
    assert.equal(tpl.rawPayload.subarray(0, 2).toString(), 'PK');
  });
});

test('API: the same unreadable bytes sent again are refused without reading them again', async () => {
  const { WorkerPool } = await import('../core/pool/pool.js');
  const pool = new WorkerPool({ size: 1, idleMs: 0 });
  const o = await openDb(':memory:');
  const app = await buildServer({ db: o.db, mode: 'single', webDir: '/nonexistent', pool });
  try {
    const bytes = new Uint8Array([0, 1, 2, 0, 0, 0, 7, 0, 0, 9]);
    const first = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('scan.bin', bytes) });
    assert.equal(first.statusCode, 422, first.body);
    const read = pool.stats.done;
    const again = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('scan-again.bin', bytes) });
    assert.equal(again.statusCode, 422, again.body);
    assert.equal((again.json() as { error: { message: string } }).error.message, (first.json() as { error: { message: string } }).error.message);
    assert.equal(pool.stats.done, read, 'not read a second time');
  } finally {
    await app.close();
    await o.close();
    await pool.close();
  }
});

test('API: a client whose uploads are refused again and again waits before its next upload is read; an accepted upload clears it', async () => {
  const { LoginBackoff } = await import('./limits.js');
  const uploadBackoff = new LoginBackoff({ free: 1, maxWaitMs: 200, forgetMs: 60_000 });
  const o = await openDb(':memory:');
  const app = await buildServer({ db: o.db, mode: 'single', webDir: '/nonexistent', uploadBackoff });
  try {
    for (let i = 0; i < 3; i++) {
      const bad = await app.inject({ method: 'POST', url: '/api/documents', ...multipart(`scan-${i}.bin`, new Uint8Array([0, 1, 2, 0, 0, 0, 7, 0, i])) });
      assert.equal(bad.statusCode, 422, bad.body);
    }
    const client = `ip:127.0.0.1`;
    assert.ok(uploadBackoff.waitMs([client]) > 0, 'the next upload of this client waits');
    const good = await app.inject({ method: 'POST', url: '/api/documents', ...multipart('a.txt', sampleDisclosureText({ year: 2023 })) });
    assert.equal(good.statusCode, 201, good.body);
    assert.equal(uploadBackoff.waitMs([client]), 0, 'cleared by an accepted upload');
  } finally {
    await app.close();
    await o.close();
  }
});
