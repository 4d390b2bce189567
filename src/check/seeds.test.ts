/**
 * The engine on the real seed documents (skipped when ../shared/corpus is absent): no rule crashes,
 * and the table identities raise no error where the seeds' tables are consistent — rounding gaps
 * (seed 000: 2502.71 vs 2502.70, 327.50 vs 327.51) are info only, seed 001's 元 tables all add up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusAvailable, seeds, SKIP_MESSAGE } from '../../test/support/corpus.js';
import { readDisclosureFile } from '../ingest/index.js';
import { checkDisclosure } from './engine.js';
import { RULES } from '../rules/index.js';

const skip = !corpusAvailable() && SKIP_MESSAGE;
/** The table-identity rules (intratable-*, crosstable-t0x-*, crosstable-operating-expense). */
const TABLE_RULES = RULES.map((r) => r.meta.id).filter((id) => /^intratable-|^crosstable-(t\d\d-|operating-)/.test(id));

for (const seed of seeds()) {
  test(`seeds: ${seed.name}: no rule crashes`, { skip }, async () => {
    const report = checkDisclosure(await readDisclosureFile(seed.path));
    const crashed = report.rules.filter((r) => r.status === 'crashed').map((r) => `${r.rule}: ${r.reason}`);
    assert.deepEqual(crashed, []);
  });

  test(`seeds: ${seed.name}: table identities raise no error on consistent tables`, { skip }, async () => {
    const report = checkDisclosure(await readDisclosureFile(seed.path), { only: TABLE_RULES });
    const errors = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} line ${f.location.line}: ${f.message}`);
    assert.deepEqual(errors, []);
    const anchors = ((seed.label.mustNotError ?? []) as { anchors: string[] }[]).flatMap((m) => m.anchors);
    const hit = report.findings.filter((f) => f.severity === 'error' && anchors.some((a) => `${f.evidence ?? ''} ${f.expected ?? ''}`.includes(a)));
    assert.deepEqual(hit, []);
  });
}

test('seeds: 000 reports its 0.01 rounding gaps as info (T01 类 sum, T05 基本 vs T06 人员 + 公用)', { skip }, async () => {
  const s = seeds().find((x) => x.name.startsWith('000_'));
  if (!s) return;
  const report = checkDisclosure(await readDisclosureFile(s.path), { only: TABLE_RULES });
  const infos = report.findings.filter((f) => f.severity === 'info');
  assert.ok(infos.some((f) => f.rule === 'intratable.t01-expenditure-total' && f.expected === '2,502.71'));
  assert.ok(infos.some((f) => f.rule === 'crosstable.t05-t06-basic' && f.expected === '327.50'));
});

test('seeds: 001 (元 tables) has no finding at all from the table identities', { skip }, async () => {
  const s = seeds().find((x) => x.name.startsWith('001_'));
  if (!s) return;
  const report = checkDisclosure(await readDisclosureFile(s.path), { only: TABLE_RULES });
  assert.deepEqual(report.findings.filter((f) => f.severity !== 'info').map((f) => f.message), []);
  assert.ok(report.rules.filter((r) => r.status === 'passed').length >= 10, 'the identities ran on the tables');
});
