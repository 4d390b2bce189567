/**
 * The catalog / completeness / plausibility rules on the real seed documents (skipped when
 * ../shared/corpus is absent): the defects the seeds are known to carry are found, once each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusAvailable, seeds, SKIP_MESSAGE } from '../../../test/support/corpus.js';
import { readDisclosureFile } from '../../ingest/index.js';
import { checkDisclosure } from '../../check/engine.js';
import type { Finding } from '../../check/types.js';

const skip = !corpusAvailable() && SKIP_MESSAGE;

async function findingsOf(prefix: string): Promise<Finding[]> {
  const seed = seeds().find((s) => s.name.startsWith(prefix));
  assert.ok(seed, `seed ${prefix} not found`);
  const d = await readDisclosureFile(seed.path);
  return checkDisclosure(d, { only: ['catalog', 'completeness', 'plausibility', 'performance-rate-over-100'] }).findings;
}

// The rule's file id ('catalog-truncated-name') prints as 'catalog.truncated-name'.
const of = (fs: Finding[], rule: string): Finding[] => fs.filter((f) => f.rule === rule.replace('-', '.'));

test('seed 000: the truncated 科目名称 is reported once, with the full name', { skip }, async () => {
  const fs = await findingsOf('000_');
  const cut = of(fs, 'catalog-truncated-name');
  assert.equal(cut.length, 1);
  assert.equal(cut[0]!.expected, '财政对城乡居民基本医疗保险基金的补助');
  assert.equal(fs.filter((f) => f.severity === 'error').length, 0);
});

test('seed 001: duplicated 公开14表, the blank 公开03表 合计 row and the missing 情况说明', { skip }, async () => {
  const fs = await findingsOf('001_');
  const dup = of(fs, 'completeness-duplicate-ordinal');
  assert.equal(dup.length, 1);
  assert.equal(dup[0]!.evidence, '公开14表');
  const total = of(fs, 'completeness-empty-total-row');
  assert.equal(total.length, 1);
  assert.match(total[0]!.message, /公开03表/);
  assert.equal(of(fs, 'completeness-narrative-sections').length, 1);
});

test('seed 002: table 六 listed in the 目录 but missing from the body', { skip }, async () => {
  const fs = await findingsOf('002_');
  const toc = of(fs, 'completeness-toc-table-missing');
  assert.equal(toc.length, 1);
  assert.match(toc[0]!.evidence ?? '', /基本支出决算/);
  assert.equal(of(fs, 'completeness-tables-present').length, 0);
});

test('seed 004: tables only referred to (one error), procurement above non-personnel spending, 参保率 above 100 %', { skip }, async () => {
  const fs = await findingsOf('004_');
  const tables = [...of(fs, 'completeness-tables-present'), ...of(fs, 'completeness-toc-table-missing')];
  assert.equal(tables.length, 1);
  assert.equal(tables[0]!.messageId, 'tables-not-printed');
  const proc = of(fs, 'plausibility-procurement-exceeds-spending');
  assert.equal(proc.length, 1);
  assert.equal(proc[0]!.evidence, '1,002.73');
  assert.equal(proc[0]!.expected, '≤ 651.73');
  // An indicator value above 100 % is judged by the performance family (one rule per check).
  assert.ok(of(fs, 'performance-rate-over-100').some((f) => /101\.27/.test(f.evidence ?? '')));
  assert.equal(of(fs, 'plausibility-rate-over-100').length, 0);
});
