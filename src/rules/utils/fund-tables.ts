/**
 * T04's 政府性基金 / 国有资本经营 columns against their own tables (T07 / T08): 本年支出 and 本年收入
 * agree; a fund table printed empty ("本表无数据") means the T04 column states nothing or zero.
 */
import type { Disclosure, TableKey } from '../../model/index.js';
import type { RawFinding } from '../../check/types.js';
import { checkEquality } from './identity.js';
import { FUND_NAMES, type Fund } from './t01.js';
import { amountOf, columnLabel, mainCell, presentTable, rowLabel, sideRow, tableName, totalRow } from './table-access.js';

export function compareFundTable(d: Disclosure, fund: Fund, key: TableKey, skip: (reason: string) => void): RawFinding[] {
  const t04 = presentTable(d, 'T04');
  const own = d.tables.find((t) => t.key === key);
  if (!t04) return [];
  if (!own) { skip(`未识别到表 ${key}`); return []; }
  const spent = sideRow(t04, 'expenditureTotal', 'expenditure');
  const spentCell = spent?.cells[fund];
  const income = t04.rows.find((r) => r.key === `income:${fund}` && r.side !== 'expenditure');
  const at04 = (label: string, row: string, column?: string) => ({ label, table: t04.key!, row, ...(column ? { column } : {}) });
  if (own.status === 'empty') {
    return [spent && spentCell ? { cell: spentCell, row: spent, column: columnLabel(t04, fund) } : undefined,
      income ? { cell: mainCell(income), row: income, column: undefined } : undefined]
      .filter((x) => x !== undefined && amountOf(x.cell)?.fen)
      .map((x) => ({
        messageId: 'empty-table-nonzero',
        message: `${tableName(own)}注明无数据，但${tableName(t04)}「${rowLabel(x!.row)}」的${FUND_NAMES[fund]}为 ${x!.cell!.text}。`,
        evidence: x!.cell!.text, expected: '0.00', at: x!.cell!.prov,
        table: t04.key!, row: rowLabel(x!.row), ...(x!.column ? { column: x!.column } : {}),
        related: [{ role: `${key} 无数据说明`, at: own.prov, table: key }],
      }));
  }
  const total = totalRow(own);
  if (!total) return [];
  const out: (RawFinding | undefined)[] = [];
  if (spent && total.cells.total) {
    out.push(checkEquality({
      messageId: 'expenditure-mismatch', statement: `${t04.key} ${FUND_NAMES[fund]}本年支出 = ${key} 合计`,
      a: { cell: spentCell, ...at04(`${tableName(t04)}「${rowLabel(spent)}」的${columnLabel(t04, fund)}`, rowLabel(spent), columnLabel(t04, fund)) },
      b: { cell: total.cells.total, label: `${tableName(own)}合计行的本年支出`, table: key, row: rowLabel(total), column: columnLabel(own, 'total') },
    }));
  }
  if (income && total.cells.income) {
    out.push(checkEquality({
      messageId: 'income-mismatch', statement: `${t04.key} ${FUND_NAMES[fund]}收入 = ${key} 合计行本年收入`,
      a: { cell: mainCell(income), ...at04(`${tableName(t04)}的「${rowLabel(income)}」`, rowLabel(income)) },
      b: { cell: total.cells.income, label: `${tableName(own)}合计行的本年收入`, table: key, row: rowLabel(total), column: columnLabel(own, 'income') },
    }));
  }
  return out.filter((f): f is RawFinding => f !== undefined);
}
