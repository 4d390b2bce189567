/**
 * Builds a table block and its model Table together, so that what is printed and what the model
 * holds cannot differ: each model cell is made from the grid cell it prints as.
 */
import { finalAccountsLayout, headerGrid, type TableLayout } from '../../catalog/layouts.js';
import type { Cell, CodeLevel, Column, Fen, Row, Table, TableKey, Unit } from '../../model/index.js';
import { amountCell, blankProv, tableAmount, textCell } from '../amounts.js';
import type { Calc, GridCell, GridRow, TableBlock } from '../blocks.js';

export interface RowSpec {
  key?: string;
  code?: string;
  codeLevel?: CodeLevel;
  codeKnown?: boolean;
  name: string;
  side?: Row['side'];
  lineNo?: string;
  /** Column key → index of the grid cell. */
  cols: Record<string, number>;
}

/** An amount cell; zero prints blank unless `showZero`. */
export function amt(fen: Fen, unit: Unit, opts: { showZero?: boolean; calc?: Calc | undefined } = {}): GridCell {
  const text = fen === 0 && !opts.showZero ? '' : tableAmount(fen, unit);
  return { text, fen, ...(opts.calc && { calc: opts.calc }) };
}

export const txt = (text: string): GridCell => ({ text });

export interface CellRef {
  row: number;
  col: number;
  sheet?: string;
}

export function sumCalc(cells: CellRef[], minus: CellRef[] = []): Calc {
  return { terms: [...cells.map((c) => ({ ...c, sign: 1 as const })), ...minus.map((c) => ({ ...c, sign: -1 as const }))] };
}

export class TableBuilder {
  readonly body: GridRow[] = [];
  readonly rows: Row[] = [];
  constructor(readonly unit: Unit) {}

  get nextRow(): number {
    return this.body.length;
  }

  add(cells: GridCell[], specs: RowSpec[], strong = false): number {
    const provs = [];
    for (const spec of specs) {
      const row = this.modelRow(cells, spec);
      provs.push(row.prov, ...Object.values(row.cells).map((c) => c.prov));
      this.rows.push(row);
    }
    this.body.push({ cells, provs, ...(strong && { strong }) });
    return this.body.length - 1;
  }

  private modelRow(cells: GridCell[], spec: RowSpec): Row {
    const modelCells: Record<string, Cell> = {};
    for (const [key, idx] of Object.entries(spec.cols)) {
      const g = cells[idx] ?? { text: '' };
      const c = g.fen !== undefined && g.text !== '' ? amountCell(g.fen, this.unit, g.text) : textCell(g.text);
      c.prov = { line: 0, cell: idx };
      modelCells[key] = c;
    }
    return {
      ...(spec.key !== undefined && { key: spec.key }),
      ...(spec.code !== undefined && { code: spec.code }),
      ...(spec.codeLevel !== undefined && { codeLevel: spec.codeLevel }),
      ...(spec.codeKnown !== undefined && { codeKnown: spec.codeKnown }),
      name: spec.name,
      ...(spec.side !== undefined && { side: spec.side }),
      ...(spec.lineNo !== undefined && { lineNo: spec.lineNo }),
      cells: modelCells,
      prov: blankProv(),
    };
  }
}

export interface TableMeta {
  key: TableKey;
  title: string;
  ordinal?: string | undefined;
  variant: string;
  preLines: string[];
  header: string[][];
  columns: Column[];
  notes: string[];
  status: Table['status'];
  wide?: boolean;
  /** The printed layout; default: the catalogue's layout of the 部门决算 table `key` (T01…T09). */
  layout?: TableLayout;
}

/** The catalogue layout of a 部门决算 table, or undefined for other keys (writers infer one). */
function defaultLayout(meta: TableMeta): TableLayout | undefined {
  if (!/^T0[1-9]$/.test(meta.key)) return undefined;
  const variant = meta.variant === 'three-public-legacy' ? 'yunnan-2021' : meta.variant;
  return finalAccountsLayout(meta.key, variant, { educationFees: meta.header.some((r) => r.includes('其中：教育收费')) });
}

let tableCounter = 0;

/** Finishes the block and its model Table (ids are renumbered by the layout). */
export function finishTable(meta: TableMeta, b: TableBuilder): { block: TableBlock; table: Table } {
  const layout = meta.layout ?? defaultLayout(meta);
  const table: Table = {
    id: `tbl-${++tableCounter}`,
    key: meta.key,
    title: meta.title,
    ...(meta.ordinal && { ordinal: meta.ordinal }),
    variant: meta.variant,
    unit: b.unit,
    unitSource: 'printed',
    columns: meta.columns,
    rows: b.rows,
    status: meta.status,
    notes: meta.notes,
    prov: blankProv(),
    endLine: 0,
  };
  const block: TableBlock = {
    kind: 'table',
    id: meta.key,
    title: meta.title,
    ...(meta.ordinal && { ordinal: meta.ordinal }),
    preLines: meta.preLines,
    header: layout ? headerGrid(layout) : meta.header,
    body: b.body,
    notes: meta.notes,
    unit: b.unit,
    provs: [table.prov],
    onEnd: (line) => {
      table.endLine = line;
    },
    ...((layout ? layout.orientation === 'landscape' : meta.wide) && { wide: true }),
    ...(layout && { layout }),
  };
  return { block, table };
}
