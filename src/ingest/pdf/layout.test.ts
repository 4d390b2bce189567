import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageRows } from './layout.js';
import type { PageContent, Segment, TextBox } from './page.js';
import { dropFurniture } from './furniture.js';
import { joinContinuedRows } from './continued.js';
import { mergeSegments } from './page.js';

/** A box for `str` at x (left), baseline y, 10 pt, CJK characters 10 pt wide and others 5 pt. */
function box(str: string, x: number, base: number, size = 10): TextBox {
  const width = [...str].reduce((w, ch) => w + (/[\u4e00-\u9fff（），：]/.test(ch) ? size : size / 2), 0);
  return { str, x0: x, x1: x + width, base, size };
}

function page(boxes: TextBox[], hRules: Segment[] = [], vRules: Segment[] = []): PageContent {
  return { page: 1, width: 595, height: 842, boxes, hRules, vRules, textOps: boxes.length, imageOps: 0 };
}

/** Full rulings of a grid: horizontals at ys spanning xs, verticals at xs spanning ys. */
function grid(xs: number[], ys: number[]): { h: Segment[]; v: Segment[] } {
  return {
    h: ys.map((y) => ({ pos: y, a: xs[0]!, b: xs[xs.length - 1]! })),
    v: xs.map((x) => ({ pos: x, a: ys[0]!, b: ys[ys.length - 1]! })),
  };
}

test('pageRows: a ruled table gives one row per band; wrapped cell text is joined', () => {
  const { h, v } = grid([50, 200, 300], [100, 120, 160]);
  const rows = pageRows(page([
    box('项目', 55, 114), box('金额', 250, 114),
    box('一般公共预算', 55, 134), box('财政拨款收入', 55, 150), box('1,200.00', 255, 144),
  ], h, v));
  assert.deepEqual(rows.map((r) => r.cells), [['项目', '金额'], ['一般公共预算财政拨款收入', '1,200.00']]);
  assert.ok(rows.every((r) => r.tabular && r.ruled));
});

test('pageRows: merged cells (no ruling inside) keep the column positions with blank cells', () => {
  // Columns 50|150|250|350; header band 1 spans columns 2–3 (no vertical at 250 in 100–120);
  // "项目" spans bands 1–2 (no horizontal at 120 in column 1).
  const h: Segment[] = [{ pos: 100, a: 50, b: 350 }, { pos: 120, a: 150, b: 350 }, { pos: 140, a: 50, b: 350 }, { pos: 160, a: 50, b: 350 }];
  const v: Segment[] = [{ pos: 50, a: 100, b: 160 }, { pos: 150, a: 100, b: 160 }, { pos: 250, a: 120, b: 160 }, { pos: 350, a: 100, b: 160 }];
  const rows = pageRows(page([
    box('项目', 80, 134), box('本年支出', 220, 114), box('基本支出', 160, 134), box('项目支出', 260, 134),
    box('行政运行', 55, 154), box('6.00', 220, 154), box('4.00', 320, 154),
  ], h, v));
  assert.deepEqual(rows.map((r) => r.cells), [
    ['项目', '本年支出', ''],
    ['', '基本支出', '项目支出'],
    ['行政运行', '6.00', '4.00'],
  ]);
  assert.deepEqual(rows[0]!.cellX[1], { x0: 150, x1: 350 });
});

test('pageRows: a title row spanning the whole ruled table is a line of text', () => {
  const h: Segment[] = [100, 120, 140].map((y) => ({ pos: y, a: 50, b: 300 }));
  const v: Segment[] = [{ pos: 50, a: 100, b: 140 }, { pos: 200, a: 120, b: 140 }, { pos: 300, a: 100, b: 140 }];
  const rows = pageRows(page([box('支出决算表', 140, 114), box('合计', 55, 134), box('10.00', 260, 134)], h, v));
  assert.deepEqual(rows.map((r) => [r.tabular, ...r.cells]), [[false, '支出决算表'], [true, '合计', '10.00']]);
});

test('pageRows: a band holding several unruled rows of numbers is split into rows', () => {
  const { h, v } = grid([50, 200, 300], [100, 120, 180]);
  const rows = pageRows(page([
    box('项目', 55, 114), box('金额', 250, 114),
    box('工资福利支出', 55, 134), box('10.00', 270, 134),
    box('商品和服务支出', 55, 150), box('20.00', 270, 150),
    box('合计', 55, 166), box('30.00', 270, 166),
  ], h, v));
  assert.deepEqual(rows.map((r) => r.cells), [['项目', '金额'], ['工资福利支出', '10.00'], ['商品和服务支出', '20.00'], ['合计', '30.00']]);
});

test('pageRows: a box pdfjs merged across a ruling is split at the ruling', () => {
  const { h, v } = grid([50, 70, 110, 200], [100, 120]);
  const merged: TextBox = { str: '0.00 二、社会保障', x0: 80, x1: 170, base: 114, size: 10 };
  const rows = pageRows(page([box('2', 55, 114), merged], h, v));
  assert.deepEqual(rows.map((r) => r.cells), [['2', '0.00', '二、社会保障']]);
});

test('pageRows: unruled lines split into cells at wide gaps; digits and CJK offset in y stay on one line', () => {
  const rows = pageRows(page([
    box('一、一般公共预算财政拨款收入', 50, 200), box('1', 230, 202.3), box('2,502.70', 300, 202.3),
    box('第一部分', 50, 180), box('部门概况', 95, 180),
    box('2023', 50, 160), box('年度部门决算', 72, 160),
  ]));
  assert.deepEqual(rows.map((r) => r.cells), [['2023年度部门决算'], ['第一部分 部门概况'], ['一、一般公共预算财政拨款收入', '1', '2,502.70']]);
  assert.deepEqual(rows.map((r) => r.tabular), [false, false, true]);
});

test('pageRows: a table without rulings keeps its columns (blank cells, headers over right-aligned amounts)', () => {
  const right = (str: string, x1: number, base: number): TextBox => {
    const b = box(str, 0, base);
    return { ...b, x0: x1 - (b.x1 - b.x0), x1 };
  };
  const rows = pageRows(page([
    box('项目', 50, 100), box('本年支出合计', 200, 100), box('基本支出', 300, 100), box('项目支出', 400, 100),
    box('合计', 50, 120), right('135.00', 280, 120), right('100.00', 380, 120), right('35.00', 480, 120),
    box('行政运行', 50, 140), right('90.00', 280, 140), right('90.00', 380, 140),
    box('老年福利', 50, 160), right('35.00', 280, 160), right('35.00', 480, 160),
    box('注：本表无其他数据。', 50, 200),
  ]));
  assert.deepEqual(rows.map((r) => r.cells), [
    ['项目', '本年支出合计', '基本支出', '项目支出'],
    ['合计', '135.00', '100.00', '35.00'],
    ['行政运行', '90.00', '90.00', ''],
    ['老年福利', '35.00', '', '35.00'],
    ['注：本表无其他数据。'],
  ]);
  assert.equal(rows[2]!.cellX[3]!.x1, 480);
});

test('pageRows: a tight table without rulings: an amount half an em before the next label is its own cell; running text stays whole', () => {
  const right = (str: string, x1: number, base: number): TextBox => {
    const b = box(str, 0, base);
    return { ...b, x0: x1 - (b.x1 - b.x0), x1 };
  };
  // amounts right-aligned to 250, the next column's labels left-aligned at 256 (a 0.6 em gap)
  const rows = pageRows(page([
    box('一般公共预算收入', 50, 100), right('135.00', 250, 100), box('一般公共服务支出', 256, 100), right('125.00', 450, 100),
    box('其他收入', 50, 120), right('0.00', 250, 120), box('住房保障支出', 256, 120), right('10.00', 450, 120),
    box('本年收入合计', 50, 140), right('135.00', 250, 140), box('本年支出合计', 256, 140), right('135.00', 450, 140),
    box('支出合计', 50, 200), box('135.00', 96, 200), box('万元，其中基本支出', 132, 200),
    box('基本支出', 50, 220), box('100.00', 96, 220), box('万元，项目支出', 132, 220),
    box('项目支出', 50, 240), box('35.00', 96, 240), box('万元，用于专项业务', 127, 240),
  ]));
  assert.deepEqual(rows.map((r) => r.cells), [
    ['一般公共预算收入', '135.00', '一般公共服务支出', '125.00'],
    ['其他收入', '0.00', '住房保障支出', '10.00'],
    ['本年收入合计', '135.00', '本年支出合计', '135.00'],
    ['支出合计 135.00 万元，其中基本支出'],
    ['基本支出 100.00 万元，项目支出'],
    ['项目支出 35.00 万元，用于专项业务'],
  ]);
});

test('dropFurniture: page numbers and running headers go, table rows and body text stay', () => {
  const pages = [1, 2, 3].map((n) => ({
    page: n,
    height: 842,
    rows: pageRows(page([box('示例县财政局2023年度部门决算', 200, 40), box('正文第一行', 50, 300), box(`- ${n} -`, 290, 815), box(`${n}`, 60, 330)])),
  }));
  dropFurniture(pages);
  assert.deepEqual(pages.map((p) => p.rows.map((r) => r.cells.join('|'))), [['正文第一行', '1'], ['正文第一行', '2'], ['正文第一行', '3']]);
});

test('joinContinuedRows: a row broken by the page boundary is joined', () => {
  const { h, v } = grid([50, 150, 270], [700, 720]);
  const p1 = { page: 1, height: 842, rows: pageRows(page([box('项目名称', 55, 714), box('2023年医疗服务与保障能', 155, 714)], h, v)) };
  const g2 = grid([50, 150, 270], [60, 80, 100]);
  const p2 = { page: 2, height: 842, rows: pageRows(page([box('力提升资金', 155, 74), box('主管部门', 55, 94), box('示例县医疗保障局', 155, 94)], g2.h, g2.v)) };
  joinContinuedRows([p1, p2]);
  assert.deepEqual(p1.rows.map((r) => r.cells), [['项目名称', '2023年医疗服务与保障能力提升资金']]);
  assert.deepEqual(p2.rows.map((r) => r.cells), [['主管部门', '示例县医疗保障局']]);
});

test('joinContinuedRows: a new row at the top of the next page is not joined (short last line)', () => {
  const { h, v } = grid([50, 150, 270], [700, 720]);
  const p1 = { page: 1, height: 842, rows: pageRows(page([box('（二）', 55, 714), box('1. 前期准备', 155, 714)], h, v)) };
  const g2 = grid([50, 150, 270], [60, 80]);
  const p2 = { page: 2, height: 842, rows: pageRows(page([box('2. 组织实施', 155, 74)], g2.h, g2.v)) };
  joinContinuedRows([p1, p2]);
  assert.deepEqual([...p1.rows, ...p2.rows].map((r) => r.cells), [['（二）', '1. 前期准备'], ['', '2. 组织实施']]);
});

test('mergeSegments: collinear touching rulings join; parallel ones stay apart', () => {
  const merged = mergeSegments([
    { pos: 100, a: 50, b: 150 }, { pos: 100.5, a: 151, b: 300 }, { pos: 100, a: 400, b: 500 }, { pos: 120, a: 50, b: 300 },
  ]);
  assert.deepEqual(merged.map((s) => [Math.round(s.pos), s.a, s.b]), [[100, 50, 300], [100, 400, 500], [120, 50, 300]]);
});

test('pageRows: a table continued at the top of a page without a top ruling keeps its first row', () => {
  // Verticals start at the top margin (70); the first horizontal is at 88: the row 2040504 sits above it.
  const h: Segment[] = [88, 106, 124].map((y) => ({ pos: y, a: 60, b: 540 }));
  const v: Segment[] = [60, 190, 420, 540].map((x) => ({ pos: x, a: 70, b: 124 }));
  const rows = pageRows(page([
    box('2040504', 65, 83), box('案件审判', 195, 83), box('1,833.30', 490, 83),
    box('2040505', 65, 101), box('案件执行', 195, 101), box('950.00', 500, 101),
    box('2040599', 65, 119), box('其他法院支出', 195, 119), box('910.00', 500, 119),
  ], h, v));
  assert.deepEqual(rows.map((r) => r.cells), [
    ['2040504', '案件审判', '1,833.30'],
    ['2040505', '案件执行', '950.00'],
    ['2040599', '其他法院支出', '910.00'],
  ]);
});

test('pageRows: an open-sided ruled table (no outer verticals) keeps its outer columns', () => {
  const h: Segment[] = [100, 120, 140].map((y) => ({ pos: y, a: 40, b: 360 }));
  const v: Segment[] = [150, 250].map((x) => ({ pos: x, a: 100, b: 140 }));
  const rows = pageRows(page([
    box('项目', 45, 114), box('上年数', 160, 114), box('本年数', 260, 114),
    box('合计', 45, 134), box('4,716.51', 160, 134), box('5,000.00', 260, 134),
  ], h, v));
  assert.deepEqual(rows.map((r) => r.cells), [['项目', '上年数', '本年数'], ['合计', '4,716.51', '5,000.00']]);
});

test('pageRows: an amount wrapped over two lines of a narrow ruled cell is one amount, the row one row', () => {
  // Columns 50|100|200|240: code, name (one line, centred), amount wrapped as '42,180.0' / '0'.
  const ys = [100, 130, 160, 190, 220, 250];
  const { h, v } = grid([50, 100, 200, 240], ys);
  const rows = pageRows(page([
    box('30206', 55, 119), box('电费', 105, 119), box('96,320.8', 202, 113), box('0', 202, 125),
    box('30207', 55, 149), box('邮电费', 105, 149), box('42,180.0', 202, 143), box('0', 202, 155),
    box('30208', 55, 179), box('取暖费', 105, 179),
    box('30209', 55, 209), box('物业管理费', 105, 209), box('1,200.00', 202, 209),
    box('30211', 55, 239), box('差旅费', 105, 239), box('5,690,00', 202, 233), box('9.48', 202, 245),
  ], h, v));
  assert.deepEqual(rows.map((r) => r.cells), [
    ['30206', '电费', '96,320.80'],
    ['30207', '邮电费', '42,180.00'],
    ['30208', '取暖费', ''],
    ['30209', '物业管理费', '1,200.00'],
    ['30211', '差旅费', '5,690,009.48'],
  ]);
});
