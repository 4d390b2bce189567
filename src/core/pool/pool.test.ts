import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerPool, PoolLimitError, PoolInternalError } from './pool.js';
import { InputError } from '../../ingest/raw.js';
import { sampleDisclosureText } from '../../../test/support/sample-disclosure.js';

process.env.JUESUAN_POOL_SELFTEST = '1';

test('pool: documents are read and checked in workers; an unreadable one is an input error', async () => {
  const pool = new WorkerPool({ size: 2, idleMs: 0 });
  try {
    const bytes = new TextEncoder().encode(sampleDisclosureText({ year: 2023, wrongShare: true }));
    const [report, facts, missing, binary] = await Promise.allSettled([
      pool.run({ op: 'check', input: { bytes, name: 'a.txt' } }),
      pool.run({ op: 'facts', input: { bytes, name: 'a.txt' } }),
      pool.run({ op: 'check', input: { path: '/nonexistent/juesuan.pdf' } }),
      pool.run({ op: 'check', input: { bytes: new Uint8Array([0, 1, 2, 0, 0, 0, 7, 0, 0]), name: 'x.bin' } }),
    ]);
    assert.equal(report.status, 'fulfilled');
    if (report.status === 'fulfilled') assert.ok(report.value.counts.error > 0);
    assert.equal(facts.status === 'fulfilled' && facts.value.amounts.expenditureTotal, '1350000.00');
    assert.ok(missing.status === 'rejected' && missing.reason instanceof InputError && /no such file/.test(missing.reason.message));
    assert.ok(binary.status === 'rejected' && binary.reason instanceof InputError);
  } finally {
    await pool.close();
  }
});

test('pool: a document over its time or memory budget, or one that kills its worker, fails alone and the worker is replaced', async () => {
  const pool = new WorkerPool({ size: 1, idleMs: 0, timeoutMs: 8000, memoryMb: 64 });
  try {
    const results = await Promise.allSettled([
      pool.run({ op: 'selftest', selftest: 'spin', input: { name: 'spin.pdf' } }),
      pool.run({ op: 'selftest', selftest: 'allocate', input: { name: 'bomb.xlsx' } }),
      pool.run({ op: 'selftest', selftest: 'escape', input: { name: 'bitflip.pdf' } }),
      pool.run({ op: 'selftest', selftest: 'exit', input: { name: 'exit.pdf' } }),
      pool.run({ op: 'selftest', selftest: 'echo', input: { name: 'fine.txt' } }),
    ]);
    const [spin, bomb, escaped, exited, fine] = results;
    assert.ok(spin.status === 'rejected' && spin.reason instanceof PoolLimitError && spin.reason.limit === 'time', String(spin.status === 'rejected' && spin.reason));
    assert.match((spin as PromiseRejectedResult).reason.message, /spin\.pdf: not read within 8 s/);
    assert.match((spin as PromiseRejectedResult).reason.hint, /JUESUAN_DOC_TIMEOUT_MS/);
    assert.ok(bomb.status === 'rejected' && bomb.reason instanceof PoolLimitError && bomb.reason.limit === 'memory', String(bomb.status === 'rejected' && bomb.reason));
    assert.match((bomb as PromiseRejectedResult).reason.hint, /JUESUAN_WORKER_MEMORY_MB/);
    assert.ok(escaped.status === 'rejected' && escaped.reason instanceof PoolInternalError && /escaped rejection/.test(escaped.reason.message), String(escaped.status === 'rejected' && escaped.reason));
    assert.ok(exited.status === 'rejected' && exited.reason instanceof PoolInternalError);
    assert.deepEqual(fine, { status: 'fulfilled', value: 'echo' });
    assert.ok(pool.stats.replaced >= 4, JSON.stringify(pool.stats));
  } finally {
    await pool.close();
  }
});

test('pool: workers started with a niceness run at a lower priority than the thread that started them (Linux)', async (t) => {
  const { readdirSync, readFileSync, existsSync } = await import('node:fs');
  if (process.platform !== 'linux' || !existsSync('/proc/self/task')) return t.skip('needs /proc/self/task (Linux)');
  /** niceness of every thread of this process (field 19 of /proc/self/task/TID/stat) */
  const threadNiceness = () =>
    readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
  const own = threadNiceness()[0]!;
  const pool = new WorkerPool({ size: 1, idleMs: 0, niceness: 7 });
  try {
    await pool.run({ op: 'selftest', selftest: 'echo', input: { name: 'fine.txt' } });
    const all = threadNiceness();
    assert.ok(all.includes(Math.min(19, own + 7)), `a thread at niceness ${own + 7}: ${all.join(',')}`);
    assert.equal(all[0], own, 'the main thread keeps its priority');
  } finally {
    await pool.close();
  }
});
