/**
 * A code table that prints only 项 rows: the template lists each 类 and 款 above its 项 (with their
 * subtotals), so readers can see totals per class and the class totals can be checked against T01.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Table } from '../model/index.js';
import { FUNCTION_CODE_LIST_YEAR } from '../catalog/function-codes.js';
import { mergeAcrossTables } from './utils/catalog-merge.js';
import { tableName } from './utils/table-access.js';

const CODE_TABLES = new Set(['T02', 'T03', 'T05', 'T07', 'T08']);

function check(table: Table): RawFinding | undefined {
  const codes = table.rows.map((r) => r.code).filter((c): c is string => !!c && /^\d+$/.test(c));
  const items = codes.filter((c) => c.length === 7);
  if (!items.length || codes.some((c) => c.length === 3 || c.length === 5)) return undefined;
  const first = table.rows.find((r) => r.code === items[0])!;
  return {
    messageId: 'items-only',
    message: `${tableName(table)}只列出项级科目（${items.length} 行），未列出其类级、款级科目及小计`,
    evidence: items[0]!,
    at: first.prov,
    table: tableName(table),
  };
}

const rule: Rule = {
  meta: {
    id: 'catalog-missing-parent-rows',
    family: 'catalog',
    title: { zh: '缺少类级、款级科目行', en: 'Only 项-level rows printed' },
    description: 'A code table lists 项 rows without their 类 and 款 rows.',
    severity: 'info',
    kinds: ['final-accounts', 'budget'],
    references: [
      `财政部《${FUNCTION_CODE_LIST_YEAR}年政府收支分类科目》支出功能分类科目的类、款、项层次`,
      '部门决算公开表样式：科目编码分类、款、项三栏列示，类、款行列示合计',
    ],
  },
  check({ disclosure }) {
    return mergeAcrossTables(disclosure.tables
      .filter((t) => t.key && CODE_TABLES.has(t.key) && t.status === 'present')
      .map(check)
      .filter((f): f is RawFinding => f !== undefined), 'same-in-table');
  },
};

export default rule;
