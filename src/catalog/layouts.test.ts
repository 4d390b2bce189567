import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodySpans, columnWidthsMm, defineLayout, finalAccountsLayout, headerGrid, inferLayout, performanceLayout } from './layouts.js';

test('defineLayout: a header tree becomes rows of spanning cells; leaves span down; the 栏次 row spans the stub', () => {
  const l = finalAccountsLayout('T09', 'national');
  assert.equal(l.orientation, 'landscape');
  assert.equal(l.columns.length, 12);
  assert.deepEqual(l.header[0], [
    { text: '预算数', row: 0, col: 0, colSpan: 6, rowSpan: 1 },
    { text: '决算数', row: 0, col: 6, colSpan: 6, rowSpan: 1 },
  ]);
  assert.deepEqual(l.header[1]!.map((c) => [c.text, c.colSpan, c.rowSpan]).slice(0, 4), [['合计', 1, 2], ['因公出国（境）费', 1, 2], ['公务用车购置及运行维护费', 3, 1], ['公务接待费', 1, 2]]);
  assert.deepEqual(l.header[2]!.map((c) => c.text).slice(0, 3), ['小计', '公务用车购置费', '公务用车运行维护费']);
  assert.deepEqual(headerGrid(l)[3], ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  const t05 = finalAccountsLayout('T05', 'national');
  assert.deepEqual(headerGrid(t05), [['项目', '', '本年支出', '', ''], ['科目代码', '科目名称', '小计', '基本支出', '项目支出'], ['栏次', '', '1', '2', '3']]);
  assert.deepEqual(t05.header[2]![0], { text: '栏次', row: 2, col: 0, colSpan: 2, rowSpan: 1 });
  assert.equal(t05.orientation, 'portrait');
});

test('finalAccountsLayout: every 部门决算 table has a layout whose grid is as wide as its columns; T02 with or without 教育收费', () => {
  for (const key of ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09']) {
    for (const variant of ['national', 'shanghai', 'yunnan-2021']) {
      const l = finalAccountsLayout(key, variant);
      for (const row of headerGrid(l)) assert.equal(row.length, l.columns.length, `${key} ${variant}`);
      for (const row of l.header) {
        const covered = row.reduce((a, c) => a + c.colSpan, 0);
        assert.ok(covered <= l.columns.length, `${key}: no row wider than the table`);
      }
    }
  }
  assert.equal(finalAccountsLayout('T02', 'national', { educationFees: true }).columns.length, finalAccountsLayout('T02', 'national').columns.length + 1);
  assert.equal(finalAccountsLayout('T09', 'yunnan-2021').columns.length, 4);
  assert.throws(() => finalAccountsLayout('X99', 'national'), /no layout/);
});

test('defineLayout: a tree whose leaves do not match the columns is refused', () => {
  assert.throws(() => defineLayout({ id: 'x', orientation: 'portrait', header: [{ label: 'a' }, { label: 'b' }], columns: [{ width: 1, format: 'text' }] }), /2 header leaves for 1 columns/);
});

test('inferLayout: labels over blanks head groups, blanks below a label merge into it, 栏次 spans the stub', () => {
  const grid = [['项目', '', '本年支出', '', ''], ['科目代码', '科目名称', '小计', '基本支出', '项目支出'], ['栏次', '', '1', '2', '3']];
  const l = inferLayout(grid, [['205', '教育支出', '1.00', '1.00', '0.00']]);
  assert.deepEqual(l.header.map((r) => r.map((c) => [c.text, c.colSpan, c.rowSpan])), [
    [['项目', 2, 1], ['本年支出', 3, 1]],
    [['科目代码', 1, 1], ['科目名称', 1, 1], ['小计', 1, 1], ['基本支出', 1, 1], ['项目支出', 1, 1]],
    [['栏次', 2, 1], ['1', 1, 1], ['2', 1, 1], ['3', 1, 1]],
  ]);
  assert.deepEqual(headerGrid(l), grid);
  assert.deepEqual(l.columns.map((c) => c.format), ['code', 'text', 'amount', 'amount', 'amount']);
  const leafDown = inferLayout([['项目', '', '年初结转和结余'], ['科目代码', '科目名称', ''], ['栏次', '', '1']], []);
  assert.deepEqual(leafDown.header[0]!.map((c) => [c.text, c.colSpan, c.rowSpan]), [['项目', 2, 1], ['年初结转和结余', 1, 2]]);
  assert.deepEqual(headerGrid(leafDown), [['项目', '', '年初结转和结余'], ['科目代码', '科目名称', ''], ['栏次', '', '1']]);
});

test('bodySpans: form rows merge blanks into the text before/above them, never a whole row; grid tables only merge total labels', () => {
  const form = performanceLayout();
  const rows = [
    ['项目名称', '某项目', '', '', '', '', '', '', '', ''],
    ['主管部门', '某局', '', '', '实施单位', '某局', '', '', '', ''],
    ['只此一格', '', '', '', '', '', '', '', '', ''],
    ['总分', '', '', '', '', '', '', '总分值', '总得分', '自评等级'],
    ['', '', '', '', '', '', '', '100.00', '95.00', '优'],
  ];
  const spans = bodySpans(form, rows).map((s) => [s.text, s.row, s.col, s.colSpan, s.rowSpan]);
  assert.deepEqual(spans, [
    ['某项目', 0, 1, 9, 1],
    ['某局', 1, 1, 3, 1],
    ['某局', 1, 5, 5, 1],
    ['总分', 3, 0, 7, 2],
  ]);
  const t06 = finalAccountsLayout('T06', 'national');
  const total = ['人员经费合计', '', '330.55', '公用经费合计', '', '', '', '', '47.36'];
  assert.deepEqual(bodySpans(t06, [total], [true]).map((s) => [s.text, s.col, s.colSpan]), [['人员经费合计', 0, 2], ['公用经费合计', 3, 5]]);
  assert.deepEqual(bodySpans(t06, [total], [false]), []);
});

test('columnWidthsMm: the layout widths scaled to the printable width', () => {
  const l = finalAccountsLayout('T03', 'national');
  const w = columnWidthsMm(l, 261);
  assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 261) < 1e-6);
  assert.ok(w[1]! > w[2]!, 'the name column is the widest');
});
