/**
 * The table figure a narrative concept names: 总计/收入合计/支出合计 (T01), 财政拨款收支总计 (T04),
 * 财政拨款收入 (T02), 基本/项目支出 (T03, or T05 for 一般公共预算), 一般公共预算财政拨款支出 (T05),
 * 类 amounts (T05), 人员经费/公用经费 (T06), 三公 items (T09, 预算数 or 决算数).
 */
import type { Amount, Disclosure, Provenance, Row, Table } from '../../model/index.js';
import { amountOf, codeRows, columnLabel, mainCell, presentTable, rowLabel, sideRow, tableName, totalRow } from './table-access.js';
import type { Concept } from './narrative-subjects.js';

export interface TableFigure {
  amount: Amount;
  at: Provenance;
  table: string;
  row: string;
  column?: string;
  /** Printed figures summed to make it (1 for a cell). */
  terms?: number;
}

function cellFigure(t: Table, row: Row | undefined, column?: string): TableFigure | undefined {
  if (!row) return undefined;
  const cell = column ? row.cells[column] : mainCell(row);
  const amount = amountOf(cell);
  if (!cell || !amount) return undefined;
  return { amount, at: cell.prov, table: tableName(t), row: rowLabel(row), ...(column ? { column: columnLabel(t, column) } : {}) };
}

function t01(d: Disclosure, key: string, side: 'income' | 'expenditure'): TableFigure | undefined {
  const t = presentTable(d, 'T01');
  return t ? cellFigure(t, sideRow(t, key, side)) : undefined;
}

function totalCell(d: Disclosure, key: 'T02' | 'T03' | 'T05', column: string): TableFigure | undefined {
  const t = presentTable(d, key);
  return t ? cellFigure(t, totalRow(t), column) : undefined;
}

/** A 类 amount of T05: its 类 row, or the sum of its deepest printed rows. */
function functionClass(d: Disclosure, code: string): TableFigure | undefined {
  const t = presentTable(d, 'T05');
  if (!t) return undefined;
  const own = t.rows.find((r) => r.code === code || r.key === `fn:${code}`);
  if (own) return cellFigure(t, own, 'total');
  const under = (digits: 5 | 7): Row[] => codeRows(t, digits).filter((r) => r.code!.startsWith(code));
  const rows = under(5).length ? under(5) : under(7);
  if (!rows.length) return undefined;
  const amounts = rows.map((r) => amountOf(r.cells.total)).filter((a): a is Amount => a !== undefined);
  if (amounts.length !== rows.length) return undefined;
  const fen = amounts.reduce((sum, a) => sum + a.fen, 0);
  return {
    amount: { ...amounts[0]!, fen, printed: '' }, at: rows[0]!.cells.total!.prov, table: tableName(t),
    row: `${code}（${rows.length} 行之和）`, column: columnLabel(t, 'total'), terms: rows.length,
  };
}

function t06Total(d: Disclosure, key: 'personnelTotal' | 'publicTotal'): TableFigure | undefined {
  const t = presentTable(d, 'T06');
  if (!t) return undefined;
  const name = key === 'personnelTotal' ? /^人员经费(合计|小计)?$/ : /^公用经费(合计|小计)?$/;
  return cellFigure(t, t.rows.find((r) => r.key === key) ?? t.rows.find((r) => !r.code && name.test(r.name.trim())));
}

function threePublic(d: Disclosure, item: string, role: 'value' | 'budget'): TableFigure | undefined {
  const t = presentTable(d, 'T09');
  if (!t) return undefined;
  const side = role === 'budget' ? 'budget' : 'actual';
  const wide = t.rows.find((r) => r.cells[`${side}.${item}`]);
  if (wide) return cellFigure(t, wide, `${side}.${item}`);
  return cellFigure(t, t.rows.find((r) => r.key === item), side);
}

/** The table figure of a concept for a stated value (or budget, for 三公). */
export function tableFigure(d: Disclosure, concept: Concept, role: 'value' | 'budget'): TableFigure | undefined {
  if (concept.startsWith('threePublic.')) return threePublic(d, concept.slice('threePublic.'.length), role);
  if (role !== 'value') return undefined;
  if (concept.startsWith('fn:')) return functionClass(d, concept.slice(3));
  if (concept.startsWith('income:')) return t01(d, concept, 'income');
  if (concept.startsWith('expenditure:')) return totalCell(d, 'T03', concept.slice('expenditure:'.length));
  switch (concept) {
    case 'grandTotal': return t01(d, 'grandTotal', 'income');
    case 'incomeTotal': return t01(d, 'incomeTotal', 'income') ?? totalCell(d, 'T02', 'total');
    case 'expenditureTotal': return t01(d, 'expenditureTotal', 'expenditure') ?? totalCell(d, 'T03', 'total');
    case 'fiscalGrandTotal': {
      const t = presentTable(d, 'T04');
      return t ? cellFigure(t, sideRow(t, 'grandTotal', 'income')) : undefined;
    }
    case 'fiscalIncome': return totalCell(d, 'T02', 'fiscal');
    case 'useNonFiscalSurplus': return t01(d, 'useNonFiscalSurplus', 'income');
    case 'carryoverBegin': return t01(d, 'carryoverBegin', 'income');
    case 'carryoverEnd': return t01(d, 'carryoverEnd', 'expenditure');
    case 'basicExpenditure': return totalCell(d, 'T03', 'basic');
    case 'projectExpenditure': return totalCell(d, 'T03', 'project');
    case 'generalBudgetExpenditure': return totalCell(d, 'T05', 'total');
    case 'generalBudgetBasic': return totalCell(d, 'T05', 'basic');
    case 'generalBudgetProject': return totalCell(d, 'T05', 'project') ?? totalCell(d, 'T03', 'project');
    case 'personnelExpense': return t06Total(d, 'personnelTotal');
    case 'publicExpense': return t06Total(d, 'publicTotal');
    default: return undefined;
  }
}
