/**
 * Validate, compose and write the requested formats. Everything is written into a temporary
 * folder inside the output folder and renamed into place only when every format succeeded:
 * an invalid input or a failing writer leaves nothing half-written behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComposedDocument } from './blocks.js';
import { ComposeValidationError, composeDocument } from './compose.js';
import type { ComposeInput, ComposeInputDraft } from './input-schema.js';
import { validateComposeInput, type ComposeProblem, type Locate } from './validate.js';
import { writeDocx } from './writers/docx.js';
import { writeHtmlBytes } from './writers/html.js';
import { convertDocxToPdf } from './writers/pdf.js';
import { writeTextBytes } from './writers/text.js';
import { writeXlsx } from './writers/xlsx.js';

export const COMPOSE_FORMATS = ['html', 'docx', 'xlsx', 'pdf', 'txt'] as const;
export type ComposeFormat = (typeof COMPOSE_FORMATS)[number];

export interface ComposeResult {
  files: { format: ComposeFormat; path: string; bytes: number }[];
  /** Warnings of the validation (errors stop before anything is written). */
  problems: ComposeProblem[];
}

/**
 * File-name-safe base name: the title without characters file systems reject, shortened in the
 * middle past 75 characters (a name is at most 255 bytes, and a CJK character takes 3 in UTF-8).
 */
export function baseName(doc: ComposedDocument): string {
  const name = doc.title.replace(/[\\/:*?"<>|\s]+/g, '_');
  return name.length > 75 ? `${name.slice(0, 50)}…${name.slice(-24)}` : name;
}

/** Renders one format; PDF reuses the DOCX when it was rendered already. */
export async function renderFormat(doc: ComposedDocument, format: ComposeFormat, docx?: Uint8Array): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return writeHtmlBytes(doc);
    case 'txt':
      return writeTextBytes(doc);
    case 'docx':
      return docx ?? writeDocx(doc);
    case 'xlsx':
      return writeXlsx(doc);
    case 'pdf':
      return convertDocxToPdf(docx ?? (await writeDocx(doc)));
  }
}

export async function composeToFiles(
  input: ComposeInput | ComposeInputDraft | unknown,
  outDir: string,
  formats: readonly ComposeFormat[] = ['html', 'docx', 'xlsx', 'pdf'],
  opts: { locate?: Locate; problems?: ComposeProblem[] } = {},
): Promise<ComposeResult> {
  const unknownFormat = formats.find((f) => !COMPOSE_FORMATS.includes(f));
  if (unknownFormat) throw new Error(`unknown format ${unknownFormat}: choose among ${COMPOSE_FORMATS.join(', ')}`);
  const v = validateComposeInput(input, opts);
  const problems = [...(opts.problems ?? []), ...v.problems];
  if (!v.ok || !v.input || problems.some((p) => p.severity === 'error')) throw new ComposeValidationError(problems);
  const { document } = composeDocument(v.input);
  await mkdir(outDir, { recursive: true });
  const tmp = join(outDir, `.juesuan-compose-${randomBytes(6).toString('hex')}`);
  await mkdir(tmp);
  try {
    const rendered: { format: ComposeFormat; name: string; bytes: Uint8Array }[] = [];
    const docx = formats.includes('docx') || formats.includes('pdf') ? await writeDocx(document) : undefined;
    for (const format of formats) {
      const bytes = await renderFormat(document, format, docx);
      const name = `${baseName(document)}.${format}`;
      await writeFile(join(tmp, name), bytes);
      rendered.push({ format, name, bytes });
    }
    const files = [];
    for (const r of rendered) {
      const path = join(outDir, r.name);
      await rename(join(tmp, r.name), path);
      files.push({ format: r.format, path, bytes: r.bytes.length });
    }
    return { files, problems };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
