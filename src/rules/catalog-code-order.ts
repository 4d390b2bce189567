/**
 * Rows of a table by 功能分类 code are printed in code order, each 类 followed by its 款 and 项
 * (208, 20805, 2080505, 210, …), which is ascending string order of the codes. A table whose rows
 * jump back (2101599 then 2101202) is harder to read and to check against the other tables.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Table } from '../model/index.js';
import { FUNCTION_CODE_LIST_YEAR } from '../catalog/function-codes.js';
import { mergeAcrossTables } from './utils/catalog-merge.js';
import { rowLabel, tableName } from './utils/table-access.js';

const CODE_TABLES = new Set(['T02', 'T03', 'T05', 'T07', 'T08']);

function firstDisorder(table: Table): RawFinding | undefined {
  const rows = table.rows.filter((r) => r.code && /^\d+$/.test(r.code));
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1]!;
    const row = rows[i]!;
    if (row.code! >= prev.code!) continue;
    return {
      messageId: 'code-order',
      message: `${tableName(table)}中科目 ${row.code} 排在 ${prev.code} 之后，未按科目编码顺序排列`,
      evidence: row.code!,
      at: row.prov,
      table: tableName(table),
      row: rowLabel(row),
      related: [{ role: 'previous-row', at: prev.prov, row: rowLabel(prev), evidence: prev.code! }],
    };
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'catalog-code-order',
    family: 'catalog',
    title: { zh: '科目未按编码顺序排列', en: 'Code rows out of code order' },
    description: 'Rows of a code table (T02, T03, T05, T07, T08) go in code order: 类, its 款, their 项.',
    severity: 'info',
    kinds: ['final-accounts', 'budget'],
    references: [
      `财政部《${FUNCTION_CODE_LIST_YEAR}年政府收支分类科目》支出功能分类科目的类、款、项层次`,
      '部门决算公开表填报说明：按支出功能分类科目的类、款、项顺序列示',
    ],
  },
  check({ disclosure }) {
    return mergeAcrossTables(disclosure.tables
      .filter((t) => t.key && CODE_TABLES.has(t.key) && t.status === 'present')
      .map(firstDisorder)
      .filter((f): f is RawFinding => f !== undefined), 'same-in-table');
  },
};

export default rule;
