/**
 * The 部门年度重点工作任务 block of a 部门整体支出绩效自评表, read from the rows the performance
 * recognizer keeps as printed (`PerformanceEvaluation.extraRows`): a header row naming 任务名称 with
 * 批复金额 / 实际支出金额 / 预算执行率 columns (cell positions from the cells' provenance), then one row
 * per task until the next block heading (三、部门整体支出绩效指标 …). Amounts are the printed cell text
 * parsed in the table's unit (or the unit the header names: 批复金额（万元）).
 */
import type { Amount, Cell, PerformanceEvaluation, Provenance, Unit } from '../../model/index.js';
import { parseAmount } from '../../model/index.js';

export interface TaskAmount {
  cell: Cell;
  amount: Amount;
}

export interface TaskRow {
  name: string;
  prov: Provenance;
  approved?: TaskAmount;
  executed?: TaskAmount;
  rate?: Cell;
}

type ExtraRow = NonNullable<PerformanceEvaluation['extraRows']>[number];

interface TaskColumns {
  approved?: number;
  executed?: number;
  rate?: number;
  unit: Unit;
}

const NAME_HEADER = /任务名称|工作任务|项目名称/;
const APPROVED_HEADER = /批复金额|批复数|预算金额|预算数|全年预算|预算安排/;
const EXECUTED_HEADER = /实际支出|执行数|支出金额|执行金额|实际执行/;
const RATE_HEADER = /执行率/;
/** A block heading that ends the task rows: '三、部门整体支出绩效指标', '绩效指标', '其他需说明事项'. */
const BLOCK_END = /^[一二三四五六七八九十]+[、.．]|绩效指标|一级指标|说明事项|备注/;

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function unitOf(text: string, fallback: Unit): Unit {
  if (/[(（]万元[)）]/.test(text)) return '万元';
  if (/[(（]元[)）]/.test(text)) return '元';
  return fallback;
}

/** The column positions of a header row, when it is the task block's header. */
function headerColumns(row: ExtraRow, fallback: Unit): TaskColumns | undefined {
  if (!NAME_HEADER.test(compact(row.label))) return undefined;
  const cols: TaskColumns = { unit: fallback };
  for (const c of row.cells) {
    const t = compact(c.text);
    const at = c.prov.cell;
    if (at === undefined) continue;
    if (RATE_HEADER.test(t)) cols.rate ??= at;
    else if (EXECUTED_HEADER.test(t)) cols.executed ??= at;
    else if (APPROVED_HEADER.test(t)) {
      cols.approved ??= at;
      cols.unit = unitOf(t, fallback);
    }
  }
  return cols.approved !== undefined && cols.executed !== undefined ? cols : undefined;
}

function cellAt(row: ExtraRow, index: number | undefined): Cell | undefined {
  return index === undefined ? undefined : row.cells.find((c) => c.prov.cell === index);
}

function amountAt(row: ExtraRow, index: number | undefined, unit: Unit): TaskAmount | undefined {
  const cell = cellAt(row, index);
  if (!cell) return undefined;
  if (cell.value.kind === 'amount') return { cell, amount: cell.value.amount };
  const amount = parseAmount(compact(cell.text), unit);
  return amount ? { cell, amount } : undefined;
}

/** A task row: a name that is words (not a number, not a sub-header) and a parsable 批复金额. */
function taskRow(row: ExtraRow, cols: TaskColumns): TaskRow | undefined {
  const name = row.label.trim();
  if (!name || /^[\d,.\s%]+$/.test(name) || /^(总额|合计|小计|财政拨款|其他资金)$/.test(compact(name))) return undefined;
  const approved = amountAt(row, cols.approved, cols.unit);
  if (!approved) return undefined;
  const executed = amountAt(row, cols.executed, cols.unit);
  const rate = cellAt(row, cols.rate);
  return { name, prov: row.prov, approved, ...(executed ? { executed } : {}), ...(rate ? { rate } : {}) };
}

/** The 重点工作任务 rows of a department-wide evaluation (empty when it prints none). */
export function departmentTasks(ev: PerformanceEvaluation): TaskRow[] {
  const rows = ev.extraRows ?? [];
  const out: TaskRow[] = [];
  let cols: TaskColumns | undefined;
  for (const row of rows) {
    const header = headerColumns(row, ev.unit);
    if (header) {
      cols = header;
      continue;
    }
    if (!cols) continue;
    if (BLOCK_END.test(compact(row.label))) {
      cols = undefined;
      continue;
    }
    const task = taskRow(row, cols);
    if (task) out.push(task);
  }
  return out;
}
