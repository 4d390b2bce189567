/**
 * The crosstable-perf-* rules on the real seed documents (skipped when ../shared/corpus is absent):
 * they find the labelled cross-table defects their inputs are in the model for, and raise no error on
 * the figures the labels and seed-defects.md list as consistent.
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
const RULES = ['crosstable-perf-task-vs-project', 'crosstable-perf-department-vs-narrative', 'crosstable-perf-project-vs-narrative'];
/**
 * Defects these rules answer for with the model as it stands. 003-D5 and 003-D6 sit in the
 * 部门整体支出绩效评价基础数据表 (附件1-1), which the performance recognizer does not read yet.
 */
const OWN_DEFECTS = new Set(['001-D3', '003-D3']);

interface LabelDefect { id: string; anchors: string[]; what: string }

const quoted = (f: Finding): string => `${f.evidence ?? ''} ${f.expected ?? ''} ${f.message}`;

function consistentFigures(seedPrefix: string): string[] {
  const path = join(SHARED_DIR, 'corpus', 'seed-defects.md');
  if (!existsSync(path)) return [];
  const block = readFileSync(path, 'utf8').split(/^## /m).find((b) => b.startsWith(`Seed ${seedPrefix}`)) ?? '';
  const line = block.split('\n').find((l) => /^\((Checked and )?[Cc]onsistent/.test(l)) ?? '';
  return [...line.matchAll(/\d+\.\d+/g)].map((m) => m[0]);
}

for (const seed of seeds()) {
  const prefix = seed.name.slice(0, 3);
  const defects = ((seed.label.defects ?? []) as LabelDefect[]).filter((d) => OWN_DEFECTS.has(d.id));

  test(`perf-consistency seeds: ${seed.name}: the labelled cross-table defects are found`, { skip }, async () => {
    const report = checkDisclosure(await readDisclosureFile(seed.path), { only: RULES });
    const missing = defects.filter((d) => !report.findings.some((f) => f.severity !== 'info' && d.anchors.some((a) => quoted(f).includes(a))));
    assert.deepEqual(missing.map((d) => `${d.id}: ${d.what}`), []);
    assert.equal(report.rules.filter((r) => r.status === 'crashed').length, 0);
  });

  test(`perf-consistency seeds: ${seed.name}: no error on the consistent figures`, { skip }, async () => {
    const report = checkDisclosure(await readDisclosureFile(seed.path), { only: RULES });
    const anchors = [
      ...consistentFigures(prefix),
      ...((seed.label.mustNotError ?? []) as { anchors: string[] }[]).flatMap((m) => m.anchors),
    ];
    const errors = report.findings.filter((f) => f.severity === 'error');
    const hit = errors.filter((f) => anchors.some((a) => new RegExp(`(?<![\\d.])${a.replace('.', '\\.')}(?![\\d])`).test(f.evidence ?? '')));
    assert.deepEqual(hit.map((f) => `${f.rule} line ${f.location.line}: ${f.evidence}`), []);
    const unlabelled = errors.filter((f) => !((seed.label.defects ?? []) as LabelDefect[]).some((d) => d.anchors.some((a) => quoted(f).includes(a))));
    assert.deepEqual(unlabelled.map((f) => `${f.rule} line ${f.location.line}: ${f.message}`), []);
  });
}
