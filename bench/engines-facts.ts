/**
 * Accuracy guard of the PDF engines, in one process (same code for both): for each PDF, the lines
 * read (RawDocument), the facts (juesuan.facts/1) and the findings of the fast reader and of pdf.js
 * (JUESUAN_PDF_ENGINE=pdfjs). `npx tsx bench/engines-facts.ts [FILE|DIR…]` (default: the real corpus).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readRaw, readDisclosure } from '../src/ingest/index.js';
import { factsOf } from '../src/facts/facts.js';
import { checkDisclosure } from '../src/check/engine.js';

function pdfs(paths: string[]): string[] {
  return paths.flatMap((p) => (statSync(p).isDirectory() ? pdfs(readdirSync(p).map((f) => join(p, f))) : p.endsWith('.pdf') ? [p] : []));
}

async function view(bytes: Uint8Array, name: string, engine: string): Promise<{ lines: string; facts: string; findings: string } | string> {
  process.env.JUESUAN_PDF_ENGINE = engine;
  try {
    const raw = await readRaw(bytes, name);
    const d = await readDisclosure(bytes, name);
    const findings = checkDisclosure(d).findings.map((f) => `${f.rule}|${f.severity}|${f.message}`).sort();
    // Rulings from pdf.js are Float32 (89.8499984741211 for 89.85): positions compared to 0.01 pt.
    const round = (_k: string, v: unknown): unknown => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v);
    return { lines: JSON.stringify(raw.lines, round), facts: JSON.stringify(factsOf(d)), findings: JSON.stringify(findings) };
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

const args = process.argv.slice(2);
const files = pdfs(args.length ? args : [join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real')]);
let same = 0;
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(f));
  const name = f.split('/').pop()!;
  const a = await view(bytes, name, 'auto');
  const b = await view(bytes, name, 'pdfjs');
  const diff = typeof a === 'string' || typeof b === 'string' ? (a === b ? [] : [`fast: ${typeof a === 'string' ? a : 'ok'} · pdfjs: ${typeof b === 'string' ? b : 'ok'}`]) : (['lines', 'facts', 'findings'] as const).filter((k) => a[k] !== b[k]);
  if (!diff.length) same++;
  console.log(`${name}: ${diff.length ? 'DIFFERENT ' + diff.join(', ') : 'same lines, facts and findings'}`);
}
console.log(`same: ${same}/${files.length}`);
