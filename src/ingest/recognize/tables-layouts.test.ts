import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readText, readTextString } from '../text/read-text.js';
import { recognizeTables } from './tables.js';
import type { Cell, Table, TableKey } from '../../model/table.js';

const tab = (...rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n');
const recognize = (text: string) => recognizeTables(readTextString(text));

function table(tables: Table[], key: TableKey): Table {
  const t = tables.find((x) => x.key === key);
  assert.ok(t, `${key} not recognised`);
  return t;
}

function cell(t: Table, rowKey: string, col: string): Cell {
  const row = t.rows.find((r) => r.key === rowKey);
  assert.ok(row, `${t.key}: no row ${rowKey}`);
  assert.ok(row.cells[col], `${t.key}: row ${rowKey} has no ${col}: ${Object.keys(row.cells).join(',')}`);
  return row.cells[col]!;
}

const printed = (c: Cell): string => c.text;
const fen = (c: Cell): number | null => (c.value.kind === 'amount' ? c.value.amount.fen : null);

/** One line of `pdftotext -layout` text: [column, text, 'l' (starts there) | 'r' (ends there)]. */
function layoutLine(...parts: [number, string, 'l' | 'r'][]): string {
  let s = '';
  for (const [col, text, align] of parts) s = s.padEnd(align === 'l' ? col : col - text.length, ' ') + text;
  return s;
}

test('pdftotext -layout text: empty cells recovered from positions, wrapped name joined', () => {
  const L = layoutLine;
  const text = [
    L([30, '三、支出决算表', 'l']),
    L([90, '金额单位：万元', 'l']),
    L([0, '科目编码', 'l'], [9, '科目名称', 'l'], [40, '本年支出合计', 'r'], [52, '基本支出', 'r'], [64, '项目支出', 'r'],
      [78, '上缴上级支出', 'r'], [88, '经营支出', 'r'], [104, '对附属单位补助支出', 'r']),
    L([9, '合计', 'l'], [40, '300.00', 'r'], [52, '200.00', 'r'], [64, '100.00', 'r']),
    L([0, '2101501', 'l'], [9, '行政运行', 'l'], [40, '200.00', 'r'], [52, '200.00', 'r']),
    L([0, '2101505', 'l'], [9, '医疗保障政策管理', 'l'], [40, '100.00', 'r'], [64, '100.00', 'r']),
    L([0, '2101202', 'l'], [9, '财政对城乡居民基本医疗', 'l'], [40, '0.00', 'r'], [64, '0.00', 'r']),
    L([9, '保险基金的补助', 'l']),
    L([0, '2210201', 'l'], [9, '住房公积金', 'l'], [40, '0.00', 'r'], [52, '0.00', 'r'], [88, '-', 'r']),
    '',
    '注：本表反映部门本年度各项支出情况。',
  ].join('\n');
  const t = table(recognize(text).tables, 'T03');
  assert.deepEqual(t.columns.map((c) => c.key), ['total', 'basic', 'project', 'remittance', 'business', 'subsidy']);
  assert.deepEqual(t.rows.map((r) => r.key), ['total', '2101501', '2101505', '2101202', '2210201']);
  assert.equal(printed(cell(t, '2101505', 'project')), '100.00');
  assert.equal(cell(t, '2101505', 'basic').value.kind, 'blank');
  assert.equal(cell(t, '2101505', 'basic').prov.cell, undefined, 'a blank the grid inserted has no raw cell');
  assert.equal(cell(t, '2101505', 'project').prov.cell, 3);
  assert.equal(cell(t, '2210201', 'business').value.kind, 'dash');
  assert.equal(t.rows.find((r) => r.key === '2101202')!.name, '财政对城乡居民基本医疗保险基金的补助');
  assert.equal(t.unit, '万元');
  assert.equal(t.notes.length, 1);
});

test('wrapped names in the tab form and a 合计 label printed in a value cell', () => {
  const text = [
    '支出决算表',
    tab(
      ['支出功能分类科目编码', '科目名称', '', '本年支出合计', '基本支出', '项目支出'],
      ['类', '款', '项', '1', '2', '3'],
      ['', '', '栏 次', '合 计', '', ''],
      ['2101202', '', '财政对城乡居民基本医疗保险基金的', '198.24', '', '198.24'],
      ['', '', '补助', '', '', ''],
      ['2210201', '', '住房公积金', '24.25', '24.25', ''],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T03');
  const total = t.rows[0]!;
  assert.equal(total.key, 'total');
  assert.ok(Object.values(total.cells).every((c) => c.value.kind === 'blank'), 'the 合计 row has no values');
  assert.equal(t.rows[1]!.name, '财政对城乡居民基本医疗保险基金的补助');
  assert.equal(t.rows.length, 3);
});

test('an unlabelled first row with figures is the 合计 row', () => {
  const text = [
    '一般公共预算财政拨款支出决算表',
    tab(['项目', '', '本年支出', '', ''], ['科目代码', '科目名称', '小计', '基本支出', '项目支出'], ['', '', '238.67', '157.38', '81.29'],
      ['208', '社会保障和就业支出', '13.06', '13.06', '0.00']),
  ].join('\n');
  const t = table(recognize(text).tables, 'T05');
  assert.equal(printed(cell(t, 'total', 'total')), '238.67');
  assert.equal(printed(cell(t, 'total', 'project')), '81.29');
});

test('split header cells are re-joined (公务用车购 / 置费) and T09 cells keyed budget.* / actual.*', () => {
  const text = [
    '九、财政拨款“三公”经费支出决算表',
    tab(
      ['预算数', '', '', '', '', '', '决算数', '', '', '', '', ''],
      ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费', '合计', '因公出国（境） 费', '公务用车购置及运行维护费', '', '', '公务接待费'],
      ['', '', '小计', '公务用车购', '公务用车运', '', '', '', '小计', '公务用车 购', '公务用车运', ''],
      ['', '', '', '置费', '行维护费', '', '', '', '', '置费', '行维护 费', ''],
      ['3.00', '0.00', '1.00', '0.00', '1.00', '2.00', '2.50', '0.00', '0.80', '0.00', '0.80', '1.70'],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T09');
  assert.equal(t.variant, 'national');
  const keys = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];
  assert.deepEqual(t.columns.map((c) => c.key), [...keys.map((k) => `budget.${k}`), ...keys.map((k) => `actual.${k}`)]);
  assert.equal(t.columns[3]!.label, '预算数/公务用车购置及运行维护费/公务用车购置费');
  assert.equal(printed(cell(t, 'threePublic', 'actual.vehicleOperation')), '0.80');
  assert.equal(printed(cell(t, 'threePublic', 'budget.reception')), '2.00');
});

test('a garbled header falls back on the canonical columns of the form (Yunnan 2021 T05)', () => {
  const values = ['', '', '', '100.00', '60.00', '40.00', '100.00', '60.00', '50.00', '10.00', '40.00', '', '', ''];
  const text = [
    '一般公共预算财政拨款收入支出决算表',
    '金额单位：元',
    tab(
      ['支出功能分类科目编码', '', '项目', '年初结转和结余', '', '', '本年收入', '', '', '本年支出', '', '', '', '', '年末结转和结余', '', ''],
      ['', '', '', '合计', '基本支出结转', '项目支出结转和结余', '合计', '基本支出', '项目支出', '合计', '基本支出', '', '', '项目支出', '合计', '基本支出结转', '项目支出结转和结余'],
      ['类', '款', '项', '科目名称', ...Array.from({ length: 14 }, (_, i) => String(i + 1))],
      ['', '', '', '合计', ...values],
      ['210', '', '', '卫生健康支出', ...values],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T05');
  assert.equal(t.variant, 'yunnan-2021-short');
  assert.equal(fen(cell(t, '210', 'personnel')), 5_000);
  assert.equal(fen(cell(t, '210', 'public')), 1_000);
  assert.equal(fen(cell(t, 'total', 'total')), 10_000);
  assert.equal(fen(cell(t, 'total', 'income.project')), 4_000);
});

test('a table continued on the next page without its title', () => {
  const header = ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
  const text = [
    '三、支出决算表',
    '金额单位：元',
    tab(header, ['合计', '', '300.00', '200.00', '100.00', '', '', ''], ['2080505', '机关事业单位基本养老保险缴费支出', '100.00', '100.00', '', '', '', '']),
    '- 5 -',
    '\f续表',
    tab(header, ['2101501', '行政运行', '100.00', '100.00', '', '', '', ''], ['2101505', '医疗保障政策管理', '100.00', '', '100.00', '', '', '']),
    '注：本表反映部门本年度各项支出情况。',
  ].join('\n');
  const { tables, consumed } = recognize(text);
  assert.equal(tables.length, 1);
  const t = tables[0]!;
  assert.deepEqual(t.rows.map((r) => r.key), ['total', '2080505', '2101501', '2101505']);
  assert.equal(t.rows[3]!.prov.page, 2);
  assert.equal(t.endLine, 11);
  // the page number ('- 5 -', the last line of page 1) is furniture the text reader drops
  assert.ok(consumed.has(7), '续表 belongs to the table');
});

test('T06: side-by-side blocks of economic codes, with 人员经费 / 公用经费 totals', () => {
  const text = [
    '六、一般公共预算财政拨款基本支出决算表',
    '金额单位：元',
    tab(
      ['人员经费', '', '', '公用经费', '', '', '', '', ''],
      ['科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数'],
      ['301', '工资福利支出', '100.00', '302', '商品和服务支出', '30.00', '310', '资本性支出', '5.00'],
      ['30101', '基本工资', '100.00', '30201', '办公费', '30.00', '31002', '办公设备购置', '5.00'],
      ['303', '对个人和家庭的补助', '0.00', '', '', '', '', '', ''],
      ['人员经费合计', '', '100.00', '公用经费合计', '', '', '', '', '35.00'],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T06');
  assert.deepEqual(t.rows.map((r) => `${r.key}:${r.side}`), [
    '301:personnel', '30101:personnel', '303:personnel', '302:public', '30201:public', '310:public', '31002:public',
    'personnelTotal:personnel', 'publicTotal:public',
  ]);
  assert.equal(printed(cell(t, 'publicTotal', 'amount')), '35.00');
  assert.equal(cell(t, 'publicTotal', 'amount').prov.cell, 8);
  assert.equal(printed(cell(t, '31002', 'amount')), '5.00');
  assert.equal(t.rows.find((r) => r.key === '30201')!.codeKnown, true);
});

test('T09 old form: rows keyed like the modern columns, counts as numbers, dashes kept', () => {
  const text = [
    '“三公”经费、行政参公单位机关运行经费情况表',
    '公开09表',
    '金额单位：元',
    tab(
      ['项 目', '行次', '预算数', '决算统计数'],
      ['栏 次', '', '1', '2'],
      ['一、“三公”经费支出', '1', '—', '—'],
      ['（一）支出合计', '2', '5,000.00', '700.00'],
      ['1. 因公出国（境）费', '3', '', ''],
      ['3. 公务接待费', '7', '5,000.00', '700.00'],
      ['5. 国内公务接待批次（个）', '16', '—', '3'],
      ['二、机关运行经费', '22', '—', '12,345.60'],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T09');
  assert.equal(t.variant, 'three-public-legacy');
  assert.equal(printed(cell(t, 'total', 'budget.total')), '5,000.00');
  assert.equal(printed(cell(t, 'reception', 'actual.reception')), '700.00');
  assert.deepEqual(cell(t, 'count.receptionBatches', 'actual.count.receptionBatches').value, { kind: 'number', value: '3', percent: false });
  assert.equal(cell(t, 'count.receptionBatches', 'budget.count.receptionBatches').value.kind, 'dash');
  assert.equal(printed(cell(t, 'operatingExpense', 'actual.operatingExpense')), '12,345.60');
  assert.equal(t.rows.find((r) => r.key === 'reception')!.lineNo, '7');
});

test('a table printed under a generic title is recognised by its content', () => {
  const text = [
    '附表2',
    '金额单位：万元',
    tab(
      ['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['科目代码', '科目名称', '', '', '', '', '', '', ''],
      ['合计', '', '12.00', '12.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
      ['2101501', '行政运行', '12.00', '12.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
    ),
  ].join('\n');
  const { tables, consumed } = recognize(text);
  const t = table(tables, 'T02');
  assert.equal(t.title, '');
  assert.equal(t.ordinal, '附表2');
  assert.deepEqual([t.unit, t.unitSource, t.prov.line], ['万元', 'printed', 1]);
  assert.ok(consumed.has(1) && consumed.has(2));
  assert.equal(printed(cell(t, '2101501', 'fiscal')), '12.00');
  assert.ok(consumed.has(3));
});

test('a GBK-encoded document is read and its table recognised', () => {
  const bytes = new Uint8Array([
    202, 213, 200, 235, 190, 246, 203, 227, 177, 237, 10, 189, 240, 182, 238, 181, 165, 206, 187, 163, 186, 205, 242, 212,
    170, 10, 207, 238, 196, 191, 9, 177, 190, 196, 234, 202, 213, 200, 235, 186, 207, 188, 198, 10, 186, 207, 188, 198, 9,
    49, 44, 50, 51, 52, 46, 53, 48, 10,
  ]);
  const t = table(recognizeTables(readText(bytes)).tables, 'T02');
  assert.equal(t.unitSource, 'printed');
  assert.equal(fen(cell(t, 'total', 'total')), 1_234_500_000);
});

test('a 50 KB table of 700 rows is recognised whole', () => {
  const rows = Array.from({ length: 700 }, (_, i) => ['2101501', `行政运行${i}`, '279.24', '248.22', '31.02', '', '', ''].join('\t'));
  const text = ['三、支出决算表', '金额单位：万元', tab(['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']), ...rows].join('\n');
  assert.ok(text.length > 25_000);
  const bytes = new TextEncoder().encode(text);
  // Speed is measured by `npm run bench`, never asserted here: this checks that a 700-row table is read whole.
  const r = recognizeTables(readText(bytes));
  assert.equal(r.tables[0]!.rows.length, 700);
});

test('pdftotext -layout T06: three blocks under a spanning 人员经费 | 公用经费 header', () => {
  const L = layoutLine;
  const text = [
    L([20, '一般公共预算财政拨款基本支出决算表', 'l']),
    L([70, '金额单位：元', 'l']),
    L([10, '人员经费', 'l'], [50, '公用经费', 'l']),
    L([0, '科目代码', 'l'], [8, '科目名称', 'l'], [30, '决算数', 'r'], [32, '科目代码', 'l'], [40, '科目名称', 'l'], [62, '决算数', 'r'],
      [64, '科目代码', 'l'], [72, '科目名称', 'l'], [94, '决算数', 'r']),
    L([0, '301', 'l'], [8, '工资福利支出', 'l'], [30, '100.00', 'r'], [32, '302', 'l'], [40, '商品和服务支出', 'l'], [62, '30.00', 'r'],
      [64, '310', 'l'], [72, '资本性支出', 'l'], [94, '5.00', 'r']),
    L([0, '30101', 'l'], [8, '基本工资', 'l'], [30, '100.00', 'r'], [32, '30201', 'l'], [40, '办公费', 'l'], [62, '30.00', 'r'],
      [64, '31002', 'l'], [72, '办公设备购置', 'l'], [94, '5.00', 'r']),
    L([0, '303', 'l'], [8, '对个人和家庭的补助', 'l'], [30, '0.00', 'r'], [32, '30205', 'l'], [40, '水费', 'l']),
    L([0, '人员经费合计', 'l'], [30, '100.00', 'r'], [32, '公用经费合计', 'l'], [94, '35.00', 'r']),
  ].join('\n');
  const t = table(recognize(text).tables, 'T06');
  assert.deepEqual(t.rows.map((r) => `${r.key}=${r.cells.amount!.text}`), [
    '301=100.00', '30101=100.00', '303=0.00', '302=30.00', '30201=30.00', '30205=', '310=5.00', '31002=5.00',
    'personnelTotal=100.00', 'publicTotal=35.00',
  ]);
});
