/**
 * The limits every reader enforces while it reads, in one place. A document that breaches one is
 * refused with an InputError of one line: which limit, the value met, and how to raise it (an
 * environment variable, or `setLimits` for callers such as the server and tests). The defaults are
 * far above any real disclosure (a 400-page report is ~20k lines, a workbook of the nine tables
 * ~5k cells) and low enough that a document stays within ~1 GB of memory and seconds of time.
 */
import { LineSink } from './normalize.js';
import { InputError } from './raw.js';

export interface Limits {
  /** Total uncompressed bytes of the entries of a ZIP container (.xlsx/.docx). */
  unzippedBytes: number;
  /** Entries in a ZIP container. */
  zipEntries: number;
  /** Non-empty cells of a workbook (all sheets), counted before the workbook is parsed. */
  sheetCells: number;
  /** Cells covered by merged ranges of a workbook (all sheets). */
  mergedCells: number;
  /** Merged ranges of one sheet (the workbook library checks each new merge against all others). */
  mergeRanges: number;
  /** Cells emitted for a sheet's rows (rows × width of the used part), counted while emitting. */
  gridCells: number;
  /** Paragraphs (w:p) of a Word document, counted before it is converted. */
  paragraphs: number;
  /** Element nesting depth of an XML part or an HTML page (and any recursion over it). */
  depth: number;
  /** Elements of a web page (tags), counted before it is parsed. */
  htmlNodes: number;
  /** Lines of a document (text lines, table rows, paragraphs) produced by a reader. */
  lines: number;
  /** Cells of one line (the widest table row; real tables have tens of columns). */
  columns: number;
  /** Characters of a decoded text document or web page. */
  textChars: number;
  /** Seconds a library parse run in a child process may take (legacy .xls through SheetJS). */
  parseSeconds: number;
  /** Heap (MB) of that child process. */
  parseHeapMb: number;
  /** Seconds a LibreOffice conversion of a legacy Word/WPS input may take (its process group is killed past it). */
  convertSeconds: number;
}

interface LimitSpec {
  env: string;
  label: string;
  unit?: 'MB';
  fallback: number;
}

const SPECS: Record<keyof Limits, LimitSpec> = {
  unzippedBytes: { env: 'JUESUAN_MAX_UNZIPPED_MB', label: 'uncompressed size of the ZIP container', unit: 'MB', fallback: 128 * 1024 * 1024 },
  zipEntries: { env: 'JUESUAN_MAX_ZIP_ENTRIES', label: 'entries in the ZIP container', fallback: 10_000 },
  sheetCells: { env: 'JUESUAN_MAX_SHEET_CELLS', label: 'non-empty cells in the workbook', fallback: 1_000_000 },
  mergedCells: { env: 'JUESUAN_MAX_MERGED_CELLS', label: 'cells covered by merged ranges in the workbook', fallback: 500_000 },
  mergeRanges: { env: 'JUESUAN_MAX_MERGE_RANGES', label: 'merged ranges in one sheet', fallback: 10_000 },
  gridCells: { env: 'JUESUAN_MAX_GRID_CELLS', label: 'cells of the table rows read (rows × columns)', fallback: 1_000_000 },
  paragraphs: { env: 'JUESUAN_MAX_PARAGRAPHS', label: 'paragraphs in the Word document', fallback: 200_000 },
  depth: { env: 'JUESUAN_MAX_DEPTH', label: 'nesting depth of elements', fallback: 256 },
  htmlNodes: { env: 'JUESUAN_MAX_HTML_NODES', label: 'elements in the web page', fallback: 2_000_000 },
  lines: { env: 'JUESUAN_MAX_LINES', label: 'lines (rows and paragraphs) in the document', fallback: 100_000 },
  parseSeconds: { env: 'JUESUAN_MAX_PARSE_SECONDS', label: 'time to parse (seconds)', fallback: 6 },
  parseHeapMb: { env: 'JUESUAN_MAX_PARSE_HEAP_MB', label: 'memory to parse (MB of heap)', fallback: 320 },
  // LibreOffice starts in 2–4 s on a quiet machine with a fresh profile, 15–20 s on a loaded one:
  // a tighter default would refuse genuine .doc files under load. Damaged containers and files that
  // are not Word documents never reach it (detect.ts, cfb-check.ts).
  convertSeconds: { env: 'JUESUAN_MAX_CONVERT_SECONDS', label: 'time to convert with LibreOffice (seconds)', fallback: 20 },
  columns: { env: 'JUESUAN_MAX_COLUMNS', label: 'cells in one row', fallback: 1_000 },
  textChars: { env: 'JUESUAN_MAX_TEXT_CHARS', label: 'characters of the text', fallback: 32_000_000 },
};

let overrides: Partial<Limits> = {};

/** Sets limits for this process (server options, tests); `undefined` values fall back to env/defaults. */
export function setLimits(next: Partial<Limits>): void {
  overrides = { ...next };
}

function fromEnv(spec: LimitSpec): number | undefined {
  const raw = process.env[spec.env];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return spec.unit === 'MB' ? Math.floor(n * 1024 * 1024) : Math.floor(n);
}

/** One limit: the override, else the environment variable, else the default. */
export function limit(key: keyof Limits): number {
  return overrides[key] ?? fromEnv(SPECS[key]) ?? SPECS[key].fallback;
}

/** All limits as they apply now. */
export function limits(): Limits {
  const out = {} as Limits;
  for (const key of Object.keys(SPECS) as (keyof Limits)[]) out[key] = limit(key);
  return out;
}

function show(n: number, unit?: 'MB'): string {
  if (unit === 'MB') return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  return n.toLocaleString('en-US');
}

/** The error for a breach of `key` by `value` (`atLeast`: reading stopped as soon as it passed the limit, so the whole is unknown). */
export function limitError(key: keyof Limits, value: number, atLeast = false, where?: string): InputError {
  const spec = SPECS[key];
  const max = limit(key);
  const unitWord = spec.unit === 'MB' ? ' (in MB)' : '';
  return new InputError(
    `${where ? `${where}: ` : ''}limit exceeded: ${spec.label} is ${atLeast ? `more than ${show(max, spec.unit)}` : show(value, spec.unit)}, above the limit of ${show(max, spec.unit)}`,
    `set ${spec.env}${unitWord} to raise it if the document is genuine`,
  );
}

/** Throws when `value` is above the limit `key`. */
export function checkLimit(key: keyof Limits, value: number, where?: string): void {
  if (value > limit(key)) throw limitError(key, value, false, where);
}

/** A counter that throws as soon as it passes the limit (enforced while reading). */
export class Budget {
  private n = 0;
  readonly max: number;
  constructor(readonly key: keyof Limits, readonly where?: string) {
    this.max = limit(key);
  }
  add(k = 1): void {
    this.n += k;
    if (this.n > this.max) throw limitError(this.key, this.n, true, this.where);
  }
  get count(): number {
    return this.n;
  }
}

/**
 * A LineSink that refuses the document once it has produced more lines, or more cells over all its
 * lines, than the limits (a web page of 16,000 rows × 250 cells took the table recognizers 10 s;
 * real disclosures have some ten thousand cells).
 */
export class BoundedSink extends LineSink {
  private readonly budget = new Budget('lines');
  private readonly cells = new Budget('gridCells');
  private readonly columns = limit('columns');
  override add(...args: Parameters<LineSink['add']>): ReturnType<LineSink['add']> {
    const line = super.add(...args);
    if (line) {
      this.budget.add();
      this.cells.add(line.cells.length);
      if (line.cells.length > this.columns) {
        throw limitError('columns', line.cells.length, false, `${line.sheet ? `sheet ${line.sheet}, ` : ''}line ${line.line}`);
      }
    }
    return line;
  }
}
