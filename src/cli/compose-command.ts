/** `juesuan compose` and `juesuan template`, and the same steps for the server's compose route. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { composeToFiles, COMPOSE_FORMATS, writeBudgetTemplateXlsx, writeTemplateXlsx, type ComposeFormat } from '../compose/index.js';
import { loadComposeInput, type LoadedInput } from '../compose/load.js';
import { InputError } from '../ingest/raw.js';

export type { LoadedInput } from '../compose/load.js';
export { loadComposeInput } from '../compose/load.js';

function checkFormats(formats: string[]): ComposeFormat[] {
  const bad = formats.filter((f) => !(COMPOSE_FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new InputError(`unknown format ${bad.join(', ')}`, `choose among ${COMPOSE_FORMATS.join(', ')}`);
  return formats as ComposeFormat[];
}

/** Validates, composes and writes; a workbook's problems are located by sheet and cell. Nothing half-written on error. */
export async function composeToDir(loaded: LoadedInput, dir: string, formats: string[]): Promise<{ path: string; format: string }[]> {
  const r = await composeToFiles(loaded.input, dir, checkFormats(formats), { ...(loaded.locate && { locate: loaded.locate }), problems: loaded.problems });
  return r.files;
}

export async function composeFromFile(inputPath: string, outDir: string, formats: string[]): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(inputPath));
  } catch {
    throw new InputError(`cannot read ${inputPath}`, 'check the path');
  }
  const files = await composeToDir(await loadComposeInput(bytes, basename(inputPath)), outDir, formats);
  for (const f of files) process.stdout.write(`${f.format}\t${f.path}\n`);
}

export async function writeTemplate(out: string, kind = 'final-accounts'): Promise<void> {
  if (kind !== 'final-accounts' && kind !== 'budget') throw new InputError(`unknown kind ${kind}`, 'choose final-accounts or budget');
  await writeFile(out, kind === 'budget' ? await writeBudgetTemplateXlsx() : await writeTemplateXlsx());
  process.stdout.write(`${out}\n`);
}
