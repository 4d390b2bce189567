/**
 * Any supported input → the one model. Format from the content (magic bytes), then the reader for
 * that format → RawDocument → the recognizers → Disclosure.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Disclosure, SourceFormat } from '../model/index.js';
import { detectFormat } from './detect.js';
import { InputError, type RawDocument } from './raw.js';
import { recognizeMeta } from './recognize/meta.js';
import { recognizePerformance } from './recognize/performance.js';
import { recognizeSections } from './recognize/sections.js';
import { recognizeTables } from './recognize/tables.js';
import { readText } from './text/read-text.js';

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
  if (!t.tables.length && !p.evaluations.length && !hasFigures(d)) {
    throw new InputError(
      `no disclosure found in ${source.name ?? 'the input'}: no standard table, performance table or stated figure was recognised`,
      'give a 部门决算/单位决算 disclosure or a 绩效自评 report',
    );
  }
  return d;
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
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return assembleDisclosure(raw, { format, ...(name !== undefined && { name }), sha256, bytes: bytes.length });
}

export async function readDisclosureFile(path: string): Promise<Disclosure> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`cannot read ${path}: no such file`, 'check the path');
  }
  if (info.isDirectory()) throw new InputError(`${path} is a directory`, 'give a file');
  if (info.size > MAX_INPUT_BYTES) throw new InputError(`${path} is larger than ${MAX_INPUT_BYTES >> 20} MB`);
  const bytes = new Uint8Array(await readFile(path));
  return readDisclosure(bytes, basename(path));
}
