import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearTextMemos, memoByText } from './performance-memo.js';

test('memoByText computes each text once, undefined and null results included', () => {
  const seen: string[] = [];
  const f = memoByText((t: string) => { seen.push(t); return t === 'a' ? undefined : t === 'b' ? null : t.length; });
  assert.equal(f('a'), undefined);
  assert.equal(f('a'), undefined);
  assert.equal(f('b'), null);
  assert.equal(f('b'), null);
  assert.equal(f('xyz'), 3);
  assert.equal(f('xyz'), 3);
  assert.deepEqual(seen, ['a', 'b', 'xyz']);
});

test('memoByText does not keep long texts, and clearTextMemos empties the caches', () => {
  let calls = 0;
  const f = memoByText((t: string) => { calls++; return t.length; });
  const long = '表'.repeat(5000);
  assert.equal(f(long), 5000);
  assert.equal(f(long), 5000);
  assert.equal(calls, 2);
  f('短');
  f('短');
  assert.equal(calls, 3);
  clearTextMemos();
  f('短');
  assert.equal(calls, 4);
});
