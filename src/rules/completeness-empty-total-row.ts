/**
 * A total row (合计 / 本年收入合计 / 本年支出合计 / 总计) printed without any value while the rows it
 * totals carry amounts: the table's total is missing. A 小计 counts only as the table's one total.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Row, Table } from '../model/index.js';
import { amountOf, isNil, rowLabel, tableName, totalRow } from './utils/table-access.js';

const TOTAL_KEYS = new Set(['total', 'incomeTotal', 'expenditureTotal', 'grandTotal']);

function totalRows(table: Table): Row[] {
  const rows = table.rows.filter((r) => r.key && TOTAL_KEYS.has(r.key));
  const named = totalRow(table);
  return named && !rows.includes(named) ? [...rows, named] : rows;
}

function hasFigures(row: Row): boolean {
  return Object.values(row.cells).some((c) => (amountOf(c)?.fen ?? 0) !== 0);
}

function isEmpty(row: Row): boolean {
  return Object.values(row.cells).every(isNil);
}

/** '本年收入' / '本年支出' / '收入' / '支出' alone: the heading of a side of a two-sided table, not a total line. */
const SIDE_HEADING = /^(本年)?(收入|支出)(预算)?$/;

/** '小计' alone: the subtotal of a group of rows (一般公共预算资金 / 政府性基金 / 其他资金 …), not of the table. */
const isSubtotal = (r: Row): boolean => /^小\s*计$/.test(r.name.trim());

function check(table: Table): RawFinding[] {
  let totals = totalRows(table).filter((r) => !SIDE_HEADING.test(r.name.replace(/\s+/g, '')));
  // Where the table prints several totals, a blank 小计 closes a group whose rows may all be blank
  // too (a layout text sets the group's name on another line): it says nothing of the table's total.
  if (totals.length > 1) totals = totals.filter((r) => !isSubtotal(r));
  const isTotal = new Set(totals);
  // whether detail rows carry amounts, once per side (a table of thousands of total rows rescanned
  // every row for each of them: 10 s in a fuzz case of seed 32)
  const figuresBySide = new Map<string | undefined, boolean>();
  const detailHasFigures = (side: string | undefined): boolean => {
    let v = figuresBySide.get(side);
    if (v === undefined) figuresBySide.set(side, (v = table.rows.some((r) => !isTotal.has(r) && (side === undefined || r.side === side) && hasFigures(r))));
    return v;
  };
  return totals.filter(isEmpty).flatMap((total) => {
    if (!detailHasFigures(total.side)) return [];
    const label = rowLabel(total);
    return [{
      messageId: 'empty-total',
      message: `${table.ordinal ? `${table.ordinal} ` : ''}${tableName(table)}的“${label}”行没有数值，而明细行有金额`,
      evidence: label,
      at: total.prov,
      table: tableName(table),
      row: label,
    }];
  });
}

const rule: Rule = {
  meta: {
    id: 'completeness-empty-total-row',
    family: 'completeness',
    title: { zh: '合计行未填数', en: 'Total row carries no values' },
    description: 'A total row is printed blank although its detail rows carry amounts.',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['部门决算公开表填报说明：合计行应填列各明细行之和', '财预〔2016〕143号《地方预决算公开操作规程》：部门决算公开表应完整公开'],
  },
  check({ disclosure }) {
    return disclosure.tables.filter((t) => t.status === 'present').flatMap(check);
  },
};

export default rule;
