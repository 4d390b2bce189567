import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareCodeName, joinCodeParts, normalizeCodeName, splitFunctionCode } from './code-names.js';
import { allFunctionCodes } from './function-codes.js';

test('normalizeCodeName removes bracket width, quotes, spaces, ordinals and level markers', () => {
  assert.equal(normalizeCodeName(' 九、卫生健康支出（类） '), '卫生健康支出');
  assert.equal(normalizeCodeName('中医（民族）医院'), normalizeCodeName('中医(民族)医院'));
  assert.equal(normalizeCodeName('“两庭”建设'), '两庭建设');
  assert.equal(normalizeCodeName('其中：教育收费'), '教育收费');
  assert.equal(normalizeCodeName('（一）公务接待费'), '公务接待费');
});

test('every catalogue name matches itself exactly, and its cut-off starts are truncated', () => {
  const names = allFunctionCodes().map((c) => c.name);
  fc.assert(fc.property(fc.constantFrom(...names), fc.nat(), (name, k) => {
    assert.equal(compareCodeName(name, name), 'exact');
    const n = normalizeCodeName(name);
    const minLen = Math.max(4, Math.ceil(n.length / 2));
    if (n.length <= minLen) return;
    const len = minLen + (k % (n.length - minLen));
    assert.equal(compareCodeName(n.slice(0, len), name), 'truncated');
  }));
});

test('splitFunctionCode and joinCodeParts round-trip every catalogue code', () => {
  for (const c of allFunctionCodes()) {
    const parts = splitFunctionCode(c.code);
    assert.equal(parts.at(-1), c.code);
    assert.equal(joinCodeParts(parts), c.code);
    if (c.code.length === 7) assert.equal(joinCodeParts([c.code.slice(0, 3), c.code.slice(3, 5), c.code.slice(5)]), c.code);
  }
});
