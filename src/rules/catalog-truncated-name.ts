/**
 * A 科目名称 printed cut short: the printed name is a strict prefix of the catalogue name of its code
 * (a column too narrow in the source spreadsheet, e.g. '财政对城乡居民基本医疗保险基金的补').
 */
import type { Rule } from '../check/types.js';
import { FUNCTION_CODE_LIST_YEAR } from '../catalog/function-codes.js';
import {
  catalogEntry, codeNameKey, codedRows, groupBy, nameMatchOf, printedName, relatedOccurrences, rowPlace,
} from './utils/catalog-rows.js';

const rule: Rule = {
  meta: {
    id: 'catalog-truncated-name',
    family: 'catalog',
    title: { zh: '科目名称显示不全', en: 'Classification name truncated' },
    description: 'The printed name of a coded row is a strict prefix of its catalogue name.',
    severity: 'warning',
    kinds: ['final-accounts', 'budget'],
    references: [
      `财政部《${FUNCTION_CODE_LIST_YEAR}年政府收支分类科目》`,
      '部门决算公开表填报说明：科目名称应完整填列',
    ],
  },
  check({ disclosure }) {
    const cut = codedRows(disclosure).filter((r) => nameMatchOf(r) === 'truncated');
    return groupBy(cut, codeNameKey).map(([first, ...rest]) => {
      const r = first!;
      const expected = catalogEntry(r.scheme, r.code)!.name;
      const printed = printedName(r.row);
      return {
        messageId: 'truncated-name',
        message: `科目 ${r.code} 的名称“${printed}”显示不全，完整名称为“${expected}”`,
        evidence: printed,
        expected,
        ...rowPlace(r),
        ...(rest.length ? { related: relatedOccurrences(rest) } : {}),
        data: { code: r.code },
      };
    });
  },
};

export default rule;
