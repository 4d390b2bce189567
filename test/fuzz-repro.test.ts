/**
 * Every input the fuzz runs found failing (test/fuzz/repro/, saved by scripts/fuzz.ts) read the way
 * the fuzz reads it (read → facts → check in a worker process): each must now be read or refused
 * with a clear one-line error. The name says what it broke; large ones are gzipped (NAME.gz).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { FAILURES } from './fuzz/classify.js';
import { FuzzPool } from './fuzz/runner.js';

const dir = join(fileURLToPath(import.meta.url), '..', 'fuzz', 'repro');

/**
 * Reproducers found but not fixed yet: reported as todo (they show in the output without failing
 * the run) until their cause is fixed; then remove them from here.
 */
const KNOWN_OPEN: Record<string, string> = {};
const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort();

test('fuzz reproducers are read or refused clearly', { timeout: 900_000 }, async (t) => {
  const pool = new FuzzPool({ workers: 1, timeoutMs: 10_000, wallFactor: 30, memoryBytes: 1.5 * 2 ** 30, recycleEvery: 1 });
  try {
    for (const file of files) {
      // Large reproducers are stored gzipped (NAME.gz is read as NAME).
      const stored = readFileSync(join(dir, file));
      const bytes = new Uint8Array(file.endsWith('.gz') ? gunzipSync(stored) : stored);
      const name = file.replace(/\.gz$/, '');
      await t.test(file, async (st) => {
        const r = await pool.run(name, bytes);
        st.diagnostic(`${file}: ${r.outcome} in ${r.cpuMs.toFixed(0)} ms CPU${r.message ? `: ${r.message.slice(0, 200)}` : ''}`);
        if (KNOWN_OPEN[file] && FAILURES.includes(r.outcome)) {
          st.todo(`${KNOWN_OPEN[file]} — ${r.outcome}: ${r.message ?? ''}`);
          return;
        }
        assert.ok(!FAILURES.includes(r.outcome), `${file}: ${r.outcome}: ${r.message ?? ''}`);
      });
    }
  } finally {
    pool.close();
  }
});
