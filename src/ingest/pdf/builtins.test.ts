import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedBuiltins, snapshotBuiltins } from './builtins.js';
import { readDisclosure } from '../index.js';
import { pdfkitBytes, findCjkFont, NO_CJK_FONT } from '../../../test/fixtures-formats/write-pdf.js';
import { SAMPLE } from '../../../test/fixtures-formats/sample.js';

// Taken before any reader is loaded: the readers (and pdf.js, the fast reader's fallback) must leave
// every built-in as it was — core-js in pdf.js's legacy build replaces Array.prototype.push,
// JSON.parse/stringify and Function.prototype.toString for the whole process unless guarded.
const snapshot = snapshotBuiltins();
const font = findCjkFont();

test('no built-in is replaced after loading and using the readers, pdf.js included', { skip: !font && NO_CJK_FONT }, async () => {
  const pdf = await pdfkitBytes(font!, SAMPLE, {});
  const saved = process.env.JUESUAN_PDF_ENGINE;
  try {
    await readDisclosure(pdf, 'a.pdf');
    process.env.JUESUAN_PDF_ENGINE = 'pdfjs';
    await readDisclosure(pdf, 'b.pdf');
  } finally {
    if (saved === undefined) delete process.env.JUESUAN_PDF_ENGINE;
    else process.env.JUESUAN_PDF_ENGINE = saved;
  }
  await readDisclosure(new TextEncoder().encode('2023年度部门决算\n一、部门概况\n'), 'c.txt').catch(() => undefined);
  assert.deepEqual(changedBuiltins(snapshot), []);
});

test('the guard sees a replaced prototype method', () => {
  const snap = snapshotBuiltins();
  const push = Array.prototype.push;
  try {
    Array.prototype.push = function (...items: unknown[]) {
      return push.apply(this, items);
    };
    assert.deepEqual(changedBuiltins(snap), ['Array.prototype.push']);
  } finally {
    Array.prototype.push = push;
  }
  assert.deepEqual(changedBuiltins(snap), []);
});
