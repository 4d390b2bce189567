/**
 * Real documents (../shared/corpus): every performance entry of a seed's label is read from its
 * 自评表 (project, 全年预算数, 全年执行数, 执行率, 总分, 自评等级). Seeds whose performance figures are
 * stated only in the narrative (no 自评表 printed) must yield no table. Skips when the corpus is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusAvailable, seeds, SKIP_MESSAGE } from '../../../test/support/corpus.js';
import { performanceFacts, projectKey } from '../../facts/performance.js';
import type { FactsPerformance } from '../../facts/types.js';
import { readText } from '../text/read-text.js';
import { recognizePerformance } from './performance.js';

interface LabelEntry {
  project: string;
  unit?: '元' | '万元';
  annualBudget?: string;
  executed?: string;
  executionRate?: string;
  totalScore?: string;
  grade?: string;
}

const PER_UNIT = { '元': 1, '万元': 10000 } as const;

/** Printed label amount in its unit → 分 (exact: at most 2 decimals of 万元 = 100 元). */
function labelFen(printed: string, unit: '元' | '万元'): number {
  const [int = '0', frac = ''] = printed.replace(/,/g, '').split('.');
  return Number(int + frac.padEnd(2, '0').slice(0, 2)) * PER_UNIT[unit];
}

function yuanFen(s: string): number {
  const [int = '0', frac = ''] = s.split('.');
  return Number(int + frac.padEnd(2, '0'));
}

function find(facts: FactsPerformance[], name: string): FactsPerformance | undefined {
  const key = projectKey(name);
  return facts.find((f) => projectKey(f.project) === key) ?? facts.find((f) => projectKey(f.project).includes(key) || key.includes(projectKey(f.project)));
}

function checkEntry(file: string, got: FactsPerformance | undefined, want: LabelEntry, unit: '元' | '万元'): void {
  assert.ok(got, `${file}: performance "${want.project}" not found`);
  const u = want.unit ?? unit;
  for (const k of ['annualBudget', 'executed'] as const) {
    if (want[k] === undefined) continue;
    assert.ok(got[k] !== undefined, `${file} ${want.project}.${k}: missing`);
    assert.ok(Math.abs(yuanFen(got[k]!) - labelFen(want[k]!, u)) <= 50 * PER_UNIT[u] / 100, `${file} ${want.project}.${k}: ${got[k]} vs ${want[k]}${u}`);
  }
  for (const k of ['executionRate', 'totalScore'] as const) {
    if (want[k] !== undefined) assert.equal(Number(got[k]), Number(want[k]), `${file} ${want.project}.${k}`);
  }
  if (want.grade !== undefined) assert.equal(got.grade, want.grade, `${file} ${want.project}.grade`);
}

test('performance seeds: the labelled performance entries are read from the 自评表', { skip: !corpusAvailable() && SKIP_MESSAGE }, () => {
  let checked = 0;
  for (const seed of seeds()) {
    const raw = readText(readFileSync(seed.path), seed.name);
    const { evaluations } = recognizePerformance(raw, new Set());
    const labels = (seed.label.performance ?? []) as LabelEntry[];
    const printsTables = raw.lines.some((l) => /自评表\s*$/.test(l.text) && l.text.length < 60);
    if (!printsTables) {
      assert.equal(evaluations.length, 0, `${seed.name}: no 自评表 printed, none expected`);
      continue;
    }
    const facts = performanceFacts(evaluations);
    for (const want of labels) {
      checkEntry(seed.name, find(facts, want.project), want, seed.label.unit);
      checked++;
    }
  }
  assert.ok(checked > 0 || !seeds().length, 'no labelled performance entry was checked');
});

test('performance seeds: every table keeps its rows with provenance inside its own lines', { skip: !corpusAvailable() && SKIP_MESSAGE }, () => {
  for (const seed of seeds()) {
    const raw = readText(readFileSync(seed.path), seed.name);
    const { evaluations, consumed } = recognizePerformance(raw, new Set());
    for (const ev of evaluations) {
      assert.ok(consumed.has(ev.prov.line), `${seed.name} ${ev.id}: title line consumed`);
      const rows = [...ev.funding, ...ev.indicators];
      for (const r of rows) assert.ok(r.prov.line > ev.prov.line && r.prov.line <= ev.endLine, `${seed.name} ${ev.id}: row line ${r.prov.line} within ${ev.prov.line}-${ev.endLine}`);
      if (ev.kind !== 'summary') assert.ok(ev.project, `${seed.name} ${ev.id}: project name`);
    }
  }
});
