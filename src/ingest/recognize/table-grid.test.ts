import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawDocument, RawLine } from '../raw.js';
import { toGrid } from './table-grid.js';
import { recognizeTables } from './tables.js';

// Columns of a ruled 收入预算总表 with the code split in 类 | 款 | 项: x edges of the grid.
const XS = [57, 92, 126, 160, 364, 456, 538, 620, 702, 783];
const span = (from: number, to = from + 1) => ({ x0: XS[from]!, x1: XS[to]! });

let no = 0;
function ruled(cells: string[], x = cells.map((_, k) => span(k))): RawLine {
  no++;
  return { line: no, page: 1, text: cells.join('\t'), cells, tabular: true, cellX: x };
}
function text(t: string): RawLine {
  no++;
  return { line: no, page: 1, text: t, cells: [t], tabular: false };
}

test('toGrid: a ruled row of merged cells (合计 over code and name) is placed by x, not by order', () => {
  const rows = toGrid([
    ruled(['201', '', '', '一般公共服务支出', '2,932,700', '2,932,700', '0', '0', '0']),
    ruled(['201', '05', '', '统计信息事务', '257,700', '257,700', '0', '0', '0']),
    ruled(['合计', '156,211,123', '156,211,123', '0', '0', '0'], [{ x0: XS[0]!, x1: XS[4]! }, span(4), span(5), span(6), span(7), span(8)]),
  ]);
  assert.deepEqual(rows[2]!.cells.map((c) => c.text), ['合计', '', '', '', '156,211,123', '156,211,123', '0', '0', '0']);
  assert.deepEqual(rows[2]!.cells.map((c) => c.index), [0, -1, -1, -1, 1, 2, 3, 4, 5]);
});

test('toGrid: rows without positions (tab-separated text) stay positional', () => {
  const line = (cells: string[]): RawLine => ({ line: ++no, text: cells.join('\t'), cells, tabular: true });
  const rows = toGrid([line(['201', '', '一般公共服务支出', '10']), line(['201', '05', '统计信息事务', '10']), line(['合计', '10'])]);
  assert.deepEqual(rows[2]!.cells.map((c) => c.text), ['合计', '10']);
});

test('收入预算总表 continued on a page whose 合计 row merges the code columns: figures stay in their columns', () => {
  no = 0;
  const lines: RawLine[] = [
    text('2024年部门收入预算总表'),
    text('单位：元'),
    ruled(['项目', '', '', '', '收入预算', '', '', '', '']),
    ruled(['功能分类科目编码', '', '', '功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入']),
    ruled(['类', '款', '项', '', '', '', '', '', '']),
    ruled(['201', '', '', '一般公共服务支出', '2,932,700', '2,932,700', '0', '0', '0']),
    ruled(['201', '05', '', '统计信息事务', '257,700', '257,700', '0', '0', '0']),
    ruled(['201', '05', '07', '专项普查活动', '257,700', '257,700', '0', '0', '0']),
    ruled(['201', '29', '', '群众团体事务', '2,675,000', '2,675,000', '0', '0', '0']),
    ruled(['201', '29', '02', '一般行政管理事务', '2,675,000', '2,675,000', '0', '0', '0']),
    ruled(['合计', '2,932,700', '2,932,700', '0', '0', '0'], [{ x0: XS[0]!, x1: XS[4]! }, span(4), span(5), span(6), span(7), span(8)]),
  ];
  const doc: RawDocument = { format: 'pdf', lines, pages: 1 };
  const t = recognizeTables(doc).tables.find((x) => x.key === 'T02');
  assert.ok(t, 'T02 not recognised');
  assert.deepEqual(t.columns.map((c) => c.key), ['total', 'fiscal', 'operational', 'business', 'other']);
  const total = t.rows.find((r) => r.key === 'total');
  assert.equal(total?.cells.fiscal?.text, '2,932,700');
  const category = t.rows.find((r) => r.code === '201');
  assert.equal(category?.name, '一般公共服务支出');
  assert.equal(category?.cells.total?.text, '2,932,700');
  assert.ok(t.rows.some((r) => r.code === '2010507'));
});
