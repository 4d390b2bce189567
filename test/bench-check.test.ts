import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchCheck, formatCheckBench } from '../bench/check.js';
import { sampleDisclosureText } from './support/sample-disclosure.js';

test('benchCheck times each document and names the slowest rules', async () => {
  const bytes = new TextEncoder().encode(sampleDisclosureText({ year: 2023 }));
  const b = await benchCheck({ reps: 2, documents: [{ name: 'sample.txt', bytes }], slowest: 5 });
  assert.equal(b.documents.length, 1);
  assert.ok(b.documents[0]!.medianMs > 0);
  assert.ok(b.documents[0]!.minMs <= b.documents[0]!.medianMs);
  assert.equal(b.medianMs, b.documents[0]!.medianMs);
  assert.equal(b.totalMs, b.documents[0]!.medianMs);
  assert.equal(b.slowestRules.length, 5);
  for (let i = 1; i < b.slowestRules.length; i++) assert.ok(b.slowestRules[i - 1]!.ms >= b.slowestRules[i]!.ms);
  for (const r of b.slowestRules) assert.match(r.rule, /^[a-z0-9]+(\.[a-z0-9-]+)+$/);
  const text = formatCheckBench(b);
  assert.match(text, /sample\.txt/);
  assert.match(text, /slowest rules/);
});
