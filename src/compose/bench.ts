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

/** Median wall time of `runs` runs, and the mean CPU time (user + system, all threads) per run. */
async function measure(runs: number, fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  await fn(); // warm-up
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  times.sort((a, b) => a - b);
  return { wall: times[Math.floor(times.length / 2)]!, cpu: (c.user + c.system) / 1000 / runs };
}

export async function benchCompose(opts: { runs?: number; pdf?: boolean } = {}): Promise<Record<string, number>> {
  const runs = opts.runs ?? 7;
  const input = parseComposeInput(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  const out: Record<string, number> = {};
  const record = (name: string, m: { wall: number; cpu: number }) => {
    out[name] = m.wall;
    out[`${name} (cpu)`] = m.cpu;
  };
  record('model', await measure(runs, () => composeDocument(input)));
  const { document } = composeDocument(input);
  for (const format of ['txt', 'html', 'docx', 'xlsx'] as ComposeFormat[]) record(format, await measure(runs, () => renderFormat(document, format)));
  const sum = (suffix: string) => ['model', 'html', 'docx', 'xlsx'].reduce((s, k) => s + out[`${k}${suffix}`]!, 0);
  out['model+html+docx+xlsx'] = sum('');
  out['model+html+docx+xlsx (cpu)'] = sum(' (cpu)');
  if ((opts.pdf ?? true) && findSoffice()) {
    const docx = await writeDocx(document);
    const t0 = performance.now();
    await renderFormat(document, 'pdf', docx);
    out.pdf = performance.now() - t0;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(await benchCompose())) console.log(`compose ${k}: ${v.toFixed(1)} ms`);
}
