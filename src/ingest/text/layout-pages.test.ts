/**
 * `pdftotext -layout` text of budget tables as the tool lays them out: a table continued over pages
 * whose pages place the same columns at different character positions, page numbers between pages,
 * label-only rows between grid rows, a one-row table under a header of several levels. Fixtures are
 * composed here (figures of real disclosures, layout built by `line`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTextString } from './read-text.js';
import { recognizeTables } from '../recognize/tables.js';
import { alignPages, matchColumns } from '../recognize/table-page-shift.js';
import { headerLeaves } from '../recognize/table-header-leaves.js';
import { assignInOrder } from '../recognize/ordered-assignment.js';
import type { Table } from '../../model/table.js';
import type { RawLine } from '../raw.js';

/** A line with each text placed at a column: [x, text] left-aligned at x, [x, text, 'r'] ending at x. */
function line(...cells: ([number, string] | [number, string, 'r'])[]): string {
  let out = '';
  for (const [x, text, align] of cells) {
    const start = align === 'r' ? x - text.length : x;
    out = out.padEnd(Math.max(start, out.length + (out ? 1 : 0)), ' ') + text;
  }
  return out;
}

function tables(text: string): Table[] {
  return recognizeTables(readTextString(text)).tables;
}

function table(text: string, key: string): Table {
  const t = tables(text).find((x) => x.key === key);
  assert.ok(t, `${key} read`);
  return t;
}

function fen(t: Table, rowKey: string, col: string): number | undefined {
  const v = t.rows.find((r) => r.key === rowKey)?.cells[col]?.value;
  return v?.kind === 'amount' ? v.amount.fen : undefined;
}

/** A row of the 支出预算总表: 类 款 项 at 0/6/11, the name at 16, figures ending at the given columns. */
function codeRow(code: string, name: string, figures: [number, string][]): string {
  const parts: ([number, string] | [number, string, 'r'])[] = [[0, code.slice(0, 3)]];
  if (code.length >= 5) parts.push([6, code.slice(3, 5)]);
  if (code.length === 7) parts.push([11, code.slice(5, 7)]);
  parts.push([16, name]);
  for (const [x, f] of figures) parts.push([x, f, 'r']);
  return line(...parts);
}

// page 1 sets the figures' right edges at 51 / 67 / 83; page 2, without the wide header lines, at 39 / 56 / 72
const P1 = { total: 51, basic: 67, project: 83 };
const P2 = { total: 39, basic: 56, project: 72 };
/** A paragraph of the 说明 before the tables: the text's full line width (a long row reaches it, a header does not). */
const PARAGRAPH = [
  '  一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）1,202.95万元，主要用于行政单位的基本支出，',
  '保障机构正常运转，比上年预算增加15.32万元，主要原因是人员变动；一般行政管理事务（项）4,614.00万元，主要用于专项工作。',
];
const T03_PAGES = [
  ...PARAGRAPH,
  '',
  line([28, '2025年部门支出预算总表']),
  line([0, '编制部门：某区人民政府办公室'], [75, '单位：元']),
  '',
  line([20, '项目'], [54, '支出预算']),
  '功能分类科目编码',
  line([23, '功能分类科目名称'], [39, '合计'], [54, '基本支出'], [70, '项目支出']),
  line([0, '类'], [6, '款'], [11, '项']),
  codeRow('201', '一般公共服务支出', [[P1.total, '82,096,797.42'], [P1.basic, '15,686,797.42'], [P1.project, '66,410,000.00']]),
  codeRow('20103', '政府办公厅（室）及相关机构事务', [[P1.total, '82,096,797.42'], [P1.basic, '15,686,797.42'], [P1.project, '66,410,000.00']]),
  codeRow('2010301', '行政运行', [[P1.total, '12,029,501.84'], [P1.basic, '11,919,501.84'], [P1.project, '110,000.00']]),
  codeRow('2010302', '一般行政管理事务', [[P1.total, '46,140,000.00'], [P1.project, '46,140,000.00']]),
  codeRow('2010350', '事业运行', [[P1.total, '3,807,295.58'], [P1.basic, '3,767,295.58'], [P1.project, '40,000.00']]),
  codeRow('2010399', '其他政府办公厅（室）及相关机构事务支出', [[P1.total, '20,120,000.00'], [P1.project, '20,120,000.00']]),
  codeRow('208', '社会保障和就业支出', [[P1.total, '4,213,779.28'], [P1.basic, '4,213,779.28']]),
  codeRow('20805', '行政事业单位养老支出', [[P1.total, '4,213,779.28'], [P1.basic, '4,213,779.28']]),
  codeRow('2080501', '行政单位离退休', [[P1.total, '1,554,220.00'], [P1.basic, '1,554,220.00']]),
  codeRow('2080505', '机关事业单位基本养老保险缴费支出', [[P1.total, '1,763,159.52'], [P1.basic, '1,763,159.52']]),
  codeRow('2080506', '机关事业单位职业年金缴费支出', [[P1.total, '881,579.76'], [P1.basic, '881,579.76']]),
  codeRow('2080599', '其他行政事业单位养老支出', [[P1.total, '14,820.00'], [P1.basic, '14,820.00']]),
  line([36, '— 1 —']),
  '\f' + codeRow('210', '卫生健康支出', [[P2.total, '1,097,073.43'], [P2.basic, '1,097,073.43']]),
  codeRow('21011', '行政事业单位医疗', [[P2.total, '1,097,073.43'], [P2.basic, '1,097,073.43']]),
  codeRow('2101101', '行政单位医疗', [[P2.total, '782,855.28'], [P2.basic, '782,855.28']]),
  codeRow('2101102', '事业单位医疗', [[P2.total, '314,218.15'], [P2.basic, '314,218.15']]),
  codeRow('221', '住房保障支出', [[P2.total, '3,609,125.22'], [P2.basic, '3,609,125.22']]),
  codeRow('22102', '住房改革支出', [[P2.total, '3,609,125.22'], [P2.basic, '3,609,125.22']]),
  codeRow('2210201', '住房公积金', [[P2.total, '1,741,445.22'], [P2.basic, '1,741,445.22']]),
  codeRow('2210203', '购房补贴', [[P2.total, '1,867,680.00'], [P2.basic, '1,867,680.00']]),
  line([20, '合计'], [P2.total, '91,016,775.35', 'r'], [P2.basic, '24,606,775.35', 'r'], [P2.project, '66,410,000.00', 'r']),
  line([36, '— 2 —']),
].join('\n');

test('a table continued on a page laid out narrower: the page’s figures join the columns of the first', () => {
  const t = table(T03_PAGES, 'T03');
  assert.deepEqual(t.columns.map((c) => c.key), ['total', 'basic', 'project']);
  // page 1, a row with the project column blank
  assert.equal(fen(t, '2010302', 'project'), 4_614_000_000);
  assert.equal(fen(t, '2010302', 'basic'), undefined);
  // page 2: its figures sit eleven characters further left, under page 1's 合计 / name columns
  assert.equal(fen(t, '210', 'total'), 109_707_343);
  assert.equal(fen(t, '210', 'basic'), 109_707_343);
  assert.equal(fen(t, '2210203', 'basic'), 186_768_000);
  assert.equal(fen(t, 'total', 'total'), 9_101_677_535);
  assert.equal(fen(t, 'total', 'basic'), 2_460_677_535);
  assert.equal(fen(t, 'total', 'project'), 6_641_000_000);
  assert.ok(t.rows.every((r) => !/—/.test(r.name)), 'page numbers are not rows');
});

test('page numbers on the first or last line of a page are dropped; a figure inside a page is kept', () => {
  const lines = readTextString(T03_PAGES).lines;
  assert.ok(!lines.some((l) => /— [12] —/.test(l.text)));
  const inner = readTextString(['第一段', '12', '第二段', '— 1 —', '\f第三段'].join('\n')).lines.map((l) => l.text);
  assert.deepEqual(inner, ['第一段', '12', '第二段', '第三段']);
  // without form feeds nothing is furniture
  assert.deepEqual(readTextString(['第一段', '— 1 —'].join('\n')).lines.map((l) => l.text), ['第一段', '— 1 —']);
});

test('pages are matched by their figure columns in order; aligned pages and other units are left alone', () => {
  assert.deepEqual(matchColumns([39, 56, 72], [51, 67, 83]), [0, 1, 2]);
  assert.deepEqual(matchColumns([40, 53, 57, 61, 65], [47, 60, 71, 82, 93]), [0, 1, 2, 3, 4]);
  // fewer columns on the page: the order-preserving assignment nearest after one shift
  assert.deepEqual(matchColumns([39, 72], [51, 67, 83]), [0, 2]);
  assert.equal(matchColumns([1, 2, 3, 4], [1, 2]), undefined);
  const pdf: RawLine[] = [
    { line: 1, page: 1, text: '', cells: ['行政运行', '1.00', '2.00'], tabular: true, cellX: [{ x0: 0, x1: 40 }, { x0: 100, x1: 130 }, { x0: 150, x1: 180 }] },
    { line: 2, page: 2, text: '', cells: ['行政运行', '1.00', '2.00'], tabular: true, cellX: [{ x0: 0, x1: 40 }, { x0: 60, x1: 90 }, { x0: 110, x1: 140 }] },
  ];
  assert.equal(alignPages(pdf), pdf, 'positions in points are never moved');
});

/** 收支预算总表 (Jiangsu): the function classes without figures are lines of one cell between the grid rows. */
const T01_CLASSES = [
  line([54, '收支预算总表']),
  line([0, '部门：某省某办公厅'], [100, '单位：万元']),
  '',
  line([21, '收入'], [79, '支出']),
  line([63, '功能分类'], [109, '支出用途']),
  line([13, '项目名称'], [30, '金额']),
  line([54, '功能科目名称'], [77, '金额'], [101, '项目名称'], [118, '金额']),
  '',
  line([0, '一、财政拨款'], [39, '20,702.25', 'r'], [40, '一、一般公共服务支出'], [78, '16,992.37', 'r'], [79, '一、基本支出'], [119, '9,964.07', 'r']),
  line([1, '1.一般公共预算'], [39, '20,702.25', 'r'], [40, '二、外交支出'], [79, '二、项目支出'], [119, '10,688.66', 'r']),
  line([1, '2.政府性基金预算'], [42, '三、国防支出'], [79, '三、单位预留机动经费'], [119, '196.72', 'r']),
  line([0, '二、财政专户管理资金'], [39, '147.20', 'r'], [42, '四、公共安全支出']),
  line([0, '三、其他资金'], [43, '五、教育支出']),
  line([43, '六、科学技术支出']),
  line([43, '七、文化体育与传媒支出']),
  line([43, '八、社会保障和就业支出'], [78, '2,000.39', 'r']),
  ...['九、医疗卫生与计划生育支出', '十、节能环保支出', '十一、城乡社区支出', '十二、农林水支出', '十三、交通运输支出', '十四、资源勘探信息等支出',
    '十五、商业服务业等支出', '十六、金融支出', '十七、国土海洋气象等支出'].map((n) => line([43, n])),
  line([43, '十八、住房保障支出'], [78, '1,856.69', 'r']),
  line([43, '十九、粮油物资储备支出']),
  line([43, '二十、其他支出']),
  line([12, '当年收入小计'], [39, '20,849.45', 'r'], [72, '当年支出小计'], [119, '20,849.45', 'r']),
  line([12, '上年结转资金'], [72, '结转下年资金']),
  line([13, '收入合计'], [39, '20,849.45', 'r'], [73, '支出合计'], [119, '20,849.45', 'r']),
  '',
  '一、部门预算编制说明',
  '本部门预算包括部门本级预算。',
].join('\n');

test('a run of function classes printed without figures stays inside the 收支总表, up to its totals', () => {
  const t = table(T01_CLASSES, 'T01');
  const keys = t.rows.map((r) => r.key);
  for (const k of ['fn:206', 'fn:210', 'fn:220', 'fn:221', 'fn:229', 'incomeTotal', 'expenditureTotal', 'grandTotal']) assert.ok(keys.includes(k), k);
  assert.equal(t.rows.find((r) => r.key === 'fn:221')?.cells['amount']?.text, '1,856.69');
  assert.equal(t.rows.find((r) => r.key === 'incomeTotal')?.cells['amount']?.text, '20,849.45');
  // the heading after the table is not one of its rows
  assert.ok(!t.rows.some((r) => /编制说明/.test(r.name)));
});

/** “三公”经费表 (Jiangsu): one row of eight figures under nine columns of a three-level header. */
const T09_JIANGSU = [
  '表十一',
  line([6, '“三公”经费、会议费、培训费支出预算表（一般公共预算）']),
  line([0, '部门：某省某办公厅'], [108, '单位：万元']),
  '',
  line([49, '“三公”经费']),
  '',
  line([50, '公务用车购置及运行维护费']),
  line([6, '合计'], [91, '会议费'], [103, '培训费']),
  line([32, '因公出国（境）']),
  line([22, '小计'], [79, '公务接待费']),
  line([35, '费']),
  line([64, '公务用车运行维']),
  line([44, '小计'], [54, '公务用车购置费']),
  line([67, '护费']),
  '',
  line([19, '1,852.32', 'r'], [28, '676.10', 'r'], [39, '76.00', 'r'], [49, '156.60', 'r'], [70, '156.60', 'r'], [81, '443.50', 'r'], [92, '1,094.62', 'r'], [102, '81.60', 'r']),
  '表十二',
].join('\n');

test('a one-row “三公”经费 table takes its columns from the header’s leaves, the blank one included', () => {
  // the pages of the same publication before it make the text a layout text
  const t = table(`${T01_CLASSES}\n\f${T09_JIANGSU}`, 'T09');
  const row = t.rows.find((r) => r.key === 'threePublic');
  assert.ok(row);
  const text = (k: string): string | undefined => row.cells[k]?.text || undefined;
  assert.equal(text('budget.totalAll'), '1,852.32');
  assert.equal(text('budget.total'), '676.10');
  assert.equal(text('budget.abroad'), '76.00');
  assert.equal(text('budget.vehicle'), '156.60');
  assert.equal(text('budget.vehiclePurchase'), undefined);
  assert.equal(text('budget.vehicleOperation'), '156.60');
  assert.equal(text('budget.reception'), '443.50');
  assert.equal(text('budget.meeting'), '1,094.62');
  assert.equal(text('budget.training'), '81.60');
});

test('header leaves and the in-order assignment', () => {
  const l = (texts: [number, string][]): RawLine => ({
    line: 1, text: '', tabular: true, xUnit: 'char', cells: texts.map((t) => t[1]), cellX: texts.map(([x, s]) => ({ x0: x, x1: x + s.length })),
  });
  const leaves = headerLeaves([l([[3, '合计'], [30, '“三公”经费预算数']]), l([[16, '因公出国(境)费'], [27, '公务接待费'], [37, '小计']])]);
  // the parent over 公务接待费 and 小计 is no leaf
  assert.deepEqual(leaves.map((s) => s.x0), [3, 16, 27, 37]);
  assert.deepEqual(assignInOrder([10, 32, 69], [4, 20, 29.5, 38, 47.5, 59.5, 65.5])?.map, [0, 2, 6]);
  assert.equal(assignInOrder([1, 2, 3], [1, 2]), undefined);
});

test('a label set under the middle of a full-width row is a line of its own, not the row’s wrapped tail', () => {
  const wide = line([6, '合计'], [89, '会议费'], [101, '培训费'], [112, '单位']);
  const lines = readTextString([wide, line([32, '因公出国（境）']), wide, line([0, '其他'])].join('\n')).lines;
  assert.ok(lines.some((l) => l.text === '因公出国（境）'));
});

/** 基本支出经济分类表 by code (Shanghai): the code column's header set over two lines, 部门预算经济分类科目 / 编码. */
const T06_BY_CODE = [
  ...PARAGRAPH,
  '',
  line([13, '2025年部门一般公共预算基本支出部门预算经济分类预算表']),
  line([0, '编制部门：某区人民政府办公室'], [74, '单位：元']),
  '',
  line([22, '项目'], [50, '一般公共预算基本支出']),
  '部门预算经济分类科目',
  line([4, '编码'], [27, '经济分类科目名称'], [40, '合计'], [55, '人员经费'], [70, '公用经费']),
  line([1, '类'], [7, '款']),
  '',
  line([1, '301'], [13, '工资福利支出'], [51, '21,170,337.81', 'r'], [67, '21,170,337.81', 'r']),
  line([1, '301'], [7, '01'], [13, '基本工资'], [51, '2,540,192.00', 'r'], [67, '2,540,192.00', 'r']),
  line([1, '302'], [13, '商品和服务支出'], [51, '1,932,777.54', 'r'], [83, '1,932,777.54', 'r']),
  line([1, '302'], [7, '01'], [13, '办公费'], [51, '259,400.00', 'r'], [83, '259,400.00', 'r']),
  line([20, '合计'], [51, '23,103,115.35', 'r'], [67, '21,170,337.81', 'r'], [83, '1,932,777.54', 'r']),
].join('\n');

test('T06 by economic code whose code header is set over two lines: 合计 | 人员经费 | 公用经费, not three blocks', () => {
  const t = table(T06_BY_CODE, 'T06');
  assert.deepEqual(t.columns.map((c) => c.key), ['amount', 'personnel', 'public']);
  assert.equal(fen(t, '30101', 'personnel'), 254_019_200);
  assert.equal(fen(t, '30201', 'public'), 25_940_000);
  assert.equal(fen(t, '30201', 'personnel'), undefined);
});

/** “三公”经费表 (Shanghai): zeros printed, 购置费 blank — the figures' right edges fall right of their labels' centres. */
const T09_SHANGHAI = [
  line([21, '单位“三公”经费和机关运行经费预算表']),
  line([0, '编制单位：某区社会福利院'], [76, '单位:万元']),
  '',
  line([29, '2024年“三公”经费预算数']),
  '',
  line([72, '2024年机关运行经']),
  line([47, '公务用车购置及运行费']),
  line([76, '费预算数']),
  line([3, '合计'], [14, '因公出国(境)费'], [29, '公务接待费']),
  line([41, '小计'], [52, '购置费'], [60, '运行费']),
  '',
  line([11, '6.4', 'r'], [26, '0', 'r'], [38, '0', 'r'], [49, '6.4', 'r'], [69, '6.4', 'r'], [82, '0', 'r']),
  line([28, '其他相关情况说明']),
].join('\n');

test('a one-row “三公”经费 table with zeros: each figure under the label left of its right edge', () => {
  const t = table(`${T03_PAGES}\n\f${T09_SHANGHAI}`, 'T09');
  const row = t.rows.find((r) => r.key === 'threePublic');
  assert.ok(row);
  const text = (k: string): string | undefined => row.cells[k]?.text || undefined;
  assert.deepEqual(
    ['budget.total', 'budget.abroad', 'budget.reception', 'budget.vehicle', 'budget.vehiclePurchase', 'budget.vehicleOperation', 'budget.operatingExpense'].map(text),
    ['6.4', '0', '0', '6.4', undefined, '6.4', '0'],
  );
});

/** 财政拨款收支预算总表 (Jiangsu): the expenditure side's header set a line lower, under 支出用途. */
const T04_PURPOSE = [
  line([0, '四、2018 年度某省某法院财政拨款收支预算总表']),
  line([72, '单位：万元']),
  '',
  line([16, '收入'], [64, '支出']),
  line([48, '支出用途']),
  line([10, '项目名称'], [22, '金额']),
  line([41, '项目名称'], [56, '金额']),
  '',
  line([0, '一、一般公共预算'], [33, '33,172.15', 'r'], [36, '一、基本支出'], [65, '18,570.82', 'r']),
  '',
  line([0, '二、政府性基金预算'], [36, '二、项目支出'], [65, '11,343.27', 'r']),
  '',
  line([36, '三、单位预留机动经费'], [68, '3,258.06', 'r']),
  '',
  line([10, '收入合计'], [33, '33,172.15', 'r'], [41, '支出合计'], [65, '33,172.15', 'r']),
].join('\n');

test('a two-sided table whose sides’ headers are on lines of their own: each row on its side, one amount each', () => {
  const t = table(`${T03_PAGES}\n\f${T04_PURPOSE}`, 'T04');
  const side = (key: string): string | undefined => t.rows.find((r) => r.key === key)?.side;
  assert.equal(side('expenditure:reserve'), 'expenditure');
  const amount = (key: string, s: string): string | undefined => {
    const r = t.rows.find((x) => x.key === key && x.side === s);
    return Object.values(r?.cells ?? {}).map((c) => c.text).filter(Boolean).join(' | ');
  };
  assert.equal(amount('income:generalBudget', 'income'), '33,172.15');
  assert.equal(amount('expenditure:basic', 'expenditure'), '18,570.82');
  assert.equal(amount('expenditure:reserve', 'expenditure'), '3,258.06');
  assert.equal(amount('grandTotal', 'expenditure'), '33,172.15');
});
