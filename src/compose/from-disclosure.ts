/**
 * A compose input from a disclosure that was read (any format): its leaf rows become the input's
 * leaves, so that a published document can be re-composed consistently; and the prior-year figures
 * of next year's input taken from this year's disclosure ("taken from a prior disclosure file").
 */
import type { Cell, Disclosure, Row, Table, TableKey, Unit } from '../model/index.js';
import { formatFen, parseAmount } from '../model/index.js';
import type { ComposeInputDraft } from './input-schema.js';

type Draft = ComposeInputDraft;
type PriorDraft = NonNullable<Draft['prior']>;

function amountText(cell: Cell | undefined, unit: Unit): string | undefined {
  return cell?.value.kind === 'amount' ? formatFen(cell.value.amount.fen, unit, 2) : undefined;
}

function table(d: Disclosure, key: TableKey): Table | undefined {
  return d.tables.find((t) => t.key === key && t.status === 'present');
}

const items = (t: Table | undefined) => (t?.rows ?? []).filter((r) => r.code && /^\d{7}$/.test(r.code));

/** The row's amounts for the given input fields, from the given column keys (first found wins). */
function fields(row: Row, map: Record<string, string[]>, unit: Unit): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, cols] of Object.entries(map)) {
    const v = cols.map((c) => amountText(row.cells[c], unit)).find((x) => x !== undefined);
    if (v !== undefined && Number(v) !== 0) out[field] = v;
  }
  return out;
}

function leafRows(t: Table | undefined, map: Record<string, string[]>, unit: Unit) {
  const seen = new Set<string>();
  return items(t).filter((r) => !seen.has(r.code!) && seen.add(r.code!)).map((r) => ({ code: r.code!, name: r.name || undefined, ...fields(r, map, unit) }));
}

function threePublic(d: Disclosure, unit: Unit): Draft['threePublic'] {
  const t = d.tables.find((x) => x.key === 'T09');
  if (!t) return undefined;
  const side = (s: 'budget' | 'actual') => Object.fromEntries(
    (['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const)
      .map((k) => [k, t.rows.map((r) => amountText(r.cells[`${s}.${k}`], unit)).find((x) => x !== undefined) ?? amountText(t.rows.find((r) => r.key === k)?.cells[s], unit)])
      .filter(([, v]) => v !== undefined),
  );
  return { budget: side('budget'), actual: side('actual') };
}

function rowAmount(t: Table | undefined, key: string, col: string, unit: Unit): string | undefined {
  return amountText(t?.rows.find((r) => r.key === key)?.cells[col], unit);
}

/** The leaves of a read disclosure as a compose input (no prior year, no reasons, no performance). */
export function inputFromDisclosure(d: Disclosure): Draft {
  const unit: Unit = d.meta.unit ?? d.tables[0]?.unit ?? '万元';
  const t06 = table(d, 'T06');
  const economic = (side: 'personnel' | 'public') => (t06?.rows ?? [])
    .filter((r) => r.side === side && r.code && /^\d{5}$/.test(r.code))
    .map((r) => ({ code: r.code!, name: r.name || undefined, amount: amountText(r.cells.amount, unit) ?? '0' }))
    .filter((r) => Number(r.amount) !== 0);
  const t01 = table(d, 'T01');
  const t04 = table(d, 'T04');
  const initial = statedInitialBudget(d, unit);
  return {
    entity: d.meta.entity ?? '（未识别的单位）',
    year: d.meta.year ?? new Date().getFullYear() - 1,
    scope: d.meta.scope ?? 'department',
    unit,
    income: leafRows(table(d, 'T02'), { fiscal: ['fiscal'], superiorSubsidy: ['superiorSubsidy'], operational: ['operational'], educationFees: ['operationalEducation'], business: ['business'], subordinate: ['subordinate'], other: ['other'] }, unit),
    expenditure: leafRows(table(d, 'T03'), { basic: ['basic'], project: ['project'], remittance: ['remittance'], business: ['business'], subsidy: ['subsidy'] }, unit),
    generalBudget: leafRows(table(d, 'T05'), { basic: ['basic'], project: ['project'] }, unit),
    governmentFund: leafRows(table(d, 'T07'), { carryoverBegin: ['carryoverBegin'], income: ['income'], basic: ['basic'], project: ['project'] }, unit),
    stateCapital: leafRows(table(d, 'T08'), { carryoverBegin: ['carryoverBegin'], income: ['income'], basic: ['basic'], project: ['project'] }, unit),
    basicByEconomic: { personnel: economic('personnel'), public: economic('public') },
    carryover: {
      begin: rowAmount(t01, 'carryoverBegin', 'amount', unit),
      nonFiscalSurplusUsed: rowAmount(t01, 'useNonFiscalSurplus', 'amount', unit),
      surplusDistribution: rowAmount(t01, 'surplusDistribution', 'amount', unit),
      fiscalBegin: {
        generalBudget: rowAmount(t04, 'carryoverBegin:generalBudget', 'amount', unit),
        governmentFund: rowAmount(t04, 'carryoverBegin:governmentFund', 'amount', unit),
        stateCapital: rowAmount(t04, 'carryoverBegin:stateCapital', 'amount', unit),
      },
    },
    ...(initial !== undefined && { initialBudgetTotal: initial }),
    threePublic: threePublic(d, unit),
  };
}

/** 一般公共预算财政拨款支出年初预算为 X 万元, as the narrative states it. */
function statedInitialBudget(d: Disclosure, unit: Unit): string | undefined {
  const re = /一般公共预算财政拨款支出年初预算(?:数)?为\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|元)/;
  for (const line of d.lines) {
    const m = re.exec(line.text);
    const a = m && parseAmount(m[1]!, m[2] as Unit);
    if (a) return formatFen(a.fen, unit, 2);
  }
  return undefined;
}

function sideAmount(t: Table | undefined, key: string, side: Row['side'], col: string, unit: Unit): string | undefined {
  return amountText(t?.rows.find((r) => r.key === key && r.side === side)?.cells[col], unit);
}

/** Last year's disclosure → this year's `prior` (in this year's unit), from the figures its tables print. */
export function priorFromDisclosure(previous: Disclosure, unit: Unit): PriorDraft {
  const t = (k: TableKey) => previous.tables.find((x) => x.key === k);
  const t01 = t('T01'), t03 = t('T03'), t05 = t('T05'), t06 = t('T06'), t09 = t('T09');
  const total03 = t03?.rows.find((r) => r.key === 'total');
  const tp = threePublic(previous, unit)?.actual as Record<string, string> | undefined;
  const byCategory = Object.fromEntries((t01?.rows ?? []).filter((r) => r.key?.startsWith('fn:')).map((r) => [r.key!.slice(3), amountText(r.cells.amount, unit)]).filter(([, v]) => v !== undefined && Number(v) !== 0));
  const prior: PriorDraft = {
    grandTotal: sideAmount(t01, 'grandTotal', 'income', 'amount', unit),
    incomeTotal: sideAmount(t01, 'incomeTotal', 'income', 'amount', unit),
    expenditureTotal: sideAmount(t01, 'expenditureTotal', 'expenditure', 'amount', unit),
    fiscalGrandTotal: sideAmount(t('T04'), 'grandTotal', 'income', 'amount', unit),
    generalBudgetExpenditure: amountText(t05?.rows.find((r) => r.key === 'total')?.cells.total, unit),
    basic: amountText(total03?.cells.basic, unit),
    project: amountText(total03?.cells.project, unit),
    personnel: rowAmount(t06, 'personnelTotal', 'amount', unit),
    public: rowAmount(t06, 'publicTotal', 'amount', unit),
    operatingExpense: rowAmount(t09, 'operatingExpense', 'actual', unit),
    ...(Object.keys(byCategory).length && { byCategory: byCategory as Record<string, string> }),
    ...(tp && Object.keys(tp).length && { threePublic: tp }),
  };
  return JSON.parse(JSON.stringify(prior)) as PriorDraft;
}
