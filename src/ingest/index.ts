/**
 * Any supported input → the one model. Format from the content (magic bytes), then the reader for
 * that format → RawDocument → the recognizers → Disclosure.
 */
import { createRequire } from 'node:module';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import type { Disclosure, SourceFormat } from '../model/index.js';
import { detectFormat } from './detect.js';
import { InputError, type RawDocument } from './raw.js';
import { recognizeMeta } from './recognize/meta.js';
import { recognizePerformance } from './recognize/performance.js';
import { recognizeSections } from './recognize/sections.js';
import { recognizeTables } from './recognize/tables.js';
import { readText } from './text/read-text.js';
import { mark } from './timing.js';

export { InputError } from './raw.js';

/** Largest input read (bytes): a disclosure is rarely above a few MB; 200 MB guards memory. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

export async function readRaw(bytes: Uint8Array, name?: string, format = detectFormat(bytes, name)): Promise<RawDocument> {
  switch (format) {
    case 'text':
      return readText(bytes, name);
    case 'pdf':
      return (await import('./pdf/read-pdf.js')).readPdf(bytes, name);
    case 'xlsx':
    case 'xls':
      return (await import('./xlsx/read-xlsx.js')).readXlsx(bytes, name);
    case 'docx':
    case 'doc':
      return (await import('./docx/read-docx.js')).readDocx(bytes, name);
    case 'html':
    case 'mht':
      return (await import('./html/read-html.js')).readHtml(bytes, name);
    default:
      throw new InputError(`unsupported input format: ${format}`, 'give a PDF, XLSX/XLS, DOCX/DOC, HTML/MHT or text file');
  }
}

/** Runs the recognizers over a RawDocument (any format) and assembles the Disclosure. */
export function assembleDisclosure(raw: RawDocument, source: Disclosure['source']): Disclosure {
  const t = recognizeTables(raw);
  const p = recognizePerformance(raw, t.consumed);
  const sections = recognizeSections(raw, p.consumed);
  const meta = recognizeMeta(raw, { tables: t.tables, sections, performance: p.evaluations });
  const d: Disclosure = {
    meta,
    source,
    toc: t.toc,
    tables: t.tables,
    sections,
    performance: p.evaluations,
    lines: raw.lines.map((l) => ({ line: l.line, ...(l.page !== undefined && { page: l.page }), text: l.text })),
    ordinals: t.ordinals,
    notFound: [],
    warnings: [],
  };
  d.notFound = missingParts(d);
  const checklist = t.tables.some((x) => x.key && x.status === 'present') || p.evaluations.length ? undefined : checklistEvidence(raw);
  if (checklist) {
    throw new InputError(
      `not a disclosure: ${source.name ?? 'the input'} is a review checklist (${checklist}), not a 部门决算/预算 disclosure`,
      'give the disclosure itself; a checklist of review points is not read',
    );
  }
  if (!t.tables.length && !p.evaluations.length && !hasFigures(d)) {
    throw new InputError(
      `no disclosure found in ${source.name ?? 'the input'}: no standard table, performance table or stated figure was recognised`,
      'give a 部门决算/单位决算 or 部门预算/单位预算 disclosure, or a 绩效自评 report',
    );
  }
  return d;
}

const CHECKLIST_HEADER = /^(?:审核|审查|检查|核查|评审|复核)(?:要点|内容|事项|项目|标准|依据|结果|意见|情况|方式)$|^(?:存在问题|问题描述|整改(?:要求|意见|情况)|是否(?:符合|合规|公开|完整|一致)?|评分标准|扣分(?:原因|说明)?|得分|备注)$/;

/**
 * What makes the input a reviewer's checklist rather than a disclosure: a header of review columns
 * (审核要点 | 是否符合 | 存在问题 …) and rows of yes/no questions (是否…). Undefined when it is not one.
 */
export function checklistEvidence(raw: RawDocument): string | undefined {
  const headers = new Set<string>();
  let questions = 0;
  for (const l of raw.lines) {
    for (const c of l.cells) {
      const t = c.replace(/\s+/g, '');
      if (CHECKLIST_HEADER.test(t)) headers.add(t);
      if (/^.{0,30}是否.{2,}/.test(t) && /[?？]$|是否/.test(t)) questions++;
    }
  }
  const distinct = [...headers];
  if (distinct.length >= 2 && questions >= 3) return `${distinct.slice(0, 3).join('、')}; ${questions} 是否 questions`;
  if (questions >= 10 && questions * 3 >= raw.lines.length) return `${questions} 是否 questions`;
  return undefined;
}

function hasFigures(d: Disclosure): boolean {
  const walk = (ss: Disclosure['sections']): boolean =>
    ss.some((s) => s.paragraphs.some((p) => p.sentences.some((x) => x.figures.some((f) => f.kind === 'amount' || f.kind === 'percent'))) || walk(s.children));
  return walk(d.sections);
}

function missingParts(d: Disclosure): string[] {
  const out: string[] = [];
  if (!d.tables.length) out.push('nine standard tables (no table recognised)');
  if (!d.sections.length) out.push('narrative (情况说明)');
  if (!d.performance.length) out.push('performance self-evaluation tables');
  if (!d.meta.entity) out.push('entity name');
  if (!d.meta.year) out.push('year');
  return out;
}

export async function readDisclosure(bytes: Uint8Array, name?: string): Promise<Disclosure> {
  if (bytes.length === 0) throw new InputError(`${name ?? 'input'} is empty`, 'give a non-empty file');
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${name ?? 'input'} is larger than ${MAX_INPUT_BYTES >> 20} MB`);
  const format: SourceFormat = detectFormat(bytes, name);
  const raw = await readRaw(bytes, name, format);
  mark('read');
  const d = assembleDisclosure(raw, sourceOf(format, name, [bytes]));
  mark('assembled');
  return d;
}

/** Reads a file given by path, synchronously: one document is read at a time per thread (the CLI, a
 *  pool worker), and a synchronous read costs neither the thread pool's round trips nor loading
 *  node:fs/promises (a few ms of a check). */
async function readInputFile(path: string): Promise<Uint8Array> {
  let info: Stats;
  try {
    info = statSync(path);
  } catch {
    throw new InputError(`cannot read ${path}: no such file`, 'check the path');
  }
  if (info.isDirectory()) throw new InputError(`${path} is a directory`, 'give a file');
  if (info.size > MAX_INPUT_BYTES) throw new InputError(`${path} is larger than ${MAX_INPUT_BYTES >> 20} MB`);
  return new Uint8Array(readFileSync(path));
}

export async function readDisclosureFile(path: string): Promise<Disclosure> {
  return readDisclosure(await readInputFile(path), basename(path));
}

/**
 * One publication printed in several files (a narrative PDF and a tables-only PDF): the files are read
 * in the order given and their lines joined as one document (line numbers and pages continue across
 * files), then recognised as one disclosure.
 */
export async function readDisclosureParts(parts: { bytes: Uint8Array; name?: string }[]): Promise<Disclosure> {
  if (parts.length === 1) return readDisclosure(parts[0]!.bytes, parts[0]!.name);
  if (!parts.length) throw new InputError('no input', 'give the files of the publication');
  const lines: RawDocument['lines'] = [];
  let pages = 0;
  let total = 0;
  let format: SourceFormat | undefined;
  for (const part of parts) {
    if (part.bytes.length === 0) throw new InputError(`${part.name ?? 'input'} is empty`, 'give a non-empty file');
    total += part.bytes.length;
    if (total > MAX_INPUT_BYTES) throw new InputError(`the files together are larger than ${MAX_INPUT_BYTES >> 20} MB`);
    const f = detectFormat(part.bytes, part.name);
    format ??= f;
    const raw = await readRaw(part.bytes, part.name, f);
    let maxPage = 0;
    for (const l of raw.lines) {
      const page = l.page !== undefined ? l.page + pages : undefined;
      if (l.page !== undefined) maxPage = Math.max(maxPage, l.page);
      lines.push({ ...l, line: lines.length + 1, ...(page !== undefined && { page }) });
    }
    pages += raw.pages ?? maxPage;
  }
  const name = parts.map((p) => p.name ?? 'input').join(' + ');
  const raw: RawDocument = { format: format!, name, lines, ...(pages > 0 && { pages }) };
  return assembleDisclosure(raw, sourceOf(format!, name, parts.map((p) => p.bytes)));
}

const requireBuiltin = createRequire(import.meta.url);

/**
 * The source of a disclosure read from `files` (one, or the parts of one publication, hashed in order).
 * Its `sha256` is worked out when first read (the model's JSON, the store), not for every `check` or
 * `facts`, which print no hash: node:crypto alone costs ~7 ms to load, a few percent of a check.
 */
function sourceOf(format: SourceFormat, name: string | undefined, files: Uint8Array[]): Disclosure['source'] {
  const source: Disclosure['source'] = { format, ...(name !== undefined && { name }) };
  let sha256: string | undefined;
  let pending: Uint8Array[] | undefined = files;
  Object.defineProperty(source, 'sha256', {
    enumerable: true,
    configurable: true,
    get(): string {
      if (pending) {
        const hash = (requireBuiltin('node:crypto') as typeof import('node:crypto')).createHash('sha256');
        for (const b of pending) hash.update(b);
        sha256 = hash.digest('hex');
        pending = undefined; // the file's bytes are no longer held
      }
      return sha256!;
    },
  });
  source.bytes = files.reduce((n, b) => n + b.length, 0);
  return source;
}

/** The files of one publication read as one disclosure (`--as-one`). */
export async function readDisclosureFiles(paths: string[]): Promise<Disclosure> {
  const parts = [];
  for (const path of paths) parts.push({ bytes: await readInputFile(path), name: basename(path) });
  return readDisclosureParts(parts);
}
