/**
 * Titles, ordinals, notes and table order of the official forms per variant: the national form
 * (财政部 部门决算公开 template), the 2021 云南 form (older T05/T09) and the Shanghai order (三公 as
 * table 七, the two fund tables as 八/九).
 */
import type { TableKey } from '../../model/index.js';
import type { Variant } from '../input-schema.js';

export const TABLE_TITLES: Record<TableKey, string> = {
  T01: '收入支出决算总表',
  T02: '收入决算表',
  T03: '支出决算表',
  T04: '财政拨款收入支出决算总表',
  T05: '一般公共预算财政拨款支出决算表',
  T06: '一般公共预算财政拨款基本支出决算明细表',
  T07: '政府性基金预算财政拨款收入支出决算表',
  T08: '国有资本经营预算财政拨款支出决算表',
  T09: '财政拨款“三公”经费支出决算表',
};

const YUNNAN_TITLES: Partial<Record<TableKey, string>> = {
  T05: '一般公共预算财政拨款收入支出决算表',
  T06: '一般公共预算财政拨款基本支出决算表',
  T08: '国有资本经营预算财政拨款收入支出决算表',
  T09: '“三公”经费、行政参公单位机关运行经费情况表',
};

export function tableTitle(key: TableKey, variant: Variant): string {
  return (variant === 'yunnan-2021' ? YUNNAN_TITLES[key] : undefined) ?? TABLE_TITLES[key];
}

/** The order the tables are printed in. */
export function tableOrder(variant: Variant): TableKey[] {
  if (variant === 'shanghai') return ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T09', 'T07', 'T08'];
  return ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09'];
}

export function tableOrdinal(key: TableKey, variant: Variant): string {
  const n = tableOrder(variant).indexOf(key) + 1;
  return `公开${String(n).padStart(2, '0')}表`;
}

export const TABLE_NOTES: Record<TableKey, string> = {
  T01: '注：本表反映部门本年度的总收支和年末结转结余情况。',
  T02: '注：本表反映部门本年度取得的各项收入情况。',
  T03: '注：本表反映部门本年度各项支出情况。',
  T04: '注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
  T05: '注：本表反映部门本年度一般公共预算财政拨款支出情况。',
  T06: '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
  T07: '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
  T08: '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。',
  T09: '注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。',
};

export const EMPTY_NOTES: Partial<Record<TableKey, string>> = {
  T05: '本部门本年度没有一般公共预算财政拨款支出，故本表无数据。',
  T06: '本部门本年度没有一般公共预算财政拨款基本支出，故本表无数据。',
  T07: '本部门本年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。',
  T08: '本部门本年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。',
  T09: '本部门本年度没有“三公”经费财政拨款支出，故本表无数据。',
};
