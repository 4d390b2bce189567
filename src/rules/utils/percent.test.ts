import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatFen, parseAmount } from '../../model/index.js';
import { compareAmounts, comparePercent, compareSum, parsePercent, ratioPercent } from './percent.js';

const a = (s: string, u: '元' | '万元' = '万元') => parseAmount(s, u)!;

test('percent: 130.53% against 24.25 / 18.57 is wrong at the printed precision (130.59)', () => {
  const r = comparePercent('130.53%', a('24.25').fen, a('18.57').fen);
  assert.equal(r.status, 'mismatch');
  assert.equal(r.expected, '130.59');
});

test('percent: a correct printed value matches, at 0, 1 or 2 decimals', () => {
  assert.equal(comparePercent('130.59%', 2425, 1857).status, 'match');
  assert.equal(comparePercent('130.6%', 2425, 1857).status, 'match');
  assert.equal(comparePercent('131%', 2425, 1857).status, 'match');
  assert.equal(comparePercent('100%', 99996, 100000).status, 'match');
});

test('percent: half rounds away from zero; zero base is undefined; placeholder is unparsable', () => {
  assert.equal(ratioPercent(1, 8, 1), '12.5');
  assert.equal(ratioPercent(1, 8, 0), '13');
  assert.equal(ratioPercent(-1, 8, 0), '-13');
  assert.equal(comparePercent('5%', 10, 0).status, 'undefined');
  assert.equal(comparePercent('%', 10, 10).status, 'unparsable');
  assert.equal(comparePercent('5.00%', -5, 100, { absolute: true }).status, 'match');
  assert.equal(parsePercent('１００．５０％')!.value, '100.50');
});

test('amounts: a 0.01 万元 gap over three terms is rounding, a 0.10 gap is a mismatch', () => {
  const terms = [a('26.83'), a('2451.63'), a('24.25')];
  assert.equal(compareSum(a('2502.70'), terms).status, 'rounding');
  assert.equal(compareSum(a('2502.71'), terms).status, 'equal');
  const bad = compareSum(a('2502.81'), terms);
  assert.equal(bad.status, 'mismatch');
  assert.equal(bad.difference, 100_000);
});

test('amounts: 元 sums must be exact to 0.01 元 beyond rounding; signs subtract', () => {
  assert.equal(compareSum(a('3369925.83', '元'), [a('3036516.28', '元'), a('333409.55', '元')]).status, 'equal');
  assert.equal(compareSum(a('10.00', '元'), [a('12.00', '元'), a('2.00', '元')], [1, -1]).status, 'equal');
  assert.equal(compareSum(a('3369925.93', '元'), [a('3036516.28', '元'), a('333409.55', '元')]).status, 'mismatch');
  assert.equal(compareAmounts(a('100.00'), a('1000000.00', '元')).status, 'equal');
});


test('amounts: independently rounded summands never make a mismatch (property)', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000_000 }), { minLength: 1, maxLength: 30 }), (fens) => {
    const print = (fen: number) => parseAmount(formatFen(fen, '万元', 2), '万元')!;
    const total = print(fens.reduce((s, x) => s + x, 0));
    return compareSum(total, fens.map(print)).status !== 'mismatch';
  }));
});

test('amounts: an exact sum is equal, and a gap of more than n half-units is a mismatch (property)', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 100_000_000 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 1000 }), (cents, extra) => {
    const terms = cents.map((c) => parseAmount(formatFen(c * 10_000, '万元', 2), '万元')!);
    const sum = cents.reduce((s, x) => s + x, 0) * 10_000;
    const exact = parseAmount(formatFen(sum, '万元', 2), '万元')!;
    const off = parseAmount(formatFen(sum + (terms.length + 1) * 5_000 + extra * 10_000, '万元', 2), '万元')!;
    return compareSum(exact, terms).status === 'equal' && compareSum(off, terms).status === 'mismatch';
  }));
});

test('percent: ratioPercent agrees with a decimal reference at 2 places (property)', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (num, den) => {
    const got = ratioPercent(num, den, 2)!;
    const ref = (num * 100) / den;
    return Math.abs(Number(got) - ref) <= 0.005 + 1e-9;
  }));
});
