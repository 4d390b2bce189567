/**
 * Side by side: the fast PDF reader and pdf.js on the same PDFs — time per document and whether the
 * page contents (text boxes, rulings) agree. `npx tsx bench/engines.ts [FILE|DIR…]` (default: the
 * real corpus in ../shared/corpus/real). Prints one line per document and a summary.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openFast } from '../src/ingest/pdf/engine/fast.js';
import { pdfLimits } from '../src/ingest/pdf/engine/limits.js';
import type { PdfReader } from '../src/ingest/pdf/engine/reader.js';
import type { PageContent } from '../src/ingest/pdf/page.js';

function pdfs(paths: string[]): string[] {
  return paths.flatMap((p) => (statSync(p).isDirectory() ? pdfs(readdirSync(p).map((f) => join(p, f))) : p.endsWith('.pdf') ? [p] : []));
}

type Key = [string, number[]];
function key(c: PageContent): Key[] {
  return [
    ...c.boxes.map((b): Key => [b.str, [b.x0, b.x1, b.base, b.size]]),
    ...c.hRules.map((s): Key => ['h', [s.pos, s.a, s.b]]),
    ...c.vRules.map((s): Key => ['v', [s.pos, s.a, s.b]]),
    ['size', [c.width, c.height]],
  ];
}

/** Keys of `a` with no match in `b` (same string, numbers within 0.05). */
function missing(a: Key[], b: Key[]): Key[] {
  const byStr = new Map<string, number[][]>();
  for (const [s, n] of b) byStr.set(s, [...(byStr.get(s) ?? []), n]);
  return a.filter(([s, n]) => !(byStr.get(s) ?? []).some((m) => m.every((v, i) => Math.abs(v - n[i]!) < 0.05)));
}
const fmt = ([s, n]: Key) => `${s}|${n.map((v) => v.toFixed(1)).join('|')}`;

async function pages(reader: PdfReader): Promise<PageContent[]> {
  const out: PageContent[] = [];
  for (let n = 1; n <= reader.numPages; n++) out.push(await reader.page(n));
  await reader.close();
  return out;
}

const args = process.argv.slice(2);
const files = pdfs(args.length ? args : [join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real')]);
const { openPdfjs } = await import('../src/ingest/pdf/engine/pdfjs.js');
let same = 0;
let total = 0;
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(f));
  const name = f.split('/').pop()!;
  let t = performance.now();
  let fast: PageContent[] | string;
  try {
    fast = await pages(openFast(bytes, pdfLimits()));
  } catch (e) {
    fast = `${(e as Error).name}: ${(e as Error).message}`;
  }
  const fastMs = performance.now() - t;
  t = performance.now();
  const slow = await pages(await openPdfjs(bytes, name, pdfLimits()));
  const slowMs = performance.now() - t;
  total++;
  if (typeof fast === 'string') {
    console.log(`${name}: fast ${fast} · pdfjs ${slowMs.toFixed(0)} ms`);
    continue;
  }
  let diffs = 0;
  const examples: string[] = [];
  slow.forEach((p, i) => {
    const a = key(p);
    const b = key(fast[i]!);
    for (const k of missing(a, b)) { diffs++; if (examples.length < 4) examples.push(`p${i + 1} pdfjs-only ${fmt(k)}`); }
    for (const k of missing(b, a)) { diffs++; if (examples.length < 8) examples.push(`p${i + 1} fast-only ${fmt(k)}`); }
  });
  if (diffs === 0) same++;
  console.log(`${name}: pages ${slow.length} · fast ${fastMs.toFixed(0)} ms · pdfjs ${slowMs.toFixed(0)} ms · differences ${diffs}${examples.length ? '\n   ' + examples.join('\n   ') : ''}`);
}
console.log(`identical page contents: ${same}/${total}`);
