import type { RawFinding, Rule } from '../check/types.js';
import type { Table } from '../model/index.js';
import { checkIdentity } from './utils/identity.js';
import { presentTables, tableName } from './utils/table-access.js';
import { BASIS_NAMES, ITEM_NAMES, threePublicCells, type LocatedCell, type ThreePublicBasis, type ThreePublicItem } from './utils/three-public.js';

function identity(t: Table, basis: ThreePublicBasis, cells: Map<ThreePublicItem, LocatedCell>, total: ThreePublicItem, parts: ThreePublicItem[], messageId: string): RawFinding | undefined {
  const head = cells.get(total);
  const present = parts.filter((p) => cells.has(p));
  if (!head || present.length < 2) return undefined;
  return checkIdentity({
    messageId,
    statement: `${ITEM_NAMES[total]} = ${parts.map((p) => ITEM_NAMES[p]).join(' + ')}（${BASIS_NAMES[basis]}）`,
    total: head.cell,
    totalLabel: `${tableName(t)}${BASIS_NAMES[basis]}的${ITEM_NAMES[total]}`,
    table: t.key!, row: head.row, column: head.column,
    terms: present.map((p) => ({ cell: cells.get(p)!.cell, label: ITEM_NAMES[p], row: cells.get(p)!.row, column: cells.get(p)!.column })),
  });
}

function checkBasis(t: Table, basis: ThreePublicBasis): RawFinding[] {
  return threePublicCells(t, basis).flatMap((cells) => {
    const vehicle = identity(t, basis, cells, 'vehicle', ['vehiclePurchase', 'vehicleOperation'], 'vehicle-mismatch');
    const items: ThreePublicItem[] = cells.has('vehicle') ? ['abroad', 'vehicle', 'reception'] : ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'];
    const extra = (['meeting', 'training'] as const).filter((k) => cells.has(k));
    let total = identity(t, basis, cells, 'total', items, 'total-mismatch');
    // A budget form that prints 会议费/培训费 may print its 合计 with them: either reading is the form's.
    if (total && extra.length && !identity(t, basis, cells, 'total', [...items, ...extra], 'total-mismatch')) total = undefined;
    const totalAll = cells.has('total')
      ? identity(t, basis, cells, 'totalAll', ['total', ...extra], 'total-all-mismatch')
      : identity(t, basis, cells, 'totalAll', [...items, ...extra], 'total-all-mismatch');
    return [total, totalAll, vehicle].filter((f): f is RawFinding => f !== undefined);
  });
}

/** T09: 合计 = 因公出国 + 公务用车小计 + 公务接待; 小计 = 购置 + 运行维护 (预算数 and 决算数). */
const rule: Rule = {
  meta: {
    id: 'intratable-t09-three-public',
    family: 'intratable',
    title: { zh: '“三公”经费表：合计等于各项之和，公务用车小计等于购置费加运行维护费', en: 'T09: three-public total and vehicle subtotal equal their parts' },
    description: '财政拨款“三公”经费支出决算表（预算表）中，预算数和决算数分别满足：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费。预算表另列会议费、培训费时，其合计可含这两项（合计 = 三公经费 + 会议费 + 培训费），不是错误。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：财政拨款“三公”经费支出决算表', '财预〔2016〕143号《地方预决算公开操作规程》（“三公”经费公开）'],
    needsTables: ['T09'],
  },
  check({ disclosure, skip }) {
    const tables = presentTables(disclosure, 'T09');
    if (!tables.some((t) => threePublicCells(t, 'actual').length || threePublicCells(t, 'budget').length)) skip('未识别到“三公”经费各项金额');
    return tables.flatMap((t) => [...checkBasis(t, 'budget'), ...checkBasis(t, 'actual')]);
  },
};
export default rule;
