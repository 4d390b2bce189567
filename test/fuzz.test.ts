/**
 * The brief fuzz run of `npm test`: a few hundred mutated documents of every format (fixed seed,
 * so the same cases every run), each read → facts → check in a worker process. Every case must be
 * read or refused with a clear one-line error: no crash, no raw JavaScript message, no hang, no
 * memory breach. The budgets here are generous (a loaded machine must not make it flaky); the long
 * run (`npx tsx scripts/fuzz.ts`) holds cases to 10 s and 1 GB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAILURES } from './fuzz/classify.js';
import { mutate } from './fuzz/mutate.js';
import { caseSeed, Rng } from './fuzz/rng.js';
import { FuzzPool } from './fuzz/runner.js';
import { sampleSeeds } from './fuzz/seeds.js';

const RUN_SEED = 20261205;
const CASES_PER_SEED = Number(process.env.JUESUAN_FUZZ_CASES ?? 20);

test('fuzz (brief): mutated documents of every format are read or refused clearly', { timeout: 900_000 }, async (t) => {
  const seeds = await sampleSeeds();
  const pool = new FuzzPool({ workers: 1, timeoutMs: 30_000, wallFactor: 6, memoryBytes: 1.5 * 2 ** 30, recycleEvery: 100 });
  const failures: string[] = [];
  const counts = new Map<string, number>();
  let peak = 0;
  try {
    let index = 0;
    for (const seed of seeds) {
      for (let k = 0; k < CASES_PER_SEED; k++, index++) {
        const m = mutate(seed, seeds, new Rng(caseSeed(RUN_SEED, index)));
        const r = await pool.run(m.name, m.bytes);
        counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
        peak = Math.max(peak, r.peakRss);
        if (FAILURES.includes(r.outcome)) failures.push(`case ${index} (${seed.name} → ${m.name}, ${m.ops.join(' + ')}): ${r.outcome}: ${r.message ?? ''}`);
      }
    }
  } finally {
    pool.close();
  }
  t.diagnostic(`${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
  assert.deepEqual(failures, []);
});
