/**
 * A row code that the catalogue of 政府收支分类科目 does not list. Lists change every year (and
 * mid-year), so this is information, not an error: the code may be new, local, or mistyped.
 */
import type { Rule } from '../check/types.js';
import { lookupEconomicCode } from '../catalog/economic-codes.js';
import { FUNCTION_CODE_LIST_YEAR, lookupFunctionCode } from '../catalog/function-codes.js';
import { catalogEntry, codedRows, groupBy, printedName, relatedOccurrences, rowPlace, SCHEME_ZH, type CodedRow } from './utils/catalog-rows.js';

/** The nearest listed ancestor ('21015 医疗保障管理事务'), to help the reader judge the code. */
function knownParent(r: CodedRow): string | undefined {
  const lookup = r.scheme === 'economic' ? lookupEconomicCode : lookupFunctionCode;
  for (const len of [5, 3]) {
    if (r.code.length <= len) continue;
    const parent = lookup(r.code.slice(0, len));
    if (parent) return `${parent.code} ${parent.name}`;
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'catalog-unknown-code',
    family: 'catalog',
    title: { zh: '科目编码不在分类科目表中', en: 'Classification code not in the catalogue' },
    description: 'A 功能分类 or 经济分类 code printed in a table that the catalogue of 政府收支分类科目 does not list.',
    severity: 'info',
    kinds: ['final-accounts', 'budget'],
    references: [
      `财政部《${FUNCTION_CODE_LIST_YEAR}年政府收支分类科目》支出功能分类科目、部门预算支出经济分类科目`,
      '部门决算公开表填报说明：支出按功能分类公开到项级，基本支出按经济分类公开到款级',
    ],
  },
  check({ disclosure }) {
    const unknown = codedRows(disclosure).filter((r) => !catalogEntry(r.scheme, r.code));
    return groupBy(unknown, (r) => `${r.scheme}:${r.code}`).map(([first, ...rest]) => {
      const r = first!;
      const parent = knownParent(r);
      return {
        messageId: 'unknown-code',
        message: `科目编码 ${r.code}（${printedName(r.row) || '无名称'}）不在${FUNCTION_CODE_LIST_YEAR}年${SCHEME_ZH[r.scheme]}科目表中`
          + `${parent ? `（上级科目 ${parent} 存在）` : ''}：请核对编码是否有误或为新增科目`,
        evidence: r.code,
        ...rowPlace(r),
        ...(rest.length ? { related: relatedOccurrences(rest) } : {}),
        data: { code: r.code, scheme: r.scheme, ...(parent ? { parent } : {}) },
      };
    });
  },
};

export default rule;
