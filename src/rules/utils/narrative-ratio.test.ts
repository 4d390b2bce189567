import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount } from '../../model/index.js';
import { combine, judgeRate, operand } from './narrative-ratio.js';

const w = (s: string) => operand(parseAmount(s, '万元')!);

test('narrative-ratio: a completion off by more than rounding can explain is a mismatch', () => {
  assert.deepEqual(judgeRate('130.53%', w('24.25'), w('18.57')), { status: 'unlikely', expected: '130.59', decimals: 2 });
  assert.deepEqual(judgeRate('130.43%', w('24.25'), w('18.57')), { status: 'mismatch', expected: '130.59', decimals: 2 });
  assert.equal(judgeRate('130.59%', w('24.25'), w('18.57')).status, 'match');
});

test('narrative-ratio: one unit of the last place, or a gap the operands rounding explains, is rounding', () => {
  assert.equal(judgeRate('53.94%', w('28.4'), combine(w('24.24'), w('28.4'), 1)).status, 'rounding');
  assert.equal(judgeRate('49.94%', w('1.06'), combine(w('1.06'), w('1.06'), 1)).status, 'rounding');
  assert.equal(judgeRate('93.90%', w('0.14'), w('0.15')).status, 'rounding');
});

test('narrative-ratio: zero base, missing number and signs', () => {
  assert.equal(judgeRate('100%', w('10.00'), w('0.00')).status, 'undefined');
  assert.equal(judgeRate('%', w('1'), w('2')).status, 'unparsable');
  assert.equal(judgeRate('-26.35%', combine(w('980.46'), w('1,331.27'), -1), w('1,331.27')).status, 'match');
  assert.equal(judgeRate('26.35%', combine(w('980.46'), w('1,331.27'), -1), w('1,331.27'), { absolute: true }).status, 'match');
  assert.equal(judgeRate('26.35%', combine(w('980.46'), w('1,331.27'), -1), w('1,331.27')).status, 'mismatch');
});

test('narrative-ratio: wrong over the whole rounding range of the inputs is a mismatch, even one unit of the last place off', () => {
  // 101.48 ÷ (6106.99 − 101.48) = 1.6898…%: no value inside the operands' rounding gives 1.66% (nor 1.68%).
  assert.equal(judgeRate('1.66%', w('101.48'), combine(w('6106.99'), w('101.48'), -1)).status, 'mismatch');
  assert.equal(judgeRate('1.68%', w('101.48'), combine(w('6106.99'), w('101.48'), -1)).status, 'mismatch');
  // 130.53% of 24.25 ÷ 18.57 = 130.587…: reachable only at the very edge of the operands' rounding.
  assert.equal(judgeRate('130.53%', w('24.25'), w('18.57')).status, 'unlikely');
});
