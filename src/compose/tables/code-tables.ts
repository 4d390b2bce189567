/**
 * The function-classified tables: T02 收入决算表, T03 支出决算表, T05 一般公共预算财政拨款支出决算表,
 * T07 政府性基金, T08 国有资本经营. Rows: 合计, then 类/款/项 in code order.
 */
import type { Table, TableKey, Unit } from '../../model/index.js';
import type { TableBlock } from '../blocks.js';
import type { CodeTableFigures } from '../code-table.js';
import type { Figures } from '../figures.js';
import type { Variant } from '../input-schema.js';
import { amt, finishTable, sumCalc, TableBuilder, txt, type CellRef } from './grid.js';
import { EMPTY_NOTES, TABLE_NOTES, tableOrdinal, tableTitle } from './layouts.js';

export interface TableContext {
  fig: Figures;
  variant: Variant;
  unit: Unit;
  entity: string;
}

export interface Built {
  block: TableBlock;
  table: Table;
}

export function preLines(ctx: TableContext): string[] {
  return [`编制单位：${ctx.entity}`, `金额单位：${ctx.unit}`];
}

interface AmountColumn {
  key: string;
  label: string;
  /** A row-computed column: plus − minus of other columns of the same row. */
  derived?: { plus: string[]; minus?: string[] };
}

const FIRST_AMOUNT_COL = 2;

/** Where a code row or the 合计 row (code '') of a function-classified table stands in its grid. */
export function codeCellRef(sheet: TableKey, fig: CodeTableFigures, code: string, column: string, columns: readonly string[]): CellRef {
  const row = code === '' ? 0 : 1 + fig.rows.findIndex((r) => r.code === code);
  return { sheet, row, col: FIRST_AMOUNT_COL + columns.indexOf(column) };
}

/** The amount columns T02 prints, in order (教育收费 only when there is any). */
export function t02Columns(fig: CodeTableFigures): string[] {
  return ['total', 'fiscal', 'superiorSubsidy', 'operational', ...(fig.total.operationalEducation !== 0 ? ['operationalEducation'] : []), 'business', 'subordinate', 'other'];
}

function codeTable(ctx: TableContext, key: TableKey, fig: CodeTableFigures, cols: AmountColumn[], header: string[][]): Built {
  const b = new TableBuilder(ctx.unit);
  const colIndex = (k: string) => FIRST_AMOUNT_COL + cols.findIndex((c) => c.key === k);
  const rowIndex = new Map(fig.rows.map((r, i) => [r.code, i + 1]));
  const children = (code: string, len: number) =>
    fig.rows.filter((r) => r.code.length === len && r.code.startsWith(code)).map((r) => rowIndex.get(r.code)!);
  const empty = fig.rows.length === 0;
  const categories = children('', 3);
  b.add(
    [txt('合计'), txt(''), ...cols.map((c, j) => amt(fig.total[c.key] ?? 0, ctx.unit, { showZero: !empty, calc: empty ? undefined : sumCalc(categories.map((row) => ({ row, col: FIRST_AMOUNT_COL + j }))) }))],
    [{ key: 'total', name: '合计', cols: Object.fromEntries(cols.map((c, j) => [c.key, FIRST_AMOUNT_COL + j])) }],
    true,
  );
  for (const r of fig.rows) {
    const row = rowIndex.get(r.code)!;
    const kids = r.level === 'item' ? [] : children(r.code, r.code.length + 2);
    const cells = cols.map((c, j) => {
      const col = FIRST_AMOUNT_COL + j;
      const calc = kids.length
        ? sumCalc(kids.map((k) => ({ row: k, col })))
        : c.derived
          ? sumCalc(c.derived.plus.map((p) => ({ row, col: colIndex(p) })), (c.derived.minus ?? []).map((m) => ({ row, col: colIndex(m) })))
          : undefined;
      return amt(r.values[c.key] ?? 0, ctx.unit, { calc });
    });
    b.add([txt(r.code), txt(r.name), ...cells], [
      { key: r.code, code: r.code, codeLevel: r.level, codeKnown: r.known, name: r.name, cols: Object.fromEntries(cols.map((c, j) => [c.key, FIRST_AMOUNT_COL + j])) },
    ], r.level === 'category');
  }
  const notes = [TABLE_NOTES[key], ...(empty && EMPTY_NOTES[key] ? [EMPTY_NOTES[key]!] : [])];
  const title = tableTitle(key, ctx.variant);
  return finishTable(
    {
      key, title, ordinal: tableOrdinal(key, ctx.variant), variant: ctx.variant, preLines: preLines(ctx), header,
      columns: cols.map((c) => ({ key: c.key, label: c.label })), notes, status: empty ? 'empty' : 'present', wide: cols.length > 5,
    },
    b,
  );
}

const codeHeader = (labels: string[]): string[][] => [
  ['项目', '', ...labels],
  ['科目代码', '科目名称', ...labels.map(() => '')],
  ['栏次', '', ...labels.map((_, i) => String(i + 1))],
];

export function buildT02(ctx: TableContext): Built {
  const withFees = ctx.fig.t02.total.operationalEducation !== 0;
  const cols: AmountColumn[] = [
    { key: 'total', label: '本年收入合计', derived: { plus: ['fiscal', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'] } },
    { key: 'fiscal', label: '财政拨款收入' },
    { key: 'superiorSubsidy', label: '上级补助收入' },
    { key: 'operational', label: '事业收入' },
    ...(withFees ? [{ key: 'operationalEducation', label: '事业收入/其中：教育收费' }] : []),
    { key: 'business', label: '经营收入' },
    { key: 'subordinate', label: '附属单位上缴收入' },
    { key: 'other', label: '其他收入' },
  ];
  const labels = cols.map((c) => (c.key === 'operationalEducation' ? '其中：教育收费' : c.label));
  return codeTable(ctx, 'T02', ctx.fig.t02, cols, codeHeader(labels));
}

export function buildT03(ctx: TableContext): Built {
  const cols: AmountColumn[] = [
    { key: 'total', label: '本年支出合计', derived: { plus: ['basic', 'project', 'remittance', 'business', 'subsidy'] } },
    { key: 'basic', label: '基本支出' },
    { key: 'project', label: '项目支出' },
    { key: 'remittance', label: '上缴上级支出' },
    { key: 'business', label: '经营支出' },
    { key: 'subsidy', label: '对附属单位补助支出' },
  ];
  return codeTable(ctx, 'T03', ctx.fig.t03, cols, codeHeader(cols.map((c) => c.label)));
}

export function buildT05(ctx: TableContext): Built {
  const cols: AmountColumn[] = [
    { key: 'total', label: '本年支出/小计', derived: { plus: ['basic', 'project'] } },
    { key: 'basic', label: '本年支出/基本支出' },
    { key: 'project', label: '本年支出/项目支出' },
  ];
  const header = [['项目', '', '本年支出', '', ''], ['科目代码', '科目名称', '小计', '基本支出', '项目支出'], ['栏次', '', '1', '2', '3']];
  return codeTable(ctx, 'T05', ctx.fig.t05, cols, header);
}

export function buildT07(ctx: TableContext): Built {
  const cols: AmountColumn[] = [
    { key: 'carryoverBegin', label: '年初结转和结余' },
    { key: 'income', label: '本年收入' },
    { key: 'total', label: '本年支出/小计', derived: { plus: ['basic', 'project'] } },
    { key: 'basic', label: '本年支出/基本支出' },
    { key: 'project', label: '本年支出/项目支出' },
    { key: 'carryoverEnd', label: '年末结转和结余', derived: { plus: ['carryoverBegin', 'income'], minus: ['total'] } },
  ];
  const header = [
    ['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
    ['科目代码', '科目名称', '', '', '小计', '基本支出', '项目支出', ''],
    ['栏次', '', '1', '2', '3', '4', '5', '6'],
  ];
  return codeTable(ctx, 'T07', ctx.fig.t07, cols, header);
}

export function buildT08(ctx: TableContext): Built {
  const cols: AmountColumn[] = [
    { key: 'total', label: '本年支出/合计', derived: { plus: ['basic', 'project'] } },
    { key: 'basic', label: '本年支出/基本支出' },
    { key: 'project', label: '本年支出/项目支出' },
  ];
  const header = [['项目', '', '本年支出', '', ''], ['科目代码', '科目名称', '合计', '基本支出', '项目支出'], ['栏次', '', '1', '2', '3']];
  return codeTable(ctx, 'T08', ctx.fig.t08, cols, header);
}
