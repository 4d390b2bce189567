/**
 * The key figures that the nine standard tables state. Only printed amounts count: a blank cell states
 * nothing, '0.00' states a zero. Tables are matched by canonical keys (src/catalog/tables.ts), with the
 * printed names as a fallback for rows the catalogue leaves unkeyed.
 */
import type { Cell, Disclosure, Fen, Row, Table, TableKey } from '../model/index.js';
import { fenToYuanString } from '../model/index.js';
import type { AmountKey, Facts, ThreePublicKey, Yuan } from './types.js';

type Amounts = Partial<Record<AmountKey, Yuan>>;

export function tableOf(d: Disclosure, key: TableKey): Table | undefined {
  return d.tables.find((t) => t.key === key && t.status === 'present') ?? d.tables.find((t) => t.key === key);
}

export function cellFen(cell: Cell | undefined): Fen | undefined {
  return cell?.value.kind === 'amount' ? cell.value.amount.fen : undefined;
}

function yuan(cell: Cell | undefined): Yuan | undefined {
  const f = cellFen(cell);
  return f === undefined ? undefined : fenToYuanString(f);
}

const normName = (s: string) => s.replace(/[\s（）()“”"、:：]/g, '');

export function findRow(t: Table | undefined, keys: string[], names: RegExp[] = [], side?: Row['side']): Row | undefined {
  if (!t) return undefined;
  const rows = side ? t.rows.filter((r) => r.side === side || r.side === undefined) : t.rows;
  return (
    rows.find((r) => r.key !== undefined && keys.includes(r.key)) ??
    rows.find((r) => names.some((re) => re.test(normName(r.name))))
  );
}

/** The first cell of `row` whose column key is one of `columns` (in order of preference). */
export function pickCell(row: Row | undefined, columns: string[]): Cell | undefined {
  if (!row) return undefined;
  for (const c of columns) if (row.cells[c]) return row.cells[c];
  return undefined;
}

/** A row's single amount cell for two-sided tables (T01/T04), whatever the column key. */
function amountOf(row: Row | undefined, preferred: string[] = ['amount', 'total']): Cell | undefined {
  if (!row) return undefined;
  const p = pickCell(row, preferred);
  if (p) return p;
  return Object.values(row.cells).find((c) => c.value.kind === 'amount');
}

function set(target: Amounts, key: AmountKey, value: Yuan | undefined): void {
  if (value !== undefined && target[key] === undefined) target[key] = value;
}

function totalRow(t: Table | undefined): Row | undefined {
  return findRow(t, ['total'], [/^合计$/, /^总计$/]) ?? t?.rows.find((r) => !r.code && !r.name.trim());
}

function fromT01(d: Disclosure, a: Amounts): void {
  const t = tableOf(d, 'T01');
  set(a, 'incomeTotal', yuan(amountOf(findRow(t, ['incomeTotal'], [/^本年收入合计$/], 'income'))));
  set(a, 'expenditureTotal', yuan(amountOf(findRow(t, ['expenditureTotal'], [/^本年支出合计$/], 'expenditure'))));
  set(a, 'carryoverBegin', yuan(amountOf(findRow(t, ['carryoverBegin'], [/^年初结转和结余$/], 'income'))));
  set(a, 'carryoverEnd', yuan(amountOf(findRow(t, ['carryoverEnd'], [/^年末结转和结余$/], 'expenditure'))));
  set(a, 'grandTotal', yuan(amountOf(findRow(t, ['grandTotal', 'income:grandTotal'], [/^总计$/], 'income'))));
  set(a, 'generalBudgetIncome', yuan(amountOf(findRow(t, ['income:generalBudget'], [/一般公共预算财政拨款收入$/], 'income'))));
  set(a, 'otherIncome', yuan(amountOf(findRow(t, ['income:other'], [/^八?其他收入$/], 'income'))));
}

function fromT02toT06(d: Disclosure, a: Amounts): void {
  const t02 = totalRow(tableOf(d, 'T02'));
  set(a, 'incomeTotal', yuan(pickCell(t02, ['total'])));
  set(a, 'fiscalIncome', yuan(pickCell(t02, ['fiscal'])));
  set(a, 'otherIncome', yuan(pickCell(t02, ['other'])));
  const t03 = totalRow(tableOf(d, 'T03'));
  set(a, 'expenditureTotal', yuan(pickCell(t03, ['total'])));
  set(a, 'basicExpenditure', yuan(pickCell(t03, ['basic'])));
  set(a, 'projectExpenditure', yuan(pickCell(t03, ['project'])));
  const t04 = tableOf(d, 'T04');
  const t04income = findRow(t04, ['incomeTotal'], [/^本年收入合计$/], 'income');
  set(a, 'fiscalIncome', yuan(amountOf(t04income)));
  set(a, 'generalBudgetIncome', yuan(amountOf(findRow(t04, ['income:generalBudget'], [/^一?一般公共预算财政拨款$/], 'income'))));
  const t05 = tableOf(d, 'T05');
  const t05total = totalRow(t05);
  set(a, 'generalBudgetExpenditure', yuan(pickCell(t05total, ['total', 'expenditure.total', 'expenditure'])));
  set(a, 'personnelExpense', yuan(cellByKeySuffix(t05total, 'personnel')));
  set(a, 'publicExpense', yuan(cellByKeySuffix(t05total, 'public')));
  const t04exp = findRow(t04, ['expenditureTotal'], [/^本年支出合计$/], 'expenditure');
  set(a, 'generalBudgetExpenditure', yuan(pickCell(t04exp, ['generalBudget'])));
  const t06 = tableOf(d, 'T06');
  set(a, 'personnelExpense', yuan(amountOf(findRow(t06, ['personnelTotal'], [/^人员经费合计$/]))));
  set(a, 'publicExpense', yuan(amountOf(findRow(t06, ['publicTotal'], [/^公用经费合计$/]))));
}

function cellByKeySuffix(row: Row | undefined, suffix: string): Cell | undefined {
  if (!row) return undefined;
  const k = Object.keys(row.cells).find((c) => c === suffix || c.endsWith(`.${suffix}`));
  return k ? row.cells[k] : undefined;
}

/** The first cell of `row` stating an amount, preferring `columns` in order (a budget summary table prints its figure in whichever side column). */
function statedAmount(row: Row | undefined, columns: string[] = ['amount', 'total']): Cell | undefined {
  if (!row) return undefined;
  for (const c of columns) if (row.cells[c]?.value.kind === 'amount') return row.cells[c];
  return Object.values(row.cells).find((c) => c.value.kind === 'amount');
}

/** Another budget table (机关运行经费, 政府采购 …) by its printed title. */
function otherTable(d: Disclosure, title: RegExp): Table | undefined {
  return d.tables.find((t) => !t.key && title.test(normName(t.title)));
}

/**
 * A 部门预算/单位预算: the budget tables state the budget-year figures (contract, budget section). Their
 * summary tables print 当年收入小计 / 收入合计 (the balancing total) and a third spending category.
 */
function budgetAmounts(d: Disclosure, a: Amounts): void {
  const t01 = tableOf(d, 'T01');
  set(a, 'incomeTotal', yuan(statedAmount(findRow(t01, ['incomeTotal'], [], 'income'))));
  set(a, 'expenditureTotal', yuan(statedAmount(findRow(t01, ['expenditureTotal'], [], 'expenditure'))));
  set(a, 'carryoverBegin', yuan(statedAmount(findRow(t01, ['carryoverBegin'], [], 'income'))));
  set(a, 'carryoverEnd', yuan(statedAmount(findRow(t01, ['carryoverEnd'], [], 'expenditure'))));
  set(a, 'grandTotal', yuan(statedAmount(findRow(t01, ['grandTotal'], [], 'income'))));
  set(a, 'fiscalIncome', yuan(statedAmount(findRow(t01, ['income:fiscal'], [], 'income'))));
  set(a, 'generalBudgetIncome', yuan(statedAmount(findRow(t01, ['income:generalBudget'], [], 'income'))));
  set(a, 'otherIncome', yuan(statedAmount(findRow(t01, ['income:other'], [], 'income'))));
  const t02 = totalRow(tableOf(d, 'T02')) ?? findRow(tableOf(d, 'T02'), [], [/^收入总计$/, /^收入合计$/]);
  set(a, 'incomeTotal', yuan(statedAmount(t02, ['total'])));
  set(a, 'fiscalIncome', yuan(pickCell(t02, ['fiscal'])));
  const t03 = totalRow(tableOf(d, 'T03'));
  set(a, 'expenditureTotal', yuan(statedAmount(t03, ['total'])));
  const t04 = tableOf(d, 'T04');
  for (const t of [t04, t01]) {
    set(a, 'basicExpenditure', yuan(statedAmount(findRow(t, ['expenditure:basic'], [], 'expenditure'))));
    set(a, 'projectExpenditure', yuan(statedAmount(findRow(t, ['expenditure:project'], [], 'expenditure'))));
  }
  const t04total = findRow(t04, ['expenditureTotal'], [], 'expenditure') ?? findRow(t04, ['grandTotal'], [], 'expenditure');
  set(a, 'generalBudgetExpenditure', yuan(pickCell(totalRow(tableOf(d, 'T05')), ['total'])));
  set(a, 'generalBudgetExpenditure', yuan(pickCell(t04total, ['generalBudget'])));
  const t06total = totalRow(tableOf(d, 'T06'));
  set(a, 'personnelExpense', yuan(pickCell(t06total, ['personnel'])));
  set(a, 'publicExpense', yuan(pickCell(t06total, ['public'])));
  for (const r of tableOf(d, 'T09')?.rows ?? []) set(a, 'operatingExpense', yuan(r.cells['budget.operatingExpense']));
  set(a, 'operatingExpense', yuan(statedAmount(totalRow(otherTable(d, /机关运行经费/)), ['operatingExpense', 'total'])));
  set(a, 'procurementTotal', yuan(statedAmount(totalRow(otherTable(d, /政府采购/)), ['total'])));
}

const THREE_PUBLIC_ITEMS: ThreePublicKey[] = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];

function threePublicFromT09(t: Table | undefined): Facts['threePublic'] {
  if (!t || t.status !== 'present') return undefined;
  const out: NonNullable<Facts['threePublic']> = {};
  for (const side of ['budget', 'actual'] as const) {
    const values: Partial<Record<ThreePublicKey, Yuan>> = {};
    for (const item of THREE_PUBLIC_ITEMS) {
      const v = yuan(t.rows.map((r) => r.cells[`${side}.${item}`]).find((c) => c !== undefined))
        ?? yuan(t.rows.find((r) => r.key === item)?.cells[side]);
      if (v !== undefined) values[item] = v;
    }
    // A budget 三公 table whose 合计 is the 三公 total (no 会议费/培训费 beside it).
    if (side === 'budget' && values.total === undefined && !t.columns.some((c) => c.key === 'budget.meeting' || c.key === 'budget.training')) {
      const all = yuan(t.rows.map((r) => r.cells['budget.totalAll']).find((c) => c !== undefined));
      if (all !== undefined) values.total = all;
    }
    if (Object.keys(values).length) out[side] = values;
  }
  return Object.keys(out).length ? out : undefined;
}

function operatingFromT09(t: Table | undefined): Yuan | undefined {
  for (const r of t?.rows ?? []) {
    const v = yuan(r.cells['actual.operatingExpense']);
    if (v !== undefined) return v;
  }
  const row = findRow(t, ['operatingExpense'], [/^二?机关运行经费$/]);
  return yuan(pickCell(row, ['actual']));
}

/**
 * When T03 prints no 合计 figures, T05's 基本/项目 state the same quantities if every yuan spent was
 * general-budget money (T05 合计 = T01 本年支出合计): use them, as stated figures, not derived sums.
 */
function basicProjectFromT05(d: Disclosure, a: Amounts): void {
  if (a.basicExpenditure !== undefined && a.projectExpenditure !== undefined) return;
  const t05total = totalRow(tableOf(d, 'T05'));
  const total = yuan(pickCell(t05total, ['total']));
  if (total === undefined || total !== a.expenditureTotal) return;
  set(a, 'basicExpenditure', yuan(pickCell(t05total, ['basic'])));
  set(a, 'projectExpenditure', yuan(pickCell(t05total, ['project'])));
}

function expenditureByFunction(d: Disclosure): Record<string, Yuan> | undefined {
  const out: Record<string, Yuan> = {};
  const t01 = tableOf(d, 'T01');
  for (const r of t01?.rows ?? []) {
    const m = /^fn:(\d{3})$/.exec(r.key ?? '');
    const f = cellFen(amountOf(r));
    if (m && f !== undefined && f !== 0) out[m[1]!] = fenToYuanString(f);
  }
  if (Object.keys(out).length) return out;
  for (const key of ['T03', 'T05'] as const) {
    for (const r of tableOf(d, key)?.rows ?? []) {
      const f = cellFen(pickCell(r, ['total']));
      if (r.codeLevel === 'category' && r.code && f !== undefined && f !== 0) out[r.code] = fenToYuanString(f);
    }
    if (Object.keys(out).length) return out;
  }
  return undefined;
}

export function factsFromTables(d: Disclosure): Pick<Facts, 'amounts' | 'expenditureByFunction' | 'threePublic'> {
  const amounts: Amounts = {};
  if (d.meta.kind === 'budget') budgetAmounts(d, amounts);
  fromT01(d, amounts);
  fromT02toT06(d, amounts);
  basicProjectFromT05(d, amounts);
  const t09 = tableOf(d, 'T09');
  set(amounts, 'operatingExpense', operatingFromT09(t09));
  const result: Pick<Facts, 'amounts' | 'expenditureByFunction' | 'threePublic'> = { amounts };
  const byFn = expenditureByFunction(d);
  if (byFn) result.expenditureByFunction = byFn;
  const tp = threePublicFromT09(t09);
  if (tp) result.threePublic = tp;
  return result;
}
