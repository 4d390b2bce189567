import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Semaphore } from './limits.js';

test('semaphore: at most max holders, the others served in arrival order as slots are released', async () => {
  const s = new Semaphore(2);
  const order: string[] = [];
  await s.acquire();
  await s.acquire();
  const c = s.acquire().then(() => order.push('c'));
  const d = s.acquire().then(() => order.push('d'));
  await Promise.resolve();
  assert.equal(s.queued, 2);
  assert.deepEqual(order, []);
  s.release();
  await c;
  assert.deepEqual(order, ['c']);
  s.release();
  await d;
  assert.deepEqual(order, ['c', 'd']);
  s.release();
  s.release();
  await s.acquire(); // free slots again: no wait
  assert.equal(s.queued, 0);
});
