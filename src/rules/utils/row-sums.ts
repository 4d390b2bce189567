/**
 * Row identities of the code-rows tables: in every row, a total column equals the sum of its part
 * columns (T02 本年收入合计 = Σ income columns; T03 本年支出合计 = 基本 + 项目 + …; T05 小计 = 基本 + 项目).
 */
import type { Table } from '../../model/index.js';
import type { RawFinding } from '../../check/types.js';
import { checkIdentity } from './identity.js';
import { columnLabel, rowLabel, tableName } from './table-access.js';

export interface RowSumSpec {
  messageId: string;
  totalColumn: string;
  /** Part columns; only those the table prints take part. */
  parts: readonly string[];
  /** Fewest printed part columns for the identity to be judged (default 2: one part alone may be a 其中 column). */
  minParts?: number;
}

export function checkRowSums(table: Table, spec: RowSumSpec): RawFinding[] {
  const keys = new Set(table.columns.map((c) => c.key));
  if (!keys.has(spec.totalColumn)) return [];
  const parts = spec.parts.filter((p) => keys.has(p));
  if (parts.length < (spec.minParts ?? 2)) return [];
  const totalName = columnLabel(table, spec.totalColumn);
  const statement = `${totalName} = ${parts.map((p) => columnLabel(table, p)).join(' + ')}`;
  const out: RawFinding[] = [];
  for (const row of table.rows) {
    const total = row.cells[spec.totalColumn];
    if (!total) continue;
    const label = rowLabel(row);
    const f = checkIdentity({
      messageId: spec.messageId,
      statement,
      total,
      totalLabel: `${tableName(table)}「${label}」行的${totalName}`,
      table: table.key ?? table.title,
      row: label,
      column: totalName,
      terms: parts.map((p) => ({ cell: row.cells[p], label: columnLabel(table, p), row: label, column: columnLabel(table, p) })),
    });
    if (f) out.push(f);
  }
  return out;
}
