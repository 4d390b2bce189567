/**
 * The expenditure lines of T01 (收入支出决算总表) and T04 (财政拨款收入支出决算总表) are the 类 of
 * the 支出功能分类: each label must be a 类 name of the list (earlier official names tolerated).
 * Reports a label cut short, a label that names another 类 than the row was recognised as, and an
 * ordinal line ending in 支出 that is no 类 at all.
 */
import type { RawFinding, Rule } from '../check/types.js';
import { compareCodeName, normalizeCodeName } from '../catalog/code-names.js';
import { FUNCTION_CATEGORIES, FUNCTION_CODE_LIST_YEAR, functionCategoryByName, lookupFunctionCode } from '../catalog/function-codes.js';
import { termFor } from '../catalog/glossary.js';
import type { Row, Table } from '../model/index.js';
import { functionClassOf, rowLabel, tableName } from './utils/table-access.js';

const ORDINAL = /^\s*[一二三四五六七八九十]+\s*[、.．]/;

function place(table: Table, row: Row): Pick<RawFinding, 'at' | 'table' | 'row'> {
  return { at: row.prov, table: tableName(table), row: rowLabel(row) };
}

/** A 类 whose name the printed label is a cut-off start of. */
function truncatedCategory(label: string): { code: string; name: string } | undefined {
  return FUNCTION_CATEGORIES.find((c) => compareCodeName(label, c.name, c.aliases) === 'truncated');
}

function checkKeyed(table: Table, row: Row, code: string): RawFinding | undefined {
  const entry = lookupFunctionCode(code);
  if (!entry || !row.name.trim()) return undefined;
  const match = compareCodeName(row.name, entry.name, entry.aliases);
  if (match === 'exact' || match === 'alias') return undefined;
  const truncated = match === 'truncated';
  return {
    messageId: truncated ? 'truncated-category' : 'category-mismatch',
    message: truncated
      ? `类级科目名称“${row.name.trim()}”显示不全，应为“${entry.name}”`
      : `类级行“${row.name.trim()}”与科目 ${code} 的名称“${entry.name}”不符`,
    evidence: row.name.trim(),
    expected: entry.name,
    ...place(table, row),
    data: { code },
  };
}

function checkUnkeyed(table: Table, row: Row): RawFinding | undefined {
  const label = normalizeCodeName(row.name);
  if (!label || functionCategoryByName(label) || termFor(label)) return undefined;
  const cut = truncatedCategory(label);
  if (cut) {
    return {
      messageId: 'truncated-category',
      message: `类级科目名称“${row.name.trim()}”显示不全，应为“${cut.name}”`,
      evidence: row.name.trim(), expected: cut.name, ...place(table, row), data: { code: cut.code },
    };
  }
  if (!ORDINAL.test(row.name) || !label.endsWith('支出')) return undefined;
  return {
    messageId: 'unknown-category',
    severity: 'info',
    message: `支出行“${row.name.trim()}”不是${FUNCTION_CODE_LIST_YEAR}年支出功能分类的类级科目`,
    evidence: row.name.trim(),
    ...place(table, row),
  };
}

function isExpenditureLine(row: Row): boolean {
  return row.side === 'expenditure' || (row.key ?? '').startsWith('fn:');
}

const rule: Rule = {
  meta: {
    id: 'catalog-category-label',
    family: 'catalog',
    title: { zh: '总表支出类级科目名称不符', en: 'Summary-table expenditure line is not a 类 of the list' },
    description: 'T01/T04 expenditure lines must carry the 类 names of the 支出功能分类 (一、一般公共服务支出 …).',
    severity: 'warning',
    kinds: ['final-accounts', 'budget'],
    references: [
      `财政部《${FUNCTION_CODE_LIST_YEAR}年政府收支分类科目》支出功能分类类级科目`,
      '部门决算公开表填报说明：收入支出决算总表、财政拨款收入支出决算总表支出按功能分类类级科目列示',
    ],
  },
  check({ disclosure, skip }) {
    if (!disclosure.tables.some((t) => (t.key === 'T01' || t.key === 'T04') && t.status === 'present')) {
      skip('未识别到 T01/T04 (no summary table printed with figures)');
      return [];
    }
    const out: RawFinding[] = [];
    for (const table of disclosure.tables) {
      if ((table.key !== 'T01' && table.key !== 'T04') || table.status !== 'present') continue;
      for (const row of table.rows.filter(isExpenditureLine)) {
        const code = functionClassOf(row);
        const f = code ? checkKeyed(table, row, code) : row.key ? undefined : checkUnkeyed(table, row);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

export default rule;
