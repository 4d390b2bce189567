/**
 * A table listed in the 目录 (table of contents) that the body does not print (e.g. 公开06表 skipped).
 * When the body prints none of the tables, completeness-tables-present reports it once instead (决算); a
 * budget with no table at all is the narrative file of a two-file publication and is skipped (see
 * requireFinalAccountsOrBudget). On a budget the other tables the 目录 lists (财政拨款支出预算表, 机关运行
 * 经费, 政府采购 …, kept without a key) are checked too, by the core of their title.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Disclosure, TocEntry } from '../model/index.js';
import { BUDGET_REQUIRED_REFERENCE } from '../catalog/budget-required.js';
import { coreTitle, requireFinalAccountsOrBudget, tableNameFor } from './utils/completeness.js';

function finding(d: Disclosure, entry: TocEntry): RawFinding {
  const text = entry.text.trim();
  return {
    messageId: 'toc-table-missing',
    message: `目录列出“${text}”，但正文中没有${entry.table ? tableNameFor(d, entry.table) : '此表'}`,
    evidence: text,
    at: entry.prov,
    ...(entry.table ? { data: { table: entry.table } } : {}),
  };
}

/**
 * A budget table the 目录 names without a key is printed when a table (keyed or not) or, failing a table
 * read there, a short title line after the 目录 has the same core title (the reader may keep such a
 * table as text; its absence is not proven then). Lines of the 说明 (…情况说明) do not count.
 */
function printedOther(d: Disclosure, entry: TocEntry, tocLines: Set<number>): boolean {
  const core = coreTitle(entry.text, d.meta.entity);
  if (core.length < 2) return true;
  const titles = [...d.tables.map((t) => t.title), ...d.performance.map((p) => p.title)];
  if (titles.some((t) => coreTitle(t, d.meta.entity) === core)) return true;
  const lastToc = Math.max(...tocLines);
  return d.lines.some((l) => l.line > lastToc && !tocLines.has(l.line) && l.text.trim().length <= 60 &&
    /表\s*$/.test(l.text.trim()) && !/说明/.test(l.text) && coreTitle(l.text, d.meta.entity) === core);
}

const rule: Rule = {
  meta: {
    id: 'completeness-toc-table-missing',
    family: 'completeness',
    title: { zh: '目录所列表格未公开', en: 'A table listed in the contents is missing' },
    description: 'Every table named in the 目录 must appear in the body (决算: the nine standard tables; 预算: every table listed, keyed or not).',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: [
      '财预〔2016〕143号《地方预决算公开操作规程》：部门决算公开表应完整公开',
      '部门决算公开表填报说明：九张公开表按目录顺序公开',
      BUDGET_REQUIRED_REFERENCE,
    ],
  },
  check(ctx) {
    if (!requireFinalAccountsOrBudget(ctx)) return [];
    const d = ctx.disclosure;
    const budget = d.meta.kind === 'budget';
    // No standard table printed at all: completeness-tables-present reports that once.
    if (!budget && !d.tables.some((t) => t.key)) return [];
    const tocLines = new Set(d.toc.map((e) => e.prov.line));
    const seen = new Set<string>();
    return d.toc.flatMap((entry) => {
      const key = entry.table;
      if (!key) {
        if (!budget || !/表\s*$/.test(entry.text.trim())) return [];
        const core = coreTitle(entry.text, d.meta.entity);
        if (seen.has(core) || printedOther(d, entry, tocLines)) return [];
        seen.add(core);
        return [finding(d, entry)];
      }
      if (seen.has(key) || d.tables.some((t) => t.key === key)) return [];
      seen.add(key);
      return [finding(d, entry)];
    });
  },
};

export default rule;
