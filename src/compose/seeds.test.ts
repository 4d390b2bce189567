/**
 * Composing each seed's figures gives tables that agree with the seed: the seed is read, its leaf
 * rows become a compose input (inputFromDisclosure), and the composed totals are compared with the
 * hand-written labels within the rounding the leaves allow. Skipped when the corpus is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusAvailable, seeds, SKIP_MESSAGE } from '../../test/support/corpus.js';
import { parseAmount, roundingToleranceFen, type Unit } from '../model/index.js';
import { readDisclosureFile } from '../ingest/index.js';
import { factsOf } from '../facts/facts.js';
import { composeDisclosure } from './index.js';
import { inputFromDisclosure, priorFromDisclosure } from './from-disclosure.js';

/** Key figure → the table whose leaves compose it (compared only when the seed prints that table). */
const KEYS = {
  incomeTotal: 'T02', expenditureTotal: 'T03', basicExpenditure: 'T03', projectExpenditure: 'T03',
  generalBudgetExpenditure: 'T05', personnelExpense: 'T06', publicExpense: 'T06',
} as const;

test('composing each seed’s figures gives tables that agree with the seed', { skip: !corpusAvailable() && SKIP_MESSAGE }, async () => {
  let compared = 0;
  for (const seed of seeds()) {
    const read = await readDisclosureFile(seed.path);
    const input = inputFromDisclosure(read);
    if (!input.expenditure?.length) continue; // a performance report without the nine tables
    const composed = composeDisclosure(input);
    const facts = factsOf(composed);
    const unit = seed.label.unit as Unit;
    const leaves = Math.max(input.income?.length ?? 0, input.expenditure.length, 1);
    const tolerance = roundingToleranceFen(unit, 2, leaves);
    for (const [key, from] of Object.entries(KEYS)) {
      if (seed.label.tables[from] !== 'present') continue;
      const expected = seed.label.amounts[key];
      const got = facts.amounts[key as keyof typeof facts.amounts];
      if (expected === undefined || got === undefined) continue;
      const diff = Math.abs(parseAmount(got, '元')!.fen - parseAmount(expected, unit)!.fen);
      assert.ok(diff <= tolerance, `${seed.name} ${key}: composed ${got} 元, seed ${expected} ${unit}`);
      compared++;
    }
    if (seed.label.tables.T03 !== 'present') continue;
    for (const [code, expected] of Object.entries((seed.label.expenditureByFunction as Record<string, string> | undefined) ?? {})) {
      const got = facts.expenditureByFunction?.[code];
      assert.ok(got !== undefined, `${seed.name} 类 ${code} composed`);
      assert.ok(Math.abs(parseAmount(got, '元')!.fen - parseAmount(expected, unit)!.fen) <= tolerance, `${seed.name} 类 ${code}: ${got} vs ${expected}`);
      compared++;
    }
  }
  assert.ok(compared > 20, `compared ${compared} figures`);
});

test('a seed read as last year gives this year’s prior figures', { skip: !corpusAvailable() && SKIP_MESSAGE }, async () => {
  const seed = seeds().find((s) => s.label.amounts.grandTotal && s.label.tables.T01 === 'present')!;
  const prior = priorFromDisclosure(await readDisclosureFile(seed.path), seed.label.unit as Unit);
  assert.equal(prior.grandTotal, seed.label.amounts.grandTotal!.replace(/,/g, ''));
  assert.ok(prior.byCategory && Object.keys(prior.byCategory).length > 0);
});
