/**
 * Whole-process speed on real PDFs (issue 11): for each PDF of ../shared/corpus/real (and any folder
 * in BENCH_PDF_DIRS, e.g. seeds printed by LibreOffice), `juesuan check FILE` as a user runs it —
 * wall time, CPU time and peak RSS of the process, measured by /usr/bin/time — against
 * `pdftotext -layout` on the same file in the same loop. Median of BENCH_RUNS runs (default 3).
 * Also `check DIR --jobs 2` over the corpus in documents per minute (BENCH_BATCH=0 skips it), and
 * what the start-up targets and the machine make of it: `--help` and `check` of each text seed,
 * `node -e 0` (with and without NODE_EXTRA_CA_CERTS when it is set), the median of a check less its
 * page reading (JUESUAN_TIMING=1), the page faults of a check and one fault's cost here, and the
 * same checks with NODE_OPTIONS=--v8-pool-size=1 in the same loop.
 * `JUESUAN_PDF_ENGINE=pdfjs npx tsx bench/real.ts` measures the pdf.js reader the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessRun {
  wall: number;
  cpu: number;
  rssMb: number;
  /** Minor page faults of the process (each first touch of a page of memory). */
  faults: number;
  exit: number;
}

export interface RealDoc {
  name: string;
  pages: number;
  check: ProcessRun;
  /** The same check with NODE_OPTIONS=--v8-pool-size=1, run in the same loop. */
  checkPool1?: ProcessRun;
  pdftotext?: ProcessRun;
  engine?: string;
}

export interface RealResult {
  docs: RealDoc[];
  note?: string;
  batch?: { docs: number; wall: number; perMinute: number; exit: number };
  /** Where a check's wall time goes, phase by phase (JUESUAN_TIMING=1): the median over the documents, ms. */
  phases?: [phase: string, ms: number][];
  /** The median over the documents of a check's total less its page reading (JUESUAN_TIMING=1), ms:
   *  what a check would take with a reader that took no time at all. */
  allButPagesMs?: number;
  /** Node's own start and exit (`node -e 0`), median wall in s; `withoutCaCerts` when NODE_EXTRA_CA_CERTS
   *  is set: node 20 parses the certificates it names before running any script. */
  nodeStart?: { wall: number; withoutCaCerts?: number };
  /** One page fault's cost on this machine, µs (pageFaultMicros). */
  faultMicros?: number;
  /** Start-up targets of issue 11, whole process: `juesuan --help` and `check` of each text seed. */
  startup?: { help: ProcessRun; seeds: { name: string; check: ProcessRun }[] };
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
    const r = spawnSync(TIME, ['-f', '@@%e %U %S %M %R', ...cmd], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const m = /@@([\d.]+) ([\d.]+) ([\d.]+) (\d+) (\d+)/.exec(r.stderr ?? '');
    if (m) return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, faults: Number(m[5]), exit: r.status ?? -1 };
  }
  const t = performance.now();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { wall: (performance.now() - t) / 1000, cpu: NaN, rssMb: NaN, faults: NaN, exit: r.status ?? -1 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
}

function medianRun(runs: ProcessRun[]): ProcessRun {
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rssMb: Math.max(...runs.map((r) => r.rssMb)), faults: median(runs.map((r) => r.faults)), exit: runs[0]!.exit };
}

/** One more `check` of each file with JUESUAN_TIMING=1 (src/ingest/timing.ts): the median of each
 *  phase, and the median of each check's total less its page reading. */
function phasesOf(cli: string[], files: string[]): { phases: [string, number][]; allButPagesMs: number } {
  const byPhase = new Map<string, number[]>();
  const allButPages: number[] = [];
  for (const f of files) {
    const r = spawnSync(cli[0]!, [...cli.slice(1), 'check', f], { cwd: root, env: { ...process.env, JUESUAN_TIMING: '1' }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const line = /juesuan timing: (.*) ms/.exec(r.stderr ?? '')?.[1];
    const doc = new Map<string, number>();
    for (const part of line?.split(' · ') ?? []) {
      const m = /^(.+) (\d+)$/.exec(part);
      if (m) doc.set(m[1]!, Number(m[2]));
    }
    for (const [phase, ms] of doc) byPhase.set(phase, [...(byPhase.get(phase) ?? []), ms]);
    if (doc.has('total')) allButPages.push(doc.get('total')! - (doc.get('pdf pages') ?? 0));
  }
  return { phases: [...byPhase].map(([phase, ms]) => [phase, median(ms)]), allButPagesMs: median(allButPages) };
}

/** What one page fault costs on this machine, in µs: a node process touching 16 MB it has just
 *  allocated, a page at a time (the median of 3). A virtual machine that traps each fault to its host
 *  makes it 10–20 µs instead of well under 1 µs, and then the pages a check touches weigh on its time. */
function pageFaultMicros(): number {
  const script = 'const b=Buffer.allocUnsafeSlow(16<<20);const t=process.hrtime.bigint();for(let i=0;i<b.length;i+=4096)b[i]=1;process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e3/4096))';
  return median(Array.from({ length: 3 }, () => Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout || NaN)));
}

/** `node -e 0`, as often as a document is checked: the floor of any command written for node. */
function nodeStart(runs: number): RealResult['nodeStart'] {
  const times = (env: NodeJS.ProcessEnv) => median(Array.from({ length: Math.max(5, runs) }, () => run([process.execPath, '-e', '0'], env).wall));
  const wall = times(process.env);
  if (!process.env.NODE_EXTRA_CA_CERTS) return { wall };
  const { NODE_EXTRA_CA_CERTS: _, ...withoutCa } = process.env;
  return { wall, withoutCaCerts: times(withoutCa) };
}

function pageCount(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Pages:\s+(\d+)/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : NaN;
}

/** `juesuan --help` and `check SEED.txt` of each text seed (../shared/corpus/seeds), whole process. */
function startup(cli: string[], runs: number): RealResult['startup'] {
  const seedDir = join(root, '..', 'shared', 'corpus', 'seeds');
  const seeds = existsSync(seedDir) ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort() : [];
  const times = (args: string[]) => medianRun(Array.from({ length: runs }, () => run([...cli, ...args])));
  return { help: times(['--help']), seeds: seeds.map((name) => ({ name, check: times(['check', join(seedDir, name)]) })) };
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
    const pool1: ProcessRun[] = [];
    const ref: ProcessRun[] = [];
    for (let i = 0; i < runs; i++) {
      check.push(run([...cli, 'check', f]));
      // V8's background threads (4 by default: concurrent compiling and GC) against a small machine's cores
      pool1.push(run([...cli, 'check', f], { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --v8-pool-size=1`.trim() }));
      if (hasPdftotext) ref.push(run(['pdftotext', '-layout', f, '/dev/null']));
    }
    docs.push({ name: f.slice(f.lastIndexOf('/', f.lastIndexOf('/') - 1) + 1), pages: pageCount(f), check: medianRun(check), checkPool1: medianRun(pool1), ...(ref.length && { pdftotext: medianRun(ref) }) });
  }
  const result: RealResult = { docs, ...phasesOf(cli, files), nodeStart: nodeStart(runs), faultMicros: pageFaultMicros(), startup: startup(cli, runs) };
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
    ...(r.docs.every((d) => d.checkPool1) ? [`| median wall with NODE_OPTIONS=--v8-pool-size=1 (same loop) | ${f2(median(r.docs.map((d) => d.checkPool1!.wall)))} s | |`] : []),
    `| median CPU (user+sys) | ${f2(median(r.docs.map((d) => d.check.cpu)))} s | |`,
    `| peak RSS (largest) | ${f0(Math.max(...r.docs.map((d) => d.check.rssMb)))} MB | ≤ 100 MB |`,
    ...(r.faultMicros !== undefined && Number.isFinite(r.faultMicros) && Number.isFinite(median(r.docs.map((d) => d.check.faults)))
      ? [`| minor page faults of a check (median) · one fault on this machine | ${f0(median(r.docs.map((d) => d.check.faults)))} · ${r.faultMicros.toFixed(1)} µs ≈ ${f0((median(r.docs.map((d) => d.check.faults)) * r.faultMicros) / 1000)} ms of a check | |`]
      : []),
    ...(ratio.length ? [`| check ÷ pdftotext, wall (median) | ${median(ratio).toFixed(1)}× | ≤ 5× |`, `| check ÷ pdftotext, CPU (median) | ${median(cpuRatio).toFixed(1)}× | |`] : []),
    ...(r.phases?.length ? [`| where a check's time goes (JUESUAN_TIMING=1; median per phase over the documents, ms) | ${r.phases.map(([p, ms]) => `${p} ${ms}`).join(' · ')} | |`] : []),
    ...(r.allButPagesMs !== undefined && Number.isFinite(r.allButPagesMs) ? [`| a check less its page reading (median; what a reader taking no time would leave) | ${f2(r.allButPagesMs / 1000)} s | |`] : []),
    ...(r.nodeStart ? [`| node's own start and exit, \`node -e 0\` (median) | ${f2(r.nodeStart.wall)} s${r.nodeStart.withoutCaCerts !== undefined ? ` · ${f2(r.nodeStart.withoutCaCerts)} s without NODE_EXTRA_CA_CERTS (set here: node 20 parses the certificates it names at every start)` : ''} | |`] : []),
    ...(r.startup ? [`| \`juesuan --help\` | ${f2(r.startup.help.wall)} s | ≤ 0.25 s |`] : []),
    ...(r.startup?.seeds.length ? [`| \`check\` of a text seed (median of ${r.startup.seeds.length}: ${r.startup.seeds.map((d) => f2(d.check.wall)).join(' / ')} s) | ${f2(median(r.startup.seeds.map((d) => d.check.wall)))} s | ≤ 0.25 s |`] : []),
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
