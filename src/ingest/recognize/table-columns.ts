/**
 * Which grid column holds which canonical column: from the printed header (patterns of the
 * catalogue), or from the canonical order of a known form when the header is garbled. When both are
 * possible and disagree, the mapping under which the table's own sums hold wins.
 */
import type { Unit } from '../../model/money.js';
import { FEN_PER_UNIT } from '../../model/money.js';
import type { ColumnRule, TableDef } from '../../catalog/tables.js';
import { compactText, isDash, isNumberText, parseAmountText } from './cells.js';
import type { GridRow } from './table-grid.js';
import { cellText } from './table-grid.js';
import { CODE_CELL_RE, isAmountLike } from './table-header.js';

export interface PlannedColumn {
  index: number;
  key: string;
  label: string;
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  variant?: string;
}

export function matchColumn(rules: readonly ColumnRule[], path: string): ColumnRule | undefined {
  const flat = compactText(path.replace(/\//g, ''));
  if (flat === '') return undefined;
  return rules.find((r) => r.match.test(flat));
}

/** Value columns: the 栏次 numbers when printed, else from the first figure column to the last used one. */
export function valueColumns(data: GridRow[], numbering: number[] | undefined, paths: string[], minStart = 0): number[] {
  if (numbering && numbering.length) return numbering.filter((c) => c >= minStart);
  let start = Infinity;
  let loose = Infinity; // plain integers ('0', '15') count only when no cell prints decimals
  let end = -1;
  for (const row of data) {
    row.cells.forEach((cell, c) => {
      const t = cell.text.trim();
      if (c < minStart || t === '') return;
      if (isAmountLike(t) || isDash(t)) start = Math.min(start, c);
      else if (isNumberText(t) && !CODE_CELL_RE.test(t)) loose = Math.min(loose, c);
      if (!CODE_CELL_RE.test(t) || isAmountLike(t)) end = Math.max(end, c);
    });
  }
  if (start === Infinity) start = loose;
  paths.forEach((p, c) => {
    if (p !== '' && c > end && start !== Infinity) end = c;
  });
  if (start === Infinity) return [];
  return Array.from({ length: end - start + 1 }, (_, k) => start + k);
}

export function planColumns(def: TableDef, titleVariant: string, cols: number[], paths: string[], data: GridRow[], unit: Unit): ColumnPlan {
  const fromHeader = cols.map((c) => matchColumn(def.columnRules, paths[c] ?? ''));
  const headerKeys = fromHeader.map((r) => r?.key);
  const headerValid = headerKeys.every((k) => k !== undefined) && new Set(headerKeys).size === headerKeys.length;
  const forms = def.forms.filter((f) => f.columns.length === cols.length);
  forms.sort((a, b) => Number(b.variant === titleVariant) - Number(a.variant === titleVariant));
  const labelOf = (c: number, rule: ColumnRule | undefined): string => paths[c] || rule?.label || '';
  const headerPlan: ColumnPlan = {
    columns: cols.map((c, k) => ({ index: c, key: headerKeys[k] ?? `c${k + 1}`, label: labelOf(c, fromHeader[k]) })),
  };
  dedupe(headerPlan);
  if (!forms.length) return headerPlan;
  const form = forms.find((f) => f.columns.every((k, i) => k === headerKeys[i])) ?? forms[0]!;
  const formPlan: ColumnPlan = {
    variant: form.variant,
    columns: cols.map((c, k) => ({ index: c, key: form.columns[k]!, label: headerKeys[k] === form.columns[k] && paths[c] ? paths[c] : ruleLabel(def, form.columns[k]!) })),
  };
  if (!headerValid) return formPlan;
  if (form.columns.every((k, i) => k === headerKeys[i])) return formPlan;
  return identityScore(formPlan, data, unit) > identityScore(headerPlan, data, unit) ? formPlan : headerPlan;
}

function ruleLabel(def: TableDef, key: string): string {
  return def.columnRules.find((r) => r.key === key)?.label ?? key;
}

function dedupe(plan: ColumnPlan): void {
  const seen = new Set<string>();
  plan.columns.forEach((c, k) => {
    if (seen.has(c.key)) c.key = `c${k + 1}`;
    seen.add(c.key);
  });
}

/** Sums every table of this kind satisfies, on whichever of their columns are present. */
const IDENTITIES: readonly [string, string[]][] = [
  ['total', ['basic', 'project', 'remittance', 'business', 'subsidy', 'fiscal', 'superiorSubsidy', 'operational', 'subordinate', 'other']],
  ['basic', ['personnel', 'public']],
  ['income', ['income.basic', 'income.project']],
  ['carryoverBegin', ['carryoverBegin.basic', 'carryoverBegin.project']],
  ['carryoverEnd', ['carryoverEnd.basic', 'carryoverEnd.project']],
  ['budget.total', ['budget.abroad', 'budget.vehicle', 'budget.reception']],
  ['budget.vehicle', ['budget.vehiclePurchase', 'budget.vehicleOperation']],
  ['actual.total', ['actual.abroad', 'actual.vehicle', 'actual.reception']],
  ['actual.vehicle', ['actual.vehiclePurchase', 'actual.vehicleOperation']],
];

/** +1 for every row and sum that holds (within rounding), −1 for every one that does not. */
export function identityScore(plan: ColumnPlan, data: GridRow[], unit: Unit): number {
  const at = new Map(plan.columns.map((c) => [c.key, c.index]));
  let score = 0;
  for (const row of data) {
    const value = (key: string): number | undefined => {
      const c = at.get(key);
      if (c === undefined) return undefined;
      const a = parseAmountText(cellText(row, c), unit);
      return a ? a.fen : undefined;
    };
    for (const [total, parts] of IDENTITIES) {
      const t = value(total);
      const vs = parts.filter((p) => at.has(p)).map(value);
      if (t === undefined || !vs.some((v) => v !== undefined)) continue;
      const sum = vs.reduce<number>((s, v) => s + (v ?? 0), 0);
      const tolerance = (FEN_PER_UNIT[unit] / 100) * (vs.length + 1);
      score += Math.abs(sum - t) <= tolerance ? 1 : -1;
    }
  }
  return score;
}
