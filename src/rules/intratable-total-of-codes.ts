import type { Rule } from '../check/types.js';
import type { TableKey } from '../model/index.js';
import { checkTotalOfCodes } from './utils/hierarchy.js';
import { presentTables } from './utils/table-access.js';

const TABLES: TableKey[] = ['T02', 'T03', 'T05', 'T07', 'T08'];

/** Every function-code table: 合计 = Σ 类 (or Σ 项 when only 项 rows are printed), in every column. */
const rule: Rule = {
  meta: {
    id: 'intratable-total-of-codes',
    family: 'intratable',
    title: { zh: '合计行等于各科目之和', en: 'The total row equals the sum of the top-level code rows' },
    description: '按支出功能分类列示的表中，合计行各列应等于各类级科目之和；只列示项级科目时，应等于各项之和。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：合计行 = 各科目之和', '财预〔2016〕143号《地方预决算公开操作规程》'],
  },
  check({ disclosure, skip }) {
    const tables = TABLES.flatMap((k) => presentTables(disclosure, k));
    if (!tables.length) skip('未识别到按功能分类科目列示的决算表');
    return tables.flatMap((t) => checkTotalOfCodes(t, 'total-mismatch'));
  },
};
export default rule;
