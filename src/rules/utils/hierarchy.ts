/**
 * The classification hierarchy of code rows: a 类 (3 digits) equals the sum of its printed 款 (5),
 * a 款 the sum of its printed 项 (7), in every value column; a 类 whose 款 are not printed equals the
 * sum of its 项. The 合计 row equals the sum of the top-level rows (those without a printed parent).
 */
import type { Cell, Row, Table } from '../../model/index.js';
import type { RawFinding } from '../../check/types.js';
import { memoInRun } from '../../check/document-index.js';
import { checkIdentity, evaluateIdentity } from './identity.js';
import { codeRows, columnLabel, rowLabel, tableName, totalRow } from './table-access.js';

/** The printed children of `parent`: the next printed level of codes under it. */
export function childrenOf(parent: Row, rows: readonly Row[]): Row[] {
  const code = parent.code!;
  const below = rows.filter((r) => r !== parent && r.code!.length > code.length && r.code!.startsWith(code));
  if (!below.length) return [];
  const next = Math.min(...below.map((r) => r.code!.length));
  return below.filter((r) => r.code!.length === next);
}

/**
 * For each code, the rows below it (longer codes it is a prefix of), in row order; built in one pass
 * over the rows and the code lengths that occur, instead of scanning all rows for every parent.
 */
function rowsBelow(rows: readonly Row[]): Map<string, Row[]> {
  const lengths = [...new Set(rows.map((r) => r.code!.length))];
  const below = new Map<string, Row[]>();
  for (const r of rows) {
    const code = r.code!;
    for (const n of lengths) {
      if (n >= code.length) continue;
      const prefix = code.slice(0, n);
      const list = below.get(prefix);
      if (list) list.push(r);
      else below.set(prefix, [r]);
    }
  }
  return below;
}

/** The next printed level under `parent` from its rows below. */
function nextLevel(below: readonly Row[] | undefined): Row[] {
  if (!below?.length) return [];
  let next = Infinity;
  for (const r of below) next = Math.min(next, r.code!.length);
  return below.filter((r) => r.code!.length === next);
}

/** Rows without a printed parent (a shorter code that is a prefix of theirs). */
export function topLevelRows(rows: readonly Row[]): Row[] {
  const codes = new Set(rows.map((r) => r.code!));
  const lengths = [...new Set(rows.map((r) => r.code!.length))];
  return rows.filter((r) => !lengths.some((n) => n < r.code!.length && codes.has(r.code!.slice(0, n))));
}

/**
 * Code rows with each code once: a row printed twice with the same figures (a repeated page) counts
 * once; a code printed twice with different figures is ambiguous and nothing that involves it is judged.
 */
export function distinctCodeRows(table: Table): { rows: Row[]; ambiguous: Set<string> } {
  const shared = memoInRun('hierarchy:distinct-code-rows', table, scanDistinct);
  return { rows: [...shared.rows], ambiguous: new Set(shared.ambiguous) };
}

function scanDistinct(table: Table): { rows: Row[]; ambiguous: Set<string> } {
  const byCode = new Map<string, Row>();
  const ambiguous = new Set<string>();
  const sig = (r: Row) => JSON.stringify(Object.entries(r.cells).map(([k, c]) => [k, c.text]).sort());
  for (const r of codeRows(table)) {
    const seen = byCode.get(r.code!);
    if (!seen) byCode.set(r.code!, r);
    else if (sig(seen) !== sig(r)) ambiguous.add(r.code!);
  }
  return { rows: [...byCode.values()], ambiguous };
}

/** Value columns: those at least one row holds an amount in. */
export function valueColumns(table: Table): string[] {
  return table.columns.map((c) => c.key).filter((k) => table.rows.some((r) => r.cells[k]?.value.kind === 'amount'));
}

function codeList(rows: readonly Row[]): string {
  const codes = rows.map((r) => r.code);
  return codes.length > 8 ? `${codes.slice(0, 8).join(' + ')} + …共${codes.length}项` : codes.join(' + ');
}

/** True when the sum holds exactly: nothing to report, so no label or message is built. */
function sumHolds(total: Cell, rows: readonly Row[], col: string): boolean {
  const check = evaluateIdentity({ total, terms: rows.map((r) => ({ cell: r.cells[col], label: '' })) });
  return !check || check.status === 'equal';
}

function parentFindings(table: Table, parent: Row, children: Row[], columns: string[], messageId: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const col of columns) {
    const total = parent.cells[col];
    if (!total || sumHolds(total, children, col)) continue;
    const label = rowLabel(parent);
    const colName = columnLabel(table, col);
    const f = checkIdentity({
      messageId,
      statement: `「${label}」= 其下级科目之和（${codeList(children)}）`,
      total,
      totalLabel: `${tableName(table)}「${label}」行的${colName}`,
      table: table.key ?? table.title,
      row: label,
      column: colName,
      terms: children.map((c) => ({ cell: c.cells[col], label: rowLabel(c), row: rowLabel(c), column: colName })),
      termRole: '下级科目',
    });
    if (f) out.push(f);
  }
  return out;
}

/** 类 = Σ款, 款 = Σ项 for every printed parent with printed children, in every value column. */
export function checkCodeHierarchy(table: Table, messageId: string): RawFinding[] {
  const { rows, ambiguous } = distinctCodeRows(table);
  const columns = valueColumns(table);
  const below = rowsBelow(rows);
  return rows.flatMap((parent) => {
    if (parent.code!.length >= 7) return [];
    const children = nextLevel(below.get(parent.code!)?.filter((r) => r !== parent));
    if (!children.length || [parent, ...children].some((r) => ambiguous.has(r.code!))) return [];
    return parentFindings(table, parent, children, columns, messageId);
  });
}

/** 合计 = Σ top-level code rows (类, or 项 when only 项 are printed), in every value column. */
export function checkTotalOfCodes(table: Table, messageId: string): RawFinding[] {
  const total = totalRow(table);
  const { rows, ambiguous } = distinctCodeRows(table);
  const tops = topLevelRows(rows);
  if (!total || !tops.length || tops.some((r) => ambiguous.has(r.code!))) return [];
  const out: RawFinding[] = [];
  for (const col of valueColumns(table)) {
    const cell = total.cells[col];
    if (!cell || sumHolds(cell, tops, col)) continue;
    const colName = columnLabel(table, col);
    const f = checkIdentity({
      messageId,
      statement: `合计 = 各${tops.every((r) => r.code!.length === 3) ? '类' : '科目'}之和`,
      total: cell,
      totalLabel: `${tableName(table)}「${rowLabel(total)}」行的${colName}`,
      table: table.key ?? table.title,
      row: rowLabel(total),
      column: colName,
      terms: tops.map((r) => ({ cell: r.cells[col], label: rowLabel(r), row: rowLabel(r), column: colName })),
      termRole: '科目',
    });
    if (f) out.push(f);
  }
  return out;
}
