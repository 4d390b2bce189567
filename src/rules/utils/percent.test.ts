import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount } from '../../model/index.js';
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
