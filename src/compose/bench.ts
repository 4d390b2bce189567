/**
 * Compose time per format for one realistic document (the county medical insurance bureau
 * example): ms per format, the median of several runs (PDF: one run, bounded by LibreOffice).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument, findSoffice, parseComposeInput, renderFormat, type ComposeFormat } from './index.js';
import { writeDocx } from './writers/docx.js';

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'county-medical-insurance-bureau.json');

async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function benchCompose(opts: { runs?: number; pdf?: boolean } = {}): Promise<Record<string, number>> {
  const runs = opts.runs ?? 7;
  const input = parseComposeInput(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  const out: Record<string, number> = {};
  out.model = await median(runs, () => composeDocument(input));
  const { document } = composeDocument(input);
  for (const format of ['txt', 'html', 'docx', 'xlsx'] as ComposeFormat[]) out[format] = await median(runs, () => renderFormat(document, format));
  out['model+html+docx+xlsx'] = out.model + out.html! + out.docx! + out.xlsx!;
  if ((opts.pdf ?? true) && findSoffice()) {
    const docx = await writeDocx(document);
    out.pdf = await median(1, () => renderFormat(document, 'pdf', docx));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(await benchCompose())) console.log(`compose ${k}: ${v.toFixed(1)} ms`);
}
