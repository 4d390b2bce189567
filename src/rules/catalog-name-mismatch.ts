/**
 * A row whose printed 科目名称 is not the catalogue name of its code (nor an earlier official name of
 * it). Trivial differences — bracket width, quotes, spaces, a '（项）' marker — are tolerated; a name
 * cut short is reported by catalog-truncated-name instead.
 */
import type { Rule } from '../check/types.js';
import { normalizeCodeName } from '../catalog/code-names.js';
import { FUNCTION_CODE_LIST_YEAR } from '../catalog/function-codes.js';
import {
  catalogEntry, codeNameKey, codedRows, groupBy, nameMatchOf, printedName, relatedOccurrences, rowPlace, SCHEME_ZH,
} from './utils/catalog-rows.js';

/**
 * A variant that differs only by function words or the 支出 suffix (其他个人和家庭的补助支出 for
 * 其他对个人和家庭的补助): wording of an older list or of the reporting software, reported as info.
 */
function isNearVariant(printed: string, expected: string): boolean {
  const strip = (s: string): string => normalizeCodeName(s).replace(/[对的及和与]/g, '').replace(/支出$/, '');
  return strip(printed) === strip(expected);
}

const rule: Rule = {
  meta: {
    id: 'catalog-name-mismatch',
    family: 'catalog',
    title: { zh: '科目名称与编码不符', en: 'Classification name does not match its code' },
    description: 'The printed name of a 功能分类/经济分类 row differs from the catalogue name of its code (aliases and punctuation tolerated).',
    severity: 'warning',
    kinds: ['final-accounts', 'budget'],
    references: [
      `财政部《${FUNCTION_CODE_LIST_YEAR}年政府收支分类科目》`,
      '部门决算公开表填报说明：科目编码和科目名称按政府收支分类科目填列',
    ],
  },
  check({ disclosure }) {
    const wrong = codedRows(disclosure).filter((r) => nameMatchOf(r) === 'mismatch');
    return groupBy(wrong, codeNameKey).map(([first, ...rest]) => {
      const r = first!;
      const expected = catalogEntry(r.scheme, r.code)!.name;
      const printed = printedName(r.row);
      const near = isNearVariant(printed, expected);
      return {
        messageId: near ? 'name-variant' : 'name-mismatch',
        ...(near ? { severity: 'info' as const } : {}),
        message: `科目 ${r.code} 的名称印为“${printed}”，${SCHEME_ZH[r.scheme]}科目表中为“${expected}”`,
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
