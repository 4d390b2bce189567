/**
 * Every figure of the disclosure, in 分, computed from the input's leaves: the function-classified
 * tables with their parents and totals, T01/T04 from T02/T03/T05/T07/T08, the T06 blocks, T09 and
 * the figures the 情况说明 states. Identities of domain.md §4 hold by construction.
 */
import type { Fen, Unit } from '../model/index.js';
import { add, fen0, inputFen } from './amounts.js';
import { buildCodeTable, categoryValues, type CodeTableFigures, type NameContext, type Values } from './code-table.js';
import type { ComposeInput } from './input-schema.js';
import { ECONOMIC_CLASSES, ECONOMIC_SECTIONS, type EconomicBlock } from './standard-lists.js';

export const T02_COLUMNS = ['total', 'fiscal', 'superiorSubsidy', 'operational', 'operationalEducation', 'business', 'subordinate', 'other'] as const;
export const T02_SUMMANDS = ['fiscal', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'] as const;
export const T03_COLUMNS = ['total', 'basic', 'project', 'remittance', 'business', 'subsidy'] as const;
export const T03_SUMMANDS = ['basic', 'project', 'remittance', 'business', 'subsidy'] as const;
export const T05_COLUMNS = ['total', 'basic', 'project'] as const;
export const FUND_COLUMNS = ['carryoverBegin', 'income', 'total', 'basic', 'project', 'carryoverEnd'] as const;
export const THREE_PUBLIC_ITEMS = ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
export type ThreePublicItem = (typeof THREE_PUBLIC_ITEMS)[number];

export interface ThreePublicFigures {
  total: Fen; abroad: Fen; vehicle: Fen; vehiclePurchase: Fen; vehicleOperation: Fen; reception: Fen;
}

export interface EconomicRowFigures {
  code: string;
  name: string;
  amount: Fen;
  isClass: boolean;
}

export interface FundTotals { generalBudget: Fen; governmentFund: Fen; stateCapital: Fen; total: Fen }

export interface Figures {
  input: ComposeInput;
  unit: Unit;
  t02: CodeTableFigures;
  t03: CodeTableFigures;
  t05: CodeTableFigures;
  t07: CodeTableFigures;
  t08: CodeTableFigures;
  t06: { personnel: EconomicRowFigures[]; public: EconomicRowFigures[]; personnelTotal: Fen; publicTotal: Fen };
  t01: {
    income: Record<'generalBudget' | 'governmentFund' | 'stateCapital' | 'superiorSubsidy' | 'operational' | 'business' | 'subordinate' | 'other', Fen>;
    incomeTotal: Fen; nonFiscalSurplusUsed: Fen; carryoverBegin: Fen; grandTotal: Fen;
    byCategory: Map<string, Fen>;
    expenditureTotal: Fen; surplusDistribution: Fen; carryoverEnd: Fen;
  };
  t04: {
    income: FundTotals; begin: FundTotals; grandTotal: Fen;
    byCategory: Map<string, FundTotals>; expenditure: FundTotals; end: FundTotals;
  };
  t09: { budget: ThreePublicFigures; actual: ThreePublicFigures };
  initialBudget: { byItem: Map<string, Fen>; byCategory: Map<string, Fen>; total: Fen | null };
  operatingExpense: Fen | null;
}

const rowTotal = (summands: readonly string[]) => (v: Values): Values => ({ ...v, total: add(...summands.map((k) => v[k] ?? 0)) });

function amounts<K extends string>(row: Partial<Record<K, string | undefined>>, keys: readonly K[], unit: Unit): Values {
  return Object.fromEntries(keys.map((k) => [k, fen0(row[k], unit)]));
}

function fundTable(rows: ComposeInput['governmentFund'], unit: Unit, names: NameContext): CodeTableFigures {
  const leaves = rows.map((r) => ({ code: r.code, name: r.name, values: amounts(r, ['carryoverBegin', 'income', 'basic', 'project'], unit) }));
  const derive = (v: Values): Values => {
    const total = add(v.basic!, v.project!);
    return { ...v, total, carryoverEnd: add(v.carryoverBegin!, v.income!, -total) };
  };
  return buildCodeTable(leaves, FUND_COLUMNS, derive, names);
}

export function threePublicFigures(items: Partial<Record<ThreePublicItem, string | undefined>> | undefined, unit: Unit): ThreePublicFigures {
  const v = (k: ThreePublicItem) => fen0(items?.[k], unit);
  const vehicle = add(v('vehiclePurchase'), v('vehicleOperation'));
  return { total: add(v('abroad'), vehicle, v('reception')), abroad: v('abroad'), vehicle, vehiclePurchase: v('vehiclePurchase'), vehicleOperation: v('vehicleOperation'), reception: v('reception') };
}

/** T06 block: the standard 类/款 rows of the block plus any other typed 款, each 类 = Σ its 款. */
function economicBlock(rows: ComposeInput['basicByEconomic']['personnel'], block: EconomicBlock, unit: Unit): EconomicRowFigures[] {
  const typed = new Map(rows.map((r) => [r.code, r]));
  const classes = Object.entries(ECONOMIC_CLASSES).filter(([, c]) => c.block === block).map(([code]) => code);
  for (const r of rows) if (!classes.includes(r.code.slice(0, 3))) classes.push(r.code.slice(0, 3));
  const out: EconomicRowFigures[] = [];
  for (const cls of classes) {
    const codes = new Set(Object.keys(ECONOMIC_SECTIONS).filter((c) => c.startsWith(cls)));
    for (const r of rows) if (r.code.startsWith(cls)) codes.add(r.code);
    const sections = [...codes].sort().map((code) => ({
      code, name: typed.get(code)?.name ?? ECONOMIC_SECTIONS[code] ?? code, amount: fen0(typed.get(code)?.amount, unit), isClass: false,
    }));
    out.push({ code: cls, name: ECONOMIC_CLASSES[cls]?.name ?? cls, amount: add(...sections.map((s) => s.amount)), isClass: true }, ...sections);
  }
  return out;
}

const blockTotal = (rows: EconomicRowFigures[]) => add(...rows.filter((r) => r.isClass).map((r) => r.amount));

function fundTotals(g: Fen, f: Fen, s: Fen): FundTotals {
  return { generalBudget: g, governmentFund: f, stateCapital: s, total: add(g, f, s) };
}

function buildT04(t02: CodeTableFigures, t05: CodeTableFigures, t07: CodeTableFigures, t08: CodeTableFigures, input: ComposeInput): Figures['t04'] {
  const unit = input.unit;
  const fundIncome = t07.total.income!;
  const capitalIncome = t08.total.income!;
  const income = fundTotals(add(t02.total.fiscal!, -fundIncome, -capitalIncome), fundIncome, capitalIncome);
  const fb = input.carryover.fiscalBegin;
  const begin = fundTotals(fen0(fb.generalBudget, unit), fen0(fb.governmentFund, unit), fen0(fb.stateCapital, unit));
  const expenditure = fundTotals(t05.total.total!, t07.total.total!, t08.total.total!);
  const end = fundTotals(
    add(begin.generalBudget, income.generalBudget, -expenditure.generalBudget),
    add(begin.governmentFund, income.governmentFund, -expenditure.governmentFund),
    add(begin.stateCapital, income.stateCapital, -expenditure.stateCapital),
  );
  const g = categoryValues(t05), f = categoryValues(t07), s = categoryValues(t08);
  const byCategory = new Map<string, FundTotals>();
  for (const code of [...new Set([...g.keys(), ...f.keys(), ...s.keys()])].sort()) {
    byCategory.set(code, fundTotals(g.get(code)?.total ?? 0, f.get(code)?.total ?? 0, s.get(code)?.total ?? 0));
  }
  return { income, begin, grandTotal: add(income.total, begin.total), byCategory, expenditure, end };
}

function buildT01(t02: CodeTableFigures, t03: CodeTableFigures, t04: Figures['t04'], input: ComposeInput): Figures['t01'] {
  const unit = input.unit;
  const income = {
    generalBudget: t04.income.generalBudget, governmentFund: t04.income.governmentFund, stateCapital: t04.income.stateCapital,
    superiorSubsidy: t02.total.superiorSubsidy!, operational: t02.total.operational!, business: t02.total.business!,
    subordinate: t02.total.subordinate!, other: t02.total.other!,
  };
  const incomeTotal = t02.total.total!;
  const nonFiscalSurplusUsed = fen0(input.carryover.nonFiscalSurplusUsed, unit);
  const carryoverBegin = fen0(input.carryover.begin, unit);
  const grandTotal = add(incomeTotal, nonFiscalSurplusUsed, carryoverBegin);
  const expenditureTotal = t03.total.total!;
  const surplusDistribution = fen0(input.carryover.surplusDistribution, unit);
  const carryoverEnd = add(grandTotal, -expenditureTotal, -surplusDistribution);
  const byCategory = new Map([...categoryValues(t03)].map(([code, v]) => [code, v.total!]));
  return { income, incomeTotal, nonFiscalSurplusUsed, carryoverBegin, grandTotal, byCategory, expenditureTotal, surplusDistribution, carryoverEnd };
}

function initialBudgets(input: ComposeInput): Figures['initialBudget'] {
  const byItem = new Map<string, Fen>();
  const byCategory = new Map<string, Fen>();
  for (const r of input.generalBudget) {
    const v = inputFen(r.initialBudget, input.unit);
    if (v === null) continue;
    byItem.set(r.code, v);
    byCategory.set(r.code.slice(0, 3), add(byCategory.get(r.code.slice(0, 3)) ?? 0, v));
  }
  const stated = inputFen(input.initialBudgetTotal, input.unit);
  const total = stated ?? (byItem.size ? add(...byItem.values()) : null);
  return { byItem, byCategory, total };
}

export function computeFigures(input: ComposeInput): Figures {
  const unit = input.unit;
  const names: NameContext = { year: input.year, functionNames: input.functionNames };
  const t02Leaves = input.income.map((r) => ({ code: r.code, name: r.name, values: { ...amounts(r, T02_SUMMANDS, unit), operationalEducation: fen0(r.educationFees, unit) } }));
  const t02 = buildCodeTable(t02Leaves, T02_COLUMNS, rowTotal(T02_SUMMANDS), names);
  const t03 = buildCodeTable(input.expenditure.map((r) => ({ code: r.code, name: r.name, values: amounts(r, T03_SUMMANDS, unit) })), T03_COLUMNS, rowTotal(T03_SUMMANDS), names);
  const t05 = buildCodeTable(input.generalBudget.map((r) => ({ code: r.code, name: r.name, values: amounts(r, ['basic', 'project'], unit) })), T05_COLUMNS, rowTotal(['basic', 'project']), names);
  const t07 = fundTable(input.governmentFund, unit, names);
  const t08 = fundTable(input.stateCapital, unit, names);
  const personnel = economicBlock(input.basicByEconomic.personnel, 'personnel', unit);
  const pub = economicBlock(input.basicByEconomic.public, 'public', unit);
  const t04 = buildT04(t02, t05, t07, t08, input);
  const t01 = buildT01(t02, t03, t04, input);
  const publicTotal = blockTotal(pub);
  const statedOperating = inputFen(input.operatingExpense, unit);
  const appliesOperating = input.entityKind !== 'public-institution';
  return {
    input, unit, t02, t03, t05, t07, t08, t04, t01,
    t06: { personnel, public: pub, personnelTotal: blockTotal(personnel), publicTotal },
    t09: { budget: threePublicFigures(input.threePublic?.budget, unit), actual: threePublicFigures(input.threePublic?.actual, unit) },
    initialBudget: initialBudgets(input),
    operatingExpense: statedOperating ?? (appliesOperating ? publicTotal : null),
  };
}
