/**
 * The two-sided tables: T01 收入支出决算总表 (income lines beside expenditure by 类) and T04
 * 财政拨款收入支出决算总表 (fiscal income by fund beside expenditure by 类 and fund). Each printed
 * line holds an income row and an expenditure row of the model (side 'income' / 'expenditure').
 */
import type { Fen } from '../../model/index.js';
import type { GridCell } from '../blocks.js';
import type { FundTotals } from '../figures.js';
import { T03_COLUMNS, T05_COLUMNS } from '../figures.js';
import { EXTRA_FUNCTION_CLASSES, FUNCTION_CLASSES, chineseOrdinal } from '../standard-lists.js';
import { codeCellRef, preLines, t02Columns, type Built, type TableContext } from './code-tables.js';
import { amt, finishTable, sumCalc, TableBuilder, txt, type CellRef, type RowSpec } from './grid.js';
import { TABLE_NOTES, tableOrdinal, tableTitle } from './layouts.js';

/** The 类 lines: the 26 standard ones plus any other 类 the department spent on. */
function classLines(used: Iterable<string>): [string, string][] {
  const lines: [string, string][] = FUNCTION_CLASSES.map(([c, n]) => [c, n]);
  for (const code of [...used].sort()) {
    if (!lines.some(([c]) => c === code)) lines.push([code, EXTRA_FUNCTION_CLASSES[code] ?? `${code}类支出`]);
  }
  return lines.map(([c, n], i) => [c, `${chineseOrdinal(i + 1)}、${n}`]);
}

interface Side {
  label: string;
  key?: string;
  fen?: Fen;
  calc?: ReturnType<typeof sumCalc>;
  showZero?: boolean;
}

export function buildT01(ctx: TableContext): Built {
  const f = ctx.fig.t01;
  const u = ctx.unit;
  const b = new TableBuilder(u);
  const classes = classLines(f.byCategory.keys());
  const n = classes.length;
  const t02Cols = t02Columns(ctx.fig.t02);
  const t02 = (col: string): CellRef => codeCellRef('T02', ctx.fig.t02, '', col, t02Cols);
  const t04Income = (row: number): CellRef => ({ sheet: 'T04', row, col: 2 });
  const incomeLines: Side[] = [
    { label: '一、一般公共预算财政拨款收入', key: 'income:generalBudget', fen: f.income.generalBudget, calc: sumCalc([t04Income(0)]) },
    { label: '二、政府性基金预算财政拨款收入', key: 'income:governmentFund', fen: f.income.governmentFund, calc: sumCalc([t04Income(1)]) },
    { label: '三、国有资本经营预算财政拨款收入', key: 'income:stateCapital', fen: f.income.stateCapital, calc: sumCalc([t04Income(2)]) },
    { label: '四、上级补助收入', key: 'income:superiorSubsidy', fen: f.income.superiorSubsidy, calc: sumCalc([t02('superiorSubsidy')]) },
    { label: '五、事业收入', key: 'income:operational', fen: f.income.operational, calc: sumCalc([t02('operational')]) },
    { label: '六、经营收入', key: 'income:business', fen: f.income.business, calc: sumCalc([t02('business')]) },
    { label: '七、附属单位上缴收入', key: 'income:subordinate', fen: f.income.subordinate, calc: sumCalc([t02('subordinate')]) },
    { label: '八、其他收入', key: 'income:other', fen: f.income.other, calc: sumCalc([t02('other')]) },
  ];
  const incomeCol = (i: number) => ({ row: i, col: 2 });
  const expCol = (i: number) => ({ row: i, col: 5 });
  const income: Side[] = [...Array(n)].map((_, i) => incomeLines[i] ?? { label: '' });
  const expenditure: Side[] = classes.map(([code, label]) => ({
    label, key: `fn:${code}`, fen: f.byCategory.get(code) ?? (0 as Fen),
    ...(f.byCategory.has(code) && { calc: sumCalc([codeCellRef('T03', ctx.fig.t03, code, 'total', T03_COLUMNS)]) }),
  }));
  income.push(
    { label: '本年收入合计', key: 'incomeTotal', fen: f.incomeTotal, calc: sumCalc(incomeLines.map((_, i) => incomeCol(i))), showZero: true },
    { label: '使用非财政拨款结余（含专用结余）', key: 'useNonFiscalSurplus', fen: f.nonFiscalSurplusUsed, showZero: true },
    { label: '年初结转和结余', key: 'carryoverBegin', fen: f.carryoverBegin, showZero: true },
    { label: '' },
    { label: '总计', key: 'grandTotal', fen: f.grandTotal, calc: sumCalc([incomeCol(n), incomeCol(n + 1), incomeCol(n + 2)]), showZero: true },
  );
  expenditure.push(
    { label: '本年支出合计', key: 'expenditureTotal', fen: f.expenditureTotal, calc: sumCalc(classes.map((_, i) => expCol(i))), showZero: true },
    { label: '结余分配', key: 'surplusDistribution', fen: f.surplusDistribution, showZero: true },
    { label: '年末结转和结余', key: 'carryoverEnd', fen: f.carryoverEnd, calc: sumCalc([incomeCol(n + 4)], [expCol(n), expCol(n + 1)]), showZero: true },
    { label: '' },
    { label: '总计', key: 'grandTotal', fen: f.grandTotal, calc: sumCalc([expCol(n), expCol(n + 1), expCol(n + 2)]), showZero: true },
  );
  const offset = n + 5;
  income.forEach((inc, i) => {
    const exp = expenditure[i]!;
    const cells: GridCell[] = [txt(inc.label), txt(String(i + 1)), sideCell(inc, u), txt(exp.label), txt(String(offset + i + 1)), sideCell(exp, u)];
    const specs: RowSpec[] = [];
    if (inc.key) specs.push({ key: inc.key, name: inc.label, side: 'income', lineNo: String(i + 1), cols: { amount: 2 } });
    if (exp.key) specs.push({ key: exp.key, name: exp.label, side: 'expenditure', lineNo: String(offset + i + 1), ...(exp.key.startsWith('fn:') && { code: exp.key.slice(3), codeLevel: 'category' as const }), cols: { amount: 5 } });
    b.add(cells, specs, inc.key === 'incomeTotal' || inc.key === 'grandTotal');
  });
  const header = [['收入', '', '', '支出', '', ''], ['项目', '行次', '金额', '项目', '行次', '金额'], ['栏次', '', '1', '栏次', '', '2']];
  return finishTable(
    { key: 'T01', title: tableTitle('T01', ctx.variant), ordinal: tableOrdinal('T01', ctx.variant), variant: ctx.variant, preLines: preLines(ctx), header, columns: [{ key: 'amount', label: '金额' }], notes: [TABLE_NOTES.T01, '本套报表金额单位转换时可能存在尾数误差。'], status: 'present' },
    b,
  );
}

function sideCell(s: Side, unit: TableContext['unit']): GridCell {
  if (s.fen === undefined) return txt('');
  return amt(s.fen, unit, { showZero: s.showZero ?? false, calc: s.calc });
}

const FUNDS = ['generalBudget', 'governmentFund', 'stateCapital'] as const;

export function buildT04(ctx: TableContext): Built {
  const f = ctx.fig.t04;
  const u = ctx.unit;
  const b = new TableBuilder(u);
  const classes = classLines(f.byCategory.keys());
  const n = classes.length;
  const offset = n + 6;
  const fundRef = (code: string, fund: (typeof FUNDS)[number]): CellRef =>
    fund === 'generalBudget' ? codeCellRef('T05', ctx.fig.t05, code, 'total', T05_COLUMNS) : codeCellRef(fund === 'governmentFund' ? 'T07' : 'T08', fund === 'governmentFund' ? ctx.fig.t07 : ctx.fig.t08, code, 'total', ['carryoverBegin', 'income', 'total']);
  const t02Cols = t02Columns(ctx.fig.t02);
  const fiscal = codeCellRef('T02', ctx.fig.t02, '', 'fiscal', t02Cols);
  const fundIncome = (t: 'T07' | 'T08') => codeCellRef(t, t === 'T07' ? ctx.fig.t07 : ctx.fig.t08, '', 'income', ['carryoverBegin', 'income']);
  const income: Side[] = [
    { label: '一、一般公共预算财政拨款', key: 'income:generalBudget', fen: f.income.generalBudget, calc: sumCalc([fiscal], [fundIncome('T07'), fundIncome('T08')]), showZero: true },
    { label: '二、政府性基金预算财政拨款', key: 'income:governmentFund', fen: f.income.governmentFund, calc: sumCalc([fundIncome('T07')]), showZero: true },
    { label: '三、国有资本经营预算财政拨款', key: 'income:stateCapital', fen: f.income.stateCapital, calc: sumCalc([fundIncome('T08')]), showZero: true },
    ...[...Array(Math.max(0, n - 3))].map(() => ({ label: '' })),
    { label: '本年收入合计', key: 'incomeTotal', fen: f.income.total, calc: sumCalc([0, 1, 2].map((row) => ({ row, col: 2 }))), showZero: true },
    { label: '年初财政拨款结转和结余', key: 'carryoverBegin', fen: f.begin.total, calc: sumCalc([n + 2, n + 3, n + 4].map((row) => ({ row, col: 2 }))), showZero: true },
    { label: '一般公共预算财政拨款', key: 'carryoverBegin:generalBudget', fen: f.begin.generalBudget, showZero: true },
    { label: '政府性基金预算财政拨款', key: 'carryoverBegin:governmentFund', fen: f.begin.governmentFund, showZero: true },
    { label: '国有资本经营预算财政拨款', key: 'carryoverBegin:stateCapital', fen: f.begin.stateCapital, showZero: true },
    { label: '总计', key: 'grandTotal', fen: f.grandTotal, calc: sumCalc([{ row: n, col: 2 }, { row: n + 1, col: 2 }]), showZero: true },
  ];
  const rows = income.map((inc, i) => {
    const cells: GridCell[] = [txt(inc.label), txt(String(i + 1)), sideCell(inc, u)];
    const specs: RowSpec[] = inc.key ? [{ key: inc.key, name: inc.label, side: 'income', lineNo: String(i + 1), cols: { amount: 2 } }] : [];
    return { cells, specs };
  });
  const expenditure = expenditureSide(ctx, classes, fundRef);
  expenditure.forEach((e, i) => {
    const r = rows[i]!;
    r.cells.push(txt(e.label), txt(String(offset + i + 1)), ...e.cells);
    if (e.key) r.specs.push({ key: e.key, name: e.label, side: 'expenditure', lineNo: String(offset + i + 1), ...(e.key.startsWith('fn:') && { code: e.key.slice(3), codeLevel: 'category' as const }), cols: { total: 5, generalBudget: 6, governmentFund: 7, stateCapital: 8 } });
  });
  for (const r of rows) b.add(r.cells, r.specs, r.specs.some((s) => s.key === 'incomeTotal' || s.key === 'grandTotal'));
  const header = [
    ['收入', '', '', '支出', '', '', '', ''],
    ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ['栏次', '', '1', '栏次', '', '2', '3', '4', '5'],
  ];
  const columns = [{ key: 'amount', label: '金额' }, { key: 'total', label: '合计' }, { key: 'generalBudget', label: '一般公共预算财政拨款' }, { key: 'governmentFund', label: '政府性基金预算财政拨款' }, { key: 'stateCapital', label: '国有资本经营预算财政拨款' }];
  return finishTable(
    { key: 'T04', title: tableTitle('T04', ctx.variant), ordinal: tableOrdinal('T04', ctx.variant), variant: ctx.variant, preLines: preLines(ctx), header, columns, notes: [TABLE_NOTES.T04], status: 'present', wide: true },
    b,
  );
}

function expenditureSide(ctx: TableContext, classes: [string, string][], fundRef: (code: string, fund: (typeof FUNDS)[number]) => CellRef) {
  const f = ctx.fig.t04;
  const u = ctx.unit;
  const n = classes.length;
  const row = (label: string, key: string, v: FundTotals, calcs: ((fund: (typeof FUNDS)[number], col: number) => ReturnType<typeof sumCalc> | undefined) | null, showZero = true, rowIdx = 0) => ({
    label, key,
    cells: [
      amt(v.total, u, { showZero, calc: sumCalc([6, 7, 8].map((col) => ({ row: rowIdx, col }))) }),
      ...FUNDS.map((fund, j) => amt(v[fund], u, { showZero, calc: calcs?.(fund, 6 + j) })),
    ],
  });
  const out = classes.map(([code, label], i) => {
    const v = f.byCategory.get(code) ?? { generalBudget: 0, governmentFund: 0, stateCapital: 0, total: 0 } as FundTotals;
    const has = f.byCategory.has(code);
    return row(label, `fn:${code}`, v, has ? (fund) => (v[fund] !== 0 ? sumCalc([fundRef(code, fund)]) : undefined) : null, false, i);
  });
  const colSum = (col: number) => sumCalc(classes.map((_, i) => ({ row: i, col })));
  out.push(row('本年支出合计', 'expenditureTotal', f.expenditure, (_, col) => colSum(col), true, n));
  out.push(row('年末财政拨款结转和结余', 'carryoverEnd', f.end, (_, col) => sumCalc([{ row: n + 2 + (col - 6), col: 2 }, { row: col - 6, col: 2 }], [{ row: n, col }]), true, n + 1));
  const blank = () => ({ label: '', key: '', cells: [txt(''), txt(''), txt(''), txt('')] });
  out.push(blank(), blank(), blank());
  out.push(row('总计', 'grandTotal', { generalBudget: add3(f.expenditure.generalBudget, f.end.generalBudget), governmentFund: add3(f.expenditure.governmentFund, f.end.governmentFund), stateCapital: add3(f.expenditure.stateCapital, f.end.stateCapital), total: f.grandTotal }, (_, col) => sumCalc([{ row: n, col }, { row: n + 1, col }]), true, n + 5));
  return out;
}

function add3(a: Fen, b: Fen): Fen {
  return (a + b) as Fen;
}
