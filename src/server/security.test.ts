/** The guards of docs/security.md, each tested as an attacker would try it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDb, type OpenedDb } from '../store/db.js';
import { createUser } from '../store/accounts.js';
import { buildServer, type ServerOptions } from './app.js';
import { LoginBackoff } from './limits.js';
import { normalisedPath, hostAllowed, crossOriginWrite } from './guards.js';
import { sampleDisclosureText } from '../../test/support/sample-disclosure.js';
import { freshPgDatabase, PG_SKIP } from '../../test/support/pg.js';

function multipart(name: string, content: string | Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----juesuanSecurityBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function withServer(o: Partial<ServerOptions> & { mode: 'single' | 'multi' }, fn: (app: FastifyInstance, db: OpenedDb) => Promise<void>, kind: 'sqlite' | 'postgres' = 'sqlite'): Promise<void> {
  const pg = kind === 'postgres' ? await freshPgDatabase() : undefined;
  const db = await openDb(pg?.url ?? ':memory:');
  const app = await buildServer({ db: db.db, webDir: '/nonexistent', ...o });
  try {
    await fn(app, db);
  } finally {
    await app.close();
    await db.close();
    await pg?.drop();
  }
}

async function signIn(app: FastifyInstance, username: string, password: string): Promise<{ cookies: Record<string, string>; csrf: string }> {
  const r = await app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
  assert.equal(r.statusCode, 200, r.body);
  return { cookies: { juesuan_session: r.cookies.find((c) => c.name === 'juesuan_session')!.value }, csrf: (r.json() as { csrf: string }).csrf };
}

test('guards: the normalised path sees through encodings', () => {
  for (const p of ['/%61pi/recheck', '/%2561pi/recheck', '//api//recheck', '/API/recheck', '/x/../api/recheck', '/./api/recheck', '/%2Fapi/recheck?x=1']) {
    assert.equal(normalisedPath(p), '/api/recheck', p);
  }
  assert.equal(hostAllowed('localhost:8080'), true);
  assert.equal(hostAllowed('127.0.0.1:8080'), true);
  assert.equal(hostAllowed('[::1]:8080'), true);
  assert.equal(hostAllowed('evil.example:8080'), false);
  assert.equal(hostAllowed('evil.example', ['evil.example']), true);
  assert.equal(crossOriginWrite({ host: 'localhost:8080', origin: 'http://localhost:8080' }), undefined);
  assert.ok(crossOriginWrite({ host: 'localhost:8080', origin: 'http://evil.example' }));
  assert.ok(crossOriginWrite({ host: 'localhost:8080', origin: 'null' }));
  assert.ok(crossOriginWrite({ host: 'localhost:8080', 'sec-fetch-site': 'cross-site' }));
});

test('multi-user mode: no route of the OpenAPI answers without a session, and no write passes without the CSRF token, whatever the encoding', async () => {
  await withServer({ mode: 'multi' }, async (app, o) => {
    await createUser(o.db, 'admin', 'admin-password', 'admin');
    const admin = await signIn(app, 'admin', 'admin-password');
    const mp = multipart('a.txt', sampleDisclosureText());
    const up = await app.inject({ method: 'POST', url: '/api/documents', cookies: admin.cookies, payload: mp.payload, headers: { ...mp.headers, 'x-csrf-token': admin.csrf } });
    assert.equal(up.statusCode, 201, up.body);
    const spec = (await app.inject({ url: '/docs/json', cookies: admin.cookies })).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path: path.replace(/\{[^}]+\}/g, '1') })));
    assert.ok(routes.length >= 15, `${routes.length} routes in the OpenAPI`);
    const variants = (p: string) => [p, p.replace('/api/', '/%61pi/'), p.replace('/api/', '/%2561pi/'), p.replace('/api/', '//api/'), p.replace('/api/', '/api/./'), `${p}?x=%2F`, p.replace(/\/([a-z])/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`)];
    const publicRoutes = new Set(['POST /api/login', 'GET /api/health']);
    let probed = 0;
    for (const r of routes) {
      for (const url of variants(r.path)) {
        probed++;
        const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : { username: 'x', password: 'y' };
        const anon = await app.inject({ method: r.method as 'GET', url, ...(body && { payload: body }) });
        if (!publicRoutes.has(`${r.method} ${r.path}`)) {
          assert.ok(anon.statusCode === 401 || anon.statusCode === 404, `${r.method} ${url} without a session: ${anon.statusCode} ${anon.body.slice(0, 120)}`);
        }
        if (r.method !== 'GET' && r.method !== 'HEAD' && r.path !== '/api/login') {
          const noCsrf = await app.inject({ method: r.method as 'POST', url, cookies: admin.cookies, ...(body && { payload: body }) });
          assert.ok(noCsrf.statusCode === 403 || noCsrf.statusCode === 404, `${r.method} ${url} without CSRF: ${noCsrf.statusCode} ${noCsrf.body.slice(0, 120)}`);
        }
      }
    }
    assert.ok(probed > 100);
    // the document is still there: no write passed
    const doc = await app.inject({ url: '/api/documents/1', cookies: admin.cookies });
    assert.equal(doc.statusCode, 200);
    // API docs and /api/me need a session too
    assert.equal((await app.inject('/docs/json')).statusCode, 401);
    assert.equal((await app.inject('/api/me')).statusCode, 401);
    assert.equal((await app.inject('/api/health')).statusCode, 200);
  });
});

test('single-user mode: foreign Host (DNS rebinding) and cross-origin writes are refused', async () => {
  await withServer({ mode: 'single' }, async (app) => {
    const rebound = await app.inject({ url: '/api/documents', headers: { host: 'attacker.example:8080' } });
    assert.equal(rebound.statusCode, 403);
    assert.equal((rebound.json() as { error: { code: string } }).error.code, 'foreign-host');
    assert.equal((await app.inject({ url: '/api/documents', headers: { host: '127.0.0.1:8080' } })).statusCode, 200);
    const mp = multipart('a.txt', sampleDisclosureText());
    const cross = await app.inject({ method: 'POST', url: '/api/documents', payload: mp.payload, headers: { ...mp.headers, host: 'localhost:8080', origin: 'http://attacker.example' } });
    assert.equal(cross.statusCode, 403, cross.body);
    assert.equal((cross.json() as { error: { code: string } }).error.code, 'cross-origin');
    const sandboxed = await app.inject({ method: 'DELETE', url: '/api/documents/1', headers: { origin: 'null' } });
    assert.equal(sandboxed.statusCode, 403);
    const crossSite = await app.inject({ method: 'POST', url: '/api/recheck', headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(crossSite.statusCode, 403);
    const same = await app.inject({ method: 'POST', url: '/api/documents', payload: mp.payload, headers: { ...mp.headers, host: 'localhost:8080', origin: 'http://localhost:8080' } });
    assert.equal(same.statusCode, 201, same.body);
  });
});

test('every response carries CSP, X-Frame-Options, nosniff and Referrer-Policy', async () => {
  await withServer({ mode: 'single' }, async (app) => {
    for (const url of ['/api/health', '/api/documents/999', '/nowhere', '/docs', '/api/rules']) {
      const r = await app.inject(url);
      assert.match(String(r.headers['content-security-policy']), /default-src 'self'.*frame-ancestors 'none'/, url);
      assert.equal(r.headers['x-frame-options'], 'DENY', url);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(r.headers['referrer-policy'], 'no-referrer', url);
    }
  });
});

test('sign-in: failures are audited and backed off (429 with Retry-After); unknown users answer like known ones; tokens are stored hashed; a taken user name is 409', async () => {
  let now = 1_000_000;
  const loginBackoff = new LoginBackoff({ free: 3, now: () => now });
  await withServer({ mode: 'multi', loginBackoff }, async (app, o) => {
    await createUser(o.db, 'admin', 'admin-password', 'admin');
    const first = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'admin', password: 'wrong-0' } });
    assert.equal(first.statusCode, 401);
    // an unknown user gets the same answer (and costs the same scrypt) as a wrong password
    const unknown = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'nobody', password: 'whatever1' } });
    assert.equal(unknown.statusCode, 401);
    assert.equal(unknown.body, first.body);
    for (let i = 1; i < 3; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'admin', password: `wrong-${i}` } });
      assert.equal(r.statusCode, 401);
    }
    // the address has now failed 4 times, the user name 3 times (3 are free): the next attempt waits
    const locked = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'admin', password: 'admin-password' } });
    assert.equal(locked.statusCode, 429, locked.body);
    assert.ok(Number(locked.headers['retry-after']) >= 1);
    now += 60 * 60_000 + 1; // the back-off is over
    const ok = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'admin', password: 'admin-password' } });
    assert.equal(ok.statusCode, 200, ok.body);
    const token = ok.cookies.find((c) => c.name === 'juesuan_session')!.value;
    const rows = await o.db.selectFrom('sessions').select('token').execute();
    assert.ok(rows.length === 1 && rows[0]!.token !== token && !rows.some((r) => r.token.includes(token)), 'the session token is not stored as sent');
    const trail = await o.db.selectFrom('audit').selectAll().where('action', '=', 'login-failed').execute();
    assert.ok(trail.length === 4 && trail.some((t) => t.username === 'nobody'));
    const csrf = (ok.json() as { csrf: string }).csrf;
    const dup = await app.inject({ method: 'POST', url: '/api/users', cookies: { juesuan_session: token }, headers: { 'x-csrf-token': csrf }, payload: { username: 'admin', password: 'another-password', role: 'reader' } });
    assert.equal(dup.statusCode, 409, dup.body);
    assert.equal((dup.json() as { error: { code: string } }).error.code, 'conflict');
  });
});

test('upload file names are kept as given and never used as paths', async () => {
  await withServer({ mode: 'single' }, async (app, db) => {
    const name = '../../../etc/passwd; x=决算 2023.txt';
    const up = await app.inject({ method: 'POST', url: '/api/documents', ...multipart(name, sampleDisclosureText()) });
    assert.equal(up.statusCode, 201, up.body);
    const id = (up.json() as { id: number }).id;
    const s = (await app.inject(`/api/documents/${id}`)).json() as { name: string };
    assert.equal(s.name, name);
    const c = await app.inject(`/api/documents/${id}/content`);
    assert.equal(c.headers['content-disposition'], `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    // re-checking runs the rules in the pool too
    await db.db.updateTable('documents').set({ ruleset: 'old' }).execute();
    const re = await app.inject({ method: 'POST', url: '/api/recheck' });
    assert.deepEqual(re.json(), { rechecked: 1 });
  });
});

test('uploads: a client over its concurrency gets 429; the others go on', async () => {
  await withServer({ mode: 'single', uploadsPerClient: 1 }, async (app) => {
    const rs = await Promise.all([2020, 2021, 2022].map((year) => app.inject({ method: 'POST', url: '/api/documents', ...multipart(`${year}.txt`, sampleDisclosureText({ year })) })));
    const codes = rs.map((r) => r.statusCode).sort();
    assert.ok(codes.includes(201), codes.join());
    assert.ok(codes.includes(429), codes.join());
    assert.ok(rs.filter((r) => r.statusCode === 429).every((r) => r.headers['retry-after']));
  });
});

for (const [dbName, skip] of [['sqlite', false], ['postgres', PG_SKIP]] as const) {
  test(`uploads (${dbName}): 30 identical uploads at once store one document and answer every caller without a 5xx`, { skip }, async () => {
    await withServer({ mode: 'single', uploadsPerClient: 64 }, async (app, o) => {
      const text = sampleDisclosureText({ year: 2022 });
      const rs = await Promise.all(Array.from({ length: 30 }, (_, i) => app.inject({ method: 'POST', url: '/api/documents', ...multipart(`copy-${i}.txt`, text) })));
      const codes = rs.map((r) => r.statusCode);
      assert.ok(codes.every((c) => c === 200 || c === 201), codes.join());
      assert.equal(codes.filter((c) => c === 201).length, 1);
      assert.equal(new Set(rs.map((r) => (r.json() as { id: number }).id)).size, 1);
      const n = await o.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 1);
    }, dbName);
  });
}

const HOSTILE = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'hostile');
test('hostile files: a zip bomb uploaded or given to compose is refused with 422 and the server stays up', { skip: existsSync(HOSTILE) ? false : `${HOSTILE} absent: hostile uploads not tried` }, async () => {
  await withServer({ mode: 'single' }, async (app) => {
    const bomb = readFileSync(join(HOSTILE, 'bomb-1g.xlsx'));
    const [up, compose] = await Promise.all([
      app.inject({ method: 'POST', url: '/api/documents', ...multipart('bomb.xlsx', bomb) }),
      app.inject({ method: 'POST', url: '/api/compose?format=html', ...multipart('bomb.xlsx', bomb) }),
    ]);
    assert.equal(up.statusCode, 422, up.body.slice(0, 300));
    assert.equal(compose.statusCode, 422, compose.body.slice(0, 300));
    assert.match(compose.body, /limit/);
    assert.equal((await app.inject('/api/health')).statusCode, 200);
  });
});
