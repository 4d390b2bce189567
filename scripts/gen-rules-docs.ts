#!/usr/bin/env -S npx tsx
// Regenerates docs/rules.md from the rules' metadata: `npx tsx scripts/gen-rules-docs.ts` (npm run docs:rules).
// Run `node scripts/gen-rules-index.mjs` first when rules were added or removed.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../src/check/rules-doc.js';

const out = join(fileURLToPath(import.meta.url), '..', '..', 'docs', 'rules.md');
const body = renderRulesDoc();
const changed = !existsSync(out) || readFileSync(out, 'utf8') !== body;
if (changed) writeFileSync(out, body);
console.log(`docs/rules.md: ${changed ? 'written' : 'up to date'}`);
