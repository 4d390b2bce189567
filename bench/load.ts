/** A bounded loopback load test: the server on 127.0.0.1 with a temporary SQLite store; N concurrent uploads, then M reads. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildServer } from '../src/server/app.js';
import { openDb } from '../src/store/db.js';
import { sampleDisclosureText } from '../test/support/sample-disclosure.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

export async function loadTest(o: { uploads: number; reads: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-load-'));
  const opened = await openDb(join(dir, 'load.sqlite'));
  const app = await buildServer({ db: opened.db, mode: 'single', webDir: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  try {
    const upTimes: number[] = [];
    let uploadErrors = 0;
    await Promise.all(Array.from({ length: o.uploads }, async (_, i) => {
      const form = new FormData();
      form.append('file', new Blob([sampleDisclosureText({ entity: `负载测试${i % 10}局`, year: 2000 + i })]), `doc-${i}.txt`);
      const t0 = performance.now();
      const r = await fetch(`${base}/api/documents`, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) });
      upTimes.push(performance.now() - t0);
      if (r.status !== 201) uploadErrors++;
      await r.arrayBuffer();
    }));
    const readTimes: number[] = [];
    let readErrors = 0;
    const paths = ['/api/documents', '/api/documents/1/facts', '/api/documents/1/findings', '/api/compare?year=2001', '/api/documents/2/model'];
    let next = 0;
    await Promise.all(Array.from({ length: 50 }, async () => {
      while (next < o.reads) {
        const p = paths[next++ % paths.length]!;
        const t0 = performance.now();
        const r = await fetch(base + p, { signal: AbortSignal.timeout(30_000) });
        await r.arrayBuffer();
        readTimes.push(performance.now() - t0);
        if (r.status !== 200) readErrors++;
      }
    }));
    return { uploads: o.uploads, reads: o.reads, uploadErrors, readErrors, uploadP50: pct(upTimes, 50), uploadP99: pct(upTimes, 99), readP50: pct(readTimes, 50), readP99: pct(readTimes, 99) };
  } finally {
    await app.close();
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
