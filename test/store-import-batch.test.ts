/**
 * An import without the queue (in process) of many files is a batch too: its progress (done / failed /
 * waiting) is read by `juesuan batch status` and /api/batches like a queued one's, items recorded as
 * they settle, the ones not recorded yet counted as waiting.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/store/db.js';
import { batchProgress, createBatch, listBatches, recordSettled } from '../src/store/batches.js';
import { importFiles } from '../src/cli/import-command.js';
import { sampleDisclosureText } from './support/sample-disclosure.js';

test('import in process: a batch with the progress of every file (added, already stored, unreadable), waiting until recorded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-import-batch-'));
  const o = await openDb(join(dir, 'corpus.sqlite'));
  try {
    const files = ['a.txt', 'b.txt', 'empty.txt', 'a-again.txt'].map((f) => join(dir, f));
    writeFileSync(files[0]!, sampleDisclosureText({ year: 2022 }));
    writeFileSync(files[1]!, sampleDisclosureText({ year: 2023 }));
    writeFileSync(files[2]!, '');
    writeFileSync(files[3]!, sampleDisclosureText({ year: 2022 }));
    const batch = await createBatch(o.db, { kind: 'import', label: 'import test', user: 'cli', total: files.length });
    const before = (await batchProgress(o.db, batch))!;
    assert.equal(before.waiting, 4);
    assert.equal(before.finished, false);
    const s = await importFiles(o.db, files, undefined, undefined, batch);
    assert.equal(s.added, 2);
    const p = (await batchProgress(o.db, batch))!;
    assert.equal(p.total, 4);
    assert.equal(p.done, 4);
    assert.equal(p.waiting, 0);
    assert.equal(p.finished, true);
    assert.deepEqual(p.byState, { added: 2, existing: 1, unreadable: 1 });
    assert.deepEqual(p.problems.map((x) => [x.name, x.state, x.error]), [['empty.txt', 'unreadable', 'empty file']]);
    assert.equal((await listBatches(o.db))[0]?.id, batch);
    // part-way: what is not recorded yet waits
    const half = await createBatch(o.db, { kind: 'import', total: 3 });
    await recordSettled(o.db, half, 2, { name: 'x.txt', state: 'failed', error: 'internal error: boom' });
    const h = (await batchProgress(o.db, half))!;
    assert.deepEqual([h.done, h.failed, h.waiting, h.finished], [0, 1, 2, false]);
  } finally {
    await o.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
