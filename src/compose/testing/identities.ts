/**
 * The identities of domain.md §4 (1–10) checked exactly on a Disclosure, for the composer's tests:
 * returns every violation as a sentence (empty when the model is consistent).
 */
import type { Cell, Disclosure, Row, Table, TableKey } from '../../model/index.js';

export function fenOf(cell: Cell | undefined): number {
  if (!cell) return 0;
  return cell.value.kind === 'amount' ? cell.value.amount.fen : 0;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function table(d: Disclosure, key: TableKey): Table | undefined {
  return d.tables.find((t) => t.key === key);
}

function row(t: Table | undefined, key: string, side?: Row['side']): Row | undefined {
  return t?.rows.find((r) => r.key === key && (side === undefined || r.side === side));
}

const v = (t: Table | undefined, key: string, col: string, side?: Row['side']) => fenOf(row(t, key, side)?.cells[col]);

function hierarchy(t: Table, out: string[]): void {
  const codeRows = t.rows.filter((r) => r.code && !r.side);
  for (const col of t.columns.map((c) => c.key)) {
    for (const parent of codeRows.filter((r) => r.codeLevel !== 'item')) {
      const len = parent.code!.length + 2;
      const kids = codeRows.filter((r) => r.code!.length === len && r.code!.startsWith(parent.code!));
      const s = sum(kids.map((k) => fenOf(k.cells[col])));
      if (kids.length && s !== fenOf(parent.cells[col])) out.push(`${t.key} ${parent.code} ${col}: ${fenOf(parent.cells[col])} ≠ Σ children ${s}`);
    }
    const total = row(t, 'total');
    if (total && codeRows.length) {
      const s = sum(codeRows.filter((r) => r.codeLevel === 'category').map((r) => fenOf(r.cells[col])));
      if (s !== fenOf(total.cells[col])) out.push(`${t.key} 合计 ${col}: ${fenOf(total.cells[col])} ≠ Σ类 ${s}`);
    }
  }
}

function rowSums(t: Table | undefined, total: string, parts: string[], out: string[], minus: string[] = []): void {
  for (const r of t?.rows ?? []) {
    if (!(total in r.cells)) continue;
    const s = sum(parts.map((p) => fenOf(r.cells[p]))) - sum(minus.map((m) => fenOf(r.cells[m])));
    if (s !== fenOf(r.cells[total])) out.push(`${t!.key} ${r.key} ${total}: ${fenOf(r.cells[total])} ≠ ${s}`);
  }
}

function summaryTables(d: Disclosure, out: string[]): void {
  const t01 = table(d, 'T01');
  const inc = (k: string) => v(t01, k, 'amount', 'income');
  const exp = (k: string) => v(t01, k, 'amount', 'expenditure');
  const incomeLines = ['generalBudget', 'governmentFund', 'stateCapital', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'].map((k) => `income:${k}`);
  const eq = (what: string, a: number, b: number) => a !== b && out.push(`${what}: ${a} ≠ ${b}`);
  eq('T01 本年收入合计 = Σ收入', inc('incomeTotal'), sum(incomeLines.map(inc)));
  eq('T01 收入总计', inc('grandTotal'), inc('incomeTotal') + inc('useNonFiscalSurplus') + inc('carryoverBegin'));
  const fnRows = (t01?.rows ?? []).filter((r) => r.key?.startsWith('fn:'));
  eq('T01 本年支出合计 = Σ类', exp('expenditureTotal'), sum(fnRows.map((r) => fenOf(r.cells.amount))));
  eq('T01 支出总计', exp('grandTotal'), exp('expenditureTotal') + exp('surplusDistribution') + exp('carryoverEnd'));
  eq('T01 收入总计 = 支出总计', inc('grandTotal'), exp('grandTotal'));
  const t02 = table(d, 'T02'), t03 = table(d, 'T03'), t04 = table(d, 'T04'), t05 = table(d, 'T05'), t06 = table(d, 'T06'), t07 = table(d, 'T07');
  eq('T01 本年收入合计 = T02 合计', inc('incomeTotal'), v(t02, 'total', 'total'));
  eq('T01 本年支出合计 = T03 合计', exp('expenditureTotal'), v(t03, 'total', 'total'));
  for (const r of fnRows) eq(`T01 ${r.key} = T03 类`, fenOf(r.cells.amount), v(t03, r.key!.slice(3), 'total'));
  const t04inc = (k: string) => v(t04, k, 'amount', 'income');
  eq('T02 财政拨款 = T04 本年收入', v(t02, 'total', 'fiscal'), t04inc('incomeTotal'));
  eq('T04 一般公共预算支出 = T05 合计', v(t04, 'expenditureTotal', 'generalBudget', 'expenditure'), v(t05, 'total', 'total'));
  eq('T04 政府性基金支出 = T07 合计', v(t04, 'expenditureTotal', 'governmentFund', 'expenditure'), v(t07, 'total', 'total'));
  for (const r of (t04?.rows ?? []).filter((x) => x.key?.startsWith('fn:'))) {
    eq(`T04 ${r.key} 一般公共预算 = T05 类`, fenOf(r.cells.generalBudget), v(t05, r.key!.slice(3), 'total'));
    eq(`T04 ${r.key} 合计 = Σ funds`, fenOf(r.cells.total), fenOf(r.cells.generalBudget) + fenOf(r.cells.governmentFund) + fenOf(r.cells.stateCapital));
  }
  for (const fund of ['generalBudget', 'governmentFund', 'stateCapital']) {
    eq(`T04 ${fund} 年初 + 收入 = 支出 + 年末`, t04inc(`carryoverBegin:${fund}`) + t04inc(`income:${fund}`), v(t04, 'expenditureTotal', fund, 'expenditure') + v(t04, 'carryoverEnd', fund, 'expenditure'));
  }
  eq('T04 收入总计 = 支出总计', t04inc('grandTotal'), v(t04, 'grandTotal', 'total', 'expenditure'));
  eq('T05 基本支出 = T06 人员 + 公用', v(t05, 'total', 'basic'), v(t06, 'personnelTotal', 'amount') + v(t06, 'publicTotal', 'amount'));
  const classes = (t06?.rows ?? []).filter((r) => r.codeLevel === 'category');
  for (const c of classes) eq(`T06 ${c.code} = Σ款`, fenOf(c.cells.amount), sum((t06?.rows ?? []).filter((r) => r.codeLevel === 'section' && r.code!.startsWith(c.code!)).map((r) => fenOf(r.cells.amount))));
  eq('T06 人员经费合计', v(t06, 'personnelTotal', 'amount'), sum(classes.filter((c) => c.side === 'personnel').map((c) => fenOf(c.cells.amount))));
  eq('T06 公用经费合计', v(t06, 'publicTotal', 'amount'), sum(classes.filter((c) => c.side === 'public').map((c) => fenOf(c.cells.amount))));
}

function threePublic(d: Disclosure, out: string[]): void {
  const t09 = table(d, 'T09');
  if (!t09 || t09.variant === 'three-public-legacy') return;
  const r = t09.rows[0]!;
  for (const side of ['budget', 'actual']) {
    const c = (k: string) => fenOf(r.cells[`${side}.${k}`]);
    if (c('total') !== c('abroad') + c('vehicle') + c('reception')) out.push(`T09 ${side} 合计`);
    if (c('vehicle') !== c('vehiclePurchase') + c('vehicleOperation')) out.push(`T09 ${side} 小计`);
  }
}

export function identityViolations(d: Disclosure): string[] {
  const out: string[] = [];
  for (const key of ['T02', 'T03', 'T05', 'T07', 'T08'] as const) {
    const t = table(d, key);
    if (t) hierarchy(t, out);
  }
  rowSums(table(d, 'T02'), 'total', ['fiscal', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'], out);
  rowSums(table(d, 'T03'), 'total', ['basic', 'project', 'remittance', 'business', 'subsidy'], out);
  rowSums(table(d, 'T05'), 'total', ['basic', 'project'], out);
  rowSums(table(d, 'T07'), 'carryoverEnd', ['carryoverBegin', 'income'], out, ['total']);
  summaryTables(d, out);
  threePublic(d, out);
  return out;
}
