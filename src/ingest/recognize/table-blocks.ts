/**
 * T06 一般公共预算财政拨款基本支出决算表: side-by-side blocks of (经济分类 code, name, amount).
 * 301/303 are 人员经费, the other classes 公用经费; 人员经费合计 / 公用经费合计 rows carry their totals.
 */
import type { Unit } from '../../model/money.js';
import type { Cell, Column, Row } from '../../model/table.js';
import { compactText, isDash, isNumberText, makeCell } from './cells.js';
import type { GridRow } from './table-grid.js';
import { levelOf, provOf } from './table-code-rows.js';

const CODE_HEADER = /^(?:经济分类)?科目(?:代码|编码)$|^(?:经济分类)?编码$|^代码$/;
const ECON_CODE = /^3\d{2}(?:\d{2})?$/;
const TOTALS: [RegExp, string, 'personnel' | 'public'][] = [
  [/^人员经费(?:合计|小计)?$/, 'personnelTotal', 'personnel'],
  [/^公用经费(?:合计|小计)?$/, 'publicTotal', 'public'],
];

function blockStarts(header: GridRow[], data: GridRow[]): number[] {
  for (const h of header) {
    const starts = h.cells.map((c, i) => (CODE_HEADER.test(compactText(c.text)) ? i : -1)).filter((i) => i >= 0);
    if (starts.length >= 1) return starts;
  }
  const seen = new Set<number>();
  for (const g of data) g.cells.forEach((c, i) => ECON_CODE.test(c.text.trim()) && seen.add(i));
  return [...seen].sort((a, b) => a - b);
}

export function buildBlocks(header: GridRow[], data: GridRow[], unit: Unit): { rows: Row[]; columns: Column[] } {
  const starts = blockStarts(header, data);
  const byBlock: Row[][] = starts.map(() => []);
  const totals: Row[] = [];
  for (const g of data) {
    const total = totalRows(g, unit);
    if (total.length) {
      totals.push(...total);
      continue;
    }
    starts.forEach((s, b) => {
      const end = starts[b + 1] ?? g.cells.length;
      const row = blockRow(g, s, end, unit);
      if (row) byBlock[b]!.push(row);
    });
  }
  return { rows: [...byBlock.flat(), ...totals], columns: [{ key: 'amount', label: '决算数' }] };
}

function blockRow(g: GridRow, start: number, end: number, unit: Unit): Row | undefined {
  const codeCell = g.cells[start];
  const code = codeCell?.text.trim() ?? '';
  let name = '';
  let amountAt = -1;
  for (let c = start + 1; c < end; c++) {
    const t = g.cells[c]?.text.trim() ?? '';
    if (amountAt < 0 && name && (t === '' || isNumberText(t) || isDash(t))) amountAt = c;
    else if (!name && t !== '' && !isNumberText(t)) name = t;
  }
  if (amountAt < 0) amountAt = Math.min(start + 2, end - 1);
  if (!code && !name) return undefined;
  const gc = g.cells[amountAt];
  const cells: Record<string, Cell> = { amount: makeCell(gc?.text ?? '', unit, provOf(g, gc)) };
  const row: Row = { name, cells, prov: provOf(g, codeCell) };
  if (ECON_CODE.test(code) || /^\d{3,7}$/.test(code)) {
    row.code = code;
    row.key = code;
    const level = levelOf(code);
    if (level) row.codeLevel = level;
    row.side = code.startsWith('301') || code.startsWith('303') ? 'personnel' : 'public';
  } else if (code) {
    row.name = name ? `${code}${name}` : code;
  }
  return row;
}

/** 人员经费合计 | | 303.26 | 公用经费合计 | … | 24.24: each label takes the first figure after it. */
function totalRows(g: GridRow, unit: Unit): Row[] {
  const rows: Row[] = [];
  g.cells.forEach((cell, i) => {
    const t = compactText(cell.text);
    const hit = TOTALS.find(([re]) => re.test(t));
    if (!hit) return;
    let at = -1;
    for (let c = i + 1; c < g.cells.length; c++) {
      const x = g.cells[c]!.text.trim();
      if (TOTALS.some(([re]) => re.test(compactText(x)))) break;
      if (isNumberText(x) || isDash(x)) {
        at = c;
        break;
      }
    }
    const gc = at >= 0 ? g.cells[at] : undefined;
    const amount = makeCell(gc?.text ?? '', unit, gc ? provOf(g, gc) : provOf(g, cell));
    rows.push({ key: hit[1], name: cell.text, side: hit[2], cells: { amount }, prov: provOf(g, cell) });
  });
  return rows;
}
