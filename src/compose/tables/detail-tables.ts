/**
 * T06 一般公共预算财政拨款基本支出决算明细表 (three blocks of economic codes side by side) and T09
 * 财政拨款“三公”经费支出决算表 (national one-row form, or the older 云南 form with counts and 机关运行经费).
 */
import type { Fen } from '../../model/index.js';
import type { GridCell } from '../blocks.js';
import type { EconomicRowFigures, ThreePublicFigures } from '../figures.js';
import { preLines, type Built, type TableContext } from './code-tables.js';
import { amt, finishTable, sumCalc, TableBuilder, txt, type RowSpec } from './grid.js';
import { EMPTY_NOTES, TABLE_NOTES, tableOrdinal, tableTitle } from './layouts.js';

type Group = EconomicRowFigures[];

function groupCells(g: Group, i: number, rowIdx: number, col0: number, u: TableContext['unit'], side: 'personnel' | 'public', empty: boolean) {
  const r = g[i];
  if (!r) return { cells: [txt(''), txt(''), txt('')], spec: null };
  let calc;
  if (r.isClass) {
    const kids = g.map((x, j) => ({ x, j })).filter(({ x }) => !x.isClass && x.code.startsWith(r.code));
    calc = sumCalc(kids.map(({ j }) => ({ row: j + (rowIdx - i), col: col0 + 2 })));
  }
  const spec: RowSpec = { key: r.code, code: r.code, codeLevel: r.isClass ? 'category' : 'section', name: r.name, side, cols: { amount: col0 + 2 } };
  return { cells: [txt(r.code), txt(r.name), amt(r.amount, u, { showZero: r.isClass && !empty, calc })], spec };
}

export function buildT06(ctx: TableContext): Built {
  const u = ctx.unit;
  const { personnel, public: pub, personnelTotal, publicTotal } = ctx.fig.t06;
  const left = pub.filter((r) => r.code.startsWith('302'));
  const right = pub.filter((r) => !r.code.startsWith('302'));
  const groups: [Group, 'personnel' | 'public'][] = [[personnel, 'personnel'], [left, 'public'], [right, 'public']];
  const empty = personnelTotal === 0 && publicTotal === 0;
  const height = Math.max(personnel.length, left.length, right.length);
  const b = new TableBuilder(u);
  for (let i = 0; i < height; i++) {
    const parts = groups.map(([g, side], k) => groupCells(g, i, i, k * 3, u, side, empty));
    b.add(parts.flatMap((p) => p.cells), parts.flatMap((p) => (p.spec ? [p.spec] : [])));
  }
  const classRows = (g: Group, col: number) => g.map((r, i) => ({ r, i })).filter(({ r }) => r.isClass).map(({ i }) => ({ row: i, col }));
  b.add(
    [txt('人员经费合计'), txt(''), amt(personnelTotal, u, { showZero: !empty, calc: sumCalc(classRows(personnel, 2)) }), txt('公用经费合计'), txt(''), txt(''), txt(''), txt(''), amt(publicTotal, u, { showZero: !empty, calc: sumCalc([...classRows(left, 5), ...classRows(right, 8)]) })],
    [
      { key: 'personnelTotal', name: '人员经费合计', side: 'personnel', cols: { amount: 2 } },
      { key: 'publicTotal', name: '公用经费合计', side: 'public', cols: { amount: 8 } },
    ],
    true,
  );
  const header = [
    ['人员经费', '', '', '公用经费', '', '', '', '', ''],
    ['科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数'],
  ];
  return finishTable(
    {
      key: 'T06', title: tableTitle('T06', ctx.variant), ordinal: tableOrdinal('T06', ctx.variant), variant: ctx.variant, preLines: preLines(ctx), header,
      columns: [{ key: 'amount', label: '决算数' }], notes: [TABLE_NOTES.T06, ...(empty ? [EMPTY_NOTES.T06!] : [])], status: empty ? 'empty' : 'present', wide: true,
    },
    b,
  );
}

const TP_KEYS = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
const TP_LABELS = ['合计', '因公出国（境）费', '公务用车购置及运行维护费/小计', '公务用车购置及运行维护费/公务用车购置费', '公务用车购置及运行维护费/公务用车运行维护费', '公务接待费'];

function threePublicCells(v: ThreePublicFigures, col0: number, u: TableContext['unit']): GridCell[] {
  const ref = (k: number) => ({ row: 0, col: col0 + k });
  return [
    amt(v.total, u, { showZero: true, calc: sumCalc([ref(1), ref(2), ref(5)]) }),
    amt(v.abroad, u, { showZero: true }),
    amt(v.vehicle, u, { showZero: true, calc: sumCalc([ref(3), ref(4)]) }),
    amt(v.vehiclePurchase, u, { showZero: true }),
    amt(v.vehicleOperation, u, { showZero: true }),
    amt(v.reception, u, { showZero: true }),
  ];
}

export function buildT09(ctx: TableContext): Built {
  if (ctx.variant === 'yunnan-2021') return buildT09Legacy(ctx);
  const u = ctx.unit;
  const { budget, actual } = ctx.fig.t09;
  const b = new TableBuilder(u);
  const cols = Object.fromEntries([...TP_KEYS.map((k, i) => [`budget.${k}`, i]), ...TP_KEYS.map((k, i) => [`actual.${k}`, 6 + i])]);
  b.add([...threePublicCells(budget, 0, u), ...threePublicCells(actual, 6, u)], [{ key: 'threePublic', name: '“三公”经费', cols }]);
  const block = ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'];
  const sub = ['', '', '小计', '公务用车购置费', '公务用车运行维护费', ''];
  const header = [
    ['预算数', '', '', '', '', '', '决算数', '', '', '', '', ''],
    [...block, ...block],
    [...sub, ...sub],
    [...Array(12)].map((_, i) => String(i + 1)),
  ];
  const empty = budget.total === 0 && actual.total === 0;
  const columns = [...TP_KEYS.map((k, i) => ({ key: `budget.${k}`, label: `预算数/${TP_LABELS[i]}` })), ...TP_KEYS.map((k, i) => ({ key: `actual.${k}`, label: `决算数/${TP_LABELS[i]}` }))];
  return finishTable(
    { key: 'T09', title: tableTitle('T09', ctx.variant), ordinal: tableOrdinal('T09', ctx.variant), variant: ctx.variant, preLines: preLines(ctx), header, columns, notes: [TABLE_NOTES.T09, ...(empty ? [EMPTY_NOTES.T09!] : [])], status: 'present', wide: true },
    b,
  );
}

/** The 2021 云南 form: rows of items with 预算数 / 决算统计数, the counts, and 机关运行经费. */
function buildT09Legacy(ctx: TableContext): Built {
  const u = ctx.unit;
  const { budget, actual } = ctx.fig.t09;
  const counts = ctx.fig.input.threePublic?.counts ?? {};
  const b = new TableBuilder(u);
  const dash = txt('—');
  let line = 0;
  const amountRow = (label: string, key: string | null, bud: Fen | null, act: Fen | null, calcRows: number[][] = []) => {
    const row = b.nextRow;
    const cells = [txt(label), txt(String(++line)),
      bud === null ? dash : amt(bud, u, { calc: calcRows[0] ? sumCalc(calcRows[0].map((r) => ({ row: r, col: 2 }))) : undefined }),
      act === null ? dash : amt(act, u, { calc: calcRows[1] ? sumCalc(calcRows[1].map((r) => ({ row: r, col: 3 }))) : undefined })];
    b.add(cells, key ? [{ key, name: label, lineNo: String(line), cols: { budget: 2, actual: 3 } }] : [], key === 'total');
    return row;
  };
  const countRow = (label: string, key: string, n: number | undefined) => {
    const text = n === undefined ? '' : String(n);
    b.add([txt(label), txt(String(++line)), dash, n === undefined ? txt('') : { text, num: n }], [{ key, name: label, lineNo: String(line), cols: { actual: 3 } }]);
  };
  amountRow('一、“三公”经费支出', null, null, null);
  const r = b.nextRow;
  const both = (rows: number[]) => [rows, rows];
  amountRow('（一）支出合计', 'total', budget.total, actual.total, both([r + 1, r + 2, r + 5]));
  amountRow('1. 因公出国（境）费', 'abroad', budget.abroad, actual.abroad);
  amountRow('2. 公务用车购置及运行维护费', 'vehicle', budget.vehicle, actual.vehicle, both([r + 3, r + 4]));
  amountRow('（1）公务用车购置费', 'vehiclePurchase', budget.vehiclePurchase, actual.vehiclePurchase);
  amountRow('（2）公务用车运行维护费', 'vehicleOperation', budget.vehicleOperation, actual.vehicleOperation);
  amountRow('3. 公务接待费', 'reception', budget.reception, actual.reception);
  amountRow('（二）相关统计数', null, null, null);
  countRow('1. 因公出国（境）团组数（个）', 'count.abroadGroups', counts.abroadGroups);
  countRow('2. 因公出国（境）人次（人）', 'count.abroadPersons', counts.abroadPeople);
  countRow('3. 公务用车购置数（辆）', 'count.vehiclesPurchased', counts.vehiclesPurchased);
  countRow('4. 公务用车保有量（辆）', 'count.vehiclesHeld', counts.vehiclesHeld);
  countRow('5. 国内公务接待批次（个）', 'count.receptionBatches', counts.receptionBatches);
  countRow('6. 国内公务接待人次（人）', 'count.receptionPersons', counts.receptionPeople);
  countRow('7. 国（境）外公务接待批次（个）', 'count.abroadReceptionBatches', counts.abroadReceptionBatches);
  countRow('8. 国（境）外公务接待人次（人）', 'count.abroadReceptionPersons', counts.abroadReceptionPeople);
  amountRow('二、机关运行经费', 'operatingExpense', null, ctx.fig.operatingExpense ?? (0 as Fen));
  const header = [['项目', '行次', '预算数', '决算统计数'], ['栏次', '', '1', '2']];
  return finishTable(
    {
      key: 'T09', title: tableTitle('T09', ctx.variant), ordinal: tableOrdinal('T09', ctx.variant), variant: 'three-public-legacy', preLines: preLines(ctx), header,
      columns: [{ key: 'budget', label: '预算数' }, { key: 'actual', label: '决算统计数' }],
      notes: ['注：“三公”经费为单位使用一般公共预算财政拨款安排的支出，包括当年一般公共预算财政拨款和以前年度一般公共预算财政拨款结转结余资金安排的实际支出。', '“机关运行经费”为行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的公用经费支出。'],
      status: 'present',
    },
    b,
  );
}
