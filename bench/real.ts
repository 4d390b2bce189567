/**
 * Whole-process speed on real PDFs (issue 11): for each PDF of ../shared/corpus/real (and any folder
 * in BENCH_PDF_DIRS, e.g. seeds printed by LibreOffice), `juesuan check FILE` as a user runs it —
 * wall time, CPU time and peak RSS of the process, measured by /usr/bin/time — against
 * `pdftotext -layout` on the same file in the same loop. Median of BENCH_RUNS runs (default 3).
 * Also `check DIR --jobs 2` over the corpus in documents per minute (BENCH_BATCH=0 skips it).
 * `JUESUAN_PDF_ENGINE=pdfjs npx tsx bench/real.ts` measures the pdf.js reader the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessRun {
  wall: number;
  cpu: number;
  rssMb: number;
  exit: number;
}

export interface RealDoc {
  name: string;
  pages: number;
  check: ProcessRun;
  pdftotext?: ProcessRun;
  engine?: string;
}

export interface RealResult {
  docs: RealDoc[];
  note?: string;
  batch?: { docs: number; wall: number; perMinute: number; exit: number };
  /** Where a check's wall time goes, phase by phase (JUESUAN_TIMING=1): the median over the documents, ms. */
  phases?: [phase: string, ms: number][];
}

const root = join(import.meta.dirname, '..');
const TIME = '/usr/bin/time';

function pdfs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? pdfs(join(dir, f)) : f.toLowerCase().endsWith('.pdf') ? [join(dir, f)] : []))
    .sort();
}

/** One run of a command under /usr/bin/time (wall, user+sys, max RSS); wall only without it. */
function run(cmd: string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  if (existsSync(TIME)) {
    const r = spawnSync(TIME, ['-f', '@@%e %U %S %M', ...cmd], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const m = /@@([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
    if (m) return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, exit: r.status ?? -1 };
  }
  const t = performance.now();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { wall: (performance.now() - t) / 1000, cpu: NaN, rssMb: NaN, exit: r.status ?? -1 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
}

function medianRun(runs: ProcessRun[]): ProcessRun {
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rssMb: Math.max(...runs.map((r) => r.rssMb)), exit: runs[0]!.exit };
}

/** One more `check` of each file with JUESUAN_TIMING=1 (src/ingest/timing.ts): the median of each phase. */
function phasesOf(cli: string[], files: string[]): [string, number][] {
  const byPhase = new Map<string, number[]>();
  for (const f of files) {
    const r = spawnSync(cli[0]!, [...cli.slice(1), 'check', f], { cwd: root, env: { ...process.env, JUESUAN_TIMING: '1' }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const line = /juesuan timing: (.*) ms/.exec(r.stderr ?? '')?.[1];
    for (const part of line?.split(' · ') ?? []) {
      const m = /^(.+) (\d+)$/.exec(part);
      if (m) byPhase.set(m[1]!, [...(byPhase.get(m[1]!) ?? []), Number(m[2])]);
    }
  }
  return [...byPhase].map(([phase, ms]) => [phase, median(ms)]);
}

function pageCount(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Pages:\s+(\d+)/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : NaN;
}

export function benchReal(opts: { runs?: number; batch?: boolean } = {}): RealResult {
  const runs = opts.runs ?? Number(process.env.BENCH_RUNS ?? 3);
  const corpus = join(root, '..', 'shared', 'corpus', 'real');
  const dirs = [corpus, ...(process.env.BENCH_PDF_DIRS ?? '').split(':').filter(Boolean)];
  const files = dirs.flatMap(pdfs);
  if (!files.length) return { docs: [], note: `no PDFs: ${corpus} is absent (set BENCH_PDF_DIRS to measure others)` };
  const cli = [process.execPath, join(root, 'bin', 'juesuan.cjs')];
  run([...cli, '--version']); // build the bundle once, outside the measurement
  const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
  const docs: RealDoc[] = [];
  for (const f of files) {
    const check: ProcessRun[] = [];
    const ref: ProcessRun[] = [];
    for (let i = 0; i < runs; i++) {
      check.push(run([...cli, 'check', f]));
      if (hasPdftotext) ref.push(run(['pdftotext', '-layout', f, '/dev/null']));
    }
    docs.push({ name: f.slice(f.lastIndexOf('/', f.lastIndexOf('/') - 1) + 1), pages: pageCount(f), check: medianRun(check), ...(ref.length && { pdftotext: medianRun(ref) }) });
  }
  const result: RealResult = { docs, phases: phasesOf(cli, files) };
  if (opts.batch !== false && process.env.BENCH_BATCH !== '0' && existsSync(corpus)) {
    const r = run([...cli, 'check', corpus, '--jobs', '2', '--format', 'json']);
    const n = pdfs(corpus).length;
    result.batch = { docs: n, wall: r.wall, perMinute: (n / r.wall) * 60, exit: r.exit };
  }
  return result;
}

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');

/** Markdown: one row per document, then the summary against the targets. */
export function realTable(r: RealResult): string {
  if (!r.docs.length) return `_${r.note}_`;
  const rows = r.docs.map((d) => `| ${d.name} | ${d.pages} | ${f2(d.check.wall)} | ${f2(d.check.cpu)} | ${f0(d.check.rssMb)} | ${d.check.exit} | ${d.pdftotext ? `${f2(d.pdftotext.wall)} / ${f2(d.pdftotext.cpu)} / ${f0(d.pdftotext.rssMb)}` : '–'} | ${d.pdftotext ? (d.check.wall / d.pdftotext.wall).toFixed(1) + '×' : '–'} |`);
  const walls = r.docs.map((d) => d.check.wall);
  const ratio = r.docs.filter((d) => d.pdftotext).map((d) => d.check.wall / d.pdftotext!.wall);
  const cpuRatio = r.docs.filter((d) => d.pdftotext).map((d) => d.check.cpu / Math.max(d.pdftotext!.cpu, 0.01));
  const summary = [
    `| median wall | ${f2(median(walls))} s | ≤ 0.25 s |`,
    `| slowest wall | ${f2(Math.max(...walls))} s | ≤ 0.6 s |`,
    `| median CPU (user+sys) | ${f2(median(r.docs.map((d) => d.check.cpu)))} s | |`,
    `| peak RSS (largest) | ${f0(Math.max(...r.docs.map((d) => d.check.rssMb)))} MB | ≤ 100 MB |`,
    ...(ratio.length ? [`| check ÷ pdftotext, wall (median) | ${median(ratio).toFixed(1)}× | ≤ 5× |`, `| check ÷ pdftotext, CPU (median) | ${median(cpuRatio).toFixed(1)}× | |`] : []),
    ...(r.phases?.length ? [`| where a check's time goes (JUESUAN_TIMING=1; median per phase over the documents, ms) | ${r.phases.map(([p, ms]) => `${p} ${ms}`).join(' · ')} | |`] : []),
    ...(r.batch ? [`| check DIR --jobs 2 (${r.batch.docs} documents, exit ${r.batch.exit}) | ${f2(r.batch.wall)} s · ${f0(r.batch.perMinute)} documents/min | ≥ 400/min |`] : []),
  ];
  return [
    '| document | pages | check wall s | check CPU s | check peak RSS MB | exit | pdftotext -layout wall / CPU s / RSS MB | wall ratio |',
    '|---|---:|---:|---:|---:|---:|---|---:|',
    ...rows,
    '',
    '| summary | value | target |',
    '|---|---|---|',
    ...summary,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchReal();
  console.log(realTable(r));
}
