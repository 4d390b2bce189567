#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner through tsx, so that the TAP
// summary lines (# pass N / # fail N) are printed. A bare `tsx --test` finds no file on Node 20.
// Usage: npm test [-- PATTERN…]   (only files whose path contains one of the patterns)
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const patterns = process.argv.slice(2);
const files = [];
function walk(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (e.endsWith('.test.ts') || e.endsWith('.test.tsx')) files.push(relative(root, p));
  }
}
for (const d of ['src', 'test', 'web/src']) walk(join(root, d));
const chosen = patterns.length ? files.filter((f) => patterns.some((p) => f.includes(p))) : files;
chosen.sort();
if (!chosen.length) {
  console.error('no test files found');
  process.exit(1);
}
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const r = spawnSync(tsx, ['--test', '--test-reporter=tap', ...chosen], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
