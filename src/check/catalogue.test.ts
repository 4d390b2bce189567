/**
 * The rule catalogue stays whole: every rule module is registered under its file name, has complete
 * metadata, a test file with a case that must trigger and one that must not, and docs/rules.md is
 * current. Run `node scripts/gen-rules-index.mjs` and `npx tsx scripts/gen-rules-docs.ts` to fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../rules/index.js';
import type { Rule } from './types.js';
import { renderRulesDoc } from './rules-doc.js';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const rulesDir = join(root, 'src', 'rules');
const FAMILIES = ['completeness', 'intratable', 'crosstable', 'narrative', 'performance', 'catalog', 'text', 'plausibility'];
const moduleIds = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

test('catalogue: every rule module is registered, under an id equal to its file name', async () => {
  const problems: string[] = [];
  for (const id of moduleIds) {
    const mod = (await import(join(rulesDir, `${id}.ts`))) as { default?: Rule };
    if (!mod.default?.meta) { problems.push(`${id}: no default export of a Rule`); continue; }
    if (mod.default.meta.id !== id) problems.push(`${id}: meta.id is '${mod.default.meta.id}'`);
    if (!RULES.includes(mod.default)) problems.push(`${id}: not in src/rules/index.ts (run node scripts/gen-rules-index.mjs)`);
  }
  assert.equal(RULES.length, moduleIds.length, 'registry and rule files differ (run node scripts/gen-rules-index.mjs)');
  assert.deepEqual(problems, []);
});

test('catalogue: ids are unique kebab-case', () => {
  const ids = RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
});

test('catalogue: every rule says which kinds of document it applies to', () => {
  const KINDS = ['final-accounts', 'budget', 'performance-self-evaluation', 'other'];
  const problems = RULES.filter((r) => !r.meta.kinds?.length || r.meta.kinds.some((k) => !KINDS.includes(k))).map((r) => r.meta.id);
  assert.deepEqual(problems, []);
});

test('catalogue: every rule has titles zh/en, a family, a severity and at least one reference', () => {
  const problems: string[] = [];
  for (const { meta: m } of RULES) {
    if (!m.title?.zh?.trim() || !/[\u4e00-\u9fff]/.test(m.title.zh)) problems.push(`${m.id}: Chinese title`);
    if (!m.title?.en?.trim()) problems.push(`${m.id}: English title`);
    if (!FAMILIES.includes(m.family)) problems.push(`${m.id}: family '${m.family}'`);
    if (!['error', 'warning', 'info'].includes(m.severity)) problems.push(`${m.id}: severity '${m.severity}'`);
    if (!m.references?.length || m.references.some((r) => !r.trim())) problems.push(`${m.id}: references`);
    if (m.replacedBy && !RULES.some((r) => r.meta.id === m.replacedBy)) problems.push(`${m.id}: replacedBy '${m.replacedBy}' unknown`);
  }
  assert.deepEqual(problems, []);
});

test('catalogue: every rule has a test file with a case that must trigger and one that must not', () => {
  const problems: string[] = [];
  for (const { meta: m } of RULES) {
    const file = join(rulesDir, `${m.id}.test.ts`);
    if (!existsSync(file)) { problems.push(`${m.id}: no ${m.id}.test.ts`); continue; }
    const src = readFileSync(file, 'utf8');
    const names = [...src.matchAll(/\btest\(\s*(['"`])((?:(?!\1).)*)\1/g)].map((x) => x[2]!);
    if (!names.some((n) => n.includes('must trigger'))) problems.push(`${m.id}: no test named '… must trigger …'`);
    if (!names.some((n) => n.includes('must not trigger'))) problems.push(`${m.id}: no test named '… must not trigger …'`);
  }
  assert.deepEqual(problems, []);
});

test('catalogue: docs/rules.md is current (run npx tsx scripts/gen-rules-docs.ts)', () => {
  const path = join(root, 'docs', 'rules.md');
  assert.ok(existsSync(path), 'docs/rules.md is missing');
  assert.equal(readFileSync(path, 'utf8'), renderRulesDoc(), 'docs/rules.md is stale: run npx tsx scripts/gen-rules-docs.ts');
});
