/**
 * Function-class (类) amounts of a code-rows table, for comparing with the 类 lines of T01/T04: the
 * printed 类 row when there is one, else the sum of the top-level rows under the class (款 or 项).
 */
import type { Table } from '../../model/index.js';
import type { RawFinding } from '../../check/types.js';
import { distinctCodeRows, topLevelRows } from './hierarchy.js';
import { checkIdentity, type Term } from './identity.js';
import { functionClassLines } from './t01.js';
import { amountOf, codeRows, columnLabel, mainCell, rowLabel, tableName, totalRow } from './table-access.js';

/** The 3-digit classes a code table prints rows for. */
export function classesOf(t: Table): string[] {
  return [...new Set(codeRows(t).map((r) => r.code!.slice(0, 3)))].sort();
}

/**
 * Terms that make up class `cls` in column `col` (one term when the 类 row is printed); [] when the
 * class has no row; undefined when a code of the class is printed twice with different figures.
 */
export function classTerms(t: Table, cls: string, col: string): Term[] | undefined {
  const { rows: all, ambiguous } = distinctCodeRows(t);
  const rows = all.filter((r) => r.code!.startsWith(cls));
  if (rows.some((r) => ambiguous.has(r.code!))) return undefined;
  const head = rows.find((r) => r.code === cls);
  const chosen = head ? [head] : topLevelRows(rows);
  const table = t.key ?? t.title;
  return chosen.map((r) => ({ cell: r.cells[col], label: rowLabel(r), table, row: rowLabel(r), column: columnLabel(t, col) }));
}

/**
 * 类 lines of a summary table (T01 or T04) against the 类 amounts of a code table (T03 or T05):
 * each printed class line equals its class there, and a class printed there with an amount has a line.
 */
export function compareClasses(summary: Table, summaryColumn: string | undefined, codes: Table, codesColumn: string, messageId: string): RawFinding[] {
  const out: RawFinding[] = [];
  const lines = functionClassLines(summary);
  if (!codeRows(codes).length) return out; // the code table was read without codes: nothing to match on
  for (const line of lines) {
    const cls = line.key!.slice(3);
    const cell = summaryColumn ? line.cells[summaryColumn] : mainCell(line, summary);
    const terms = classTerms(codes, cls, codesColumn);
    if (!terms || (!terms.length && !amountOf(cell)?.fen)) continue;
    const f = checkIdentity({
      messageId,
      statement: `${summary.key}「${rowLabel(line)}」= ${codes.key} ${cls} 类合计`,
      total: cell,
      totalLabel: `${tableName(summary)}的「${rowLabel(line)}」`,
      table: summary.key!, row: rowLabel(line),
      terms: terms.length ? terms : [{ cell: undefined, label: `${codes.key} 无 ${cls} 类科目` }],
      termRole: `${codes.key} 对应科目`,
      impliedZero: true,
    });
    if (f) out.push(f);
  }
  const printed = new Set(lines.filter((l) => amountOf(summaryColumn ? l.cells[summaryColumn] : mainCell(l, summary))).map((l) => l.key!.slice(3)));
  const total = totalRow(codes);
  for (const cls of classesOf(codes).filter((c) => !printed.has(c) && lines.length)) {
    const terms = classTerms(codes, cls, codesColumn) ?? [];
    const first = terms.find((t) => amountOf(t.cell)?.fen);
    if (!first || !total) continue;
    out.push({
      messageId: `${messageId}-missing-line`,
      message: `${tableName(codes)}列有 ${cls} 类支出（${first.row}：${first.cell!.text}），${tableName(summary)}中该类支出未列金额。`,
      evidence: first.cell!.text,
      at: first.cell!.prov,
      table: codes.key!, row: first.row!, ...(first.column ? { column: first.column } : {}),
    });
  }
  return out;
}

