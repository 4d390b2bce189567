import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecentRefusals } from './refusals.js';

test('recent refusals: remembered by hash, the oldest dropped past the bound, forgotten after the time bound', () => {
  let t = 0;
  const r = new RecentRefusals({ max: 2, ttlMs: 1000, now: () => t });
  r.set('a', 'zip bomb');
  r.set('b', 'not a disclosure');
  assert.equal(r.get('a'), 'zip bomb');
  r.set('c', 'damaged PDF'); // 'b' is now the oldest (reading 'a' does not refresh it; setting does)
  assert.equal(r.size, 2);
  assert.equal(r.get('a'), undefined);
  assert.equal(r.get('b'), 'not a disclosure');
  t = 1500;
  assert.equal(r.get('c'), undefined);
  assert.equal(r.get('unknown'), undefined);
});
