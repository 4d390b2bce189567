/** `juesuan compose` and `juesuan template`, and the same steps for the server's compose route. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { composeToFiles, ComposeValidationError, COMPOSE_FORMATS, readComposeWorkbook, writeTemplateXlsx, type ComposeFormat, type Locate } from '../compose/index.js';
import { InputError } from '../ingest/raw.js';

export interface LoadedComposeInput {
  input: unknown;
  locate?: Locate;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

/** A compose input from its bytes: the filled Excel template (located by sheet and cell) or JSON. */
export async function composeInputFromUpload(bytes: Uint8Array, name = 'input'): Promise<LoadedComposeInput> {
  if (isZip(bytes)) {
    const r = await readComposeWorkbook(bytes);
    if (r.problems.some((p) => p.severity === 'error')) throw new ComposeValidationError(r.problems);
    return { input: r.input, locate: r.locate };
  }
  try {
    return { input: JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')) };
  } catch (e) {
    throw new InputError(`${name} is neither the Excel template nor JSON: ${(e as Error).message}`, 'fill the workbook from `juesuan template`, or give a JSON input (schemas/compose-input.schema.json)');
  }
}

function checkFormats(formats: string[]): ComposeFormat[] {
  const bad = formats.filter((f) => !(COMPOSE_FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new InputError(`unknown format ${bad.join(', ')}`, `choose among ${COMPOSE_FORMATS.join(', ')}`);
  return formats as ComposeFormat[];
}

export async function composeToDir(loaded: LoadedComposeInput, dir: string, formats: string[]): Promise<{ path: string; format: string }[]> {
  const r = await composeToFiles(loaded.input, dir, checkFormats(formats), loaded.locate ? { locate: loaded.locate } : {});
  return r.files;
}

export async function composeFromFile(inputPath: string, outDir: string, formats: string[]): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(inputPath));
  } catch {
    throw new InputError(`cannot read ${inputPath}`, 'check the path');
  }
  const loaded = await composeInputFromUpload(bytes, basename(inputPath));
  const files = await composeToDir(loaded, outDir, formats);
  for (const f of files) process.stdout.write(`${f.format}\t${f.path}\n`);
}

export async function writeTemplate(out: string): Promise<void> {
  await writeFile(out, await writeTemplateXlsx());
  process.stdout.write(`${out}\n`);
}
