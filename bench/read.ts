/**
 * Read-time micro-benchmark, by recognizer: how long the text reader, the table, performance, narrative
 * (sections) and meta recognizers take on one seed-size document (35–55 KB of text), and the whole
 * `readDisclosure`. Documents: the seeds of ../shared/corpus when present; otherwise the example
 * disclosures the composer writes (as text); else the small sample of test/support.
 * Each stage is timed over the same RawDocument `runs` times after `warmup` runs; the figure is the
 * median per document, then the mean over documents. Wall-clock (performance.now): on a shared
 * machine compare runs taken together.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusAvailable, seeds } from '../test/support/corpus.js';
import { sampleDisclosureText } from '../test/support/sample-disclosure.js';
import { readDisclosure, readRaw } from '../src/ingest/index.js';
import type { RawDocument } from '../src/ingest/raw.js';
import { recognizeMeta } from '../src/ingest/recognize/meta.js';
import { recognizePerformance } from '../src/ingest/recognize/performance.js';
import { recognizeSections } from '../src/ingest/recognize/sections.js';
import { recognizeTables } from '../src/ingest/recognize/tables.js';

export const READ_STAGES = ['text', 'tables', 'performance', 'sections', 'meta', 'total'] as const;
export type ReadStage = (typeof READ_STAGES)[number];
export type StageMs = Record<ReadStage, number>;

export interface BenchDocument {
  name: string;
  bytes: Uint8Array;
}

export interface ReadBench {
  /** Where the documents came from ('given': the caller's). */
  source: 'seeds' | 'composed' | 'sample' | 'given';
  /** Mean over the documents of each stage's median ms. `total` is the whole readDisclosure. */
  ms: StageMs;
  /** The same with each document's fastest run: steadier than the median on a shared machine. */
  minMs: StageMs;
  /** Each document's medians and fastest runs. */
  documents: { name: string; kb: number; ms: StageMs; minMs: StageMs }[];
}

export interface ReadBenchOptions {
  runs?: number;
  warmup?: number;
  /** Documents to time instead of the seeds (tests, other corpora). */
  documents?: BenchDocument[];
}

export async function benchRead(opts: ReadBenchOptions = {}): Promise<ReadBench> {
  const runs = Math.max(1, opts.runs ?? 30);
  const warmup = Math.max(0, opts.warmup ?? 5);
  const { source, docs } = opts.documents ? { source: 'given' as const, docs: opts.documents } : await benchDocuments();
  const documents: ReadBench['documents'] = [];
  for (const doc of docs) {
    const times = await timeDocument(doc, runs, warmup);
    documents.push({ name: doc.name, kb: Math.round(doc.bytes.length / 102.4) / 10, ms: byStage(times, median), minMs: byStage(times, (xs) => Math.min(...xs)) });
  }
  const mean = (pick: (d: ReadBench['documents'][number]) => StageMs) =>
    Object.fromEntries(READ_STAGES.map((s) => [s, average(documents.map((d) => pick(d)[s]))])) as StageMs;
  return { source, ms: mean((d) => d.ms), minMs: mean((d) => d.minMs), documents };
}

function byStage(times: Record<ReadStage, number[]>, reduce: (xs: number[]) => number): StageMs {
  return Object.fromEntries(READ_STAGES.map((s) => [s, reduce(times[s])])) as StageMs;
}

function average(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** The ms of each stage on one document, run by run. */
async function timeDocument(doc: BenchDocument, runs: number, warmup: number): Promise<Record<ReadStage, number[]>> {
  const times: Record<ReadStage, number[]> = { text: [], tables: [], performance: [], sections: [], meta: [], total: [] };
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const raw = await readRaw(doc.bytes, doc.name);
    const text = performance.now() - t0;
    const stages = timeRecognizers(raw);
    const t1 = performance.now();
    await readDisclosure(doc.bytes, doc.name);
    const total = performance.now() - t1;
    if (i < warmup) continue;
    times.text.push(text);
    times.tables.push(stages.tables);
    times.performance.push(stages.performance);
    times.sections.push(stages.sections);
    times.meta.push(stages.meta);
    times.total.push(total);
  }
  return times;
}

/** The recognizers in the order assembleDisclosure runs them, each timed. */
function timeRecognizers(raw: RawDocument): Omit<StageMs, 'text' | 'total'> {
  const start = performance.now();
  const t = recognizeTables(raw);
  const a = performance.now();
  const p = recognizePerformance(raw, t.consumed);
  const b = performance.now();
  const sections = recognizeSections(raw, p.consumed);
  const c = performance.now();
  recognizeMeta(raw, { tables: t.tables, sections, performance: p.evaluations });
  const d = performance.now();
  return { tables: a - start, performance: b - a, sections: c - b, meta: d - c };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function benchDocuments(): Promise<{ source: ReadBench['source']; docs: BenchDocument[] }> {
  if (corpusAvailable()) {
    return { source: 'seeds', docs: seeds().map((s) => ({ name: s.name, bytes: new Uint8Array(readFileSync(s.path)) })) };
  }
  const composed = await composedDocuments().catch(() => []);
  if (composed.length) return { source: 'composed', docs: composed };
  const docs = [2021, 2022, 2023].map((year) => ({ name: `sample-${year}.txt`, bytes: new TextEncoder().encode(sampleDisclosureText({ year })) }));
  return { source: 'sample', docs };
}

/** The examples/ disclosures rendered as text by the composer (seed-size, all nine tables and the narrative). */
async function composedDocuments(): Promise<BenchDocument[]> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
  const { composeDocument, parseComposeInput, renderFormat } = await import('../src/compose/index.js');
  const out: BenchDocument[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const input = parseComposeInput(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    out.push({ name: file.replace(/\.json$/, '.txt'), bytes: await renderFormat(composeDocument(input).document, 'txt') });
  }
  return out;
}
