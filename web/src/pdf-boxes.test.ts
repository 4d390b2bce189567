import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dice, findBoxes, visualLines, type TextRect } from './pdf-boxes';

/** A page of text items: each row a list of [text, left]; rows 20 px apart, 10 px per character. */
function page(rows: [string, number][][]): TextRect[] {
  return rows.flatMap((r, i) => r.map(([str, left]) => ({ str, left, top: 100 + 20 * i, width: 10 * str.length, height: 12 })));
}

const items = page([
  [['支出决算表', 50]],
  [['合计', 20], ['135.00', 200], ['100.00', 300], ['35.00', 400]],
  [['2080101', 20], ['行政运行', 100], ['90.00', 200], ['90.00', 300]],
  [['合计', 20], ['135.00', 200], ['100.00', 300], ['35.00', 400]],
]);

test('pdf boxes: items grouped into visual lines left to right', () => {
  const lines = visualLines(items);
  assert.equal(lines.length, 4);
  assert.equal(lines[2]!.s, '2080101行政运行90.0090.00');
});

test('pdf boxes: the evidence in the cited line, the repeated figure chosen by the cell', () => {
  const r = findBoxes(items, { lineText: '2080101\t行政运行\t90.00\t90.00', rel: 0.66, evidence: '90.00', cell: 3 });
  assert.equal(r.precision, 'cell');
  assert.equal(r.boxes.length, 1);
  assert.equal(Math.round(r.boxes[0]!.left), 300);
  assert.equal(Math.round(r.boxes[0]!.top), 140);
});

test('pdf boxes: identical lines told apart by their order on the page', () => {
  const first = findBoxes(items, { lineText: '合计\t135.00\t100.00\t35.00', rel: 0.3, evidence: '35.00' });
  const second = findBoxes(items, { lineText: '合计\t135.00\t100.00\t35.00', rel: 1, evidence: '35.00' });
  assert.equal(Math.round(first.boxes[0]!.top), 120);
  assert.equal(Math.round(second.boxes[0]!.top), 160);
});

test('pdf boxes: evidence not printed in the line → the line is boxed, and said so', () => {
  const r = findBoxes(items, { lineText: '2080101\t行政运行\t90.00\t90.00', rel: 0.66, evidence: '77.00' });
  assert.equal(r.precision, 'line');
  assert.equal(Math.round(r.boxes[0]!.left), 20);
});

test('pdf boxes: a line not on the page → nothing boxed', () => {
  assert.equal(findBoxes(items, { lineText: '公务接待费 1.20', rel: 0 }).precision, 'none');
  assert.ok(dice('abc', 'abd') < 1);
});

test('pdf boxes: an evidence broken over two printed lines → its part on the cited line', () => {
  const wrapped = page([[['支出 110 万元，占“三公”经费的', 20]], [['18.85 %；公务用车购置及运行费', 20]]]);
  const r = findBoxes(wrapped, { lineText: '18.85 %；公务用车购置及运行费', rel: 1, evidence: '占“三公”经费的18.85 %' });
  assert.equal(r.precision, 'cell');
  assert.equal(Math.round(r.boxes[0]!.top), 120);
  assert.ok(r.boxes[0]!.width < 100, 'the figure, not the line');
});

test('pdf boxes: a row whose cells are printed one under another, the figure chosen by its cell', () => {
  const stacked = page([[['2、三公经费', 20]], [['2.49', 20]], [['3', 20]], [['0.89', 20]], [['公务用车', 20]]]);
  const r = findBoxes(stacked, { lineText: '2、三公经费\t2.49\t3\t0.89', rel: 0.25, evidence: '3', cell: 2 });
  assert.equal(r.precision, 'cell');
  assert.equal(Math.round(r.boxes[0]!.top), 140);
});
