import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextBox } from './page.js';
import { detectTabGrid, settleWraps, tabRows } from './tab-stops.js';
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

/**
 * Lays out one tab-separated line as LibreOffice prints a text file: a tab whose stop is past the
 * right margin goes to the next line (to its first stop), a figure that does not fit after its
 * stop moves there with its tab.
 */
function wrapped(line: string, base: number): { boxes: TextBox[]; next: number } {
  const boxes: TextBox[] = [];
  let x = ORIGIN;
  let y = base;
  const stopAfter = (at: number): number => ORIGIN + (Math.floor((at - ORIGIN) / STEP + 1e-6) + 1) * STEP;
  line.split('\t').forEach((cell, k) => {
    if (k > 0) {
      x = stopAfter(x);
      if (x > RIGHT || (cell !== '' && x + width(cell) > RIGHT)) {
        y += 14.5;
        x = ORIGIN + STEP;
      }
    }
    if (cell === '') return;
    boxes.push({ str: cell, x0: x, x1: x + width(cell), base: y, size: 10 });
    x += width(cell);
  });
  return { boxes, next: y + 14.5 };
}

function readWrapped(lines: string[]): string[][] {
  let y = 100;
  const boxes: TextBox[] = [];
  for (const l of lines) {
    const w = wrapped(l, y);
    boxes.push(...w.boxes);
    y = w.next;
  }
  const visual = visualLines(boxes);
  const grid = detectTabGrid(visual) ?? { origin: ORIGIN, step: STEP };
  const rows = tabRows(grid, visual, RIGHT);
  settleWraps(rows);
  return rows.map((r) => r.cells);
}

const trim = (l: string): string[] => {
  const cells = l.split('\t');
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells;
};

test('wrapped rows of a wide tab table: column numbers, remarks and labels under a full header line', () => {
  const lines = [
    '类\t款\t项\t科目名称\t1\t2\t3\t4\t5\t6\t7\t8\t9\t\t10\t11',
    '任务\t级次\t批复金额\t财政拨款\t其他资金\t执行数\t执行率\t偏低原因\t分值\t得分',
    '\t年度资金总额\t10.00\t10.00\t\t10.00',
    '产出指标\t数量指标\t覆盖率\t=\t100\t%\t100\t30.00\t30.00\t已完成',
    '项目\t本级\t工作落实\t10.00\t10.00\t\t\t\t2,501.00\t10.00\t\t\t\t财政资金困难，未予支付。',
  ];
  assert.deepEqual(readWrapped(lines), lines.map(trim));
});

test('blanks left on the last stops of a wrapped row: the reading that repeats a row without doubt', () => {
  const lines = [
    // the blank after the third figure sits on the line's last stop; the fourth figure could not follow it
    '21013\t\t\t医疗救助\t\t\t3,250.00\t3,250.00\t3,250.00\t\t3,250.00\t3,250.00',
    // here the blank's tab itself went over the margin: two tabs on the next line, no doubt
    '21011\t\t\t行政事业单位医疗\t\t\t3,250.00\t3,250.00\t3,250.00\t\t3,250.00\t3,250.00',
  ];
  assert.deepEqual(readWrapped(lines), lines.map(trim));
  // without a row to repeat, the fewest blanks (as read)
  assert.deepEqual(readWrapped(lines.slice(0, 1))[0], trim('21013\t\t\t医疗救助\t\t\t3,250.00\t3,250.00\t3,250.00\t3,250.00\t3,250.00'));
});
