/**
 * A standard table printed without figures must say why (本部门没有相关数据，故本表无数据 / 我单位今年
 * 不涉及), in a note under it or in the 情况说明. A generic note describing the table (注：本表反映…)
 * is no explanation.
 */
import type { Rule } from '../check/types.js';
import { EMPTY_TABLE_NOTES } from '../catalog/tables.js';
import type { Table } from '../model/index.js';
import { requireFinalAccounts, textDeclaresEmpty } from './utils/completeness.js';
import { tableName } from './utils/table-access.js';

function explainedByNote(t: Table): boolean {
  return t.notes.some((n) => EMPTY_TABLE_NOTES.some((re) => re.test(n)));
}

const rule: Rule = {
  meta: {
    id: 'completeness-empty-table-unexplained',
    family: 'completeness',
    title: { zh: '空表未说明原因', en: 'Empty table without an explanation' },
    description: 'A table printed empty carries no note saying it has nothing to report, and the text does not say so either.',
    severity: 'warning',
    kinds: ['final-accounts'],
    references: [
      '财预〔2016〕143号《地方预决算公开操作规程》：没有数据的表格应当列示空表并说明',
      '部门决算公开表填报说明：本表无数据的，应在表下注明原因',
    ],
  },
  check(ctx) {
    if (!requireFinalAccounts(ctx)) return [];
    const d = ctx.disclosure;
    return d.tables
      .filter((t) => t.key && t.status === 'empty' && !explainedByNote(t) && !textDeclaresEmpty(d, t.key))
      .map((t) => ({
        messageId: 'empty-unexplained',
        message: `${tableName(t)}${t.ordinal ? `（${t.ordinal}）` : ''}为空表，但未说明无数据的原因`,
        evidence: t.title,
        at: t.prov,
        table: tableName(t),
        data: { table: t.key! },
      }));
  },
};

export default rule;
