/** A T04 (财政拨款收入支出决算总表) literal for tests: income lines in 'amount', expenditure in total + fund columns. */
import type { Table } from '../../model/index.js';
import { table, type RowObject } from './fixtures.js';

export interface T04Spec {
  income: { generalBudget: string; governmentFund?: string; stateCapital?: string; total: string; begin?: string; beginGeneral?: string; grand?: string };
  /** [total, generalBudget, governmentFund, stateCapital] for each row. */
  classes: Record<string, [string, string, string, string]>;
  spent: [string, string, string, string];
  end?: [string, string, string, string];
  grand?: [string, string, string, string];
}

const CLASS_NAMES: Record<string, string> = { '208': '社会保障和就业支出', '210': '卫生健康支出', '221': '住房保障支出' };

export function t04(spec: T04Spec): Table {
  const inc = (key: string, name: string, v: string): RowObject => ({ key, name, side: 'income', cells: { amount: v } });
  const exp = (key: string, name: string, v: [string, string, string, string]): RowObject => ({
    key, name, side: 'expenditure', cells: { total: v[0], generalBudget: v[1], governmentFund: v[2], stateCapital: v[3] },
  });
  const i = spec.income;
  const rows: RowObject[] = [
    inc('income:generalBudget', '一、一般公共预算财政拨款', i.generalBudget),
    inc('income:governmentFund', '二、政府性基金预算财政拨款', i.governmentFund ?? ''),
    inc('income:stateCapital', '三、国有资本经营预算财政拨款', i.stateCapital ?? ''),
    inc('incomeTotal', '本年收入合计', i.total),
    inc('carryoverBegin', '年初财政拨款结转和结余', i.begin ?? ''),
    ...(i.beginGeneral !== undefined ? [inc('carryoverBegin:generalBudget', '一般公共预算财政拨款', i.beginGeneral)] : []),
    ...(i.grand !== undefined ? [inc('grandTotal', '总计', i.grand)] : []),
    ...Object.entries(spec.classes).map(([code, v]) => ({ ...exp(`fn:${code}`, CLASS_NAMES[code] ?? code, v), code })),
    exp('expenditureTotal', '本年支出合计', spec.spent),
    ...(spec.end ? [exp('carryoverEnd', '年末财政拨款结转和结余', spec.end)] : []),
    ...(spec.grand ? [exp('grandTotal', '总计', spec.grand)] : []),
  ];
  return table('T04', {
    columns: [{ key: 'amount', label: '金额' }, { key: 'total', label: '合计' }, { key: 'generalBudget', label: '一般公共预算财政拨款' },
      { key: 'governmentFund', label: '政府性基金预算财政拨款' }, { key: 'stateCapital', label: '国有资本经营预算财政拨款' }],
    rows,
  });
}
