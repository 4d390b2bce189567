/**
 * The nine tables of the national 部门预算公开 template, built as blocks for the writers and as model
 * tables (keys T01–T09 as mapped in the facts contract's budget section): 收支预算总表, 收入预算总表,
 * 支出预算总表, 财政拨款收支预算总表, 一般公共预算支出功能分类预算表, 一般公共预算基本支出部门预算经济
 * 分类预算表, 政府性基金预算支出功能分类预算表, 国有资本经营预算支出功能分类预算表, 一般公共预算“三公”
 * 经费支出预算表. Column and row keys are those of the final-accounts catalogue where the meaning is
 * the same (total, basic, project, amount, incomeTotal, grandTotal, fn:类 …).
 */
import type { Fen, TableKey, Unit } from '../../model/index.js';
import type { GridCell } from '../blocks.js';
import type { CodeTableFigures } from '../code-table.js';
import { chineseOrdinal, functionClassName } from '../standard-lists.js';
import type { Built } from '../tables/code-tables.js';
import { inferLayout } from '../../catalog/layouts.js';
import { amt, finishTable, sumCalc, TableBuilder, txt, type RowSpec, type TableMeta } from '../tables/grid.js';
import { B_INCOME_SUMMANDS, FUNDS, INCOME_LABELS, type BudgetFigures, type FundFigures } from './figures.js';

export const BUDGET_TABLE_TITLES: Record<TableKey, string> = {
  T01: '收支预算总表',
  T02: '收入预算总表',
  T03: '支出预算总表',
  T04: '财政拨款收支预算总表',
  T05: '一般公共预算支出功能分类预算表',
  T06: '一般公共预算基本支出部门预算经济分类预算表',
  T07: '政府性基金预算支出功能分类预算表',
  T08: '国有资本经营预算支出功能分类预算表',
  T09: '一般公共预算“三公”经费支出预算表',
};

export const BUDGET_TABLE_ORDER: TableKey[] = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09'];

const NOTES: Record<TableKey, string> = {
  T01: '注：本表反映{org}本年度收支预算总体情况。',
  T02: '注：本表反映{org}本年度各项收入预算情况。',
  T03: '注：本表反映{org}本年度各项支出预算情况。',
  T04: '注：本表反映{org}本年度一般公共预算、政府性基金预算和国有资本经营预算财政拨款收支预算情况。',
  T05: '注：本表反映{org}本年度一般公共预算支出按功能分类科目列示的预算情况。',
  T06: '注：本表反映{org}本年度一般公共预算基本支出按部门预算支出经济分类科目列示的预算情况。',
  T07: '注：本表反映{org}本年度政府性基金预算支出预算情况。',
  T08: '注：本表反映{org}本年度国有资本经营预算支出预算情况。',
  T09: '注：本表反映{org}本年度使用一般公共预算财政拨款安排的“三公”经费预算情况。',
};

const EMPTY_NOTES: Partial<Record<TableKey, string>> = {
  T05: '本{org}本年度没有一般公共预算支出预算，故本表无数据。',
  T06: '本{org}本年度没有一般公共预算基本支出预算，故本表无数据。',
  T07: '本{org}本年度没有使用政府性基金预算拨款安排的支出，故本表无数据。',
  T08: '本{org}本年度没有使用国有资本经营预算拨款安排的支出，故本表无数据。',
  T09: '本{org}本年度没有使用一般公共预算财政拨款安排的“三公”经费预算，故本表无数据。',
};

export interface BudgetTableContext {
  fig: BudgetFigures;
  unit: Unit;
  entity: string;
  /** 部门 or 单位. */
  org: string;
}

const note = (ctx: BudgetTableContext, key: TableKey) => NOTES[key].replace('{org}', ctx.org);
const emptyNote = (ctx: BudgetTableContext, key: TableKey) => EMPTY_NOTES[key]!.replace('{org}', ctx.org);
const ordinal = (key: TableKey) => `公开${String(BUDGET_TABLE_ORDER.indexOf(key) + 1).padStart(2, '0')}表`;
const preLines = (ctx: BudgetTableContext) => [`编制单位：${ctx.entity}`, `金额单位：${ctx.unit}`];

/**
 * Finishes a budget table with its own printed layout (merged header cells inferred from its header
 * grid): the catalogue's default layouts are those of the 部门决算 tables with the same keys.
 */
function finishBudget(meta: TableMeta, b: TableBuilder): Built {
  const body = b.body.map((r) => r.cells.map((c) => c.text));
  const layout = inferLayout(meta.header, body, { id: `budget-${meta.key}`, orientation: meta.wide ? 'landscape' : 'portrait' });
  // Many amount columns of long figures (元): a smaller font and a narrower name column keep every
  // amount on one line in paged formats (a wrapped amount reads as two numbers).
  const longest = Math.max(0, ...body.flatMap((r) => r.slice(2).map((t) => t.length)));
  if (layout.columns.length > 10 && longest > 10) {
    layout.fontPt = Math.min(layout.fontPt, 6.5);
    layout.columns = layout.columns.map((c, i) => (i === 1 ? { ...c, width: Math.min(c.width, 11) } : c.format === 'amount' ? { ...c, width: Math.max(c.width, 9) } : c));
  }
  return finishTable({ ...meta, layout }, b);
}

interface AmountColumn {
  key: string;
  label: string;
  /** The catalogue's column key (src/catalog/budget-tables.ts) when it differs from the figures' key. */
  model?: string;
}

const FIRST = 2;

/** A function-classified table: 合计, then 类/款/项 in code order, every parent and total a formula of its children. */
function codeTable(ctx: BudgetTableContext, key: TableKey, fig: CodeTableFigures, cols: AmountColumn[], header: string[][], derived?: string[]): Built {
  const b = new TableBuilder(ctx.unit);
  const rowIndex = new Map(fig.rows.map((r, i) => [r.code, i + 1]));
  const children = (code: string, len: number) => fig.rows.filter((r) => r.code.length === len && r.code.startsWith(code)).map((r) => rowIndex.get(r.code)!);
  const empty = fig.rows.length === 0;
  const colOf = (k: string) => FIRST + cols.findIndex((c) => c.key === k);
  const colMap = Object.fromEntries(cols.map((c, j) => [c.model ?? c.key, FIRST + j]));
  const categories = children('', 3);
  b.add(
    [txt('合计'), txt(''), ...cols.map((c, j) => amt(fig.total[c.key] ?? 0, ctx.unit, { showZero: !empty, calc: empty ? undefined : sumCalc(categories.map((row) => ({ row, col: FIRST + j }))) }))],
    [{ key: 'total', name: '合计', cols: colMap }],
    true,
  );
  for (const r of fig.rows) {
    const row = rowIndex.get(r.code)!;
    const kids = r.level === 'item' ? [] : children(r.code, r.code.length + 2);
    const cells = cols.map((c, j) => {
      const col = FIRST + j;
      const calc = kids.length
        ? sumCalc(kids.map((k) => ({ row: k, col })))
        : c.key === 'total' && derived
          ? sumCalc(derived.map((d) => ({ row, col: colOf(d) })))
          : undefined;
      return amt(r.values[c.key] ?? 0, ctx.unit, { calc });
    });
    b.add([txt(r.code), txt(r.name), ...cells], [{ key: r.code, code: r.code, codeLevel: r.level, codeKnown: r.known, name: r.name, cols: colMap }], r.level === 'category');
  }
  return finishBudget(
    {
      key, title: BUDGET_TABLE_TITLES[key], ordinal: ordinal(key), variant: 'budget-national', preLines: preLines(ctx), header,
      columns: cols.map((c) => ({ key: c.model ?? c.key, label: c.label })),
      notes: [note(ctx, key), ...(empty && EMPTY_NOTES[key] ? [emptyNote(ctx, key)] : [])],
      status: empty ? 'empty' : 'present', wide: cols.length > 5,
    },
    b,
  );
}

const codeHeader = (labels: string[]): string[][] => [
  ['功能分类科目', '', ...labels],
  ['科目编码', '科目名称', ...labels.map(() => '')],
];

export function buildBudgetT02(ctx: BudgetTableContext): Built {
  const cols: AmountColumn[] = [
    { key: 'total', label: '合计' },
    { key: 'carryover', label: '上年结转', model: 'carryoverBegin' },
    ...B_INCOME_SUMMANDS.map((k) => ({ key: k, label: INCOME_LABELS[k], ...(k === 'specialAccount' && { model: 'fiscalSpecialAccount' }) })),
  ];
  return codeTable(ctx, 'T02', ctx.fig.income, cols, codeHeader(cols.map((c) => c.label)), ['carryover', ...B_INCOME_SUMMANDS]);
}

export function buildBudgetT03(ctx: BudgetTableContext): Built {
  const cols: AmountColumn[] = [
    { key: 'total', label: '合计' }, { key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' },
    { key: 'business', label: '事业单位经营支出' }, { key: 'remittance', label: '上缴上级支出' }, { key: 'subsidy', label: '对附属单位补助支出' },
  ];
  return codeTable(ctx, 'T03', ctx.fig.expenditure, cols, codeHeader(cols.map((c) => c.label)), ['basic', 'project', 'business', 'remittance', 'subsidy']);
}

function fundTable(ctx: BudgetTableContext, key: 'T05' | 'T07' | 'T08', fig: CodeTableFigures): Built {
  const cols: AmountColumn[] = [{ key: 'total', label: '合计' }, { key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }];
  return codeTable(ctx, key, fig, cols, codeHeader(cols.map((c) => c.label)), ['basic', 'project']);
}

export const buildBudgetT05 = (ctx: BudgetTableContext) => fundTable(ctx, 'T05', ctx.fig.generalBudget);
export const buildBudgetT07 = (ctx: BudgetTableContext) => fundTable(ctx, 'T07', ctx.fig.governmentFund);
export const buildBudgetT08 = (ctx: BudgetTableContext) => fundTable(ctx, 'T08', ctx.fig.stateCapital);

/** The 类 lines of the expenditure side: the classes the budget spends on, numbered 一、二、… */
function classLines(codes: Iterable<string>, fig: BudgetFigures): [string, string][] {
  return [...codes].sort().map((code, i) => {
    const name = fig.expenditure.rows.find((r) => r.code === code)?.name ?? fig.generalBudget.rows.find((r) => r.code === code)?.name ?? functionClassName(code) ?? code;
    return [code, `${chineseOrdinal(i + 1)}、${name}`];
  });
}

/** Totals, carry-overs and the income lines print 0.00 (the form lists every source); a 类 without a figure prints blank. */
const showZero = (l: { strong?: boolean; key?: string }) => !!l.strong || !!l.key?.startsWith('carryover') || !!l.key?.startsWith('income:');

interface Line {
  label: string;
  key?: string;
  fen?: Fen;
  strong?: boolean;
  calcRows?: number[];
}

export function buildBudgetT01(ctx: BudgetTableContext): Built {
  const s = ctx.fig.summary;
  const u = ctx.unit;
  const classes = classLines(s.byCategory.keys(), ctx.fig);
  const income: Line[] = B_INCOME_SUMMANDS.map((k, i) => ({ label: `${chineseOrdinal(i + 1)}、${INCOME_LABELS[k]}`, key: `income:${k === 'specialAccount' ? 'fiscalSpecialAccount' : k}`, fen: s.sources[k] }));
  const expenditure: Line[] = classes.map(([code, label]) => ({ label, key: `fn:${code}`, fen: s.byCategory.get(code)! }));
  const n = Math.max(income.length, expenditure.length);
  while (income.length < n) income.push({ label: '' });
  while (expenditure.length < n) expenditure.push({ label: '' });
  income.push(
    { label: '本年收入合计', key: 'incomeTotal', fen: s.incomeTotal, strong: true, calcRows: B_INCOME_SUMMANDS.map((_, i) => i) },
    { label: '上年结转', key: 'carryoverBegin', fen: s.carryover },
    { label: '收入总计', key: 'grandTotal', fen: s.grandTotal, strong: true, calcRows: [n, n + 1] },
  );
  expenditure.push(
    { label: '本年支出合计', key: 'expenditureTotal', fen: s.expenditureTotal, strong: true, calcRows: classes.map((_, i) => i) },
    { label: '结转下年', key: 'carryoverEnd', fen: s.carryoverEnd },
    { label: '支出总计', key: 'grandTotal', fen: s.grandTotal, strong: true, calcRows: [n, n + 1] },
  );
  const b = new TableBuilder(u);
  income.forEach((inc, i) => {
    const exp = expenditure[i]!;
    const cell = (l: Line, col: number): GridCell => (l.fen === undefined ? txt('') : amt(l.fen, u, { showZero: showZero(l), calc: l.calcRows ? sumCalc(l.calcRows.map((row) => ({ row, col }))) : undefined }));
    const specs: RowSpec[] = [];
    if (inc.key) specs.push({ key: inc.key, name: inc.label.replace(/^[一二三四五六七八九十]+、/, ''), side: 'income', cols: { amount: 1 } });
    if (exp.key) specs.push({ key: exp.key, name: exp.label.replace(/^[一二三四五六七八九十]+、/, ''), side: 'expenditure', ...(exp.key.startsWith('fn:') && { code: exp.key.slice(3), codeLevel: 'category' as const }), cols: { amount: 3 } });
    b.add([txt(inc.label), cell(inc, 1), txt(exp.label), cell(exp, 3)], specs, !!(inc.strong || exp.strong));
  });
  const header = [['收入', '', '支出', ''], ['项目', '预算数', '项目', '预算数']];
  return finishBudget(
    { key: 'T01', title: BUDGET_TABLE_TITLES.T01, ordinal: ordinal('T01'), variant: 'budget-national', preLines: preLines(ctx), header, columns: [{ key: 'amount', label: '预算数' }], notes: [note(ctx, 'T01')], status: 'present' },
    b,
  );
}

const FUND_LABELS: Record<(typeof FUNDS)[number], string> = {
  generalBudget: '一般公共预算拨款', governmentFund: '政府性基金预算拨款', stateCapital: '国有资本经营预算拨款',
};

export function buildBudgetT04(ctx: BudgetTableContext): Built {
  const f = ctx.fig.fiscal;
  const u = ctx.unit;
  const classes = classLines(f.byCategory.keys(), ctx.fig);
  const income: Line[] = [
    ...FUNDS.map((k, i) => ({ label: `${chineseOrdinal(i + 1)}、${FUND_LABELS[k]}收入`, key: `income:${k}`, fen: f.income[k] })),
  ];
  const n = Math.max(income.length, classes.length);
  while (income.length < n) income.push({ label: '' });
  income.push(
    { label: '本年收入合计', key: 'incomeTotal', fen: f.income.total, strong: true, calcRows: [0, 1, 2] },
    { label: '上年结转', key: 'carryoverBegin', fen: f.carryover.total, calcRows: [n + 2, n + 3, n + 4] },
    ...FUNDS.map((k) => ({ label: FUND_LABELS[k], key: `carryoverBegin:${k}`, fen: f.carryover[k] })),
    { label: '收入总计', key: 'grandTotal', fen: f.grandTotal, strong: true, calcRows: [n, n + 1] },
  );
  type ExpLine = { label: string; key?: string; v?: FundFigures; strong?: boolean; calcRows?: number[] };
  const exp: ExpLine[] = classes.map(([code, label]) => ({ label, key: `fn:${code}`, v: f.byCategory.get(code)! }));
  while (exp.length < n) exp.push({ label: '' });
  exp.push(
    { label: '本年支出合计', key: 'expenditureTotal', v: f.expenditure, strong: true, calcRows: classes.map((_, i) => i) },
    { label: '结转下年', key: 'carryoverEnd', v: f.carryoverEnd },
    { label: '' }, { label: '' }, { label: '' },
    { label: '支出总计', key: 'grandTotal', v: fundFigures2(f.expenditure, f.carryoverEnd), strong: true, calcRows: [n, n + 1] },
  );
  const b = new TableBuilder(u);
  income.forEach((inc, i) => {
    const e = exp[i]!;
    const incCell = inc.fen === undefined ? txt('') : amt(inc.fen, u, { showZero: showZero(inc), calc: inc.calcRows ? sumCalc(inc.calcRows.map((row) => ({ row, col: 1 }))) : undefined });
    const expCells: GridCell[] = e.v
      ? [
        amt(e.v.total, u, { showZero: showZero(e), calc: sumCalc([4, 5, 6].map((col) => ({ row: i, col }))) }),
        ...FUNDS.map((k, j) => amt(e.v![k], u, { showZero: showZero(e), calc: e.calcRows ? sumCalc(e.calcRows.map((row) => ({ row, col: 4 + j }))) : undefined })),
      ]
      : [txt(''), txt(''), txt(''), txt('')];
    const specs: RowSpec[] = [];
    if (inc.key) specs.push({ key: inc.key, name: inc.label.replace(/^[一二三四五六七八九十]+、/, ''), side: 'income', cols: { amount: 1 } });
    if (e.key) specs.push({ key: e.key, name: e.label.replace(/^[一二三四五六七八九十]+、/, ''), side: 'expenditure', ...(e.key.startsWith('fn:') && { code: e.key.slice(3), codeLevel: 'category' as const }), cols: { total: 3, generalBudget: 4, governmentFund: 5, stateCapital: 6 } });
    b.add([txt(inc.label), incCell, txt(e.label), ...expCells], specs, !!(inc.strong || e.strong));
  });
  const header = [
    ['收入', '', '支出', '', '', '', ''],
    ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
  ];
  const columns = [{ key: 'amount', label: '预算数' }, { key: 'total', label: '合计' }, { key: 'generalBudget', label: '一般公共预算' }, { key: 'governmentFund', label: '政府性基金预算' }, { key: 'stateCapital', label: '国有资本经营预算' }];
  return finishBudget(
    { key: 'T04', title: BUDGET_TABLE_TITLES.T04, ordinal: ordinal('T04'), variant: 'budget-national', preLines: preLines(ctx), header, columns, notes: [note(ctx, 'T04')], status: 'present', wide: true },
    b,
  );
}

function fundFigures2(a: FundFigures, b: FundFigures): FundFigures {
  const s = (x: Fen, y: Fen) => (x + y) as Fen;
  return { generalBudget: s(a.generalBudget, b.generalBudget), governmentFund: s(a.governmentFund, b.governmentFund), stateCapital: s(a.stateCapital, b.stateCapital), total: s(a.total, b.total) };
}

/** 部门预算支出经济分类: 合计, then 类 and 款 with 合计 = 人员经费 + 公用经费. */
export function buildBudgetT06(ctx: BudgetTableContext): Built {
  const e = ctx.fig.economic;
  const u = ctx.unit;
  const b = new TableBuilder(u);
  const empty = e.rows.length === 0;
  const cols = { amount: 2, personnel: 3, public: 4 };
  const classIdx = e.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.isClass).map(({ i }) => i + 1);
  b.add(
    [txt('合计'), txt(''), ...([['total', e.total], ['personnel', e.personnel], ['public', e.public]] as const).map(([, v], j) => amt(v, u, { showZero: !empty, calc: empty ? undefined : sumCalc(classIdx.map((row) => ({ row, col: 2 + j }))) }))],
    [{ key: 'total', name: '合计', cols }],
    true,
  );
  e.rows.forEach((r, i) => {
    const row = i + 1;
    const kids = r.isClass ? e.rows.map((x, j) => ({ x, j })).filter(({ x }) => !x.isClass && x.code.startsWith(r.code)).map(({ j }) => j + 1) : [];
    const cells = [r.total, r.personnel, r.public].map((v, j) =>
      amt(v, u, { calc: kids.length ? sumCalc(kids.map((k) => ({ row: k, col: 2 + j }))) : j === 0 ? sumCalc([{ row, col: 3 }, { row, col: 4 }]) : undefined }));
    b.add([txt(r.code), txt(r.name), ...cells], [{ key: r.code, code: r.code, codeLevel: r.isClass ? 'category' : 'section', name: r.name, cols }], r.isClass);
  });
  const header = [['部门预算支出经济分类科目', '', '合计', '人员经费', '公用经费'], ['科目编码', '科目名称', '', '', '']];
  return finishBudget(
    {
      key: 'T06', title: BUDGET_TABLE_TITLES.T06, ordinal: ordinal('T06'), variant: 'budget-national', preLines: preLines(ctx), header,
      columns: [{ key: 'amount', label: '合计' }, { key: 'personnel', label: '人员经费' }, { key: 'public', label: '公用经费' }],
      notes: [note(ctx, 'T06'), ...(empty ? [emptyNote(ctx, 'T06')] : [])], status: empty ? 'empty' : 'present',
    },
    b,
  );
}

const TP_KEYS = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
const TP_LABELS = ['合计', '因公出国（境）费', '公务用车购置及运行维护费/小计', '公务用车购置及运行维护费/公务用车购置费', '公务用车购置及运行维护费/公务用车运行维护费', '公务接待费'];

export function buildBudgetT09(ctx: BudgetTableContext): Built {
  const v = ctx.fig.threePublic;
  const u = ctx.unit;
  const b = new TableBuilder(u);
  const ref = (k: number) => ({ row: 0, col: k });
  const cells: GridCell[] = [
    amt(v.total, u, { showZero: true, calc: sumCalc([ref(1), ref(2), ref(5)]) }),
    amt(v.abroad, u, { showZero: true }),
    amt(v.vehicle, u, { showZero: true, calc: sumCalc([ref(3), ref(4)]) }),
    amt(v.vehiclePurchase, u, { showZero: true }),
    amt(v.vehicleOperation, u, { showZero: true }),
    amt(v.reception, u, { showZero: true }),
  ];
  b.add(cells, [{ key: 'threePublic', name: '“三公”经费', cols: Object.fromEntries(TP_KEYS.map((k, i) => [`budget.${k}`, i])) }]);
  const header = [
    ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'],
    ['', '', '小计', '公务用车购置费', '公务用车运行维护费', ''],
  ];
  const empty = v.total === 0;
  return finishBudget(
    {
      key: 'T09', title: BUDGET_TABLE_TITLES.T09, ordinal: ordinal('T09'), variant: 'budget-national', preLines: preLines(ctx), header,
      columns: TP_KEYS.map((k, i) => ({ key: `budget.${k}`, label: `预算数/${TP_LABELS[i]}` })),
      notes: [note(ctx, 'T09'), ...(empty ? [emptyNote(ctx, 'T09')] : [])], status: 'present', wide: true,
    },
    b,
  );
}

export const BUDGET_BUILDERS: Record<TableKey, (ctx: BudgetTableContext) => Built> = {
  T01: buildBudgetT01, T02: buildBudgetT02, T03: buildBudgetT03, T04: buildBudgetT04, T05: buildBudgetT05,
  T06: buildBudgetT06, T07: buildBudgetT07, T08: buildBudgetT08, T09: buildBudgetT09,
};
