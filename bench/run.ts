/**
 * `npm run bench`: speed and memory, printed as a table and written to bench/results.md.
 * Read and check time per document (seeds when ../shared is present, else documents the project makes),
 * memory for 1,000 documents read in one process, compose time per format, PDF pages/s, and a bounded
 * loopback load test of the server (50 concurrent uploads, 500 reads).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDisclosure } from '../src/ingest/index.js';
import { checkDisclosure } from '../src/check/engine.js';
import { corpusAvailable, seeds } from '../test/support/corpus.js';
import { sampleDisclosureText } from '../test/support/sample-disclosure.js';
import { loadTest } from './load.js';

interface Row { what: string; value: string; target?: string }
const rows: Row[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timeIt(fn: () => Promise<unknown> | unknown, reps: number): Promise<number> {
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function documents(): { name: string; bytes: Uint8Array }[] {
  if (corpusAvailable()) return seeds().map((s) => ({ name: s.name, bytes: new Uint8Array(readFileSync(s.path)) }));
  return [2021, 2022, 2023].map((y) => ({ name: `sample-${y}.txt`, bytes: new TextEncoder().encode(sampleDisclosureText({ year: y })) }));
}

async function benchReadAndCheck(): Promise<void> {
  const docs = documents();
  let totalBytes = 0;
  const readMs: number[] = [];
  const checkMs: number[] = [];
  for (const doc of docs) {
    for (let i = 0; i < 5; i++) await readDisclosure(doc.bytes, doc.name); // warm up
    const r = await timeIt(() => readDisclosure(doc.bytes, doc.name), 30);
    const d = await readDisclosure(doc.bytes, doc.name);
    const c = await timeIt(() => checkDisclosure(d), 30);
    readMs.push(r);
    checkMs.push(c);
    totalBytes += doc.bytes.length;
    rows.push({ what: `read ${doc.name} (${(doc.bytes.length / 1024).toFixed(0)} KB)`, value: `${r.toFixed(2)} ms`, target: '< 20 ms' });
    rows.push({ what: `check ${doc.name}`, value: `${c.toFixed(2)} ms`, target: '< 10 ms' });
  }
  const perMb = readMs.reduce((a, b) => a + b, 0) / (totalBytes / 1024 / 1024);
  rows.push({ what: 'read time per MB of text', value: `${perMb.toFixed(1)} ms/MB` });
}

async function benchMemory(): Promise<void> {
  const docs = documents();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  for (let i = 0; i < 1000; i++) {
    const doc = docs[i % docs.length]!;
    const d = await readDisclosure(doc.bytes, doc.name);
    checkDisclosure(d);
    if (i % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  rows.push({ what: '1,000 documents read and checked in one process: peak RSS growth', value: `${((peak - base) / 1024 / 1024).toFixed(1)} MB (RSS ${(peak / 1024 / 1024).toFixed(0)} MB)`, target: '< 100 MB' });
}

async function optional(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    rows.push({ what: name, value: `not measured: ${(e as Error).message.split('\n')[0]}` });
  }
}

await benchReadAndCheck();
await benchMemory();
await optional('compose', async () => {
  const { benchCompose } = await import('../src/compose/bench.js');
  const r = (await benchCompose()) as Record<string, number>;
  for (const [fmt, ms] of Object.entries(r)) rows.push({ what: `compose ${fmt}`, value: `${ms.toFixed(1)} ms`, target: fmt === 'pdf' ? '≈ 2 s' : undefined });
});
await optional('pdf', async () => {
  const { benchPdf } = await import('../src/ingest/pdf/bench.js');
  const r = (await benchPdf()) as unknown as Record<string, number | string>;
  for (const [k, v] of Object.entries(r)) rows.push({ what: `pdf ${k}`, value: String(typeof v === 'number' ? v.toFixed(1) : v) });
});
await optional('load test', async () => {
  const r = await loadTest({ uploads: 50, reads: 500 });
  rows.push({ what: `load: ${r.uploads} concurrent uploads`, value: `p50 ${r.uploadP50.toFixed(1)} ms · p99 ${r.uploadP99.toFixed(1)} ms · errors ${r.uploadErrors}` });
  rows.push({ what: `load: ${r.reads} reads (50 concurrent)`, value: `p50 ${r.readP50.toFixed(1)} ms · p99 ${r.readP99.toFixed(1)} ms · errors ${r.readErrors}` });
});

const table = ['| measure | value | target |', '|---|---|---|', ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.target ?? ''} |`)].join('\n');
console.log(table);
writeFileSync(join(import.meta.dirname, 'results.md'), `# Benchmark results\n\nMachine: ${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n\n${table}\n`);
