import type { Amount, Unit } from './money.js';
import type { Provenance } from './provenance.js';

/** The nine standard tables, by their stable key (ordinals like 公开01表 vary: they are display data). */
export type TableKey = 'T01' | 'T02' | 'T03' | 'T04' | 'T05' | 'T06' | 'T07' | 'T08' | 'T09';
export const TABLE_KEYS: readonly TableKey[] = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09'];

/**
 * What a cell holds. Blank, a zero, a dash and an em dash are kept distinct: "0.00" is a stated zero,
 * "" is nothing stated, "-"/"—" is "not applicable" as printed.
 */
export type CellValue =
  | { kind: 'blank' }
  | { kind: 'dash'; mark: string }
  | { kind: 'amount'; amount: Amount }
  /** A non-money number: a count (批次, 人次, 辆), a percentage without its %, a score. `value` as printed, normalised (no separators, ASCII digits). */
  | { kind: 'number'; value: string; percent: boolean }
  | { kind: 'text'; text: string };

export interface Cell {
  /** Exactly as printed (markup such as <b> removed, whitespace trimmed). */
  text: string;
  value: CellValue;
  prov: Provenance;
}

/** Level of a 支出功能分类 / 经济分类 code: 类 (3 digits), 款 (5), 项 (7). */
export type CodeLevel = 'category' | 'section' | 'item';

export interface Row {
  /**
   * Canonical key of the row within its table, from the catalogue: e.g. 'total' (合计), 'incomeTotal',
   * 'expenditureTotal', 'grandTotal', 'carryoverBegin', a function class key 'fn:208', a three-public item
   * 'reception'; for code rows the code itself ('2101501'). Undefined when the row is not recognised.
   */
  key?: string;
  /** Function or economic classification code when the row has one (always joined: '2101501'). */
  code?: string;
  codeLevel?: CodeLevel;
  /** The row's printed name (项目 / 科目名称), wrapped parts joined. */
  name: string;
  /** For two-sided tables (T01, T04): which side the row belongs to. For T06: 'personnel' | 'public'. */
  side?: 'income' | 'expenditure' | 'personnel' | 'public';
  /** Printed 行次 when the table has one. */
  lineNo?: string;
  /** Cells by column key (see Table.columns). A column absent here was not printed for this row. */
  cells: Record<string, Cell>;
  prov: Provenance;
  /** The catalogue knows the code (false: kept, marked unknown). Undefined when there is no code. */
  codeKnown?: boolean;
}

export interface Column {
  /** Canonical key from the catalogue ('total', 'basic', 'project', 'fiscal', 'budget.reception', …) or 'c<n>' when unrecognised. */
  key: string;
  /** The header as printed, levels joined with '/', e.g. '本年支出/基本支出'. */
  label: string;
}

export interface Table {
  /** Unique id within the document ('tbl-1', 'tbl-2', …). */
  id: string;
  /** Which standard table, when recognised. */
  key?: TableKey;
  /** Title as printed. */
  title: string;
  /** Printed ordinal such as '公开01表' or '表一', when present. */
  ordinal?: string;
  /** Catalogue variant the table was recognised as ('national', 'yunnan-2021', 'three-public-legacy', …). */
  variant?: string;
  unit: Unit;
  /** Where the unit came from: printed on the table, inherited from the document, or assumed. */
  unitSource: 'printed' | 'document' | 'assumed';
  columns: Column[];
  rows: Row[];
  /** 'empty': the table is printed but states that there is nothing to report (note or no figures). */
  status: 'present' | 'empty';
  /** The note under the table (注：…) and any 说明 such as 本表无数据. */
  notes: string[];
  prov: Provenance;
  /** Last line of the table in the source. */
  endLine: number;
}
