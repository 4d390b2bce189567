/**
 * `benchCheck()`: how long `checkDisclosure` takes per document, for `npm run bench`. Each document
 * (the real seeds when ../shared/corpus is present, else the sample disclosures the project writes) is
 * read once, checked a few times to warm up, then timed `reps` times: the median per document, the
 * median and total over documents, and the rules that take longest (median per document, averaged).
 * Target (issue "Check a disclosure"): all rules together under 10 ms for a seed-size document.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readDisclosure } from '../src/ingest/index.js';
import type { Disclosure } from '../src/model/index.js';
import { RULES } from '../src/rules/index.js';
import { corpusAvailable, seeds } from '../test/support/corpus.js';
import { sampleDisclosureText } from '../test/support/sample-disclosure.js';
import { checkDisclosure } from '../src/check/engine.js';
import { printedRuleName } from '../src/check/rule-name.js';
import type { Rule } from '../src/check/types.js';

export const CHECK_TARGET_MS = 10;
const WARM_UP_RUNS = 10;

export interface CheckBenchDocument { name: string; kb: number; medianMs: number; minMs: number; findings: number }

export interface CheckBench {
  source: 'seeds' | 'sample';
  reps: number;
  documents: CheckBenchDocument[];
  /** Median over documents of each document's median time for all rules together. */
  medianMs: number;
  /** Sum over documents of their median times. */
  totalMs: number;
  /** The slowest rules: printed name and mean over documents of the rule's median time. */
  slowestRules: { rule: string; ms: number }[];
}

export interface BenchInput { name: string; bytes: Uint8Array }

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The seeds when present, else three sample disclosures. */
export function benchDocuments(): { source: CheckBench['source']; docs: BenchInput[] } {
  if (corpusAvailable()) {
    return { source: 'seeds', docs: seeds().map((s) => ({ name: s.name, bytes: new Uint8Array(readFileSync(s.path)) })) };
  }
  const docs = [2021, 2022, 2023].map((year) => ({ name: `sample-${year}.txt`, bytes: new TextEncoder().encode(sampleDisclosureText({ year })) }));
  return { source: 'sample', docs };
}

/** Rules that add their own time to `times` (per rule, one entry per run). */
function timedRules(rules: readonly Rule[], times: Map<string, number[]>): Rule[] {
  return rules.map((rule) => ({
    meta: rule.meta,
    check(ctx) {
      const t0 = performance.now();
      try {
        return rule.check(ctx);
      } finally {
        const name = printedRuleName(rule.meta);
        const list = times.get(name);
        if (list) list.push(performance.now() - t0);
        else times.set(name, [performance.now() - t0]);
      }
    },
  }));
}

function timeDocument(d: Disclosure, reps: number): { medianMs: number; minMs: number } {
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    checkDisclosure(d);
    ts.push(performance.now() - t0);
  }
  return { medianMs: median(ts), minMs: Math.min(...ts) };
}

export async function benchCheck(opts: { reps?: number; documents?: BenchInput[]; slowest?: number } = {}): Promise<CheckBench> {
  const reps = Math.max(1, opts.reps ?? 20);
  const { source, docs } = opts.documents ? { source: 'sample' as const, docs: opts.documents } : benchDocuments();
  const documents: CheckBenchDocument[] = [];
  const perRule = new Map<string, number>();
  const read: Disclosure[] = [];
  for (const doc of docs) read.push(await readDisclosure(doc.bytes, doc.name));
  // Warm up on every document first, so the first one timed does not pay for the JIT.
  for (let i = 0; i < WARM_UP_RUNS; i++) for (const d of read) checkDisclosure(d);
  for (const [i, doc] of docs.entries()) {
    const d = read[i]!;
    const { medianMs, minMs } = timeDocument(d, reps);
    const times = new Map<string, number[]>();
    const rules = timedRules(RULES, times);
    for (let i = 0; i < reps; i++) checkDisclosure(d, { rules });
    for (const [name, ts] of times) perRule.set(name, (perRule.get(name) ?? 0) + median(ts) / docs.length);
    documents.push({ name: doc.name, kb: doc.bytes.length / 1024, medianMs, minMs, findings: checkDisclosure(d).findings.length });
  }
  const slowestRules = [...perRule].sort((a, b) => b[1] - a[1]).slice(0, opts.slowest ?? 10).map(([rule, ms]) => ({ rule, ms }));
  return {
    source, reps, documents,
    medianMs: median(documents.map((x) => x.medianMs)),
    totalMs: documents.reduce((a, x) => a + x.medianMs, 0),
    slowestRules,
  };
}

/** The result as plain lines for the terminal. */
export function formatCheckBench(b: CheckBench): string {
  const lines = [`check (${b.source}, median of ${b.reps} runs; target < ${CHECK_TARGET_MS} ms per document)`];
  for (const x of b.documents) {
    lines.push(`  ${x.name.padEnd(32)} ${x.kb.toFixed(0).padStart(5)} KB  ${x.medianMs.toFixed(2).padStart(7)} ms  (min ${x.minMs.toFixed(2)})  ${x.findings} findings`);
  }
  lines.push(`  median ${b.medianMs.toFixed(2)} ms per document, total ${b.totalMs.toFixed(2)} ms`, '  slowest rules (ms per document):');
  for (const r of b.slowestRules) lines.push(`    ${r.ms.toFixed(3).padStart(7)}  ${r.rule}`);
  return lines.join('\n');
}
