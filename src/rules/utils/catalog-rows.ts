/**
 * The classified rows of a disclosure for the catalog rules: every row that carries a 功能分类 or
 * 经济分类 code, with the catalogue entry it should match, and grouping of repeated occurrences (the
 * same code and name printed in T02, T03 and T05 is one finding, the other places `related`).
 */
import { compareCodeName, normalizeCodeName, type NameMatch } from '../../catalog/code-names.js';
import { lookupEconomicCode } from '../../catalog/economic-codes.js';
import { lookupFunctionCode } from '../../catalog/function-codes.js';
import type { Disclosure, Row, Table } from '../../model/index.js';
import { documentIndex, memoInRun } from '../../check/document-index.js';
import type { RawFinding } from '../../check/types.js';
import { rowLabel, tableName } from './table-access.js';

export type CodeScheme = 'function' | 'economic';

export interface CodedRow {
  table: Table;
  row: Row;
  code: string;
  scheme: CodeScheme;
}

/** Which classification a row code belongs to: T06 prints economic codes, the others function codes. */
export function schemeOf(table: Table, code: string): CodeScheme {
  if (table.key === 'T06') return 'economic';
  if (table.key) return 'function';
  return code.startsWith('3') ? 'economic' : 'function';
}

const CODE = /^\d{3}(\d{2}){0,2}$/;

/** Every row with a 3/5/7-digit numeric code, in document order (once per check run; do not mutate). */
export function codedRows(d: Disclosure): CodedRow[] {
  return documentIndex(d).memo('catalog-rows:coded', () => scanCodedRows(d));
}

function scanCodedRows(d: Disclosure): CodedRow[] {
  const out: CodedRow[] = [];
  for (const table of d.tables) {
    for (const row of table.rows) {
      const code = row.code?.trim();
      if (!code || !CODE.test(code)) continue;
      out.push({ table, row, code, scheme: schemeOf(table, code) });
    }
  }
  return out;
}

export interface CatalogEntry {
  name: string;
  aliases?: string[];
}

export function catalogEntry(scheme: CodeScheme, code: string): CatalogEntry | undefined {
  return scheme === 'economic' ? lookupEconomicCode(code) : lookupFunctionCode(code);
}

/** Key of the per-run cache of name comparisons (the same code and name recur in T02, T03, T05). */
const NAME_MATCHES = {};

/** How the row's printed name relates to its catalogue name (undefined: unknown code or no name). */
export function nameMatchOf(r: CodedRow): NameMatch | undefined {
  const cache = memoInRun('catalog-rows:name-matches', NAME_MATCHES, () => new Map<string, NameMatch | undefined>());
  const key = `${r.scheme}:${r.row.code ?? ''}:${r.row.name}`;
  if (cache.has(key)) return cache.get(key);
  const match = compareWithCatalog(r);
  cache.set(key, match);
  return match;
}

function compareWithCatalog(r: CodedRow): NameMatch | undefined {
  const entry = catalogEntry(r.scheme, r.code);
  const printed = printedName(r.row);
  if (!entry || !printed) return undefined;
  return compareCodeName(printed, entry.name, entry.aliases);
}

/** The printed name without the code when the recognizer left it in front. */
export function printedName(row: Row): string {
  let name = row.name.trim();
  if (row.code && name.startsWith(row.code)) name = name.slice(row.code.length).trim();
  return name;
}

/** Groups rows by a key, keeping document order of first occurrence. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = groups.get(k);
    if (g) g.push(it);
    else groups.set(k, [it]);
  }
  return [...groups.values()];
}

/** Group key: code and normalised printed name. */
export function codeNameKey(r: CodedRow): string {
  return `${r.scheme}:${r.code}:${normalizeCodeName(printedName(r.row))}`;
}

/** The location fields of a coded row, and `related` for its other occurrences. */
export function rowPlace(r: CodedRow): Pick<RawFinding, 'at' | 'table' | 'row'> {
  return { at: r.row.prov, table: tableName(r.table), row: rowLabel(r.row) };
}

export function relatedOccurrences(rest: readonly CodedRow[]): NonNullable<RawFinding['related']> {
  return rest.map((r) => ({
    role: 'same-row-elsewhere',
    at: r.row.prov,
    table: tableName(r.table),
    row: rowLabel(r.row),
    evidence: printedName(r.row),
  }));
}

export const SCHEME_ZH: Record<CodeScheme, string> = { function: '支出功能分类', economic: '支出经济分类' };
