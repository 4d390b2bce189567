/**
 * Text extracted from PDFs by other tools (`pdftotext -layout`, pdfplumber, copy-paste from a viewer):
 * columns that do not line up, cells one space apart, rows wrapped at the margin. Fixtures are
 * composed here (no outside document).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTextString } from './read-text.js';
import { layoutCells, splitTightCell } from './split-lines.js';
import { recognizeTables } from '../recognize/tables.js';
import type { Table } from '../../model/table.js';

const cellsOf = (text: string): string[] => splitTightCell(text, 0).cells;

test('layout cells: a label and its 行次 or figures one space apart are cells of their own', () => {
  assert.deepEqual(cellsOf('一、一般公共预算财政拨款收入 1'), ['一、一般公共预算财政拨款收入', '1']);
  assert.deepEqual(cellsOf('年度资金总额 35.20 35.20 25.19 10'), ['年度资金总额', '35.20', '35.20', '25.19', '10']);
  assert.deepEqual(cellsOf('2101301 城乡医疗救助 3,250,400.00'), ['2101301', '城乡医疗救助', '3,250,400.00']);
  assert.deepEqual(cellsOf('总分 100 57.16 分'), ['总分', '100', '57.16 分']);
  assert.deepEqual(layoutCells('栏 次    1     栏 次         2').cells, ['栏 次', '1', '栏 次', '2']);
});

test('layout cells: a figure that reads with the word after it, and running text, stay whole', () => {
  for (const t of ['公开 01 表', '2023 年全民参保补助资金', '全年预算数 15 万元', '第 1 批', '(2023 年度)', '支出 4.28 万元，保证窗口服务']) {
    assert.deepEqual(cellsOf(t), [t], t);
  }
});

function table(text: string, key: string): Table {
  const t = recognizeTables(readTextString(text)).tables.find((x) => x.key === key);
  assert.ok(t, `${key} read`);
  return t;
}

function amount(t: Table, key: string, side?: string, col = 'amount'): number | undefined {
  const r = t.rows.find((x) => x.key === key && (!side || x.side === side));
  const v = r?.cells[col]?.value;
  return v?.kind === 'amount' ? v.amount.fen : undefined;
}

/** A 收入支出决算总表 printed from a tab-separated text and extracted with -layout: no two rows share their columns. */
const T01_LAYOUT = `收入支出决算总表

公开 01 表
金额单位：元

收入           支出
项 目 行次 金 额 项目(按功能分类)           行次    金 额
栏 次    1     栏 次         2
一、一般公共预算财政拨款收入 1         1,000,125.83      一、一般公共服务支出 31
二、政府性基金预算财政拨款收入          2           二、外交支出 32
四、上级补助收入     4           四、公共安全支出          34
八、其他收入 8           八、社会保障和就业支出             38    264,282.56
    9        九、卫生健康支出          39    735,843.27
    16       十六、金融支出46
本年收入合计 27    1,000,125.83      本年支出合计 57         1,000,125.83
使用非财政拨款结余    28          结余分配        58
年初结转和结余29    52,148.29   年末结转和结余59         52,148.29
总计  30 1,052,274.12      总计    60    1,052,274.12

注：本表反映部门本年度的总收支和年初、年末结转结余情况。
`;

test('two-sided table whose columns do not line up: each side read from the row’s own order', () => {
  const t = table(T01_LAYOUT, 'T01');
  assert.equal(amount(t, 'income:generalBudget'), 100012583);
  assert.equal(amount(t, 'incomeTotal'), 100012583);
  assert.equal(amount(t, 'carryoverBegin', 'income'), 5214829);
  assert.equal(amount(t, 'grandTotal', 'income'), 105227412);
  assert.equal(amount(t, 'fn:208'), 26428256);
  assert.equal(amount(t, 'fn:210'), 73584327);
  assert.equal(amount(t, 'expenditureTotal'), 100012583);
  assert.equal(amount(t, 'carryoverEnd', 'expenditure'), 5214829);
  assert.equal(amount(t, 'grandTotal', 'expenditure'), 105227412);
  // 行次 never read as amounts
  assert.ok(!t.rows.some((r) => Object.values(r.cells).some((c) => c.text === '27' || c.text === '9')));
});

test('a data row wrapped at the margin takes back its last figures; a short row below a short one stays a row', () => {
  const wide = '2080505    机关事业单位基本养老保险缴费支出       26.21 26.21 0.00   0.00   0.00   0.00';
  const text = ['收入决算表', '项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入',
    '合计         2,502.70 2,502.70 0.00 0.00 0.00 0.00     0.00', wide, '      0.00',
    '2089999    其他社会保障和就业支出       0.62 0.62 0.00 0.00     0.00   0.00   0.00',
    '2101501      行政运行      279.24      279.24      0.00 0.00   0.00 0.00     0.00',
    '2101505      医疗保障政策管理        20.00 20.00 0.00 0.00 0.00    0.00 0.00',
    '2101599      其他医疗保障管理事务支出          48.94 48.94 0.00 0.00   0.00 0.00     0.00',
    '    9        九、卫生健康支出', '    10       十、节能环保支出', '一行', '二行', '三行 四', '五行 六', '七行 八'].join('\n');
  const lines = readTextString(text).lines;
  const row = lines.find((l) => l.cells[0] === '2080505')!;
  assert.deepEqual(row.cells.slice(2), ['26.21', '26.21', '0.00', '0.00', '0.00', '0.00', '0.00']);
  assert.ok(!lines.some((l) => l.text === '0.00'));
  assert.ok(lines.some((l) => l.cells[0] === '10'), 'a short line after a short line is its own row');
});

/** A 收入决算表 whose rows do not line up (a long name pushes the figures right), header labels one space apart. */
const T02_LAYOUT = `收入决算表

公开 02 表
金额单位：万元

项目       本年收入合计 财政拨款收入 上级补助收入 事业收入                 经营收入          附属单位上缴收入 其他收入
科目代码         科目名称
栏次         1     2  3     4  5    6     7
合 计         238.67 238.67 0.00 0.00 0.00 0.00     0.00
208       社会保障和就业支出       13.06 13.06 0.00   0.00   0.00   0.00 0.00
20805     行政事业单位养老支出 13.06 13.06 0.00 0.00 0.00 0.00 0.00
2080505       机关事业单位基本养老保险缴费支出              13.06 13.06 0.00 0.00 0.00 0.00 0.00
210        卫生健康支出    225.61     225.61 0.00 0.00 0.00 0.00 0.00
2101501         行政运行      225.61      225.61 0.00 0.00   0.00 0.00     0.00

注：本表反映部门本年度取得的各项收入情况。
`;

test('code rows whose positions do not line up: columns by order, header labels in order', () => {
  const t = table(T02_LAYOUT, 'T02');
  assert.deepEqual(t.columns.map((c) => c.key), ['total', 'fiscal', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other']);
  const wan = 10000; // 万元 → 分 per printed cent
  assert.equal(amount(t, 'total', undefined, 'fiscal'), 23867 * wan);
  assert.equal(amount(t, '2080505', undefined, 'total'), 1306 * wan);
  assert.equal(amount(t, '210', undefined, 'fiscal'), 22561 * wan);
  assert.equal(amount(t, '210', undefined, 'other'), 0);
});

test('a row set with single spaces only is a table row; a sentence with figures is not', () => {
  const row = readTextString(['年度资金总额 5.00 5.00 4.28 10.00 85.60 8.56', ''].join('\n'));
  assert.ok(row.lines[0]); // a lone line: not a layout text, read as one cell
  const lines = ['项目资金 (万元)            年初预算数     全年预算数      全年执行数       分值    执行率 得分',
    '      年度资金总额 5.00 5.00 4.28 10.00 85.60 8.56',
    '其中：当年财政拨款      5.00 5.00 4.28       85.60',
    '2101301 城乡医疗救助 3,250,400.00 3,250,400.00',
    '2101501 行政运行 2,407,385.81 2,407,385.81',
    '2101506 医疗保障经办事务 42,800.00 42,800.00',
    '全年支出 4.28 万元，执行率 85.60%。',
    '支付 4.28 万元 5.00 万元'];
  const d = readTextString(lines.join('\n'));
  assert.deepEqual(d.lines[1]!.cells, ['年度资金总额', '5.00', '5.00', '4.28', '10.00', '85.60', '8.56']);
  assert.deepEqual(d.lines[3]!.cells, ['2101301', '城乡医疗救助', '3,250,400.00', '3,250,400.00']);
  assert.equal(d.lines[6]!.cells.length, 1);
  assert.equal(d.lines[7]!.cells.length, 1);
});

/** The same 收入支出决算总表 with every run of spaces made one (copy-paste from a viewer): header lines are plain lines. */
const T01_SINGLE = T01_LAYOUT.split('\n').map((l) => l.trim().replace(/ {2,}/g, ' ')).join('\n');

test('single-spaced text: header lines without cells start the grid, 行次 known from the rows', () => {
  const t = table(T01_SINGLE, 'T01');
  assert.equal(amount(t, 'income:generalBudget'), 100012583);
  assert.equal(amount(t, 'fn:210'), 73584327);
  assert.equal(amount(t, 'grandTotal', 'expenditure'), 105227412);
  assert.ok(!t.rows.some((r) => Object.values(r.cells).some((c) => c.text === '32' || c.text === '9')), '行次 are no amounts');
});

test('must not: a title followed by prose is no table', () => {
  const text = ['收入决算表', '本部门2023年度收入合计 238.67 万元，其中财政拨款收入 238.67 万元。', '与上年相比增加 12.00 万元。'].join('\n');
  assert.equal(recognizeTables(readTextString(text)).tables.filter((t) => t.rows.length > 0).length, 0);
});

test('one cell per line, printed and extracted: indented cells, one blank line an empty cell, two a new row', () => {
  const text = ['部门整体支出绩效自评表', '     部门资金（万元）', '', '   年初预算数', '   全年预算数', '   全年执行数', '   执行率', '   分值', '   得分', '', '',
    '   年度资金总额', '   231.11', '   610.11', '   610.11', '   100%', '   10', '   10', '', '', '填表人：王利'].join('\n');
  const lines = readTextString(text).lines;
  assert.deepEqual(lines[1]!.cells, ['部门资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分']);
  assert.deepEqual(lines[2]!.cells, ['', '年度资金总额', '231.11', '610.11', '610.11', '100%', '10', '10']);
  assert.equal(lines[3]!.text, '填表人：王利');
});

test('must not: indented paragraphs and short indented lines without figures stay lines', () => {
  const text = ['一、部门职责', '    贯彻执行医疗保障的法律法规。', '', '    组织实施医疗保障基金监管。', '', '   （一）机构设置', '   （二）人员情况', '   （三）职能', '   （四）资产', '   （五）其他'].join('\n');
  const lines = readTextString(text).lines;
  assert.ok(lines.every((l) => l.cells.length === 1));
  assert.equal(lines.length, 8);
});

const T09_LEGACY_LAYOUT = `“三公”经费、行政参公单位机关运行经费情况表

公开 09 表
金额单位：元

项 目 行次   预算数 决算统计数
栏 次      1   2
一、“三公”经费支出 1       —     —
（一）支出合计2     6,000.00    898.00
1. 因公出国（境）费 3
2. 公务用车购置及运行维护费 4
3. 公务接待费 7   6,000.00    898.00
（1）国内接待费     8     —     898.00
5. 国内公务接待批次（个） 16        —     2
二、机关运行经费     22    —     237,207.55

注：本表反映“三公”经费情况。
`;

test('old row-wise 三公 table whose 行次 fell under the figures: rows re-laid as label | 行次 | 预算数 | 决算统计数', () => {
  const t = table(T09_LEGACY_LAYOUT, 'T09');
  const cell = (key: string, col: string): string | undefined => t.rows.find((r) => r.key === key)?.cells[col]?.text;
  assert.equal(cell('total', 'budget.total'), '6,000.00');
  assert.equal(cell('total', 'actual.total'), '898.00');
  assert.equal(cell('reception', 'actual.reception'), '898.00');
  assert.equal(cell('count.receptionBatches', 'actual.count.receptionBatches'), '2');
  assert.equal(cell('operatingExpense', 'actual.operatingExpense'), '237,207.55');
  assert.equal(t.rows.find((r) => r.key === 'abroad')?.lineNo, '3');
});
