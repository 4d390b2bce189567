/**
 * The narrative recognizers on the real documents of ../shared/corpus (skipped when absent): the
 * figures of seeds 000, 002 and 004 with their subject and role, the meta of every seed, and the
 * amounts factsFromText reads from seeds 003 and 004 (documents without the nine tables) against
 * their labels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Disclosure, Figure, Section, Sentence } from '../../model/index.js';
import { parseAmount } from '../../model/money.js';
import { corpusAvailable, seeds, SKIP_MESSAGE, type SeedLabel } from '../../../test/support/corpus.js';
import { factsFromText } from '../../facts/from-text.js';
import { readText } from '../text/read-text.js';
import { recognizeMeta } from './meta.js';
import { recognizePerformance } from './performance.js';
import { recognizeSections } from './sections.js';
import { recognizeTables } from './tables.js';

const skip = !corpusAvailable() && SKIP_MESSAGE;

function read(prefix: string): { d: Disclosure; label: SeedLabel } {
  const seed = seeds().find((s) => s.name.startsWith(prefix));
  if (!seed) throw new Error(`seed ${prefix} not found`);
  const raw = readText(readFileSync(seed.path), seed.name);
  const t = recognizeTables(raw);
  const consumed = new Set(t.consumed);
  const perf = recognizePerformance(raw, consumed);
  for (const l of perf.consumed) consumed.add(l);
  const sections = recognizeSections(raw, consumed);
  const meta = recognizeMeta(raw, { tables: t.tables, sections, performance: perf.evaluations });
  const d: Disclosure = { meta, source: { format: 'text' }, toc: t.toc, tables: t.tables, sections, performance: perf.evaluations, lines: [], ordinals: [], notFound: [], warnings: [] };
  return { d, label: seed.label };
}

function sentences(sections: Section[]): Sentence[] {
  return sections.flatMap((s) => [...s.paragraphs.flatMap((p) => p.sentences), ...sentences(s.children)]);
}

function figure(d: Disclosure, printed: string, pred: (f: Figure) => boolean = () => true): { f: Figure; s: Sentence } {
  for (const s of sentences(d.sections)) for (const f of s.figures) if (f.printed === printed && pred(f)) return { f, s };
  throw new Error(`no figure ${printed}`);
}

test('seed 000: completion 130.53% of 住房保障支出 with its budget and actual; the 下降% placeholders', { skip }, () => {
  const { d } = read('000');
  const { f, s } = figure(d, '130.53%');
  assert.deepEqual([f.role, f.subject], ['completion', '住房保障支出']);
  const budget = s.figures.find((x) => x.role === 'budget')!;
  const value = s.figures.find((x) => x.role === 'value' && x.kind === 'amount')!;
  assert.deepEqual([budget.printed, budget.subject, value.printed, value.subject], ['18.57 万元', '住房保障支出', '24.25 万元', '住房保障支出']);
  const placeholders = sentences(d.sections).flatMap((x) => x.figures).filter((x) => x.kind === 'placeholder');
  assert.equal(placeholders.length, 5);
  assert.ok(placeholders.every((x) => x.printed === '下降%' && x.role === 'change-rate' && x.direction === 'decrease'));
  const rate = figure(d, '53.94%').f;
  assert.deepEqual([rate.subject, rate.role, rate.direction], ['公用经费', 'change-rate', 'decrease']);
  assert.equal(figure(d, '53.95%').f.subject, '机关运行经费');
  const total = figure(d, '2502.70 万元', (x) => x.role === 'budget' || x.subject === '支出合计').f;
  assert.equal(total.amount?.fen, 2_502_700_000);
});

test('seed 000: the 目录 is not the body; sections carry their topics', { skip }, () => {
  const { d } = read('000');
  const parts = d.sections.map((s) => s.number);
  assert.deepEqual(parts, ['第一部分', '第二部分', '第三部分', '第四部分', '第五部分']);
  const topics = new Set<string>();
  const walk = (s: Section) => { if (s.topic) topics.add(s.topic); s.children.forEach(walk); };
  d.sections.forEach(walk);
  for (const t of ['duties', 'organization', 'income-expenditure-overview', 'three-public', 'operating-expense', 'procurement', 'state-assets', 'other-matters', 'performance', 'glossary']) {
    assert.ok(topics.has(t), t);
  }
});

test('seed 002: 年初预算 2,060.9 and completion 11.58% of 一般公共预算财政拨款支出', { skip }, () => {
  const { d } = read('002');
  const { f, s } = figure(d, '2,060.9万元');
  assert.deepEqual([f.role, f.subject, f.amount?.fen], ['budget', '一般公共预算财政拨款支出', 2_060_900_000]);
  const completion = s.figures.find((x) => x.role === 'completion')!;
  assert.deepEqual([completion.printed, completion.value, completion.decimals], ['11.58%', '11.58', 2]);
  assert.equal(figure(d, '3778.51万元').f.role, 'value');
  const machine = figure(d, '1.81万元').f;
  assert.deepEqual([machine.role, machine.direction, machine.subject], ['change', 'decrease', '机关运行经费支出']);
});

test('seed 004: a decrease of 医疗保障经办事务, 预决算差异率, 政府采购 and counts', { skip }, () => {
  const { d } = read('004');
  const down = figure(d, '12.80 万元').f;
  assert.deepEqual([down.role, down.direction], ['change', 'decrease']);
  assert.match(down.subject ?? '', /医疗保障经办事务/);
  const diff = figure(d, '-26.35%').f;
  assert.deepEqual([diff.cue, diff.value], ['预决算差异率', '-26.35']);
  assert.equal(figure(d, '1,002.73 万元').f.subject, '政府采购支出总额');
  assert.deepEqual([figure(d, '2 批次').f.role, figure(d, '2 批次').f.subject], ['count', '单位全年安排的国内公务接待']);
});

test('seeds: entity, year, kind and unit as labelled', { skip }, () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    const { d, label } = read(prefix);
    const entity = d.meta.entity ?? '';
    assert.ok(entity && (entity.includes(label.entity) || label.entity.includes(entity)), `${prefix}: ${entity} vs ${label.entity}`);
    assert.deepEqual([d.meta.year, d.meta.kind, d.meta.unit], [label.year, label.kind, label.unit], prefix);
  }
});

function yuanOf(printed: string, unit: '元' | '万元'): number {
  return parseAmount(printed, unit)!.fen;
}

function assertGroup(prefix: string, what: string, want: Record<string, string> | undefined, got: Record<string, string> | undefined, unit: '元' | '万元', missing: string[] = []) {
  for (const [key, printed] of Object.entries(want ?? {})) {
    if (missing.includes(key)) continue;
    const g = got?.[key];
    assert.ok(g !== undefined, `${prefix} ${what}.${key}: nothing, want ${printed}`);
    assert.equal(yuanOf(g, '元'), yuanOf(printed, unit), `${prefix} ${what}.${key}`);
  }
}

test('seeds 003 and 004: factsFromText gives the labelled amounts', { skip }, () => {
  for (const prefix of ['003', '004']) {
    const { d, label } = read(prefix);
    const facts = factsFromText(d);
    const tp = label['threePublic'] as { budget?: Record<string, string>; actual?: Record<string, string> } | undefined;
    assertGroup(prefix, 'amounts', label.amounts, facts.amounts, label.unit);
    assertGroup(prefix, 'expenditureByFunction', label['expenditureByFunction'] as Record<string, string> | undefined, facts.expenditureByFunction, label.unit);
    // 003 states no 公务接待费 budget in its text (the label takes it from the 三公 total).
    assertGroup(prefix, 'threePublic.budget', tp?.budget, facts.threePublic?.budget, label.unit, prefix === '003' ? ['reception'] : []);
    assertGroup(prefix, 'threePublic.actual', tp?.actual, facts.threePublic?.actual, label.unit);
  }
});
