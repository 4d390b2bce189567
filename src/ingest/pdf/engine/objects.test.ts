/** The lexer's tokens, whichever way it finds them: short words, names and hex strings come from
 *  keyed tables (no string made), the others are built; both must give the same tokens. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cmd, EOF, Lexer, Name, Op } from './objects.js';

function tokens(text: string, end?: number): unknown[] {
  const bytes = Buffer.from(text, 'latin1');
  const lx = new Lexer(bytes, 0, end ?? bytes.length);
  const out: unknown[] = [];
  for (;;) {
    const t = lx.next();
    if (t === EOF) return out;
    out.push(t instanceof Name ? { name: t.name } : t instanceof Cmd ? { cmd: t.cmd, op: t.op } : t);
  }
}

test('operators and keywords: the same Cmd, with its number, however often they come; true, false, null', () => {
  const t = tokens('BT /F1 12 Tf ET q Q Tj TJ T* \' " true false null endstream startxref xyz xyz abcdefg');
  assert.deepEqual(t, [
    { cmd: 'BT', op: Op.BT }, { name: 'F1' }, 12, { cmd: 'Tf', op: Op.Tf }, { cmd: 'ET', op: Op.ET },
    { cmd: 'q', op: Op.q }, { cmd: 'Q', op: Op.Q }, { cmd: 'Tj', op: Op.Tj }, { cmd: 'TJ', op: Op.TJ }, { cmd: 'T*', op: Op.TStar },
    { cmd: "'", op: Op.Quote }, { cmd: '"', op: Op.DoubleQuote }, true, false, null,
    { cmd: 'endstream', op: Op.Unknown }, { cmd: 'startxref', op: Op.Unknown },
    { cmd: 'xyz', op: Op.Unknown }, { cmd: 'xyz', op: Op.Unknown }, { cmd: 'abcdefg', op: Op.Unknown },
  ]);
  const bytes = Buffer.from('Tj Tj xyz xyz');
  const lx = new Lexer(bytes);
  const [a, b, c, d] = [lx.next(), lx.next(), lx.next(), lx.next()];
  assert.equal(a, b, 'one Cmd per operator');
  assert.equal(c, d, 'an unknown short word is interned too');
});

test('names: short, long, with #xx escapes, empty; the same Name object each time', () => {
  const t = tokens('/FT16 /GS13 /ABCDEF /ABCDEFG /A#20B /A#20B /#41 / /Span');
  assert.deepEqual(t, [{ name: 'FT16' }, { name: 'GS13' }, { name: 'ABCDEF' }, { name: 'ABCDEFG' }, { name: 'A B' }, { name: 'A B' }, { name: 'A' }, { name: '' }, { name: 'Span' }]);
  const lx = new Lexer(Buffer.from('/FT16 /FT16 /A#41 /AA'));
  const [a, b, c, d] = [lx.next(), lx.next(), lx.next(), lx.next()];
  assert.equal(a, b);
  assert.equal(c, d, '/A#41 is /AA');
});

test('hex strings: one- and two-byte codes, odd digits, spaces, bad digits, long, at the end of the range', () => {
  const t = tokens('<0866> <41> <4> <41 42> <414243> <4G> <> <0866>Tj');
  assert.deepEqual(t, ['\x08\x66', 'A', '\x40', 'AB', 'ABC', '\x40', '', '\x08\x66', { cmd: 'Tj', op: Op.Tj }]);
  // a lexer over part of a buffer stops at its end, even where the bytes after it would close the string
  assert.deepEqual(tokens('<41>', 3), ['A']);
  assert.deepEqual(tokens('<4142>', 5), ['AB']);
  assert.deepEqual(tokens('<41', 3), ['A']);
});
