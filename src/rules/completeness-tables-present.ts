/**
 * Each of the nine standard tables must be printed, with figures or declared empty (本表无数据).
 * A document that only refers to the tables (见附表) without printing them gets one finding naming
 * every missing table. Tables listed in the 目录 but absent are left to completeness-toc-table-missing.
 * On a budget (部门预算/单位预算) the list is the national one (src/catalog/budget-required.ts, 财预〔2016〕143号:
 * eight tables, no 国有资本经营 table) and a table neither printed nor listed is a warning, since regional
 * forms vary; a budget with no table at all (the narrative file of a two-file publication) is skipped.
 */
import type { RawFinding, Rule } from '../check/types.js';
import { TABLE_KEYS, type Disclosure, type TableKey } from '../model/index.js';
import { BUDGET_REQUIRED_REFERENCE, BUDGET_REQUIRED_TABLES } from '../catalog/budget-required.js';
import { documentStart, findLine, requireFinalAccountsOrBudget, standardTableName, tableNameFor, textDeclaresEmpty } from './utils/completeness.js';

const REFERENCE = /(详?见|参见|见)\s*附表|附表\s*[0-9一二三四五六七八九十]|决算公开表(见|详见)附件/;
const REFERENCES = [
  '财预〔2016〕143号《地方预决算公开操作规程》：部门决算公开收支总表、收入表、支出表、财政拨款收支总表、一般公共预算支出表、基本支出表、“三公”经费表、政府性基金表等',
  '部门决算公开表填报说明：没有数据的表格也应公开并说明',
  BUDGET_REQUIRED_REFERENCE,
];

/**
 * Where a missing table would stand: the line right after the nearest present table before it in the
 * standard order (not a row of that table, so the finding is not located in it).
 */
function gapAt(d: Disclosure, key: TableKey): RawFinding['at'] {
  const before = TABLE_KEYS.slice(0, TABLE_KEYS.indexOf(key)).reverse();
  for (const k of before) {
    const t = d.tables.find((x) => x.key === k);
    if (!t) continue;
    const next = d.lines.find((l) => l.line > t.endLine);
    return next ? { line: next.line, ...(next.page !== undefined ? { page: next.page } : {}) } : t.prov;
  }
  const first = d.tables[0];
  return first ? first.prov : documentStart(d);
}

function notPrinted(d: Disclosure, missing: TableKey[]): RawFinding {
  const ref = findLine(d, REFERENCE);
  return {
    messageId: 'tables-not-printed',
    message: `文档未印出部门决算九张公开表${ref ? `（仅写“${ref.text}”）` : ''}：缺少 ${missing.map(standardTableName).join('、')}`,
    ...(ref ? { evidence: ref.text } : {}),
    at: ref?.prov ?? documentStart(d),
    data: { missing: missing.join(',') },
  };
}

/** A missing table; when the text says it has nothing to report, the note stands in for it (info). */
function missingTable(d: Disclosure, key: TableKey): RawFinding {
  const declared = textDeclaresEmpty(d, key);
  const budget = d.meta.kind === 'budget';
  if (declared) {
    return {
      messageId: 'declared-empty-not-printed',
      severity: 'info',
      message: `${tableNameFor(d, key)}未印出，文中说明无数据（“${declared.text}”）：空表也应公开`,
      evidence: declared.text,
      at: declared.prov,
      data: { table: key },
    };
  }
  if (budget) {
    // Regional budget forms vary (names, merged tables): the national list is a warning here.
    return {
      messageId: 'budget-table-missing',
      severity: 'warning',
      message: `未见${tableNameFor(d, key)}：财预〔2016〕143号要求部门预算公开此表，目录亦未列出（地方表式可能以其他名称或合并公开，请核对）`,
      at: gapAt(d, key),
      data: { table: key },
    };
  }
  return {
    messageId: 'table-missing',
    message: `缺少${standardTableName(key)}：该表应公开，无数据时应印出空表并注明`,
    at: gapAt(d, key),
    data: { table: key },
  };
}

const rule: Rule = {
  meta: {
    id: 'completeness-tables-present',
    family: 'completeness',
    title: { zh: '公开表缺失', en: 'A standard table is missing' },
    description:
      '决算: each of the nine tables (T01–T09) must be present or printed empty with a note. 预算: each table of the national list (财预〔2016〕143号: T01–T07, T09) not printed and not in the 目录 is a warning.',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: REFERENCES,
  },
  check(ctx) {
    if (!requireFinalAccountsOrBudget(ctx)) return [];
    const d = ctx.disclosure;
    const have = new Set(d.tables.map((t) => t.key).filter((k): k is TableKey => k !== undefined));
    if (d.meta.kind === 'budget') {
      // Tables without a key only (other budget tables): the reader may not have recognised the standard ones.
      if (!have.size) {
        ctx.skip('预算文档未印出可识别的标准预算表 (no standard budget table recognised)');
        return [];
      }
      const inToc = new Set(d.toc.map((e) => e.table));
      return BUDGET_REQUIRED_TABLES.map((t) => t.key).filter((k) => !have.has(k) && !inToc.has(k)).map((key) => missingTable(d, key));
    }
    const missing = TABLE_KEYS.filter((k) => !have.has(k));
    if (!missing.length) return [];
    if (!have.size) return [notPrinted(d, missing)];
    const inToc = new Set(d.toc.map((e) => e.table));
    return missing.filter((k) => !inToc.has(k)).map((key) => missingTable(d, key));
  },
};

export default rule;
