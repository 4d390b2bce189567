/**
 * The narrative and text rules on the real seed documents (skipped when ../shared/corpus is absent):
 * they find the narrative/text/semantic defects the labels list, and raise no error on the figures
 * seed-defects.md lists as consistent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusAvailable, seeds, SHARED_DIR, SKIP_MESSAGE } from '../../../test/support/corpus.js';
import { checkDisclosure } from '../../check/engine.js';
import type { Finding } from '../../check/types.js';
import { readDisclosureFile } from '../../ingest/index.js';

const skip = !corpusAvailable() && SKIP_MESSAGE;
const FAMILIES = ['narrative', 'text'];
/** Label defects these rules answer for (the others belong to the table and performance rules). */
const OWN_DEFECTS = new Set(['000-D1', '000-D2', '000-D3', '000-D4', '000-D5', '002-D2', '002-D3', '002-D8', '003-D1', '003-D2', '003-D4', '004-D2']);

interface LabelDefect { id: string; anchors: string[]; what: string }

function text(f: Finding): string {
  return `${f.evidence ?? ''} ${f.expected ?? ''}`;
}

/** Decimal figures named on the seed's "(Consistent: …)" line of seed-defects.md. */
function consistentFigures(seedPrefix: string): string[] {
  const path = join(SHARED_DIR, 'corpus', 'seed-defects.md');
  if (!existsSync(path)) return [];
  const md = readFileSync(path, 'utf8');
  const block = md.split(/^## /m).find((b) => b.startsWith(`Seed ${seedPrefix}`)) ?? '';
  const line = block.split('\n').find((l) => /^\((Checked and )?[Cc]onsistent/.test(l)) ?? '';
  return [...line.matchAll(/\d+\.\d+/g)].map((m) => m[0]);
}

for (const seed of seeds()) {
  const prefix = seed.name.slice(0, 3);
  const defects = ((seed.label.defects ?? []) as LabelDefect[]).filter((d) => OWN_DEFECTS.has(d.id));

  test(`narrative seeds: ${seed.name}: the labelled narrative/text defects are found`, { skip }, async () => {
    const report = checkDisclosure(await readDisclosureFile(seed.path), { only: FAMILIES });
    const missing = defects.filter((d) => !report.findings.some((f) => d.anchors.some((a) => text(f).includes(a))));
    assert.deepEqual(missing.map((d) => `${d.id}: ${d.what}`), []);
  });

  test(`narrative seeds: ${seed.name}: no error on the consistent statements`, { skip }, async () => {
    const report = checkDisclosure(await readDisclosureFile(seed.path), { only: FAMILIES });
    const errors = report.findings.filter((f) => f.severity === 'error');
    const figures = consistentFigures(prefix);
    const anchors = ((seed.label.mustNotError ?? []) as { anchors: string[] }[]).flatMap((m) => m.anchors);
    const hit = errors.filter((f) => [...figures, ...anchors].some((a) => new RegExp(`(?<![\\d.])${a.replace('.', '\\.')}(?![\\d])`).test(f.evidence ?? '')));
    assert.deepEqual(hit.map((f) => `${f.rule} line ${f.location.line}: ${f.evidence}`), []);
    assert.equal(report.rules.filter((r) => r.status === 'crashed').length, 0);
  });
}

test('narrative seeds: every finding quotes text printed on the line it points at', { skip }, async () => {
  const problems: string[] = [];
  for (const seed of seeds()) {
    const d = await readDisclosureFile(seed.path);
    for (const f of checkDisclosure(d, { only: FAMILIES }).findings) {
      const line = d.lines.find((l) => l.line === f.location.line)?.text ?? '';
      if (!f.evidence || !line.includes(f.evidence)) problems.push(`${seed.name} ${f.rule} line ${f.location.line}: ${f.evidence}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('narrative seeds: 001 cites a stale evaluation year (2019年 in a 2021 self-evaluation)', { skip }, async () => {
  const s = seeds().find((x) => x.name.startsWith('001_'));
  if (!s) return;
  const report = checkDisclosure(await readDisclosureFile(s.path), { only: ['text-year-consistency'] });
  assert.ok(report.findings.some((f) => f.evidence === '2019年'));
});

test('narrative seeds: 000 states 决算数小于预算数 on equal 0.00 four times, each with its evidence', { skip }, async () => {
  const s = seeds().find((x) => x.name.startsWith('000_'));
  if (!s) return;
  const d = await readDisclosureFile(s.path);
  const report = checkDisclosure(d, { only: ['narrative-comparison-words'] });
  const hits = report.findings.filter((f) => f.evidence === '决算数小于预算数');
  assert.equal(hits.length, 4);
  for (const f of hits) assert.ok(d.lines.find((l) => l.line === f.location.line)?.text.includes('决算数小于预算数'));
});
