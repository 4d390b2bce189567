import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTextString } from '../text/read-text.js';
import { recognizeTables } from './tables.js';
import type { Cell, Table, TableKey } from '../../model/table.js';

const tab = (...rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n');
const recognize = (text: string) => recognizeTables(readTextString(text));

function table(tables: Table[], key: TableKey): Table {
  const t = tables.find((x) => x.key === key);
  assert.ok(t, `${key} not recognised`);
  return t;
}

function cell(t: Table, rowKey: string, col: string, side?: string): Cell {
  const row = t.rows.find((r) => r.key === rowKey && (!side || r.side === side));
  assert.ok(row, `${t.key}: no row ${rowKey}`);
  const c = row.cells[col];
  assert.ok(c, `${t.key}: row ${rowKey} has no column ${col} (${Object.keys(row.cells).join(',')})`);
  return c;
}

function fen(c: Cell): number | null {
  return c.value.kind === 'amount' ? c.value.amount.fen : null;
}

const SUMMARY_DOC = [
  '目 录',
  '一、收入支出决算总表',
  '二、财政拨款收入支出决算总表',
  '三、支出决算表',
  '四、一般公共预算财政拨款基本支出决算表',
  '',
  '第二部分 部门决算表',
  '一、收入支出决算总表',
  '公开01表',
  '金额单位：元',
  tab(
    ['收入', '', '', '支出', '', ''],
    ['项目', '行次', '金额', '项目', '行次', '金额'],
    ['栏次', '', '1', '栏次', '', '2'],
    ['一、一般公共预算财政拨款收入', '1', '1,000.00', '一、一般公共服务支出', '30', '600.00'],
    ['二、政府性基金预算财政拨款收入', '2', '', '二、外交支出', '31', ''],
    ['八、其他收入', '8', '200.00', '八、社会保障和就业支出', '32', '600.00'],
    ['', '9', '', '九、卫生健康支出', '33', '0.00'],
    ['本年收入合计', '10', '1,200.00', '本年支出合计', '34', '1,200.00'],
    ['使用非财政拨款结余(含专用结余)', '11', '', '结余分配', '35', ''],
    ['年初结转和结余', '12', '50.00', '年末结转和结余', '36', '50.00'],
    ['总计', '13', '1,250.00', '总计', '37', '1,250.00'],
  ),
  '注：1. 本表反映部门本年度的总收支和年末结转结余情况。',
  '2. 本套报表金额单位转换时可能存在尾数误差。',
  '',
  '二、财政拨款收入支出决算总表',
  '公开02表',
  '金额单位：元',
  tab(
    ['收 入', '', '', '支 出', '', '', '', '', ''],
    ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ['一、一般公共预算财政拨款', '1', '1,000.00', '一、一般公共服务支出', '20', '500.00', '500.00', '', ''],
    ['二、政府性基金预算财政拨款', '2', '', '八、社会保障和就业支出', '21', '500.00', '500.00', '', ''],
    ['本年收入合计', '3', '1,000.00', '本年支出合计', '22', '1,000.00', '1,000.00', '', ''],
    ['年初财政拨款结转和结余', '4', '30.00', '年末财政拨款结转和结余', '23', '30.00', '30.00', '', ''],
    ['一般公共预算财政拨款', '5', '30.00', '', '24', '', '', '', ''],
    ['总计', '6', '1,030.00', '总计', '25', '1,030.00', '1,030.00', '', ''],
  ),
  '',
  '第三部分 情况说明',
  '一、收入支出决算总体情况说明',
  '2023年度收、支总计均为1,250.00元。',
].join('\n');

test('T01: both sides, canonical row keys, 行次, function classes, printed unit and ordinal', () => {
  const { tables } = recognize(SUMMARY_DOC);
  const t = table(tables, 'T01');
  assert.equal(t.unit, '元');
  assert.equal(t.unitSource, 'printed');
  assert.equal(t.ordinal, '公开01表');
  assert.equal(t.status, 'present');
  assert.equal(fen(cell(t, 'income:generalBudget', 'amount')), 100_000);
  assert.equal(fen(cell(t, 'income:other', 'amount')), 20_000);
  assert.equal(cell(t, 'income:governmentFund', 'amount').value.kind, 'blank');
  assert.equal(fen(cell(t, 'incomeTotal', 'amount')), 120_000);
  assert.equal(fen(cell(t, 'carryoverBegin', 'amount')), 5_000);
  assert.equal(fen(cell(t, 'grandTotal', 'amount', 'income')), 125_000);
  assert.equal(fen(cell(t, 'fn:208', 'amount')), 60_000);
  assert.equal(fen(cell(t, 'fn:210', 'amount')), 0);
  assert.equal(fen(cell(t, 'expenditureTotal', 'amount')), 120_000);
  assert.equal(fen(cell(t, 'carryoverEnd', 'amount')), 5_000);
  assert.equal(fen(cell(t, 'grandTotal', 'amount', 'expenditure')), 125_000);
  const fn = t.rows.find((r) => r.key === 'fn:201')!;
  assert.deepEqual([fn.side, fn.code, fn.codeLevel, fn.lineNo, fn.codeKnown], ['expenditure', '201', 'category', '30', true]);
  assert.ok(t.rows.some((r) => r.key === 'useNonFiscalSurplus'));
  assert.equal(t.notes.length, 2);
  const c = cell(t, 'incomeTotal', 'amount');
  assert.equal(c.prov.cell, 2);
  assert.equal(c.prov.line, 18);
});

test('T04: fund columns of the expenditure side and the carry-over breakdown rows', () => {
  const { tables } = recognize(SUMMARY_DOC);
  const t = table(tables, 'T04');
  assert.deepEqual(t.columns.map((c) => c.key), ['amount', 'total', 'generalBudget', 'governmentFund', 'stateCapital']);
  assert.equal(fen(cell(t, 'income:generalBudget', 'amount')), 100_000);
  assert.equal(fen(cell(t, 'fn:208', 'generalBudget')), 50_000);
  assert.equal(fen(cell(t, 'expenditureTotal', 'total')), 100_000);
  assert.equal(fen(cell(t, 'carryoverBegin', 'amount')), 3_000);
  assert.equal(fen(cell(t, 'carryoverBegin:generalBudget', 'amount')), 3_000);
  assert.equal(fen(cell(t, 'carryoverEnd', 'generalBudget')), 3_000);
  assert.equal(fen(cell(t, 'grandTotal', 'total', 'expenditure')), 103_000);
});

test('目录 entries name their table; a table listed but not printed is only a 目录 entry', () => {
  const { tables, toc, consumed } = recognize(SUMMARY_DOC);
  assert.deepEqual(toc.map((e) => e.table), ['T01', 'T04', 'T03', 'T06']);
  assert.equal(toc[3]!.prov.line, 5);
  assert.deepEqual(tables.map((t) => t.key), ['T01', 'T04']);
  assert.ok(!consumed.has(2), 'the 目录 is not part of a table');
  assert.ok(consumed.has(8) && consumed.has(10) && consumed.has(22), 'title, unit line and notes are consumed');
  assert.ok(consumed.has(35) && !consumed.has(37) && !consumed.has(39), 'the narrative is not consumed');
});

test('printed ordinals are collected with their lines, duplicates included', () => {
  const text = ['收入决算表', '公开14表', tab(['项目', '本年收入合计'], ['合计', '1.00']), '', '项目支出绩效自评表', '公开14表', '（表一）'].join('\n');
  const { ordinals } = recognize(text);
  assert.deepEqual(ordinals.map((o) => [o.text, o.prov.line]), [['公开14表', 2], ['公开14表', 7], ['表一', 8]]);
});

test('code tables: one code column, 合计 row, canonical columns, codes checked against the catalogue', () => {
  const text = [
    '三、支出决算表',
    '单位：万元',
    tab(
      ['项目', '', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ['科目代码', '科目名称', '', '', '', '', '', ''],
      ['栏次', '', '1', '2', '3', '4', '5', '6'],
      ['合计', '', '300.00', '200.00', '100.00', '', '', ''],
      ['2101501', '行政运行', '200.00', '200.00', '', '', '', ''],
      ['2101505', '医疗保障政策管理', '100.00', '', '100.00', '', '', ''],
      ['2109901', '某个目录外的项目', '0.00', '', '', '', '', '-'],
    ),
  ].join('\n');
  const t = table(recognize(text).tables, 'T03');
  assert.deepEqual(t.columns.map((c) => c.key), ['total', 'basic', 'project', 'remittance', 'business', 'subsidy']);
  assert.equal(t.unit, '万元');
  assert.equal(fen(cell(t, 'total', 'basic')), 200_000_000);
  assert.equal(fen(cell(t, '2101501', 'basic')), 200_000_000);
  assert.equal(cell(t, '2101505', 'basic').value.kind, 'blank');
  assert.equal(cell(t, '2109901', 'subsidy').value.kind, 'dash');
  const rows = Object.fromEntries(t.rows.map((r) => [r.key, r]));
  assert.equal(rows['2101501']!.codeLevel, 'item');
  assert.equal(rows['2101501']!.codeKnown, true);
  assert.equal(rows['2109901']!.codeKnown, false);
  assert.equal(rows['2109901']!.name, '某个目录外的项目');
});

test('code tables: three code columns (类 | 款 | 项) joined, both printed forms', () => {
  const head = [
    '五、一般公共预算财政拨款支出决算表',
    '金额单位：万元',
    tab(['科目编码', '', '', '科目名称', '本年支出', '', ''], ['类', '款', '项', '', '小计', '基本支出', '项目支出']),
  ];
  const short = tab(
    ['', '', '', '合计', '30.00', '20.00', '10.00'],
    ['210', '', '', '卫生健康支出', '30.00', '20.00', '10.00'],
    ['210', '15', '', '医疗保障管理事务', '30.00', '20.00', '10.00'],
    ['210', '15', '01', '行政运行', '20.00', '20.00', ''],
    ['', '', '05', '医疗保障政策管理', '10.00', '', '10.00'],
  );
  const long = tab(
    ['', '', '', '合计', '30.00', '20.00', '10.00'],
    ['210', '', '', '卫生健康支出', '30.00', '20.00', '10.00'],
    ['', '21015', '', '医疗保障管理事务', '30.00', '20.00', '10.00'],
    ['', '', '2101501', '行政运行', '20.00', '20.00', ''],
    ['', '', '2101505', '医疗保障政策管理', '10.00', '', '10.00'],
  );
  for (const body of [short, long]) {
    const t = table(recognize([...head, body].join('\n')).tables, 'T05');
    assert.deepEqual(t.rows.map((r) => r.key), ['total', '210', '21015', '2101501', '2101505']);
    assert.deepEqual(t.rows.map((r) => r.codeLevel), [undefined, 'category', 'section', 'item', 'item']);
    assert.equal(fen(cell(t, '2101505', 'project')), 10_000_000);
    assert.equal(t.rows[3]!.name, '行政运行');
  }
});

test('tables with a note instead of figures are empty; a note-only table has no rows', () => {
  const text = [
    '七、政府性基金预算财政拨款收入支出决算表',
    '金额单位：万元',
    '注：本单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。',
    '',
    '八、国有资本经营预算财政拨款支出决算表',
    tab(['项目', '', '本年支出', '', ''], ['科目代码', '科目名称', '合计', '基本支出', '项目支出'], ['合计', '', '', '', '']),
    '说明：我单位今年不涉及。',
    '',
    '二、收入决算表',
    tab(['项目', '', '本年收入合计', '财政拨款收入'], ['合计', '', '0.00', '0.00']),
  ].join('\n');
  const { tables } = recognize(text);
  const t07 = table(tables, 'T07');
  assert.equal(t07.status, 'empty');
  assert.equal(t07.rows.length, 0);
  assert.match(t07.notes[0]!, /故本表无数据/);
  const t08 = table(tables, 'T08');
  assert.equal(t08.status, 'empty');
  assert.deepEqual(t08.rows.map((r) => r.key), ['total']);
  assert.equal(table(tables, 'T02').status, 'present', 'stated zeros are figures');
});

test('units: printed per table, inherited from the document, or assumed', () => {
  const grid = tab(['项目', '本年收入合计'], ['合计', '5.00']);
  const inherited = recognize(['收入决算表', grid, '', '支出决算表', '金额单位：元', tab(['项目', '本年支出合计'], ['合计', '5.00'])].join('\n'));
  assert.deepEqual([table(inherited.tables, 'T02').unit, table(inherited.tables, 'T02').unitSource], ['元', 'document']);
  const fromText = recognize(['收入决算表', grid, '', '本年收入合计5.00万元，比上年增加1.00万元。'].join('\n'));
  assert.deepEqual([table(fromText.tables, 'T02').unit, table(fromText.tables, 'T02').unitSource], ['万元', 'document']);
  const assumed = recognize(['收入决算表', grid].join('\n'));
  assert.equal(table(assumed.tables, 'T02').unitSource, 'assumed');
});

test('a title inside a sentence or a 情况说明 heading is not a table', () => {
  const text = [
    '七、政府性基金预算财政拨款收入支出决算情况说明',
    '本单位无政府性基金收支，政府性基金预算财政拨款收入支出决算表为空表。',
    '一般公共预算财政拨款项目支出决算表',
    tab(['项目', '', '本年支出'], ['2101501', '行政运行', '1.00']),
  ].join('\n');
  const { tables, toc } = recognize(text);
  assert.deepEqual(tables, []);
  assert.deepEqual(toc, []);
});
