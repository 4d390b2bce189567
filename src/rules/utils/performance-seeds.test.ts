/**
 * Real documents (../shared/corpus): the performance rules find the labelled scoring and structural
 * defects of the seeds' 自评表 — each quoted (evidence, message or expected) by a warning or an error,
 * as the corpus scorer counts them — and raise no error on the tables the defect list states to be
 * consistent, nor on a label's mustNotError anchors. Skips when the corpus is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusAvailable, seeds, SKIP_MESSAGE } from '../../../test/support/corpus.js';
import { checkDisclosure } from '../../check/engine.js';
import type { Finding } from '../../check/types.js';
import { recognizePerformance } from '../../ingest/recognize/performance.js';
import { readText } from '../../ingest/text/read-text.js';
import type { Disclosure } from '../../model/index.js';
import { RULES } from '../index.js';

/** The labelled defects that lie in the 自评表 and that the performance family is meant to find. */
const PERFORMANCE_DEFECTS = ['001-D2', '002-D4', '002-D5', '002-D6', '002-D7', '003-D7', '003-D8', '004-D5', '004-D6'];
/** Tables the defect list (seed-defects.md) checked and found consistent. */
const CONSISTENT = ['医疗救助补助资金', '医疗保险基金征缴经费补助', '医保专项业务经费', '基层医保工作站项目', '医保一图清服务平台',
  '2023 年医疗服务与保障能力提升资金', '2023 年综合业务费', '打击欺诈骗取医疗保障基金行为举报奖励'];

interface Defect { id: string; anchors: string[] }

const norm = (s: unknown): string => String(s ?? '').replace(/[\s,，]/g, '');
const quotes = (f: Finding, anchor: string): boolean =>
  [f.evidence, f.message, f.expected, f.location.table].some((s) => norm(s).includes(norm(anchor)));

function check(path: string, name: string): { d: Disclosure; findings: Finding[] } {
  const raw = readText(readFileSync(path), name);
  const { evaluations } = recognizePerformance(raw, new Set());
  const d: Disclosure = {
    meta: { kind: 'final-accounts' }, source: { format: 'text', name }, toc: [], tables: [], sections: [],
    performance: evaluations, lines: raw.lines.map((l) => ({ line: l.line, text: l.text })), ordinals: [], notFound: [], warnings: [],
  };
  const report = checkDisclosure(d, { rules: RULES.filter((r) => r.meta.family === 'performance') });
  assert.deepEqual(report.rules.filter((r) => r.status === 'crashed'), [], `${name}: a rule crashed`);
  return { d, findings: report.findings };
}

test('performance seeds: the labelled 自评表 defects are found at warning or error', { skip: !corpusAvailable() && SKIP_MESSAGE }, () => {
  const missed: string[] = [];
  let seen = 0;
  for (const seed of seeds()) {
    const defects = ((seed.label.defects ?? []) as Defect[]).filter((x) => PERFORMANCE_DEFECTS.includes(x.id));
    if (!defects.length) continue;
    const { findings } = check(seed.path, seed.name);
    const problems = findings.filter((f) => f.severity !== 'info');
    for (const defect of defects) {
      seen++;
      if (!problems.some((f) => defect.anchors.some((a) => quotes(f, a)))) missed.push(defect.id);
    }
  }
  assert.deepEqual(missed, []);
  assert.equal(seen, PERFORMANCE_DEFECTS.length);
});

test('performance seeds: no error on the consistent tables nor on mustNotError anchors', { skip: !corpusAvailable() && SKIP_MESSAGE }, () => {
  const wrong: string[] = [];
  for (const seed of seeds()) {
    const { findings } = check(seed.path, seed.name);
    const errors = findings.filter((f) => f.severity === 'error');
    for (const f of errors) if (CONSISTENT.some((p) => f.message.includes(`“${p}”`))) wrong.push(`${seed.name}: ${f.message}`);
    const mustNot = (seed.label.mustNotError ?? []) as { anchors: string[] }[];
    for (const m of mustNot) for (const f of errors) if (m.anchors.some((a) => quotes(f, a))) wrong.push(`${seed.name}: ${f.message}`);
  }
  assert.deepEqual(wrong, []);
});
