/**
 * One recognised table: grid → header / data → columns and rows by the table's shape.
 */
import type { Unit } from '../../model/money.js';
import type { Column, Row, Table, TableKey } from '../../model/table.js';
import type { Provenance } from '../../model/provenance.js';
import type { RawLine } from '../raw.js';
import { EMPTY_TABLE_NOTES, tableDef, type TableDef } from '../../catalog/tables.js';
import { compactText } from './cells.js';
import { maxOf, toGrid, type GridRow } from './table-grid.js';
import { headerPaths, splitHeader } from './table-header.js';
import { planColumns, valueColumns } from './table-columns.js';
import { buildCodeRows } from './table-code-rows.js';
import { buildTwoSided, isTwoSidedLabel } from './table-two-sided.js';
import { buildBlocks } from './table-blocks.js';
import { buildBudgetActualRows, buildThreePublicRows, isBudgetActualRows, isRowWiseThreePublic, legacyRowKey } from './table-three-public.js';
import { lookupFunctionCode } from '../../catalog/function-codes.js';
import { lookupEconomicCode } from '../../catalog/economic-codes.js';

export interface TableInput {
  id: string;
  key: TableKey;
  variant: string;
  title: string;
  ordinal?: string;
  unit: Unit;
  unitSource: Table['unitSource'];
  body: RawLine[];
  notes: string[];
  prov: Provenance;
  endLine: number;
}

interface Built {
  rows: Row[];
  columns: Column[];
  variant?: string;
}

export function parseTable(input: TableInput): Table {
  const def = tableDef(input.key, input.variant);
  const grid = toGrid(input.body);
  const built = grid.length ? buildRows(def, input.variant, grid, input.unit) : { rows: [], columns: [] };
  markKnownCodes(built.rows, def.shape === 'economic-blocks');
  const table: Table = {
    id: input.id,
    key: input.key,
    title: input.title,
    variant: built.variant ?? input.variant,
    unit: input.unit,
    unitSource: input.unitSource,
    columns: built.columns,
    rows: built.rows,
    status: statusOf(built.rows, input.notes),
    notes: input.notes,
    prov: input.prov,
    endLine: input.endLine,
  };
  if (input.ordinal) table.ordinal = input.ordinal;
  return table;
}

function statusOf(rows: Row[], notes: string[]): Table['status'] {
  if (notes.some((n) => EMPTY_TABLE_NOTES.some((re) => re.test(compactText(n))))) return 'empty';
  const figures = rows.some((r) => Object.values(r.cells).some((c) => c.value.kind === 'amount' || c.value.kind === 'number'));
  return figures ? 'present' : 'empty';
}

function knownLabelFor(def: TableDef): (text: string, index: number) => boolean {
  if (def.shape === 'two-sided') return isTwoSidedLabel;
  if (def.shape === 'three-public') return (t, i) => i === 0 && compactText(t) !== '合计' && legacyRowKey(t) !== undefined;
  if (def.shape === 'economic-blocks') return (t) => /^(人员经费合计|公用经费合计)$/.test(compactText(t));
  return () => false;
}

function buildRows(def: TableDef, variant: string, grid: GridRow[], unit: Unit): Built {
  const split = splitHeader(grid, knownLabelFor(def));
  const header = split.header;
  const headerTexts = new Set(header.map(rowText));
  const data = grid.slice(split.dataStart).filter((g) => !headerTexts.has(rowText(g)));
  if (def.shape === 'two-sided') return buildTwoSided(def, header, data, unit);
  if (def.shape === 'economic-blocks' && !isByCode(header)) return buildBlocks(header, data, unit);
  if (def.shape === 'three-public' && isRowWiseThreePublic(data)) {
    return { ...buildThreePublicRows(header, data, unit), variant: 'three-public-legacy' };
  }
  if (def.shape === 'three-public' && isBudgetActualRows(data)) {
    return { ...buildBudgetActualRows(header, data, unit), variant: 'budget-actual-rows' };
  }
  const width = maxOf(grid.map((g) => g.cells.length));
  const paths = headerPaths(header, width);
  const cols = valueColumns(data, split.numbering, paths);
  const plan = planColumns(def, variant, cols, paths, data, unit);
  const rows = buildCodeRows(data, { plan, unit, valueStart: cols[0] ?? width, header });
  if (def.shape === 'three-public') {
    const first = rows.find((r) => !r.code);
    if (first) first.key = 'threePublic';
  }
  const built: Built = { rows, columns: plan.columns.map((c) => ({ key: c.key, label: c.label })) };
  if (plan.variant) built.variant = plan.variant;
  return built;
}

/** T06 printed by economic code with 合计 | 人员经费 | 公用经费 columns (one code column, not three blocks). */
function isByCode(header: GridRow[]): boolean {
  const codeHeaders = Math.max(0, ...header.map((h) => h.cells.filter((c) => /^(?:(?:部门预算|政府预算)?经济分类)?科目(?:代码|编码)$/.test(compactText(c.text))).length));
  const texts = header.flatMap((h) => h.cells.map((c) => compactText(c.text)));
  // '部门预算经济分类科目' over '编码' (a layout text breaks the header cell into two lines)
  const splitCodeHeader = texts.some((t) => /经济分类科目$/.test(t)) && texts.some((t) => /^(?:编码|代码)$/.test(t));
  return (codeHeaders === 1 || (codeHeaders === 0 && splitCodeHeader)) && texts.includes('人员经费') && texts.includes('公用经费') && !texts.some((t) => /^人员经费合计$/.test(t));
}

function rowText(g: GridRow): string {
  return compactText(g.cells.map((c) => c.text).join(''));
}

/** Marks whether the catalogue knows each row's code (unknown codes are kept, marked false). */
function markKnownCodes(rows: Row[], economic: boolean): void {
  for (const row of rows) {
    if (!row.code) continue;
    row.codeKnown = (economic ? lookupEconomicCode(row.code) : lookupFunctionCode(row.code)) !== undefined;
  }
}
