/**
 * Every figure of a budget disclosure, in 分, from the input's leaves: the function-classified
 * tables with their 类/款 rows and totals, 收支预算总表 and 财政拨款收支预算总表 from them, the
 * economic table of 基本支出, 三公, 机关运行经费 and 政府采购. The identities of the budget tables
 * (合计 = Σ类 = Σ款 = Σ项, 收入总计 = 支出总计, 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本,
 * 基本 = 人员 + 公用) hold by construction.
 */
import type { Fen, Unit } from '../../model/index.js';
import { add, fen0, inputFen } from '../amounts.js';
import { buildCodeTable, categoryValues, type CodeTableFigures, type NameContext, type Values } from '../code-table.js';
import { threePublicFigures, type ThreePublicFigures } from '../figures.js';
import { ECONOMIC_CLASSES, ECONOMIC_SECTIONS } from '../standard-lists.js';
import type { BudgetInput } from './input-schema.js';

export const B_INCOME_SUMMANDS = ['generalBudget', 'governmentFund', 'stateCapital', 'specialAccount', 'operational', 'business', 'superiorSubsidy', 'subordinate', 'other'] as const;
export type IncomeSource = (typeof B_INCOME_SUMMANDS)[number];
/** 收入预算总表 columns: 合计 = 上年结转 + the sources of the year. */
export const B_INCOME_COLUMNS = ['total', 'carryover', ...B_INCOME_SUMMANDS] as const;
export const B_EXPENDITURE_SUMMANDS = ['basic', 'project', 'business', 'remittance', 'subsidy'] as const;
export const B_EXPENDITURE_COLUMNS = ['total', ...B_EXPENDITURE_SUMMANDS] as const;
export const B_FUND_COLUMNS = ['total', 'basic', 'project'] as const;

export const INCOME_LABELS: Record<IncomeSource, string> = {
  generalBudget: '一般公共预算拨款收入',
  governmentFund: '政府性基金预算拨款收入',
  stateCapital: '国有资本经营预算拨款收入',
  specialAccount: '财政专户管理资金收入',
  operational: '事业收入',
  business: '事业单位经营收入',
  superiorSubsidy: '上级补助收入',
  subordinate: '附属单位上缴收入',
  other: '其他收入',
};

export const FUNDS = ['generalBudget', 'governmentFund', 'stateCapital'] as const;
export type Fund = (typeof FUNDS)[number];
export interface FundFigures { generalBudget: Fen; governmentFund: Fen; stateCapital: Fen; total: Fen }

export interface EconomicBudgetRow {
  code: string;
  name: string;
  isClass: boolean;
  personnel: Fen;
  public: Fen;
  total: Fen;
}

export interface BudgetFigures {
  input: BudgetInput;
  unit: Unit;
  income: CodeTableFigures;
  expenditure: CodeTableFigures;
  generalBudget: CodeTableFigures;
  governmentFund: CodeTableFigures;
  stateCapital: CodeTableFigures;
  economic: { rows: EconomicBudgetRow[]; personnel: Fen; public: Fen; total: Fen };
  summary: {
    sources: Record<IncomeSource, Fen>;
    incomeTotal: Fen;
    carryover: Fen;
    grandTotal: Fen;
    byCategory: Map<string, Fen>;
    expenditureTotal: Fen;
    carryoverEnd: Fen;
  };
  fiscal: {
    income: FundFigures;
    carryover: FundFigures;
    grandTotal: Fen;
    byCategory: Map<string, FundFigures>;
    expenditure: FundFigures;
    carryoverEnd: FundFigures;
  };
  threePublic: ThreePublicFigures;
  operatingExpense: Fen | null;
  procurement: { goods: Fen; works: Fen; services: Fen; total: Fen } | null;
}

function amounts(row: Record<string, unknown>, keys: readonly string[], unit: Unit): Values {
  return Object.fromEntries(keys.map((k) => [k, fen0(row[k] as string | undefined, unit)]));
}

const rowTotal = (summands: readonly string[]) => (v: Values): Values => ({ ...v, total: add(...summands.map((k) => v[k] ?? 0)) });

export function fundFigures(g: Fen, f: Fen, s: Fen): FundFigures {
  return { generalBudget: g, governmentFund: f, stateCapital: s, total: add(g, f, s) };
}

function fundTable(rows: BudgetInput['generalBudget'], unit: Unit, names: NameContext): CodeTableFigures {
  return buildCodeTable(rows.map((r) => ({ code: r.code, name: r.name, values: amounts(r, ['basic', 'project'], unit) })), B_FUND_COLUMNS, rowTotal(['basic', 'project']), names);
}

/** 类 then its 款, each 款 in the block of its 类 (人员经费: 301 and 303; 公用经费: the others). */
function economicRows(input: BudgetInput): BudgetFigures['economic'] {
  const unit = input.unit;
  const typed = new Map<string, { name?: string | undefined; personnel: Fen; public: Fen }>();
  for (const block of ['personnel', 'public'] as const) {
    for (const r of input.basicByEconomic[block]) {
      const t = typed.get(r.code) ?? { name: r.name, personnel: 0 as Fen, public: 0 as Fen };
      t[block] = add(t[block], fen0(r.amount, unit));
      t.name ??= r.name;
      typed.set(r.code, t);
    }
  }
  const rows: EconomicBudgetRow[] = [];
  const classes = [...new Set([...typed.keys()].map((c) => c.slice(0, 3)))].sort();
  for (const cls of classes) {
    const sections = [...typed.keys()].filter((c) => c.startsWith(cls)).sort().map((code) => {
      const t = typed.get(code)!;
      return { code, name: t.name ?? ECONOMIC_SECTIONS[code] ?? code, isClass: false, personnel: t.personnel, public: t.public, total: add(t.personnel, t.public) };
    });
    const personnel = add(...sections.map((s) => s.personnel));
    const pub = add(...sections.map((s) => s.public));
    rows.push({ code: cls, name: ECONOMIC_CLASSES[cls]?.name ?? cls, isClass: true, personnel, public: pub, total: add(personnel, pub) }, ...sections);
  }
  const classRows = rows.filter((r) => r.isClass);
  const personnel = add(...classRows.map((r) => r.personnel));
  const pub = add(...classRows.map((r) => r.public));
  return { rows, personnel, public: pub, total: add(personnel, pub) };
}

export function computeBudgetFigures(input: BudgetInput): BudgetFigures {
  const unit = input.unit;
  const names: NameContext = { year: input.year, functionNames: input.functionNames };
  const income = buildCodeTable(
    input.income.map((r) => ({ code: r.code, name: r.name, values: amounts(r, ['carryover', ...B_INCOME_SUMMANDS], unit) })),
    B_INCOME_COLUMNS,
    rowTotal(['carryover', ...B_INCOME_SUMMANDS]),
    names,
  );
  const expenditure = buildCodeTable(
    input.expenditure.map((r) => ({ code: r.code, name: r.name, values: amounts(r, B_EXPENDITURE_SUMMANDS, unit) })),
    B_EXPENDITURE_COLUMNS,
    rowTotal(B_EXPENDITURE_SUMMANDS),
    names,
  );
  const generalBudget = fundTable(input.generalBudget, unit, names);
  const governmentFund = fundTable(input.governmentFund, unit, names);
  const stateCapital = fundTable(input.stateCapital, unit, names);

  const sources = Object.fromEntries(B_INCOME_SUMMANDS.map((k) => [k, income.total[k]!])) as Record<IncomeSource, Fen>;
  const incomeTotal = add(...B_INCOME_SUMMANDS.map((k) => sources[k]));
  const carryover = income.total.carryover!;
  const grandTotal = add(incomeTotal, carryover);
  const expenditureTotal = expenditure.total.total!;
  const byCategory = new Map([...categoryValues(expenditure)].map(([code, v]) => [code, v.total!]));

  const fc = input.fiscalCarryover;
  const fiscalIncome = fundFigures(sources.generalBudget, sources.governmentFund, sources.stateCapital);
  const fiscalCarry = fundFigures(fen0(fc.generalBudget, unit), fen0(fc.governmentFund, unit), fen0(fc.stateCapital, unit));
  const fiscalExp = fundFigures(generalBudget.total.total!, governmentFund.total.total!, stateCapital.total.total!);
  const g = categoryValues(generalBudget), f = categoryValues(governmentFund), s = categoryValues(stateCapital);
  const fiscalByCategory = new Map<string, FundFigures>();
  for (const code of [...new Set([...g.keys(), ...f.keys(), ...s.keys()])].sort()) {
    fiscalByCategory.set(code, fundFigures(g.get(code)?.total ?? (0 as Fen), f.get(code)?.total ?? (0 as Fen), s.get(code)?.total ?? (0 as Fen)));
  }
  const end = (k: Fund) => add(fiscalIncome[k], fiscalCarry[k], -fiscalExp[k]);

  const economic = economicRows(input);
  const statedOperating = inputFen(input.operatingExpense, unit);
  const p = input.procurement;
  const procurement = p ? { goods: fen0(p.goods, unit), works: fen0(p.works, unit), services: fen0(p.services, unit), total: add(fen0(p.goods, unit), fen0(p.works, unit), fen0(p.services, unit)) } : null;
  return {
    input, unit, income, expenditure, generalBudget, governmentFund, stateCapital, economic,
    summary: { sources, incomeTotal, carryover, grandTotal, byCategory, expenditureTotal, carryoverEnd: add(grandTotal, -expenditureTotal) },
    fiscal: {
      income: fiscalIncome, carryover: fiscalCarry, grandTotal: add(fiscalIncome.total, fiscalCarry.total), byCategory: fiscalByCategory,
      expenditure: fiscalExp, carryoverEnd: fundFigures(end('generalBudget'), end('governmentFund'), end('stateCapital')),
    },
    threePublic: threePublicFigures(input.threePublic, unit),
    operatingExpense: statedOperating ?? (input.entityKind !== 'public-institution' ? economic.public : null),
    procurement,
  };
}
