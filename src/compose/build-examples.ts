/**
 * Composes every example (examples/*.json) into out/examples/<name>/ in every format, plus the
 * example as a filled input workbook: `npx tsx src/compose/build-examples.ts [--no-pdf]`.
 * Reproducible: the same inputs give the same documents (PDF timestamps aside).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeToFiles, findSoffice, formatProblems, parseComposeInput, type ComposeFormat } from './index.js';
import { writeInputWorkbook } from './workbook/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLES_DIR = join(ROOT, 'examples');
export const EXAMPLES_OUT = join(ROOT, 'out', 'examples');

export async function buildExamples(opts: { pdf?: boolean; log?: (s: string) => void } = {}): Promise<string[]> {
  const log = opts.log ?? (() => {});
  const formats: ComposeFormat[] = ['html', 'docx', 'xlsx', 'txt', ...((opts.pdf ?? true) && findSoffice() ? (['pdf'] as const) : [])];
  const written: string[] = [];
  for (const file of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const input = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
    const outDir = join(EXAMPLES_OUT, basename(file, '.json'));
    const r = await composeToFiles(input, outDir, formats);
    if (r.problems.length) log(`${file}:\n${formatProblems(r.problems)}`);
    const workbook = join(outDir, `${basename(file, '.json')}.input.xlsx`);
    writeFileSync(workbook, await writeInputWorkbook(parseComposeInput(input)));
    written.push(...r.files.map((f) => f.path), workbook);
    log(`${file} → ${outDir} (${r.files.map((f) => f.format).join(', ')}, input workbook)`);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!findSoffice() && !process.argv.includes('--no-pdf')) console.log('LibreOffice (soffice) not found: PDFs are not written');
  await buildExamples({ pdf: !process.argv.includes('--no-pdf'), log: (s) => console.log(s) });
}
