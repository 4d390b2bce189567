/**
 * The dependency direction of docs/architecture.md, kept by walking the imports of every source file:
 * model ← catalog ← {ingest, facts, rules, compose} ← check ← core (with compose, for the pool) ← store ← {server, cli}, and the
 * format libraries, the database drivers and the HTTP framework each stay in their one layer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

/** Which top-level modules each module may import (itself always). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  catalog: ['model'],
  ingest: ['model', 'catalog'],
  facts: ['model', 'catalog', 'ingest'],
  rules: ['model', 'catalog', 'ingest', 'check'],
  check: ['model', 'catalog', 'ingest', 'rules', 'facts'],
  compose: ['model', 'catalog', 'ingest', 'facts'],
  // the review report (审核意见) lays out check reports for the cli and the server
  report: ['model', 'catalog', 'ingest', 'check'],
  // core runs every operation (read, check, compose) in its worker pool, so it sees compose.
  core: ['model', 'catalog', 'ingest', 'facts', 'check', 'compose'],
  store: ['model', 'catalog', 'ingest', 'facts', 'check', 'core'],
  // the job queue (BullMQ): jobs read in core's pool and stored by store
  queue: ['model', 'ingest', 'facts', 'check', 'core', 'store'],
  server: ['model', 'ingest', 'facts', 'check', 'core', 'store', 'compose', 'report', 'queue'],
  cli: ['model', 'ingest', 'facts', 'check', 'core', 'store', 'compose', 'server', 'report', 'queue'],
};

/** Libraries confined to layers. */
const LIBRARIES: [RegExp, string[]][] = [
  [/^(pdfjs-dist|mammoth|xlsx|node-html-parser|parse5)(\/|$)/, ['ingest']],
  // exceljs also writes the review report (审核意见) of `check --format xlsx` and the API (report).
  [/^(exceljs|docx|pdfkit)(\/|$)/, ['ingest', 'compose', 'report']],
  [/^(better-sqlite3|pg|kysely)(\/|$)/, ['store']],
  [/^(fastify|@fastify\/)/, ['server']],
  [/^(bullmq|ioredis)(\/|$)/, ['queue']],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

test('source modules import only along the dependency direction, and libraries stay in their layer', () => {
  const problems: string[] = [];
  for (const file of files(src)) {
    const layer = relative(src, file).split('/')[0]!;
    const allowed = ALLOWED[layer];
    assert.ok(allowed, `unknown layer ${layer} (${relative(root, file)}): add it to ALLOWED`);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) {
        const target = relative(src, resolve(file, '..', spec));
        if (target.startsWith('..')) { problems.push(`${relative(root, file)} imports outside src: ${spec}`); continue; }
        const to = target.split('/')[0]!;
        if (to !== layer && !allowed.includes(to)) problems.push(`${relative(root, file)} (${layer}) imports ${to}: ${spec}`);
      } else {
        for (const [re, layers] of LIBRARIES) if (re.test(spec) && !layers.includes(layer)) problems.push(`${relative(root, file)} (${layer}) uses ${spec}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
