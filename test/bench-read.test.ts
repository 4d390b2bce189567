import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleDisclosureText } from './support/sample-disclosure.js';
import { benchRead, READ_STAGES } from '../bench/read.js';

test('benchRead: a median per recognizer and in total for each document, and their mean', async () => {
  const documents = [2022, 2023].map((year) => ({ name: `sample-${year}.txt`, bytes: new TextEncoder().encode(sampleDisclosureText({ year })) }));
  const r = await benchRead({ documents, runs: 3, warmup: 1 });
  assert.equal(r.source, 'given');
  assert.deepEqual(r.documents.map((d) => d.name), ['sample-2022.txt', 'sample-2023.txt']);
  for (const d of r.documents) {
    for (const s of READ_STAGES) {
      assert.ok(Number.isFinite(d.ms[s]) && d.ms[s] >= 0, `${d.name} ${s}`);
      assert.ok(d.minMs[s] <= d.ms[s], `${d.name} ${s}: the fastest run is no slower than the median`);
    }
    assert.ok(d.ms.total > 0 && d.kb > 0);
  }
  for (const s of READ_STAGES) {
    assert.equal(r.ms[s], (r.documents[0]!.ms[s] + r.documents[1]!.ms[s]) / 2);
    assert.equal(r.minMs[s], (r.documents[0]!.minMs[s] + r.documents[1]!.minMs[s]) / 2);
  }
});

test('benchRead: an unreadable document is an error, not a number', async () => {
  await assert.rejects(benchRead({ documents: [{ name: 'empty.txt', bytes: new Uint8Array() }], runs: 1, warmup: 0 }));
});
