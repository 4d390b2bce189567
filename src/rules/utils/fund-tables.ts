/**
 * T04's 政府性基金 / 国有资本经营 columns against their own tables (T07 / T08): 本年支出 and 本年收入
 * agree; a fund table printed empty ("本表无数据") means the T04 column states nothing or zero.
 */
import type { Cell, Disclosure, Row, Table, TableKey } from '../../model/index.js';
import type { RawFinding } from '../../check/types.js';
import { checkEquality } from './identity.js';
import { FUND_NAMES, type Fund } from './t01.js';
import { amountOf, columnLabel, mainCell, presentTable, rowLabel, sideRow, tableName, totalRow } from './table-access.js';

interface FundCell { cell: Cell; row: Row; column?: string }

/** The T04 cells of a fund: its 本年支出合计 column and its income line. */
function fundCells(t04: Table, fund: Fund): { spent?: FundCell; income?: FundCell } {
  const spentRow = sideRow(t04, 'expenditureTotal', 'expenditure');
  const incomeRow = t04.rows.find((r) => r.key === `income:${fund}` && r.side !== 'expenditure');
  const spentCell = spentRow?.cells[fund];
  const incomeCell = incomeRow ? mainCell(incomeRow, t04) : undefined;
  return {
    ...(spentRow && spentCell ? { spent: { cell: spentCell, row: spentRow, column: columnLabel(t04, fund) } } : {}),
    ...(incomeRow && incomeCell ? { income: { cell: incomeCell, row: incomeRow } } : {}),
  };
}

/** The fund table says it has no data: every non-zero T04 figure of the fund is a finding. */
function emptyTableFindings(t04: Table, own: Table, fund: Fund, cells: FundCell[]): RawFinding[] {
  return cells.filter((x) => amountOf(x.cell)?.fen).map((x) => ({
    messageId: 'empty-table-nonzero',
    message: `${tableName(own)}注明无数据，但${tableName(t04)}「${rowLabel(x.row)}」的${FUND_NAMES[fund]}为 ${x.cell.text}。`,
    evidence: x.cell.text, expected: '0.00', at: x.cell.prov,
    table: t04.key!, row: rowLabel(x.row), ...(x.column ? { column: x.column } : {}),
    related: [{ role: `${own.key} 无数据说明`, at: own.prov, table: own.key! }],
  }));
}

export function compareFundTable(d: Disclosure, fund: Fund, key: TableKey, skip: (reason: string) => void): RawFinding[] {
  const t04 = presentTable(d, 'T04');
  const own = d.tables.find((t) => t.key === key && t.status === 'present') ?? d.tables.find((t) => t.key === key);
  if (!t04) return [];
  if (!own) { skip(`未识别到表 ${key}`); return []; }
  const { spent, income } = fundCells(t04, fund);
  if (own.status === 'empty') return emptyTableFindings(t04, own, fund, [spent, income].filter((x): x is FundCell => !!x));
  const total = totalRow(own);
  if (!total) { skip(`${key} 未识别到合计行`); return []; }
  const pairs: [FundCell | undefined, string, string][] = [[spent, 'total', '本年支出'], [income, 'income', '本年收入']];
  return pairs.flatMap(([mine, col, what]) => {
    if (!mine || !total.cells[col]) return [];
    const f = checkEquality({
      messageId: col === 'total' ? 'expenditure-mismatch' : 'income-mismatch',
      statement: `${t04.key} ${FUND_NAMES[fund]}${what} = ${key} 合计行${what}`,
      a: { cell: mine.cell, label: `${tableName(t04)}「${rowLabel(mine.row)}」${mine.column ? `的${mine.column}` : ''}`, table: t04.key!, row: rowLabel(mine.row), ...(mine.column ? { column: mine.column } : {}) },
      b: { cell: total.cells[col], label: `${tableName(own)}合计行的${what}`, table: key, row: rowLabel(total), column: columnLabel(own, col) },
    });
    return f ? [f] : [];
  });
}
