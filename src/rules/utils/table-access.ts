/**
 * Reading the nine tables as rules need them: the present table of a key, rows by canonical key and
 * side, cells as amounts (blank and dash count as nothing stated), printed labels for locations.
 */
import type { Amount, Cell, Disclosure, Row, Table, TableKey } from '../../model/index.js';

/** The first table of `key` that has figures (status 'present'). */
export function presentTable(d: Disclosure, key: TableKey): Table | undefined {
  return d.tables.find((t) => t.key === key && t.status === 'present');
}

/** Every table of `key` with figures (a table may be printed twice, e.g. per unit). */
export function presentTables(d: Disclosure, key: TableKey): Table[] {
  return d.tables.filter((t) => t.key === key && t.status === 'present');
}

export function amountOf(cell: Cell | undefined): Amount | undefined {
  return cell?.value.kind === 'amount' ? cell.value.amount : undefined;
}

/** True when the cell states nothing (absent, blank or a dash): it counts as zero in a sum. */
export function isNil(cell: Cell | undefined): boolean {
  return !cell || cell.value.kind === 'blank' || cell.value.kind === 'dash';
}

/** A row's label as printed: '2101501 行政运行', '合计'. */
export function rowLabel(row: Row): string {
  const name = row.name.trim();
  if (row.code && !name.startsWith(row.code)) return name ? `${row.code} ${name}` : row.code;
  return name || (row.key === 'total' ? '合计' : '');
}

/**
 * The row of `key` on `side` of a two-sided table (T01, T04). When the reader left sides unset and
 * the key is printed on both sides (总计), the first is the income side and the second the expenditure side.
 */
export function sideRow(table: Table, key: string, side: 'income' | 'expenditure'): Row | undefined {
  const rows = rowsWithKey(table, key);
  const exact = rows.find((r) => r.side === side);
  if (exact) return exact;
  const unsided = rows.filter((r) => r.side === undefined);
  if (unsided.length === 2) return unsided[side === 'income' ? 0 : 1];
  return unsided.length === 1 && rows.length === 1 ? unsided[0] : undefined;
}

export function columnLabel(table: Table, key: string): string {
  const label = table.columns.find((c) => c.key === key)?.label ?? key;
  // No final-accounts wording on a budget table (a label the reader took from the 决算 form).
  return table.variant?.startsWith('budget:') ? label.replace(/决算/g, '预算') : label;
}

export function rowsWithKey(table: Table, key: string, side?: Row['side']): Row[] {
  return table.rows.filter((r) => r.key === key && (side === undefined || r.side === side));
}

export function rowWithKey(table: Table, key: string, side?: Row['side']): Row | undefined {
  return rowsWithKey(table, key, side)[0];
}

/** The 合计 row of a code-rows table: key 'total', else a row named 合计/总计 without a code. */
export function totalRow(table: Table): Row | undefined {
  return table.rows.find((r) => r.key === 'total')
    ?? table.rows.find((r) => !r.code && /^(合\s*计|总\s*计)$/.test(r.name.trim()));
}

/** Rows with a classification code of the given length (3 类, 5 款, 7 项). */
export function codeRows(table: Table, digits?: 3 | 5 | 7): Row[] {
  return table.rows.filter((r) => r.code && /^\d+$/.test(r.code) && (digits === undefined || r.code.length === digits));
}

/** The 3-digit function class a T01/T04 expenditure line stands for ('fn:208' → '208'). */
export function functionClassOf(row: Row): string | undefined {
  const m = /^fn:(\d{3})$/.exec(row.key ?? '');
  if (m) return m[1];
  return row.code && row.code.length === 3 ? row.code : undefined;
}

/**
 * The column of a one-amount table (T01, T04 income side, T06) that holds the 决算 figure: 'amount'
 * normally; when the form prints several amount columns (年初预算数 | 决算数), the one headed 决算.
 */
export function actualAmountColumn(table: Table): string {
  const amounts = table.columns.filter((c) => c.key === 'amount' || c.key.startsWith('amount.'));
  if (amounts.length < 2) return 'amount';
  // A budget table's figures are all budget ones: its first amount column is the 合计 (then 基本/人员/公用/项目).
  if (table.variant?.startsWith('budget:')) return amounts[0]!.key;
  return (amounts.find((c) => /决算/.test(c.label)) ?? amounts.find((c) => !/预算/.test(c.label)) ?? amounts[0]!).key;
}

/** The main amount cell of a row in a one-amount table; pass the table to pick its 决算 column. */
export function mainCell(row: Row, table?: Table): Cell | undefined {
  const preferred = table ? row.cells[actualAmountColumn(table)] : undefined;
  return preferred ?? row.cells.amount ?? row.cells.total ?? Object.values(row.cells).find((c) => c.value.kind === 'amount');
}

/** The key of a table's title for messages: 'T03 支出决算表' or the printed title. */
export function tableName(table: Table): string {
  return table.key ? `${table.key}「${table.title}」` : `「${table.title}」`;
}
