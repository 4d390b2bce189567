/**
 * What a 部门预算 / 单位预算 disclosure must print, per the national rule: 财预〔2016〕143号《地方预决算公开
 * 操作规程》 names the tables of a 部门预算公开 — 部门收支总表、部门收入总表、部门支出总表、财政拨款收支总表、
 * 一般公共预算支出表、一般公共预算基本支出表、一般公共预算“三公”经费支出表、政府性基金预算支出表 — "等"
 * (regions add more: 国有资本经营预算支出表, 机关运行经费, 政府采购, 项目绩效目标 …, none of them required
 * nationally). Mapped to the budget keys of src/catalog/budget-tables.ts (contracts README, budget section).
 * Regional forms vary (names, order, numbering; 江苏 2017–2019 prints no 国有资本经营 table), so a required
 * table that is neither printed nor listed is a warning; one the document's own 目录 lists is an error.
 */
import type { TableKey } from '../model/index.js';

export interface RequiredBudgetTable {
  key: TableKey;
  /** The name the national rule gives it. */
  name: string;
}

export const BUDGET_REQUIRED_REFERENCE =
  '财预〔2016〕143号《地方预决算公开操作规程》：部门预算公开部门收支总表、部门收入总表、部门支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、一般公共预算“三公”经费支出表、政府性基金预算支出表等';

/** The eight tables of the national list, in its order. */
export const BUDGET_REQUIRED_TABLES: readonly RequiredBudgetTable[] = [
  { key: 'T01', name: '部门收支总表' },
  { key: 'T02', name: '部门收入总表' },
  { key: 'T03', name: '部门支出总表' },
  { key: 'T04', name: '财政拨款收支总表' },
  { key: 'T05', name: '一般公共预算支出表' },
  { key: 'T06', name: '一般公共预算基本支出表' },
  { key: 'T09', name: '一般公共预算“三公”经费支出表' },
  { key: 'T07', name: '政府性基金预算支出表' },
];

/** The national name of a budget table key (T08, not on the list, gets its usual name). */
export function budgetTableName(key: TableKey): string {
  const req = BUDGET_REQUIRED_TABLES.find((t) => t.key === key);
  if (req) return `${key}「${req.name}」`;
  return key === 'T08' ? `${key}「国有资本经营预算支出表」` : key;
}
