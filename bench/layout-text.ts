/**
 * Accuracy of the text reader on `pdftotext -layout` output (what a reviewer gets by extracting a PDF
 * with poppler), measured against the PDF reader on the same files, in one process: for each PDF, the
 * facts (juesuan.facts/1) the text gives that agree with the PDF's, and the error findings of the text
 * that the PDF reading does not give (each a false alarm of the text reading, as the PDF reading of
 * the real corpus has only proved errors). `npx tsx bench/layout-text.ts [FILE|DIR…]` (default: the
 * real corpus); skips with a note without pdftotext.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readDisclosure } from '../src/ingest/index.js';
import { factsOf } from '../src/facts/facts.js';
import { checkDisclosure } from '../src/check/engine.js';

function pdfs(paths: string[]): string[] {
  return paths.flatMap((p) => (statSync(p).isDirectory() ? pdfs(readdirSync(p).sort().map((f) => join(p, f))) : p.endsWith('.pdf') ? [p] : []));
}

/** Leaves of a facts object as path → JSON value. */
function leaves(o: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (o && typeof o === 'object' && !Array.isArray(o)) {
    for (const [k, v] of Object.entries(o)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, JSON.stringify(o));
  return out;
}

interface Reading { facts: Map<string, string>; errors: string[] }

async function reading(bytes: Uint8Array, name: string): Promise<Reading | string> {
  try {
    const d = await readDisclosure(bytes, name);
    const facts = leaves(factsOf(d));
    facts.delete('schema');
    return { facts, errors: checkDisclosure(d).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}|${f.message}`) };
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message.split('\n')[0]}`;
  }
}

export interface LayoutRow { file: string; facts: number; agree: number; extra: number; missing: number; note?: string }

export async function benchLayoutText(files: string[]): Promise<LayoutRow[] | string> {
  if (spawnSync('pdftotext', ['-v']).error) return 'pdftotext is not installed (poppler-utils)';
  const rows: LayoutRow[] = [];
  for (const f of files) {
    const file = f.split('/').slice(-2).join('/');
    const pdf = await reading(new Uint8Array(readFileSync(f)), f.split('/').pop()!);
    const out = spawnSync('pdftotext', ['-layout', f, '-'], { maxBuffer: 256 * 2 ** 20 });
    const text = await reading(new Uint8Array(out.stdout), `${f.split('/').pop()!.replace(/\.pdf$/, '')}.txt`);
    if (typeof pdf === 'string' || typeof text === 'string') {
      rows.push({ file, facts: 0, agree: 0, extra: 0, missing: 0, note: `pdf: ${typeof pdf === 'string' ? pdf : 'ok'} · text: ${typeof text === 'string' ? text : 'ok'}` });
      continue;
    }
    let agree = 0;
    for (const [k, v] of pdf.facts) if (text.facts.get(k) === v) agree++;
    const seen = new Set(pdf.errors);
    const got = new Set(text.errors);
    rows.push({ file, facts: pdf.facts.size, agree, extra: text.errors.filter((e) => !seen.has(e)).length, missing: pdf.errors.filter((e) => !got.has(e)).length });
  }
  return rows;
}

export function layoutTable(rows: LayoutRow[]): string {
  const sum = (k: 'facts' | 'agree' | 'extra' | 'missing'): number => rows.reduce((a, r) => a + r[k], 0);
  return [
    '| document | facts of the PDF reading | the same from the text | errors only the text gives | errors of the PDF the text misses |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.file} | ${r.facts} | ${r.agree} | ${r.extra} | ${r.missing}${r.note ? ` (${r.note})` : ''} |`),
    `| **${rows.length} documents** | **${sum('facts')}** | **${sum('agree')} (${((100 * sum('agree')) / Math.max(1, sum('facts'))).toFixed(1)} %)** | **${sum('extra')}** | **${sum('missing')}** |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const files = pdfs(args.length ? args : [join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real')].filter((p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  }));
  if (!files.length) console.log('no PDF to read (../shared/corpus/real is absent): nothing measured');
  else {
    const rows = await benchLayoutText(files);
    console.log(typeof rows === 'string' ? `not measured: ${rows}` : layoutTable(rows));
  }
}
