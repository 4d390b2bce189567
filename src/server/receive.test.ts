import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { receive, scratchBuffers } from './receive.js';

async function* partsOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

test('an upload received part by part has its bytes and its SHA-256, across scratch growth', async () => {
  for (const total of [0, 1, 1000, 256 * 1024, 3 * 1024 * 1024 + 17]) {
    const bytes = randomBytes(total);
    const r = await receive(partsOf(bytes, 65_536));
    assert.equal(r.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual(Buffer.from(r.view), bytes);
    const kept = r.keep();
    r.release();
    assert.deepEqual(Buffer.from(kept), bytes, 'kept bytes survive the release of the scratch buffer');
  }
});

test('scratch buffers are reused, and a release is counted once', async () => {
  const before = scratchBuffers();
  const a = await receive(partsOf(randomBytes(5000), 100));
  a.release();
  a.release();
  assert.equal(scratchBuffers(), Math.max(before, 1));
  const b = await receive(partsOf(randomBytes(5000), 100));
  assert.equal(scratchBuffers(), Math.max(before, 1) - 1, 'the second upload took the buffer the first gave back');
  b.release();
});

test('a stream that fails gives its scratch buffer back and the error to the caller', async () => {
  const before = scratchBuffers();
  async function* broken(): AsyncGenerator<Buffer> {
    yield Buffer.from('abc');
    throw new Error('connection reset');
  }
  await assert.rejects(receive(broken()), /connection reset/);
  assert.equal(scratchBuffers(), Math.max(before, 1));
});
