/**
 * The long fuzz run: mutated documents of every format (text, HTML/MHT, DOCX, XLSX, XLS, PDF) made
 * from the project's own fixtures, each read → facts → check in a worker process with a time and
 * memory budget. Reports crashes (exceptions other than a clear InputError, escaped rejections,
 * dead workers), unclear errors (raw JavaScript messages), hangs (confirmed by a re-run in a fresh
 * worker) and memory peaks; saves every failing input to the output folder with a JSON line in
 * report.ndjson, so that it can become a test (copy it to test/fuzz/repro/).
 *
 *   npx tsx scripts/fuzz.ts [--cases 100000] [--seed 1] [--jobs 2] [--timeout 10] [--memory 1024]
 *                           [--out artifacts/fuzz] [--minutes M] [--brief] [--wall-factor 6]
 *
 * --timeout is CPU time per case (a loaded machine does not make slow cases hangs); the wall clock
 * kills a case at --wall-factor times it when it sleeps (a worker starved of CPU gets up to 5 times
 * more). --brief uses only the small sample seeds; otherwise composed full
 * disclosures are added.
 * Progress and a summary go to stderr; the summary also to OUT/summary.json.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAILURES, type Outcome } from '../test/fuzz/classify.js';
import { mutate } from '../test/fuzz/mutate.js';
import { caseSeed, Rng } from '../test/fuzz/rng.js';
import { FuzzPool } from '../test/fuzz/runner.js';
import { composedSeeds, sampleSeeds, type Seed } from '../test/fuzz/seeds.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const cases = Number(arg('cases', '100000'));
const runSeed = Number(arg('seed', '1'));
const jobs = Number(arg('jobs', '2'));
const timeoutMs = Number(arg('timeout', '10')) * 1000;
const memoryBytes = Number(arg('memory', '1024')) * 2 ** 20;
const out = arg('out', 'artifacts/fuzz');
const deadline = process.argv.includes('--minutes') ? Date.now() + Number(arg('minutes', '60')) * 60_000 : Infinity;
const brief = process.argv.includes('--brief');

mkdirSync(out, { recursive: true });
const reportPath = join(out, 'report.ndjson');

const seeds: Seed[] = [...(await sampleSeeds()), ...(brief ? [] : await composedSeeds())];
process.stderr.write(`fuzz: ${seeds.length} seeds (${[...new Set(seeds.map((s) => s.format))].join(', ')}), ${cases} cases, seed ${runSeed}, ${jobs} workers, ${timeoutMs / 1000} s / ${memoryBytes / 2 ** 20} MB per case → ${out}\n`);

const pool = new FuzzPool({ workers: jobs, timeoutMs, wallFactor: Number(arg('wall-factor', '6')), memoryBytes, recycleEvery: 200 });
const counts = new Map<Outcome | 'slow', number>();
const byFormat = new Map<string, number>();
/** Per format: CPU ms of all its cases, and the slowest case (CPU ms) that was read or refused. */
const cpuByFormat = new Map<string, { total: number; max: number }>();
const failures: { index: number; outcome: string; file: string; message?: string }[] = [];
let peakRss = 0;
let slowest = 0;
let slowestCpu = 0;
let done = 0;
const started = Date.now();

async function one(index: number): Promise<void> {
  const seed = seeds[index % seeds.length]!;
  const m = mutate(seed, seeds, new Rng(caseSeed(runSeed, index)));
  let r = await pool.run(m.name, m.bytes);
  let outcome: Outcome | 'slow' = r.outcome;
  if (r.outcome === 'hang' || r.outcome === 'memory') {
    // Confirmed only when it fails again alone in a fresh worker (the machine may be loaded).
    const again = await pool.confirm(m.name, m.bytes);
    if (again.outcome !== 'hang' && again.outcome !== 'memory') {
      outcome = 'slow';
      r = { ...again, message: `${r.outcome} at first (${r.message}), then ${again.outcome} in ${again.ms.toFixed(0)} ms alone` };
    }
  }
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  byFormat.set(seed.format, (byFormat.get(seed.format) ?? 0) + 1);
  peakRss = Math.max(peakRss, r.peakRss);
  if (outcome === 'ok' || outcome === 'clear') {
    slowest = Math.max(slowest, r.ms);
    slowestCpu = Math.max(slowestCpu, r.cpuMs);
  }
  const fc = cpuByFormat.get(seed.format) ?? { total: 0, max: 0 };
  fc.total += r.cpuMs;
  fc.max = Math.max(fc.max, r.cpuMs);
  cpuByFormat.set(seed.format, fc);
  if (FAILURES.includes(outcome as Outcome) || outcome === 'slow') {
    const file = `${outcome}-${index}-${m.name.replace(/[^\w.-]/g, '_')}`;
    writeFileSync(join(out, file), m.bytes);
    const entry = { index, outcome, file, seed: seed.name, ops: m.ops, message: r.message, ms: Math.round(r.ms), cpuMs: Math.round(r.cpuMs), peakMb: Math.round(r.peakRss / 2 ** 20) };
    appendFileSync(reportPath, `${JSON.stringify(entry)}\n`);
    if (outcome !== 'slow') failures.push({ index, outcome, file, ...(r.message !== undefined && { message: r.message }) });
  }
  done++;
  if (done % 500 === 0) progress();
}

function progress(): void {
  const secs = (Date.now() - started) / 1000;
  process.stderr.write(`fuzz: ${done} cases in ${secs.toFixed(0)} s · ${[...counts].map(([k, v]) => `${k} ${v}`).join(' · ')} · peak ${(peakRss / 2 ** 20).toFixed(0)} MB\n`);
}

function summary(): Record<string, unknown> {
  return {
    cases: done,
    seconds: Math.round((Date.now() - started) / 1000),
    outcomes: Object.fromEntries(counts),
    formats: Object.fromEntries(byFormat),
    cpuMsPerCase: Object.fromEntries([...cpuByFormat].map(([f, c]) => [f, { mean: Math.round(c.total / (byFormat.get(f) ?? 1)), max: Math.round(c.max) }])),
    casesPerSecond: Number((done / Math.max(1, (Date.now() - started) / 1000)).toFixed(2)),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    slowestReadMs: Math.round(slowest),
    slowestReadCpuMs: Math.round(slowestCpu),
    failures: failures.length,
    runSeed,
    timeoutMs,
    memoryMb: memoryBytes / 2 ** 20,
  };
}

let stopping = false;
process.on('SIGINT', () => {
  stopping = true;
});
process.on('SIGTERM', () => {
  stopping = true;
});

let next = 0;
const lanes = Array.from({ length: jobs }, async () => {
  while (!stopping && next < cases && Date.now() < deadline) await one(next++);
});
try {
  await Promise.all(lanes);
} finally {
  pool.close();
  progress();
  const s = summary();
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(s, null, 1)}\n`);
  process.stderr.write(`${JSON.stringify(s)}\n`);
  for (const f of failures.slice(0, 50)) process.stderr.write(`  ${f.outcome} ${f.file}: ${f.message ?? ''}\n`);
}
process.exit(failures.length ? 1 : 0);
