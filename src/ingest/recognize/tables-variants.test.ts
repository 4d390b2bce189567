import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTextString } from '../text/read-text.js';
import { recognizeTables } from './tables.js';
import type { Table, TableKey } from '../../model/table.js';

const tab = (...rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n');
const recognize = (text: string) => recognizeTables(readTextString(text));

function table(tables: Table[], key: TableKey): Table {
  const t = tables.find((x) => x.key === key);
  assert.ok(t, `${key} not recognised`);
  return t;
}

function printed(t: Table, rowKey: string, col: string, side?: string): string | undefined {
  return t.rows.find((r) => r.key === rowKey && (!side || r.side === side))?.cells[col]?.text;
}

function layoutLine(...parts: [number, string, 'l' | 'r'][]): string {
  let s = '';
  for (const [col, text, align] of parts) s = s.padEnd(align === 'l' ? col : col - text.length, ' ') + text;
  return s;
}

test('a 目录 printed with page numbers (as a grid or with leader dots) gives 目录 entries, not tables', () => {
  const text = [
    '目录',
    tab(['一、收入支出决算总表', '5']),
    tab(['二、收入决算表', '6']),
    '三、支出决算表……………………7',
    tab(['九、财政拨款“三公”经费支出决算表', '12']),
    tab(['第三部分 2023年度部门决算情况说明', '13']),
    tab(['一、收入支出决算总体情况说明', '13']),
    '',
    '二、收入决算表',
    tab(['项目', '', '本年收入合计', '财政拨款收入'], ['合计', '', '5.00', '5.00']),
  ].join('\n');
  const { tables, toc, ordinals } = recognize(text.replace('二、收入决算表\t6', '公开02表 收入决算表\t6'));
  assert.deepEqual(toc.map((e) => e.table), ['T01', 'T02', 'T03', 'T09']);
  assert.deepEqual(ordinals, [], 'an ordinal in the 目录 is not a printed table ordinal');
  assert.deepEqual(tables.map((t) => [t.key, t.prov.line]), [['T02', 9]]);
});

test('titles with ordinals, years, entities and notes in brackets', () => {
  const titles: [string, TableKey][] = [
    ['表一 收入支出决算总表', 'T01'],
    ['附表3：支出决算表', 'T03'],
    ['XX县医疗保障局2023年度收入决算表', 'T02'],
    ['财政拨款收入支出决算总表（公开04表）', 'T04'],
    ['一般公共预算财政拨款支出决算表（单位：万元）', 'T05'],
    ['一般公共预算财政拨款基本支出决算表（按经济分类科目）', 'T06'],
    ['国有资本经营预算财政拨款收入支出决算表', 'T08'],
    ['《一般公共预算财政拨款“三公”经费支出决算表》', 'T09'],
    ['2023年度部门决算公开表一：收入支出决算总表', 'T01'],
    ['示例县医疗保障局（本级）收入支出决算总表（2023年度）', 'T01'],
  ];
  for (const [title, key] of titles) {
    const { tables } = recognize([title, tab(['项目', '', '合计'], ['合计', '', '1.00'])].join('\n'));
    assert.equal(tables[0]?.key, key, title);
  }
  const notTables = ['一般公共预算财政拨款项目支出决算表', '关于2023年度支出决算表的说明。', '五、一般公共预算财政拨款支出决算情况说明'];
  for (const title of notTables) {
    assert.deepEqual(recognize([title, tab(['项目', '', '合计'], ['合计', '', '1.00'])].join('\n')).tables, [], title);
  }
});

test('pdftotext -layout T01: both sides recovered from positions', () => {
  const L = layoutLine;
  const text = [
    L([20, '收入支出决算总表', 'l']),
    L([60, '金额单位：万元', 'l']),
    L([0, '项目', 'l'], [26, '行次', 'r'], [38, '金额', 'r'], [42, '项目', 'l'], [68, '行次', 'r'], [80, '金额', 'r']),
    L([0, '一、一般公共预算财政拨款收入', 'l'], [26, '1', 'r'], [38, '2,502.70', 'r'], [42, '一、一般公共服务支出', 'l'], [68, '32', 'r']),
    L([0, '四、上级补助收入', 'l'], [26, '4', 'r'], [38, '0.00', 'r'], [42, '八、社会保障和就业支出', 'l'], [68, '39', 'r'], [80, '26.83', 'r']),
    L([26, '9', 'r'], [42, '九、卫生健康支出', 'l'], [68, '40', 'r'], [80, '2,475.87', 'r']),
    L([0, '本年收入合计', 'l'], [26, '27', 'r'], [38, '2,502.70', 'r'], [42, '本年支出合计', 'l'], [68, '58', 'r'], [80, '2,502.70', 'r']),
    L([0, '总计', 'l'], [26, '31', 'r'], [38, '2,502.70', 'r'], [42, '总计', 'l'], [68, '62', 'r'], [80, '2,502.70', 'r']),
  ].join('\n');
  const t = table(recognize(text).tables, 'T01');
  assert.equal(printed(t, 'income:generalBudget', 'amount'), '2,502.70');
  assert.equal(printed(t, 'income:superiorSubsidy', 'amount'), '0.00');
  assert.equal(printed(t, 'fn:201', 'amount'), '');
  assert.equal(printed(t, 'fn:210', 'amount'), '2,475.87');
  assert.equal(printed(t, 'expenditureTotal', 'amount'), '2,502.70');
  assert.equal(t.rows.find((r) => r.key === 'fn:210')!.lineNo, '40');
  assert.equal(t.rows.filter((r) => r.side === 'income' && !r.key).map((r) => r.lineNo).join(), '9');
});

test('shifted rows: a name printed in a value column, figures starting in the label column', () => {
  const text = [
    '支出决算表',
    tab(
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['栏次', '', '1', '2', '3'],
      ['合计', '', '30.00', '20.00', '10.00'],
      ['2101501', '', '行政运行', '20.00', '20.00', ''],
      ['2101505', '10.00', '', '10.00'],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T03');
  const r1 = t.rows.find((r) => r.key === '2101501')!;
  assert.equal(r1.name, '行政运行');
  assert.deepEqual([r1.cells.total!.text, r1.cells.basic!.text, r1.cells.project!.text], ['20.00', '20.00', '']);
  assert.equal(r1.cells.total!.prov.cell, 3);
  const r2 = t.rows.find((r) => r.key === '2101505')!;
  assert.deepEqual([r2.cells.total!.text, r2.cells.basic!.text, r2.cells.project!.text], ['10.00', '', '10.00']);
});

test('nothing is dropped: unparsable cells stay as text, unknown columns get c<n> keys', () => {
  const text = [
    '收入决算表',
    tab(['项目', '', '本年收入合计', '财政拨款收入', '某种新收入'], ['合计', '', '5.00', '见附注', '1.00'], ['2101501', '行政运行', '5.00', '5.00', '']),
  ].join('\n');
  const t = table(recognize(text).tables, 'T02');
  assert.deepEqual(t.columns.map((c) => c.key), ['total', 'fiscal', 'c3']);
  assert.deepEqual(t.rows[0]!.cells.fiscal!.value, { kind: 'text', text: '见附注' });
  assert.equal(t.rows[0]!.cells.c3!.text, '1.00');
});

test('tight pdftotext -layout spacing: code and name, figure and label joined by one space; header over the figures', () => {
  const L = layoutLine;
  const text = [
    L([28, '支出决算表', 'l']),
    L([63, '金额单位：万元', 'l']),
    L([0, '科目编码', 'l'], [11, '科目名称', 'l'], [35, '本年支出合计', 'l'], [58, '基本支出', 'l'], [72, '项目支出', 'l']),
    L([11, '合计', 'l'], [55, '1,234.56', 'r'], [67, '934.56', 'r'], [84, '300.00', 'r']),
    L([8, '201', 'r'], [9, '一般公共服务支出', 'l'], [55, '1,134.56', 'r'], [67, '834.56', 'r'], [84, '300.00', 'r']),
    L([8, '20106', 'r'], [9, '财政事务', 'l'], [55, '1,134.56', 'r'], [67, '834.56', 'r'], [84, '300.00', 'r']),
    L([8, '2010601', 'r'], [9, '行政运行', 'l'], [55, '834.56', 'r'], [67, '834.56', 'r'], [84, '0.00', 'r']),
    L([8, '208', 'r'], [9, '社会保障和就业支出', 'l'], [55, '100.00', 'r'], [67, '100.00', 'r'], [84, '0.00', 'r']),
  ].join('\n');
  const doc = readTextString(text);
  assert.deepEqual(doc.lines[4]!.cells, ['201', '一般公共服务支出', '1,134.56', '834.56', '300.00']);
  const t = table(recognizeTables(doc).tables, 'T03');
  assert.deepEqual(t.columns.map((c) => c.key), ['total', 'basic', 'project']);
  assert.equal(printed(t, '2010601', 'basic'), '834.56');
  assert.equal(printed(t, 'total', 'project'), '300.00');
});

test('T06 printed by economic code with 合计 | 人员经费 | 公用经费 columns', () => {
  const text = [
    '一般公共预算财政拨款基本支出决算表',
    '金额单位：万元',
    tab(
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['', '合计', '130.00', '100.00', '30.00'],
      ['301', '工资福利支出', '100.00', '100.00', ''],
      ['302', '商品和服务支出', '30.00', '', '30.00'],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T06');
  assert.deepEqual(t.columns.map((c) => c.key), ['amount', 'personnel', 'public']);
  assert.equal(printed(t, '302', 'public'), '30.00');
  assert.equal(printed(t, 'total', 'personnel'), '100.00');
  assert.equal(t.rows.find((r) => r.key === '301')!.codeKnown, true);
});

test('an entity name and the year printed alone between title and grid', () => {
  const text = ['收入决算表', '示例县医疗保障局', '2023年度', '编制部门：示例县医疗保障局 金额单位：元', tab(['项目', '', '本年收入合计'], ['合计', '', '5.00'])].join('\n');
  const { tables, consumed } = recognize(text);
  const t = table(tables, 'T02');
  assert.equal(t.unitSource, 'printed');
  assert.equal(t.unit, '元');
  assert.ok(consumed.has(2) && consumed.has(3));
});

test('T09 with 预算数 and 决算数 as rows: cells keyed budget.* / actual.* all the same', () => {
  const text = [
    '财政拨款“三公”经费支出决算表',
    tab(
      ['项目', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'],
      ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', ''],
      ['预算数', '3.00', '0.00', '1.00', '0.00', '1.00', '2.00'],
      ['决算数', '2.50', '0.00', '0.80', '0.00', '0.80', '1.70'],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T09');
  assert.equal(t.variant, 'budget-actual-rows');
  assert.equal(printed(t, 'threePublic.budget', 'budget.reception'), '2.00');
  assert.equal(printed(t, 'threePublic.actual', 'actual.vehicleOperation'), '0.80');
  assert.equal(printed(t, 'threePublic.actual', 'actual.total'), '2.50');
});

test('findCell finds a 三公 figure by its column key in every form', async () => {
  const { findCell } = await import('../../catalog/tables.js');
  const modern = recognize(['财政拨款“三公”经费支出决算表', tab(['预算数', '', '决算数', ''], ['合计', '公务接待费', '合计', '公务接待费'], ['2.00', '2.00', '1.70', '1.70'])].join('\n'));
  const legacy = recognize(['“三公”经费、行政参公单位机关运行经费情况表', tab(['项目', '行次', '预算数', '决算统计数'], ['（一）支出合计', '1', '2.00', '1.70'], ['1. 因公出国（境）费', '2', '', ''], ['3. 公务接待费', '3', '2.00', '1.70'])].join('\n'));
  for (const r of [modern, legacy]) {
    const t = table(r.tables, 'T09');
    assert.equal(findCell(t, 'actual.reception')?.text, '1.70', t.variant);
    assert.equal(findCell(t, 'budget.total')?.text, '2.00', t.variant);
  }
  const t = table(modern.tables, 'T09');
  assert.equal(findCell(t, 'actual.reception', 'nope'), undefined);
});

test('older T04 form: 一、本年收入 with its funds, 二、上年结转 with its funds', () => {
  const text = [
    '财政拨款收入支出决算总表',
    tab(
      ['收入', '', '', '支出', '', '', '', ''],
      ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
      ['一、本年收入', '1', '100.00', '一、本年支出', '10', '110.00', '110.00', ''],
      ['（一）一般公共预算财政拨款', '2', '100.00', '（一）社会保障和就业支出', '11', '110.00', '110.00', ''],
      ['二、上年结转', '3', '10.00', '二、年末结转和结余', '12', '0.00', '0.00', ''],
      ['（一）一般公共预算财政拨款', '4', '10.00', '', '13', '', '', ''],
      ['总计', '5', '110.00', '总计', '14', '110.00', '110.00', ''],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T04');
  assert.deepEqual(t.rows.filter((r) => r.side === 'income').map((r) => r.key), ['incomeTotal', 'income:generalBudget', 'carryoverBegin', 'carryoverBegin:generalBudget', 'grandTotal']);
  assert.deepEqual(t.rows.filter((r) => r.side === 'expenditure' && r.key).map((r) => r.key), ['expenditureTotal', 'fn:208', 'carryoverEnd', 'grandTotal']);
  assert.equal(printed(t, 'fn:208', 'generalBudget'), '110.00');
});

test('a note printed between the title and the grid', () => {
  const text = ['支出决算表', '注：本表含所属二级单位的支出，金额单位为万元。', tab(['项目', '', '本年支出合计'], ['合计', '', '5.00']), '注：本表反映部门本年度各项支出情况。'].join('\n');
  const t = table(recognize(text).tables, 'T03');
  assert.equal(t.status, 'present');
  assert.deepEqual([t.unit, t.unitSource], ['万元', 'printed']);
  assert.equal(t.notes.length, 2);
  assert.equal(printed(t, 'total', 'total'), '5.00');
});

test('an empty grid row inside a table does not end it', () => {
  const text = ['支出决算表', tab(['项目', '', '本年支出合计'], ['合计', '', '5.00'], ['', '', ''], ['2101501', '行政运行', '5.00'])].join('\n');
  const t = table(recognize(text).tables, 'T03');
  assert.deepEqual(t.rows.map((r) => r.key), ['total', '2101501']);
});
