import type { Rule } from '../check/types.js';
import type { TableKey } from '../model/index.js';
import { checkRowSums } from './utils/row-sums.js';
import { checkIdentity } from './utils/identity.js';
import { columnLabel, presentTables, rowLabel, tableName } from './utils/table-access.js';

const TABLES: TableKey[] = ['T05', 'T07', 'T08'];

/**
 * Fund tables printed with carry-overs (T05 older form, T07, T08 with 结转): in every row
 * 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出, and 本年支出 = 基本 + 项目.
 */
const rule: Rule = {
  meta: {
    id: 'intratable-carryover-flow',
    family: 'intratable',
    title: { zh: '财政拨款收支表：年末结转和结余等于年初加收入减支出', en: 'Fund tables: closing balance equals opening balance plus income minus expenditure' },
    description: '列示年初结转和结余、本年收入、本年支出、年末结转和结余的财政拨款收支决算表（政府性基金、国有资本经营及旧式一般公共预算表），每一行应满足 年末 = 年初 + 本年收入 − 本年支出；本年支出合计 = 基本支出 + 项目支出。',
    severity: 'error',
    kinds: ['final-accounts'],
    references: ['《部门决算报表》填报说明：财政拨款收入支出决算表（年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出）', '财预〔2016〕143号《地方预决算公开操作规程》'],
  },
  check({ disclosure, skip }) {
    const tables = TABLES.flatMap((k) => presentTables(disclosure, k));
    if (!tables.some((t) => t.columns.some((c) => c.key === 'carryoverEnd'))) skip('未识别到列示年初、年末结转和结余的财政拨款收支表');
    return tables.flatMap((t) => {
      const keys = new Set(t.columns.map((c) => c.key));
      const flow = ['carryoverEnd', 'carryoverBegin', 'income', 'total'].every((k) => keys.has(k))
        ? t.rows.flatMap((row) => {
          if (!row.cells.carryoverEnd) return [];
          const label = rowLabel(row);
          const term = (k: string, sign: 1 | -1) => ({ cell: row.cells[k], label: columnLabel(t, k), sign, row: label, column: columnLabel(t, k) });
          const f = checkIdentity({
            messageId: 'flow-mismatch',
            statement: '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出',
            total: row.cells.carryoverEnd,
            totalLabel: `${tableName(t)}「${label}」行的${columnLabel(t, 'carryoverEnd')}`,
            table: t.key!, row: label, column: columnLabel(t, 'carryoverEnd'),
            terms: [term('carryoverBegin', 1), term('income', 1), term('total', -1)],
          });
          return f ? [f] : [];
        })
        : [];
      const split = t.key === 'T05' ? [] : checkRowSums(t, { messageId: 'row-sum-mismatch', totalColumn: 'total', parts: ['basic', 'project'] });
      return [...flow, ...split];
    });
  },
};
export default rule;
