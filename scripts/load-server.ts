/**
 * Load check of `juesuan serve`, on loopback only, bounded in count and time; it stops by itself.
 *
 *   npx tsx scripts/load-server.ts [--seconds 30] [--clients 50] [--hostile-clients 0] [--identical 30] [--with-pdf] [--db postgres://…] [--profile DIR]
 *
 * Starts the server (a child process on a fresh SQLite file, or a fresh PostgreSQL URL given with
 * --db) and measures:
 *   1. `--clients` concurrent uploaders of ordinary documents (distinct bytes: the seeds of
 *      ../shared/corpus/seeds, or the built-in sample, and with --with-pdf the real PDFs, each made
 *      unique by bytes after its end) for `--seconds`, each from its own loopback address
 *      (127.0.0.x, so the per-client limits see separate clients): latency p50/p99 of the accepted
 *      uploads, counts of 429/503/5xx;
 *      With --hostile-clients N, N more uploaders send the files of ../shared/corpus/hostile
 *      (bombs, huge sheets, deep nesting…) at the same time;
 *   2. /api/health every 50 ms meanwhile: p50/p99/max, measured twice: by a separate probe process
 *      (what a monitor sees of the server: the probe's own event loop is idle) and from this process
 *      (whose event loop also builds and sends the uploads, so its figure includes its own delays);
 *   3. `--identical` uploads of the same new bytes at once: the statuses and the ids (one document, no 5xx);
 *   4. the server's RSS before, right after, and after its workers went idle.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleDisclosureText } from '../test/support/sample-disclosure.js';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SECONDS = Math.min(600, Number(arg('seconds', '30')));
const CLIENTS = Math.min(200, Number(arg('clients', '50')));
const IDENTICAL = Math.min(200, Number(arg('identical', '30')));
const WITH_PDF = process.argv.includes('--with-pdf');
const HOSTILE_CLIENTS = Math.min(200, Number(arg('hostile-clients', '0')));

function hostileFiles(): { name: string; bytes: Buffer }[] {
  const dir = join(root, '..', 'shared', 'corpus', 'hostile');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => !/\.(md|json)$/.test(f)).map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
}
const IDLE_MS = 5000;
const HARD_STOP_MS = (SECONDS + 120) * 1000;

const hardStop = setTimeout(() => {
  process.stderr.write('load check: hard time limit reached, stopping\n');
  server?.kill('SIGKILL');
  process.exit(3);
}, HARD_STOP_MS);
hardStop.unref();

function corpus(): { name: string; bytes: Buffer; pdf: boolean }[] {
  const out: { name: string; bytes: Buffer; pdf: boolean }[] = [];
  const seeds = join(root, '..', 'shared', 'corpus', 'seeds');
  if (existsSync(seeds)) for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) out.push({ name: f, bytes: readFileSync(join(seeds, f)), pdf: false });
  if (!out.length) for (const year of [2021, 2022, 2023]) out.push({ name: `sample-${year}.txt`, bytes: Buffer.from(sampleDisclosureText({ year })), pdf: false });
  const real = join(root, '..', 'shared', 'corpus', 'real');
  if (WITH_PDF && existsSync(real)) {
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.pdf')) out.push({ name: e.name, bytes: readFileSync(join(d, e.name)), pdf: true });
      }
    };
    walk(real);
  }
  return out;
}

/** Distinct bytes that read the same: trailing blank text, or a comment after a PDF's %%EOF. */
function unique(doc: { bytes: Buffer; pdf: boolean }, n: number): Buffer {
  return Buffer.concat([doc.bytes, Buffer.from(doc.pdf ? `\n% load ${n}\n` : `\n${' '.repeat(n % 4096)}\n${'\n'.repeat(Math.floor(n / 4096))}`)]);
}

function multipart(name: string, bytes: Buffer): { body: Buffer; type: string } {
  const b = `----juesuanLoad${Math.random().toString(16).slice(2)}`;
  return {
    body: Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${b}--\r\n`)]),
    type: `multipart/form-data; boundary=${b}`,
  };
}

interface Res { status: number; ms: number; body: string; retryAfter: number }

function call(port: number, method: string, path: string, o: { body?: Buffer; type?: string; from?: string } = {}): Promise<Res> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method, path, ...(o.from && { localAddress: o.from }), headers: { ...(o.type && { 'content-type': o.type }), ...(o.body && { 'content-length': o.body.length }) }, timeout: 120_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body: Buffer.concat(chunks).toString(), retryAfter: Number(res.headers['retry-after'] ?? 0) }));
    });
    req.on('error', (e) => resolve({ status: 0, ms: performance.now() - t0, body: String(e), retryAfter: 0 }));
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.end(o.body);
  });
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The separate probe: GET /api/health every 50 ms until told to stop, then the latencies (ms) and statuses. */
const PROBE = `
const http = require('node:http');
const [port, until] = [Number(process.argv[1]), Number(process.argv[2])];
const out = [];
let stop = false;
process.on('message', () => { stop = true; });
const one = () => new Promise((resolve) => {
  const t0 = performance.now();
  const req = http.request({ host: '127.0.0.1', port, path: '/api/health', timeout: 30000 }, (res) => {
    res.resume();
    res.on('end', () => resolve([performance.now() - t0, res.statusCode]));
  });
  req.on('error', () => resolve([performance.now() - t0, 0]));
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.end();
});
(async () => {
  while (!stop && Date.now() < until) {
    out.push(await one());
    await new Promise((r) => setTimeout(r, 50));
  }
  process.send(out, () => process.exit(0));
})();`;

function startProbe(port: number, untilEpochMs: number): Promise<[number, number][]> {
  const child = spawn(process.execPath, ['-e', PROBE, String(port), String(untilEpochMs)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as [number, number][]));
    child.once('exit', () => resolve([]));
  });
}

let server: ChildProcess | undefined;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-load-'));
  const db = arg('db', join(dir, 'load.sqlite'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  // --profile DIR: a CPU profile of the server's main thread (written when it stops), to find what stalls it
  const profile = arg('profile', '');
  server = spawn(process.execPath, [...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []), join(root, 'bin', 'juesuan.mjs'), 'serve', '--port', String(port), '--host', '127.0.0.1', '--db', db], {
    env: { ...process.env, JUESUAN_MODE: 'single', JUESUAN_LOG_LEVEL: process.env.JUESUAN_LOG_LEVEL ?? 'warn', JUESUAN_WORKER_IDLE_MS: String(IDLE_MS) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let serverErr = '';
  server.stderr!.on('data', (c: Buffer) => { serverErr = (serverErr + c.toString()).slice(-20000); });
  try {
    for (let i = 0; ; i++) {
      if ((await call(port, 'GET', '/api/health')).status === 200) break;
      if (i > 120) throw new Error(`the server did not start:\n${serverErr}`);
      await sleep(250);
    }
    const pid = server.pid!;
    const docs = corpus();
    const rssBefore = rssMb(pid);
    console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${(await import('node:os')).availableParallelism()} cores`);
    console.log(`server pid ${pid} on 127.0.0.1:${port}, store ${db}; ${docs.length} source documents (${docs.filter((d) => d.pdf).length} PDF); RSS before ${rssBefore} MB`);

    // 1 + 2: uploads and health
    const uploads: Res[] = [];
    const health: Res[] = [];
    let n = 0;
    const until = performance.now() + SECONDS * 1000;
    const probe = startProbe(port, Date.now() + SECONDS * 1000);
    let peakRss = rssBefore;
    const prober = (async () => {
      while (performance.now() < until) {
        health.push(await call(port, 'GET', '/api/health'));
        peakRss = Math.max(peakRss, rssMb(pid));
        await sleep(50);
      }
    })();
    const hostile = hostileFiles();
    const hostileResults: Res[] = [];
    let h = 0;
    const hostileLoad = Promise.all(Array.from({ length: hostile.length ? HOSTILE_CLIENTS : 0 }, async (_, c) => {
      const from = `127.0.2.${1 + (c % 250)}`;
      while (performance.now() < until) {
        const f = hostile[h++ % hostile.length]!;
        const mp = multipart(f.name, f.bytes);
        const r = await call(port, 'POST', '/api/documents', { body: mp.body, type: mp.type, from });
        hostileResults.push(r);
        if (r.status === 429 || r.status === 503) await sleep(1000 * Math.min(10, Math.max(1, r.retryAfter)));
      }
    }));
    await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
      const from = `127.0.0.${2 + (c % 250)}`;
      while (performance.now() < until) {
        const k = n++;
        const d = docs[k % docs.length]!;
        const mp = multipart(d.name, unique(d, 1 + Math.floor(k / docs.length)));
        const r = await call(port, 'POST', '/api/documents', { body: mp.body, type: mp.type, from });
        uploads.push(r);
        if (r.status === 429 || r.status === 503) await sleep(1000 * Math.min(10, Math.max(1, r.retryAfter)));
      }
    }));
    await prober;
    const probed = await probe;
    await hostileLoad;
    const rssAfterLoad = rssMb(pid);
    const ok = uploads.filter((r) => r.status === 200 || r.status === 201);
    const byStatus: Record<string, number> = {};
    for (const r of uploads) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    console.log(`\n${CLIENTS} concurrent uploaders for ${SECONDS} s: ${uploads.length} requests, statuses ${JSON.stringify(byStatus)}`);
    console.log(`  accepted uploads: ${ok.length} (${Math.round((ok.length * 60) / SECONDS)}/min) · latency p50 ${(pct(ok.map((r) => r.ms), 50) / 1000).toFixed(2)} s · p99 ${(pct(ok.map((r) => r.ms), 99) / 1000).toFixed(2)} s · max ${(Math.max(...ok.map((r) => r.ms)) / 1000).toFixed(2)} s`);
    console.log(`  all responses: p50 ${(pct(uploads.map((r) => r.ms), 50) / 1000).toFixed(2)} s · p99 ${(pct(uploads.map((r) => r.ms), 99) / 1000).toFixed(2)} s`);
    if (hostileResults.length) {
      const hs: Record<string, number> = {};
      for (const r of hostileResults) hs[r.status] = (hs[r.status] ?? 0) + 1;
      console.log(`  ${HOSTILE_CLIENTS} hostile uploaders meanwhile (${hostile.length} files): ${hostileResults.length} requests, statuses ${JSON.stringify(hs)}, p99 ${(pct(hostileResults.map((r) => r.ms), 99) / 1000).toFixed(2)} s`);
    }
    const fives = uploads.filter((r) => r.status >= 500 && r.status !== 503);
    if (fives.length) console.log(`  5xx examples: ${fives.slice(0, 3).map((r) => `${r.status} ${r.body.slice(0, 200)}`).join(' | ')}`);
    const pms = probed.map(([ms]) => ms);
    console.log(`  /api/health meanwhile, from a separate probe process: ${pms.length} probes · p50 ${pct(pms, 50).toFixed(1)} ms · p99 ${pct(pms, 99).toFixed(1)} ms · max ${Math.max(...pms).toFixed(1)} ms · non-200 ${probed.filter(([, st]) => st !== 200).length}`);
    console.log(`  /api/health meanwhile, from the uploaders' process: ${health.length} probes · p50 ${pct(health.map((r) => r.ms), 50).toFixed(1)} ms · p99 ${pct(health.map((r) => r.ms), 99).toFixed(1)} ms · max ${Math.max(...health.map((r) => r.ms)).toFixed(1)} ms · non-200 ${health.filter((r) => r.status !== 200).length}`);

    // 3: identical uploads, once the uploads above are answered and the queue is empty
    await sleep(3000);
    const base = docs[0]!;
    const same = multipart(`same-${base.name}`, unique(base, 999_983));
    const identical = await Promise.all(Array.from({ length: IDENTICAL }, (_, i) => call(port, 'POST', '/api/documents', { body: same.body, type: same.type, from: `127.0.1.${1 + (i % 250)}` })));
    const ids = new Set(identical.filter((r) => r.status < 300).map((r) => (JSON.parse(r.body) as { id: number }).id));
    const idStatus: Record<string, number> = {};
    for (const r of identical) idStatus[r.status] = (idStatus[r.status] ?? 0) + 1;
    console.log(`\n${IDENTICAL} identical uploads at once: statuses ${JSON.stringify(idStatus)} · distinct document ids ${ids.size} · p99 ${(pct(identical.map((r) => r.ms), 99) / 1000).toFixed(2)} s`);

    // 4: memory
    await sleep(1000);
    const rssRightAfter = rssMb(pid);
    await sleep(IDLE_MS + 3000);
    const rssIdle = rssMb(pid);
    console.log(`\nRSS (server process, workers included): before ${rssBefore} MB · peak seen ${peakRss} MB · end of load ${rssAfterLoad} MB · 1 s after ${rssRightAfter} MB · workers idle ${rssIdle} MB`);
    const stalls = [...serverErr.matchAll(/"lagMs":(\d+)/g)].map((m) => Number(m[1]));
    console.log(`event-loop stalls over 250 ms logged by the server (last 20 kB of its log): ${stalls.length}${stalls.length ? `, longest ${Math.max(...stalls)} ms` : ''}`);
    const failed = fives.length > 0 || identical.some((r) => r.status >= 500) || ids.size !== 1;
    if (failed) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await sleep(500);
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
