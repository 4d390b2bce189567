import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collapseSpaces, LineSink, normalizeCell, normalizeText } from './normalize.js';

test('normalizeText maps CJK Radicals Supplement and Kangxi radicals to ideographs', () => {
  assert.equal(normalizeText('部\u2ed4决算'), '部门决算');
  assert.equal(normalizeText('项\u2f6c支出'), '项目支出');
  assert.equal(normalizeText('\u2ecb辆\u2ee2上'), '车辆马上');
});

test('normalizeText turns odd spaces into spaces and drops zero-width characters', () => {
  assert.equal(normalizeText('a\u00a0b\u200bc\ufeff'), 'a bc');
});

test('normalizeText keeps full-width punctuation and circled numbers of display text', () => {
  assert.equal(normalizeText('金额单位：万元（一）①'), '金额单位：万元（一）①');
});

test('normalizeCell rewrites full-width digits of numeric cells only', () => {
  assert.equal(normalizeCell('１，２３４．５６'), '1,234.56');
  assert.equal(normalizeCell('（１２．５０）'), '(12.50)');
  assert.equal(normalizeCell('９８％'), '98%');
  assert.equal(normalizeCell('第１部分'), '第１部分');
});

test('collapseSpaces joins lines broken between Chinese characters and keeps other spaces', () => {
  assert.equal(collapseSpaces('  本年收入\n  合计 '), '本年收入合计');
  assert.equal(collapseSpaces('第一部分 部门概况'), '第一部分 部门概况');
  assert.equal(collapseSpaces('total\nincome\u3000x'), 'total income x');
});

test('LineSink numbers lines from 1; table rows keep trailing blanks, other lines drop them; blank lines skipped', () => {
  const sink = new LineSink();
  sink.add(['a', 'b', '', '']);
  assert.equal(sink.add(['', '']), undefined);
  sink.add(['只有一格', ''], { page: 2, cellX: [{ x0: 1, x1: 2 }, { x0: 3, x1: 4 }] });
  assert.deepEqual(sink.lines.map((l) => [l.line, l.text, l.tabular]), [[1, 'a\tb\t\t', true], [2, '只有一格', false]]);
  assert.equal(sink.lines[1]!.page, 2);
  assert.equal(sink.lines[1]!.cellX!.length, 1);
});
