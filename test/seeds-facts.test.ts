/**
 * `facts` on the real documents of ../shared/corpus against their hand-written labels: every labelled
 * figure, table status and meta field (the same comparison as ../shared/tools/score-corpus.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readDisclosure } from '../src/ingest/index.js';
import { factsOf } from '../src/facts/facts.js';
import { corpusAvailable, seeds, SKIP_MESSAGE } from './support/corpus.js';

const UNIT: Record<string, number> = { '元': 100, '万元': 1_000_000 };
const toFen = (printed: string, unit: string) => Math.round(Number(printed.replace(/[,\s]/g, '')) * UNIT[unit]!);
const yuanToFen = (y: string) => Math.round(Number(y) * 100);
const normName = (s: string) => s.replace(/[\s,，()（）【】\[\]“”"'、·:：]/g, '').replace(/年度?/g, '');

const skip = !corpusAvailable() && SKIP_MESSAGE;

for (const seed of corpusAvailable() ? seeds() : [{ name: 'seeds', path: '', label: undefined }]) {
  test(`facts of ${seed.name} match its label`, { skip }, async () => {
    const label = seed.label!;
    const d = await readDisclosure(new Uint8Array(readFileSync(seed.path)), seed.name);
    const f = factsOf(d);
    const misses: string[] = [];
    const expect = (what: string, ok: boolean) => { if (!ok) misses.push(what); };
    expect(`entity ${label.entity} got ${f.entity}`, !!f.entity && (normName(f.entity).includes(normName(label.entity)) || normName(label.entity).includes(normName(f.entity))));
    expect(`year ${label.year} got ${f.year}`, f.year === label.year);
    expect(`unit ${label.unit} got ${f.unit}`, f.unit === label.unit);
    expect(`kind ${label.kind} got ${f.kind}`, f.kind === label.kind);
    for (const [t, s] of Object.entries(label.tables)) expect(`table ${t} ${s} got ${f.tables[t]}`, (f.tables[t] ?? 'absent') === s);
    const tol = UNIT[label.unit]! / 200;
    const groups: [string, Record<string, string> | undefined, Record<string, string> | undefined][] = [
      ['amounts', label.amounts, f.amounts as Record<string, string>],
      ['expenditureByFunction', label.expenditureByFunction as Record<string, string> | undefined, f.expenditureByFunction],
      ['threePublic.budget', (label.threePublic as { budget?: Record<string, string> } | undefined)?.budget, f.threePublic?.budget as Record<string, string> | undefined],
      ['threePublic.actual', (label.threePublic as { actual?: Record<string, string> } | undefined)?.actual, f.threePublic?.actual as Record<string, string> | undefined],
    ];
    for (const [g, want, got] of groups) {
      for (const [k, printed] of Object.entries(want ?? {})) {
        const v = got?.[k];
        expect(`${g}.${k} ${printed}${label.unit} got ${v ?? 'nothing'}`, v !== undefined && Math.abs(yuanToFen(v) - toFen(printed, label.unit)) <= tol);
      }
    }
    for (const p of (label.performance as { project: string; unit?: string; annualBudget?: string; executed?: string; executionRate?: string; totalScore?: string; grade?: string }[] | undefined) ?? []) {
      const c = (f.performance ?? []).find((q) => { const a = normName(q.project), b = normName(p.project); return !!a && (a.includes(b) || b.includes(a)); });
      expect(`performance "${p.project}" found`, !!c);
      if (!c) continue;
      const pu = p.unit ?? label.unit;
      for (const k of ['annualBudget', 'executed'] as const) if (p[k] !== undefined) expect(`${p.project}.${k} ${p[k]} got ${c[k]}`, c[k] !== undefined && Math.abs(yuanToFen(c[k]!) - toFen(p[k]!, pu)) <= UNIT[pu]! / 200);
      for (const k of ['executionRate', 'totalScore'] as const) if (p[k] !== undefined) expect(`${p.project}.${k} ${p[k]} got ${c[k]}`, c[k] !== undefined && Math.abs(Number(c[k]) - Number(p[k])) <= 0.011);
      if (p.grade !== undefined) expect(`${p.project}.grade ${p.grade} got ${c.grade}`, c.grade === p.grade);
    }
    assert.deepEqual(misses, []);
  });
}
