/**
 * Budget vs actual: the 部门预算 and the 部门决算 of one entity and year side by side — the comparison a
 * reviewer makes first. Per 支出功能分类 类 (本年支出), for the main totals and for “三公”经费, the
 * budget figure (from the budget disclosure's facts), the actual (from the final accounts' facts) and the
 * execution rate (执行率 = 决算数 ÷ 预算数, in percent with two decimals; absent when the budget is absent
 * or zero — a rate of nothing is undefined). Amounts in 分.
 */
import { lookupFunctionCode } from '../catalog/function-codes.js';
import type { Db } from './corpus.js';
import { factsByDocument } from './corpus.js';

export interface ExecutionRow {
  /** Fact key: 'expenditureTotal', 'fn:210', 'threePublic.total' … */
  key: string;
  /** What the row is (Chinese, as a reviewer names it). */
  label: string;
  group: 'total' | 'function' | 'threePublic';
  budget?: number;
  actual?: number;
  /** 执行率 in percent ("102.83"), when both figures are there and the budget is not zero. */
  rate?: string;
  /** actual − budget, when both are there. */
  difference?: number;
}

export interface BudgetVsActual {
  entity: string;
  year: number;
  budget?: { documentId: number; name: string };
  actual?: { documentId: number; name: string };
  rows: ExecutionRow[];
}

const TOTALS: [string, string][] = [
  ['expenditureTotal', '本年支出合计'],
  ['basicExpenditure', '基本支出'],
  ['projectExpenditure', '项目支出'],
  ['generalBudgetExpenditure', '一般公共预算（财政拨款）支出'],
  ['personnelExpense', '人员经费'],
  ['publicExpense', '公用经费'],
  ['operatingExpense', '机关运行经费'],
  ['incomeTotal', '本年收入合计'],
  ['fiscalIncome', '财政拨款收入'],
];

const THREE_PUBLIC: [string, string][] = [
  ['total', '“三公”经费合计'],
  ['abroad', '因公出国（境）费'],
  ['vehicle', '公务用车购置及运行维护费'],
  ['vehiclePurchase', '其中：公务用车购置费'],
  ['vehicleOperation', '其中：公务用车运行维护费'],
  ['reception', '公务接待费'],
];

/** actual ÷ budget × 100 with two decimals, rounded half up, exact; undefined when the budget is 0. */
export function executionRate(actual: number, budget: number): string | undefined {
  if (budget === 0) return undefined;
  const neg = actual < 0 !== budget < 0 && actual !== 0;
  const a = BigInt(Math.abs(actual));
  const b = BigInt(Math.abs(budget));
  const scaled = (a * 10000n * 2n + b) / (2n * b);
  const s = scaled.toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

function row(key: string, label: string, group: ExecutionRow['group'], budget: number | undefined, actual: number | undefined): ExecutionRow {
  const r: ExecutionRow = { key, label, group };
  if (budget !== undefined) r.budget = budget;
  if (actual !== undefined) r.actual = actual;
  if (budget !== undefined && actual !== undefined) {
    r.difference = actual - budget;
    const rate = executionRate(actual, budget);
    if (rate !== undefined) r.rate = rate;
  }
  return r;
}

/**
 * The budget and final-accounts documents of `entity` in `year` (the latest stored of each kind) and
 * their figures side by side. 三公 budget figures come from the budget disclosure; when none is stored,
 * from the final accounts' own 预算数 column.
 */
export async function budgetVsActual(db: Db, q: { entity: string; year: number }): Promise<BudgetVsActual> {
  const docs = await db.selectFrom('documents').select(['id', 'name', 'kind']).where('status', '=', 'ok')
    .where('entity', '=', q.entity).where('year', '=', q.year).orderBy('id', 'desc').execute();
  const budgetDoc = docs.find((d) => d.kind === 'budget');
  const actualDoc = docs.find((d) => d.kind === 'final-accounts');
  const facts = await factsByDocument(db, [budgetDoc?.id, actualDoc?.id].filter((x): x is number => x !== undefined));
  const b = budgetDoc ? facts.get(budgetDoc.id) ?? {} : {};
  const a = actualDoc ? facts.get(actualDoc.id) ?? {} : {};
  const rows: ExecutionRow[] = [];
  for (const [key, label] of TOTALS) {
    if (b[key] !== undefined || a[key] !== undefined) rows.push(row(key, label, 'total', b[key], a[key]));
  }
  const classes = [...new Set([...Object.keys(b), ...Object.keys(a)].filter((k) => /^fn:\d{3}$/.test(k)))].sort();
  for (const key of classes) {
    const code = key.slice(3);
    rows.push(row(key, `${code} ${lookupFunctionCode(code)?.name ?? ''}`.trim(), 'function', b[key], a[key]));
  }
  for (const [item, label] of THREE_PUBLIC) {
    const budget = b[`threePublic.budget.${item}`] ?? (budgetDoc ? undefined : a[`threePublic.budget.${item}`]);
    const actual = a[`threePublic.actual.${item}`];
    if (budget !== undefined || actual !== undefined) rows.push(row(`threePublic.${item}`, label, 'threePublic', budget, actual));
  }
  return {
    entity: q.entity, year: q.year,
    ...(budgetDoc && { budget: { documentId: budgetDoc.id, name: budgetDoc.name } }),
    ...(actualDoc && { actual: { documentId: actualDoc.id, name: actualDoc.name } }),
    rows,
  };
}

/** Entities and years that have both a budget and a final-accounts document stored. */
export async function budgetActualPairs(db: Db): Promise<{ entity: string; year: number }[]> {
  const docs = await db.selectFrom('documents').select(['entity', 'year', 'kind']).where('status', '=', 'ok').where('kind', 'in', ['budget', 'final-accounts']).execute();
  const seen = new Map<string, Set<string>>();
  for (const d of docs) {
    if (!d.entity || d.year === null) continue;
    const k = `${d.entity}\u0000${d.year}`;
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(String(d.kind));
  }
  return [...seen].filter(([, kinds]) => kinds.size === 2).map(([k]) => {
    const [entity, year] = k.split('\u0000');
    return { entity: entity!, year: Number(year) };
  }).sort((x, y) => (x.entity < y.entity ? -1 : x.entity > y.entity ? 1 : y.year - x.year));
}
