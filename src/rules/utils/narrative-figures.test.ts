import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount, type Figure, type Sentence } from '../../model/index.js';
import { directionOf, locateFigures } from './narrative-figures.js';
import { coreSubject, conceptOf, subjectsOf } from './narrative-subjects.js';

/** A sentence whose figures carry no role or subject (as from a bare number finder). */
function bare(text: string): Sentence {
  const figures: Figure[] = [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(万元|%)/g)].map((m) => {
    const printed = m[0];
    const prov = { line: 1, offset: m.index };
    if (m[2] === '%') return { kind: 'percent', printed, value: m[1]!, decimals: m[1]!.split('.')[1]?.length ?? 0, prov };
    return { kind: 'amount', printed, amount: parseAmount(m[1]!, '万元')!, prov };
  });
  return { text, prov: { line: 1, offset: 0 }, figures };
}

test('narrative-figures: roles are read from the wording when the figure has none', () => {
  const s = bare('住房保障支出年初预算数为 18.57 万元，支出决算为 24.25 万元，完成年初预算的 130.53%，较上年决算数增加 2.00 万元，增长 8.99%，占 0.97%。');
  assert.deepEqual(locateFigures(s).map((f) => f.role), ['budget', 'value', 'completion', 'change', 'change-rate', 'share']);
  assert.equal(locateFigures(s)[3]!.direction, 'increase');
});

test('narrative-figures: a stated prior is recognised over a recognizer role', () => {
  const s = bare('本年支出 0.09 万元，比2020年度的 0.2 万元减少 0.11 万元。');
  s.figures[1]!.role = 'value';
  assert.deepEqual(locateFigures(s).map((f) => f.role), ['value', 'prior', 'change']);
});

test('narrative-figures: directions and subjects', () => {
  assert.equal(directionOf('较上年决算数减少'), 'decrease');
  assert.equal(directionOf('与上年基本持平'), 'flat');
  assert.equal(coreSubject('2023 年度收、支总计均为'), '收、支总计');
  const s = bare('1. **社会保障和就业支出**年初预算数为 25.29 万元，支出决算为 26.83 万元。');
  assert.deepEqual(subjectsOf(s, locateFigures(s)), ['社会保障和就业支出', '社会保障和就业支出']);
  assert.equal(conceptOf('社会保障和就业支出', 'general-budget-expenditure'), 'fn:208');
  assert.equal(conceptOf('“三公”经费支出', 'three-public'), 'threePublic.total');
});
