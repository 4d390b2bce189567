/**
 * A table listed in the 目录 (table of contents) that the body does not print (e.g. 公开06表 skipped).
 * When the body prints none of the tables, completeness-tables-present reports it once instead.
 */
import type { Rule } from '../check/types.js';
import { requireFinalAccounts, standardTableName } from './utils/completeness.js';

const rule: Rule = {
  meta: {
    id: 'completeness-toc-table-missing',
    family: 'completeness',
    title: { zh: '目录所列表格未公开', en: 'A table listed in the contents is missing' },
    description: 'Every standard table named in the 目录 must appear in the body.',
    severity: 'error',
    kinds: ['final-accounts'],
    references: [
      '财预〔2016〕143号《地方预决算公开操作规程》：部门决算公开表应完整公开',
      '部门决算公开表填报说明：九张公开表按目录顺序公开',
    ],
  },
  check(ctx) {
    if (!requireFinalAccounts(ctx)) return [];
    const d = ctx.disclosure;
    // No standard table printed at all: completeness-tables-present reports that once.
    if (!d.tables.some((t) => t.key)) return [];
    const seen = new Set<string>();
    return d.toc.flatMap((entry) => {
      const key = entry.table;
      if (!key || seen.has(key) || d.tables.some((t) => t.key === key)) return [];
      seen.add(key);
      return [{
        messageId: 'toc-table-missing',
        message: `目录列出“${entry.text.trim()}”，但正文中没有${standardTableName(key)}`,
        evidence: entry.text.trim(),
        at: entry.prov,
        data: { table: key },
      }];
    });
  },
};

export default rule;
