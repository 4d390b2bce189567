/** Legacy .xls (BIFF) workbooks through SheetJS, read only: displayed texts (`w`) and merges. */
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import type XLSX from 'xlsx';
import XLSXLib from 'xlsx';
import { Budget, checkLimit, limit, limitError } from '../limits.js';
import { InputError } from '../raw.js';
import { checkCompoundFile } from './cfb-check.js';
import { formatNumber } from './format.js';
import type { GridCell, SheetGrid } from './grid.js';

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell) return '';
  if (typeof cell.w === 'string') return cell.w;
  if (typeof cell.v === 'number') return formatNumber(cell.v, typeof cell.z === 'string' ? cell.z : undefined);
  return cell.v === undefined || cell.v === null ? '' : String(cell.v);
}

/** Only the cells the file stores are visited (sparse), and merges are checked against the limits first. */
function sheetGrid(name: string, ws: XLSX.WorkSheet, cells: Budget, merged: Budget): SheetGrid {
  const merges = ws['!merges'] ?? [];
  checkLimit('mergeRanges', merges.length, name);
  const covered = new Set<number>();
  const lastCol = new Map<number, number>();
  const key = (r: number, c: number): number => r * 65_536 + c;
  for (const m of merges) {
    merged.add((m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1));
    lastCol.set(key(m.s.r, m.s.c), m.e.c);
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(key(r, c));
  }
  const byRow = new Map<number, (GridCell | undefined)[]>();
  for (const address of Object.keys(ws)) {
    if (address.startsWith('!')) continue;
    cells.add();
    const { r, c } = XLSXLib.utils.decode_cell(address);
    if (r < 0 || c < 0 || covered.has(key(r, c))) continue;
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = []));
    row[c] = { text: cellText(ws[address] as XLSX.CellObject), lastCol: lastCol.get(key(r, c)) ?? c };
  }
  const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([r, cells]) => ({ r, cells }));
  return { name, rows };
}

const PROPERTY_STREAMS = ['\u0005SummaryInformation', '\u0005DocumentSummaryInformation'].map((n) => Buffer.from(n, 'utf16le'));

/**
 * A copy of the compound file with its document-property streams emptied: SheetJS always parses
 * them, and trusts their property count (a damaged count made it allocate gigabytes). The
 * properties (author, title of the file) are not used here.
 */
function withoutPropertyStreams(bytes: Uint8Array): Uint8Array {
  let copy: Buffer | undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const name of PROPERTY_STREAMS) {
    for (let i = buf.indexOf(name); i >= 0; i = buf.indexOf(name, i + 2)) {
      if (i % 128 !== 0 || i + 128 > buf.length) continue; // directory entries are 128-byte aligned
      copy ??= Buffer.from(buf);
      copy.fill(0, i + 120, i + 128); // stream size 0: skipped
    }
  }
  return copy ? new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength) : bytes;
}

/** A library failure as one line a user can act on (raw JavaScript messages say nothing). */
export function damagedWorkbook(kind: '.xls' | '.xlsx', err: unknown): InputError {
  const raw = (err instanceof Error ? err.message : String(err)).split(/\r?\n/)[0]!.trim();
  const jsError = err instanceof TypeError || err instanceof RangeError || /^(TypeError|RangeError)$/.test((err as Error)?.name ?? '') || /undefined|null|is not|Invalid (array|string)/.test(raw);
  const detail = jsError || !raw ? 'its records are inconsistent' : raw.slice(0, 160);
  return new InputError(`cannot read the Excel workbook (damaged or encrypted ${kind}?): ${detail}`, `open it in Excel or WPS and save it again as ${kind === '.xls' ? '.xlsx' : kind}`);
}

const require = createRequire(import.meta.url);

/**
 * SheetJS parses a BIFF file in a child process with its own heap cap and a time limit: it trusts
 * the counts in the records (a damaged one loops until memory runs out), and a process can be
 * killed. A worker thread's `resourceLimits` are not enough: a process started with
 * --max-old-space-size (NODE_OPTIONS, the fuzz and batch workers) overrides them for every
 * isolate, and a damaged file then grew the process past 1.5 GB.
 */
const CHILD = `
const XLSX = require(process.env.JUESUAN_XLSX_PATH);
process.once('message', (m) => {
  let out;
  try {
    out = { ok: true, wb: XLSX.read(m.bytes, m.opts) };
  } catch (e) {
    out = { ok: false, name: e && e.name, message: String((e && e.message) || e) };
  }
  process.send(out, () => process.disconnect());
});`;

/** NODE_OPTIONS without heap-size flags (they would override the child's own cap). */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JUESUAN_XLSX_PATH: require.resolve('xlsx') };
  if (env.NODE_OPTIONS) env.NODE_OPTIONS = env.NODE_OPTIONS.split(/\s+/).filter((o) => o && !/^--max-(old|semi)-space-size/.test(o)).join(' ');
  return env;
}

function parseInChild(bytes: Uint8Array): Promise<XLSX.WorkBook> {
  const seconds = limit('parseSeconds');
  const heapMb = limit('parseHeapMb');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=16', '-e', CHILD], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: childEnv(),
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 4096) stderr += d;
    });
    let done = false;
    const finish = (err: Error | undefined, wb?: XLSX.WorkBook): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (err) reject(err);
      else resolve(wb!);
    };
    const timer = setTimeout(() => finish(limitError('parseSeconds', seconds, true, 'the .xls workbook')), seconds * 1000);
    child.once('message', (m: { ok: boolean; wb?: XLSX.WorkBook; name?: string; message?: string }) => {
      if (m.ok && m.wb) finish(undefined, m.wb);
      else finish(damagedWorkbook('.xls', Object.assign(new Error(m.message ?? ''), { name: m.name ?? 'Error' })));
    });
    child.once('error', (err) => finish(damagedWorkbook('.xls', err)));
    child.once('exit', (code, signal) => {
      if (done) return;
      // V8 aborts on a full heap (SIGABRT, exit 134) after printing "heap out of memory".
      if (/heap out of memory|Allocation failed/i.test(stderr) || signal === 'SIGABRT' || code === 134) finish(limitError('parseHeapMb', heapMb, true, 'the .xls workbook'));
      else finish(damagedWorkbook('.xls', new Error(`the parser stopped (${signal ?? `exit ${code}`})`)));
    });
    child.send({ bytes, opts: { type: 'array', cellText: true, cellNF: true, cellDates: false } });
  });
}

export async function readXlsSheets(bytes: Uint8Array): Promise<SheetGrid[]> {
  checkCompoundFile(bytes);
  const wb = await parseInChild(withoutPropertyStreams(bytes));
  const hidden = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  const cells = new Budget('sheetCells');
  const merged = new Budget('mergedCells');
  return wb.SheetNames.filter((n) => !hidden.has(n) && wb.Sheets[n]).map((n) => sheetGrid(n, wb.Sheets[n]!, cells, merged));
}
