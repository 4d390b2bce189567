/**
 * The quantities a 部门整体支出绩效自评表 (or its 部门整体支出绩效评价基础数据表) prints that the narrative
 * also states: 年初预算数 / 全年预算数 / 全年执行数 of the 年度资金总额 row; 基本支出, 人员经费, 公用经费,
 * 项目支出 of its 按支出性质分 block (a label cell followed by its amount); and rows of a year-column block
 * (经费控制情况 | 2022年决算数 | 2023年预算数 | 2023年决算数) such as 三公经费, 公务接待, 公用经费. The rows
 * other than funding are read from `extraRows`, kept as printed by the performance recognizer.
 */
import type { Amount, Cell, PerformanceEvaluation } from '../../model/index.js';
import { parseAmount } from '../../model/index.js';
import { conceptOf } from './narrative-subjects.js';
import { totalFunding } from './performance-values.js';

export type Stage = 'budget' | 'actual';
/** 'initial' 年初, 'annual' 全年/调整后; undefined when the budget is not qualified. */
export type BudgetKind = 'initial' | 'annual';

export interface TableQuantity {
  ev: PerformanceEvaluation;
  /** 'departmentTotal' for the 年度资金总额 row, else a narrative concept ('publicExpense', 'threePublic.total' …). */
  concept: string;
  stage: Stage;
  budgetKind?: BudgetKind;
  /** The column's year when printed (2023年预算数). */
  year?: number;
  /** False when the stage is read from the block's layout rather than printed (按支出性质分 block). */
  stagePrinted: boolean;
  cell: Cell;
  amount: Amount;
  row: string;
  column: string;
}

type ExtraRow = NonNullable<PerformanceEvaluation['extraRows']>[number];

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function amountOfCell(cell: Cell | undefined, ev: PerformanceEvaluation): Amount | undefined {
  if (!cell) return undefined;
  if (cell.value.kind === 'amount') return cell.value.amount;
  return parseAmount(compact(cell.text), ev.unit) ?? undefined;
}

/** The concept a printed row label names: '五、公用经费' → publicExpense, '2、三公经费' → threePublic.total. */
export function labelConcept(label: string): string | undefined {
  const s = compact(label)
    .replace(/^(其中|包括)[:：]?/, '')
    .replace(/^([一二三四五六七八九十]+|\d+)[、.．]/, '')
    .replace(/^(其中|包括)[:：]?/, '')
    .replace(/^(部门|单位)/, '')
    .replace(/[“”"'‘’]/g, '');
  return conceptOf(s) ?? (/^公务接待$/.test(s) ? 'threePublic.reception' : undefined);
}

function fundingQuantities(ev: PerformanceEvaluation): TableQuantity[] {
  const row = totalFunding(ev);
  if (!row) return [];
  const fields: [keyof typeof row, Stage, BudgetKind | undefined, string][] = [
    ['initialBudget', 'budget', 'initial', '年初预算数'],
    ['annualBudget', 'budget', 'annual', '全年预算数'],
    ['executed', 'actual', undefined, '全年执行数'],
  ];
  return fields.flatMap(([field, stage, budgetKind, column]) => {
    const cell = row[field] as Cell | undefined;
    const amount = amountOfCell(cell, ev);
    if (!cell || !amount) return [];
    return [{ ev, concept: 'departmentTotal', stage, ...(budgetKind ? { budgetKind } : {}), stagePrinted: true, cell, amount, row: row.label, column }];
  });
}

/** Label/amount pairs inside one row: ['基本支出', '610.11'] of the 按支出性质分 block. */
function pairedQuantities(ev: PerformanceEvaluation, row: ExtraRow): TableQuantity[] {
  const items: { text: string; cell?: Cell }[] = [{ text: row.label }, ...row.cells.map((c) => ({ text: c.text, cell: c }))];
  const out: TableQuantity[] = [];
  items.forEach((item, i) => {
    const concept = labelConcept(item.text);
    const next = items[i + 1]?.cell;
    const amount = amountOfCell(next, ev);
    if (concept && next && amount) {
      out.push({ ev, concept, stage: 'actual', stagePrinted: false, cell: next, amount, row: item.text.trim(), column: '' });
    }
  });
  return out;
}

interface YearColumn { year: number; stage: Stage; budgetKind?: BudgetKind; label: string }

const YEAR_COLUMN = /((?:19|20)\d{2})年(?:度)?(年初|全年|调整后)?(预算|决算|执行|实际支出|实际)(数)?/;

/** A header row of a year-column block: cell position → column, when two or more columns name a year. */
function yearColumns(row: ExtraRow): Map<number, YearColumn> | undefined {
  const map = new Map<number, YearColumn>();
  for (const c of row.cells) {
    const m = YEAR_COLUMN.exec(compact(c.text));
    if (!m || c.prov.cell === undefined) continue;
    const budgetKind: BudgetKind | undefined = m[2] === '年初' ? 'initial' : m[2] ? 'annual' : undefined;
    map.set(c.prov.cell, { year: Number(m[1]), stage: m[3] === '预算' ? 'budget' : 'actual', ...(budgetKind ? { budgetKind } : {}), label: compact(c.text) });
  }
  return map.size >= 2 ? map : undefined;
}

function yearRowQuantities(ev: PerformanceEvaluation, row: ExtraRow, cols: Map<number, YearColumn>): TableQuantity[] {
  const concept = labelConcept(row.label);
  if (!concept) return [];
  return row.cells.flatMap((cell) => {
    const col = cell.prov.cell === undefined ? undefined : cols.get(cell.prov.cell);
    const amount = amountOfCell(cell, ev);
    if (!col || !amount) return [];
    return [{
      ev, concept, stage: col.stage, ...(col.budgetKind ? { budgetKind: col.budgetKind } : {}), year: col.year,
      stagePrinted: true, cell, amount, row: row.label.trim(), column: col.label,
    }];
  });
}

/** Every quantity of a department-wide evaluation that the narrative may restate. */
export function departmentQuantities(ev: PerformanceEvaluation): TableQuantity[] {
  const out = fundingQuantities(ev);
  let cols: Map<number, YearColumn> | undefined;
  for (const row of ev.extraRows ?? []) {
    const header = yearColumns(row);
    if (header) {
      cols = header;
      continue;
    }
    out.push(...(cols ? yearRowQuantities(ev, row, cols) : pairedQuantities(ev, row)));
  }
  return out;
}
