import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextBox } from './page.js';
import { detectTabGrid, tabRows } from './tab-stops.js';
import { visualLines } from './text-join.js';

/** A monospaced print of a tab-separated text: 10 pt, CJK 10 wide, Latin 6 wide, stops every 35.45 from 56.8. */
const ORIGIN = 56.8;
const STEP = 35.45;
const RIGHT = 538.6;

function width(s: string): number {
  return [...s].reduce((w, ch) => w + (/[\u3400-\u9fff（）：]/.test(ch) ? 10 : 6), 0);
}

/** Lays out one tab-separated line as a word processor would (no wrapping); returns its boxes. */
function layout(line: string, base: number, opts: { mergeTabs?: boolean } = {}): TextBox[] {
  const boxes: TextBox[] = [];
  let x = ORIGIN;
  line.split('\t').forEach((cell, k) => {
    if (k > 0) x = ORIGIN + (Math.floor((x - ORIGIN) / STEP + 1e-6) + 1) * STEP;
    if (cell === '') return;
    const last = boxes[boxes.length - 1];
    if (opts.mergeTabs && last && /^[\d.,]+$/.test(cell) && /[\d.]$/.test(last.str)) {
      // the producer wrote '26.21<tab>26.21' as one item with a space
      last.str = `${last.str} ${cell}`;
      last.x1 = x + width(cell);
    } else boxes.push({ str: cell, x0: x, x1: x + width(cell), base, size: 10 });
    x += width(cell);
  });
  return boxes;
}

function read(lines: string[], opts: { mergeTabs?: boolean } = {}): string[][] {
  const boxes = lines.flatMap((l, i) => layout(l, 100 + i * 14.5, opts));
  const visual = visualLines(boxes);
  const grid = detectTabGrid(visual);
  assert.ok(grid, 'a tab grid is found');
  assert.ok(Math.abs(grid.step - STEP) < 0.1, `step ${grid.step}`);
  return tabRows(grid, visual, RIGHT).map((r) => r.cells);
}

const T03 = [
  '项目\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出',
  '科目代码\t科目名称',
  '栏次\t\t1\t2\t3\t4',
  '合计\t\t2,502.70\t327.51\t2,175.20',
  '2101501\t行政运行\t279.24\t248.22\t31.02',
  '2101505\t医疗保障政策管理\t20.00\t\t20.00',
  '2101103\t公务员医疗补助\t3.31\t3.31',
];

test('lines set with tab stops read back as their tab-separated cells, blanks kept', () => {
  assert.deepEqual(read(T03), T03.map((l) => l.split('\t')));
});

test('tabs written as spaces inside one text item are found again', () => {
  assert.deepEqual(read(T03, { mergeTabs: true }), T03.map((l) => l.split('\t')));
});

test('a figure wrapped onto the next line (with its tab) joins its row', () => {
  const boxes = [
    ...layout('2080505\t机关事业单位基本养老保险缴费支出\t26.21\t26.21\t0.00\t0.00\t0.00\t0.00', 100),
    ...layout('\t0.00', 114.5),
    ...layout('2089999\t其他社会保障和就业支出\t0.62\t0.62\t0.00\t0.00\t0.00\t0.00\t0.00', 129),
    ...layout('合计\t\t2,502.70\t2,502.70\t0.00\t0.00\t0.00\t0.00\t0.00', 143.5),
  ];
  const visual = visualLines(boxes);
  const grid = detectTabGrid(visual)!;
  const rows = tabRows(grid, visual, RIGHT).map((r) => r.cells);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], ['2080505', '机关事业单位基本养老保险缴费支出', '26.21', '26.21', '0.00', '0.00', '0.00', '0.00', '0.00']);
});

test('running text is not taken for a tab grid', () => {
  const boxes: TextBox[] = [];
  const words = ['2023', '年度收入合计', '2502.70', '万元，其中：财政拨款收入', '2502.70', '万元，占', '100.00%。'];
  for (let i = 0; i < 6; i++) {
    let x = ORIGIN + (i === 0 ? 20 : 0);
    for (const w of words) {
      boxes.push({ str: w, x0: x, x1: x + width(w), base: 100 + i * 14.5, size: 10 });
      x += width(w) + 5;
    }
  }
  assert.equal(detectTabGrid(visualLines(boxes)), undefined);
});
