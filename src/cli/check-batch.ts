/**
 * `juesuan check FILE… | DIR [--jobs N]`: many documents on every core (the worker pool), a progress
 * bar on a TTY, a summary table, or one JSON / NDJSON report for all, or the review report (审核意见) as XLSX or HTML. A document that cannot be
 * read, runs out of its time or memory budget, or kills its worker is reported as such; the batch goes
 * on. Exit status: the highest over the documents — 0 clean, 1 error-level findings, 2 unreadable
 * (input or budget), 3 internal error.
 */
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import { InputError } from '../ingest/raw.js';
import { WorkerPool, defaultJobs } from '../core/pool/pool.js';
import { toJsonReport, type JsonReport } from '../check/report-json.js';
import type { CheckReport } from '../check/types.js';
import { collectFiles } from './import-command.js';

export type BatchFormat = 'text' | 'json' | 'ndjson' | 'xlsx' | 'html' | 'pdf';

export interface BatchOptions {
  jobs?: number;
  format: BatchFormat;
  out?: string;
  only?: string[];
  disable?: string[];
  color?: boolean;
}

export interface BatchItem {
  file: string;
  status: 'ok' | 'unreadable' | 'failed';
  exit: 0 | 1 | 2 | 3;
  ms: number;
  error?: string;
  report?: JsonReport;
}

function itemOf(file: string, ms: number, r: PromiseSettledResult<CheckReport>): BatchItem {
  if (r.status === 'fulfilled') {
    const report = toJsonReport(r.value);
    return { file, status: 'ok', exit: report.counts.error > 0 ? 1 : 0, ms, report };
  }
  const e = r.reason as Error & { hint?: string };
  const msg = `${e.message ?? String(e)}${e.hint ? ` (${e.hint})` : ''}`;
  if (e instanceof InputError) return { file, status: 'unreadable', exit: 2, ms, error: msg };
  return { file, status: 'failed', exit: 3, ms, error: `internal error: ${msg.split('\n')[0]}` };
}

function ndjsonLine(i: BatchItem): string {
  return `${JSON.stringify({ schema: 'juesuan.batch-item/1', file: i.file, status: i.status, ms: i.ms, ...(i.error && { error: i.error }), ...(i.report && { counts: i.report.counts, report: i.report }) })}\n`;
}

function pad(s: string, n: number): string {
  // CJK characters take two columns in a terminal
  const w = [...s].reduce((a, c) => a + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - w));
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  let w = 0;
  let out = '';
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = /[\u1100-\uffff]/.test(chars[i]!) ? 2 : 1;
    if (w + cw > n - 1) return `…${out}`;
    w += cw;
    out = chars[i] + out;
  }
  return out;
}

export function summaryTable(items: BatchItem[], wallMs: number, jobs: number): string {
  const lines: string[] = [];
  const width = Math.min(60, Math.max(8, ...items.map((i) => [...i.file].length + 4)));
  lines.push(`${pad('document', width)}  status       errors warnings  infos   time  entity / year / reason`);
  for (const i of items) {
    const c = i.report?.counts;
    const what = i.report ? `${i.report.document.entity ?? '?'} ${i.report.document.year ?? ''}`.trim() : (i.error ?? '');
    lines.push(`${pad(truncate(i.file, width), width)}  ${pad(i.status, 11)} ${String(c?.error ?? '-').padStart(6)} ${String(c?.warning ?? '-').padStart(8)} ${String(c?.info ?? '-').padStart(6)} ${`${(i.ms / 1000).toFixed(2)}s`.padStart(6)}  ${what}`);
  }
  const n = (s: BatchItem['status']) => items.filter((i) => i.status === s).length;
  const withErrors = items.filter((i) => i.exit === 1).length;
  const perMin = wallMs > 0 ? (items.length * 60_000) / wallMs : 0;
  lines.push('');
  lines.push(`${items.length} documents: ${n('ok')} checked (${withErrors} with errors), ${n('unreadable')} unreadable, ${n('failed')} failed · ${(wallMs / 1000).toFixed(1)} s on ${jobs} jobs · ${Math.round(perMin)} documents/min`);
  return lines.join('\n');
}

/** The review report (审核意见) of the batch — one document gives the one-document layout — as XLSX, HTML or PDF. */
async function writeReport(items: BatchItem[], format: 'xlsx' | 'html' | 'pdf', out: string | undefined): Promise<void> {
  const { buildReviewReport, renderReviewReport } = await import('../report/index.js');
  const bytes = await renderReviewReport(buildReviewReport(items.map((i) => ({ file: i.file, status: i.status, ...(i.error && { error: i.error }), ...(i.report && { report: i.report }) }))), format);
  if (out) await writeFile(out, bytes);
  else {
    if (format !== 'html' && process.stdout.isTTY) throw new InputError(`--format ${format} writes a binary file`, `give --out FILE.${format} (or -o) or redirect the output to a file`);
    process.stdout.write(bytes);
  }
}

/** Checks every file under `paths`; returns the items in the order of the files. */
export async function checkBatch(paths: string[], o: BatchOptions): Promise<BatchItem[]> {
  const { files, missing } = await collectFiles(paths);
  const jobs = Math.max(1, Math.min(o.jobs ?? defaultJobs(), Math.max(1, files.length)));
  const pool = new WorkerPool({ size: jobs, idleMs: 0 });
  const show = (f: string) => {
    const r = relative(process.cwd(), f);
    return r && !r.startsWith('..') ? r : f;
  };
  const bar = process.stderr.isTTY && files.length > 1
    ? new cliProgress.SingleBar({ format: '检查 check {bar} {value}/{total} {eta_formatted} {file}', hideCursor: true, etaBuffer: 20 }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(files.length, 0, { file: '' });
  const t0 = performance.now();
  const items: BatchItem[] = [];
  let done = 0;
  try {
    await Promise.all(files.map(async (file, idx) => {
      let start = performance.now();
      // the time a document waits in the queue is not its own
      const [r] = await Promise.allSettled([pool.run({ op: 'check', input: { path: file }, ...(o.only && { only: o.only }), ...(o.disable && { disable: o.disable }) }, { onStart: () => { start = performance.now(); } })]);
      const item = itemOf(show(file), performance.now() - start, r!);
      items[idx] = item;
      bar?.update(++done, { file: show(file) });
      if (o.format === 'ndjson') process.stdout.write(ndjsonLine(item));
    }));
  } finally {
    bar?.stop();
    await pool.close();
  }
  const wallMs = performance.now() - t0;
  for (const m of missing) items.push({ file: m, status: 'unreadable', exit: 2, ms: 0, error: `cannot read ${m}: no such file or folder` });
  if (o.format === 'ndjson') for (const m of items.slice(files.length)) process.stdout.write(ndjsonLine(m));
  if (o.format === 'json') {
    process.stdout.write(`${JSON.stringify({ schema: 'juesuan.batch/1', jobs, seconds: Math.round(wallMs) / 1000, documents: items.map((i) => ({ file: i.file, status: i.status, ms: Math.round(i.ms), ...(i.error && { error: i.error }), ...(i.report && { report: i.report }) })) }, null, 1)}\n`);
  } else if (o.format === 'xlsx' || o.format === 'html' || o.format === 'pdf') await writeReport(items, o.format, o.out);
  const table = summaryTable(items, wallMs, jobs);
  if (o.format === 'text') process.stdout.write(`${table}\n`);
  else process.stderr.write(`${table.split('\n').at(-1)}\n`);
  if (!files.length && !missing.length) throw new InputError('no documents to check', 'give files or folders holding .pdf, .xlsx, .xls, .docx, .doc, .html, .mht or .txt files');
  process.exitCode = Math.max(0, ...items.map((i) => i.exit));
  return items;
}
