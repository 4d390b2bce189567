import type { Rule } from '../check/types.js';
import type { TableKey } from '../model/index.js';
import { checkCodeHierarchy } from './utils/hierarchy.js';
import { presentTables } from './utils/table-access.js';

const TABLES: TableKey[] = ['T02', 'T03', 'T05', 'T06', 'T07', 'T08'];

/** Every code table: 类 = Σ款 = Σ项 in every column, where the lower levels are printed. */
const rule: Rule = {
  meta: {
    id: 'intratable-code-hierarchy',
    family: 'intratable',
    title: { zh: '科目层级：类等于所属款之和，款等于所属项之和', en: 'Code hierarchy: each class equals the sum of its printed sections and items' },
    description: '按支出功能分类或经济分类列示的表中，类级科目金额应等于其下列示的款级科目之和，款级应等于其下项级之和（各列均适用）。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['财政部《政府收支分类科目》（类、款、项三级科目）', '《部门决算报表》填报说明：按功能分类科目填列至项级，基本支出按经济分类科目填列至款级'],
  },
  check({ disclosure, skip }) {
    const tables = TABLES.flatMap((k) => presentTables(disclosure, k));
    if (!tables.length) skip('未识别到按科目编码列示的决算表');
    return tables.flatMap((t) => checkCodeHierarchy(t, 'parent-sum-mismatch'));
  },
};
export default rule;
