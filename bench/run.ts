/**
 * `npm run bench`: speed and memory, printed as a table and written to bench/results.md.
 * First the whole-process `check` of the real PDFs (../shared/corpus/real) against pdftotext, one row
 * per document (bench/real.ts); `npm run bench -- --only real` runs only that part.
 * Read time per recognizer and per MB, check time per document, memory for 1,000 documents read and
 * checked in one process, compose time per format, PDF pages/s, and a bounded loopback load test of
 * the server (50 concurrent uploads, 500 reads). Documents: the seeds when ../shared is present, else
 * documents the project composes. Medians and fastest runs: a shared machine makes single runs noisy.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { readDisclosure } from '../src/ingest/index.js';
import { checkDisclosure } from '../src/check/engine.js';
import { benchRead, READ_STAGES } from './read.js';
import { benchCheck, benchDocuments } from './check.js';
import { loadTest } from './load.js';
import { benchReal, realTable } from './real.js';

interface Row { what: string; value: string; target?: string }
const rows: Row[] = [];
const f1 = (n: number) => n.toFixed(1);

async function read(): Promise<void> {
  const r = await benchRead();
  for (const d of r.documents) rows.push({ what: `read ${d.name} (${d.kb.toFixed(0)} KB): median / fastest`, value: `${f1(d.ms.total)} / ${f1(d.minMs.total)} ms`, target: '< 20 ms' });
  rows.push({ what: `read, mean over ${r.documents.length} ${r.source} documents, by stage (median)`, value: READ_STAGES.map((s) => `${s} ${f1(r.ms[s])}`).join(' · ') + ' ms' });
  const kb = r.documents.reduce((a, d) => a + d.kb, 0);
  const ms = r.documents.reduce((a, d) => a + d.minMs.total, 0);
  rows.push({ what: 'read time per MB of text (fastest runs)', value: `${f1((ms / kb) * 1024)} ms/MB` });
}

async function check(): Promise<void> {
  const c = await benchCheck();
  for (const d of c.documents) rows.push({ what: `check ${d.name}: median / fastest (${d.findings} findings)`, value: `${f1(d.medianMs)} / ${f1(d.minMs)} ms`, target: '< 10 ms' });
  rows.push({ what: 'check: slowest rules (mean of medians)', value: c.slowestRules.slice(0, 5).map((r) => `${r.rule} ${r.ms.toFixed(2)}`).join(' · ') + ' ms' });
}

async function memory(): Promise<void> {
  const { docs } = benchDocuments();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  for (let i = 0; i < 1000; i++) {
    const doc = docs[i % docs.length]!;
    checkDisclosure(await readDisclosure(doc.bytes, doc.name));
    if (i % 25 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  rows.push({ what: '1,000 documents read and checked in one process: RSS growth (peak RSS)', value: `${f1((peak - base) / 2 ** 20)} MB (${(peak / 2 ** 20).toFixed(0)} MB)`, target: '< 100 MB' });
}

async function optional(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    rows.push({ what: name, value: `not measured: ${(e as Error).message.split('\n')[0]}` });
  }
}

const KEEP = '<!-- kept by npm run bench: the sections below are written by hand -->';
const onlyReal = process.argv.includes('--only') && process.argv.includes('real');
const real = benchReal();
const realMd = realTable(real);
console.log(realMd);
if (onlyReal) {
  writeResults('');
  process.exit(0);
}

await read();
await optional('check', check);
await memory();
await optional('compose', async () => {
  const { benchCompose } = await import('../src/compose/bench.js');
  const r = (await benchCompose()) as unknown as Record<string, number>;
  for (const [fmt, ms] of Object.entries(r)) if (typeof ms === 'number') rows.push({ what: `compose ${fmt}`, value: `${f1(ms)} ms`, ...(fmt === 'pdf' ? { target: '≈ 2 s' } : /html.*docx.*xlsx/.test(fmt) ? { target: '< 200 ms' } : {}) });
});
await optional('pdf', async () => {
  const { benchPdf } = await import('./pdf.js');
  const r = (await benchPdf()) as unknown as Record<string, number | string>;
  for (const [k, v] of Object.entries(r)) rows.push({ what: `pdf ${k}`, value: typeof v === 'number' ? f1(v) : String(v), ...(k.includes('pages/s') ? { target: '≥ 20' } : {}) });
});
await optional('linear', async () => { rows.push(...(await (await import('./linear.js')).benchLinear())); });
await optional('load test', async () => {
  const r = await loadTest({ uploads: 50, reads: 500 });
  rows.push({ what: `load: ${r.uploads} concurrent uploads (read + check + store each)`, value: `p50 ${f1(r.uploadP50)} ms · p99 ${f1(r.uploadP99)} ms · errors ${r.uploadErrors}` });
  rows.push({ what: `load: ${r.reads} reads, 50 concurrent`, value: `p50 ${f1(r.readP50)} ms · p99 ${f1(r.readP99)} ms · errors ${r.readErrors}` });
});

const table = ['| measure | value | target |', '|---|---|---|', ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.target ?? ''} |`)].join('\n');
console.log(table);
writeResults(table);


function writeResults(other: string): void {
  if (!other) {
    // --only real: keep the in-process table of the last full run.
    const file = join(import.meta.dirname, 'results.md');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const at = before.indexOf('| measure | value | target |');
    const end = before.indexOf(KEEP);
    if (at >= 0) other = `_(from the last full run)_\n\n${before.slice(at, end > at ? end : undefined).replace(/^_\(from the last full run\)_\s*/, '').trim()}`;
  }
  const head = `${process.platform} ${process.arch}, ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z, load average ${loadavg()[0]!.toFixed(1)}`;
  const parts = [
    '# Benchmark results',
    head,
    '## Whole-process `juesuan check` of real PDFs, against `pdftotext -layout` (median of runs; wall depends on the machine\'s load, CPU less so)',
    realMd,
    ...(other ? ['## In-process measures', other] : []),
  ];
  // Hand-written sections (before → after comparisons, session notes) follow KEEP and survive a run.
  const file = join(import.meta.dirname, 'results.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const kept = previous.indexOf(KEEP);
  if (kept >= 0) parts.push(previous.slice(kept).trim());
  writeFileSync(file, `${parts.join('\n\n')}\n`);
}
