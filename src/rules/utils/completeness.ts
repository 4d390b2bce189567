/**
 * Helpers of the completeness rules: which document kinds they apply to, naming a standard table,
 * finding the part (table / evaluation) a line belongs to.
 */
import { EMPTY_TABLE_NOTES, normalizeTitle, tableDef } from '../../catalog/tables.js';
import type { Disclosure, Provenance, TableKey } from '../../model/index.js';
import type { RuleContext } from '../../check/types.js';
import { budgetTableName } from '../../catalog/budget-required.js';

/** Skips (with the reason) unless the document is a final-accounts disclosure; true when it applies. */
export function requireFinalAccounts(ctx: RuleContext): boolean {
  const kind = ctx.disclosure.meta.kind;
  if (kind === 'final-accounts') return true;
  ctx.skip(`文档类型为 ${kind}，不是部门决算公开 (applies to final-accounts disclosures only)`);
  return false;
}

/**
 * Skips (with the reason) unless the document is a 决算 or 预算 disclosure; true when it applies. A budget
 * that prints no table at all is the narrative file of a publication whose tables are another file
 * (江苏: 部门预算说明 + 部门预算公开表): skipped too, even when its 目录 lists the tables — read the two
 * with --as-one to check them together.
 */
export function requireFinalAccountsOrBudget(ctx: RuleContext): boolean {
  const d = ctx.disclosure;
  const kind = d.meta.kind;
  if (kind === 'final-accounts') return true;
  if (kind !== 'budget') {
    ctx.skip(`文档类型为 ${kind}，不是部门决算或部门预算公开 (applies to final-accounts and budget disclosures only)`);
    return false;
  }
  if (!d.tables.length) {
    const listed = d.toc.filter((e) => e.table || isTableTitle(e.text)).length;
    ctx.skip(
      `预算文档未印出任何表格${listed ? `（目录列出 ${listed} 张表）` : ''}：视为分文件公开的说明部分，公开表另见其文件，请与之一并检查（--as-one）` +
        ' (budget narrative file without tables: check it with its tables file, --as-one)',
    );
    return false;
  }
  return true;
}

function isTableTitle(text: string): boolean {
  return /表\s*$/.test(text.trim());
}

/**
 * The core of a table title, to match a 目录 entry with a printed title that words it differently:
 * without ordinal (一、 / 1. / 公开01表 / 表一), year, entity, quotes and the words every title shares
 * (部门/单位/年度/预算/支出/情况/表). '十二、政府采购支出预算表' and '2018年政府采购预算表' both give '政府采购'.
 */
export function coreTitle(text: string, entity?: string): string {
  let t = normalizeTitle(text);
  if (entity) t = t.split(normalizeTitle(entity)).join('');
  return t
    .replace(/^(公开|附)[0-9]+表[、.:]?/, '')
    .replace(/^附?表[0-9一二三四五六七八九十]+[、.:]?/, '')
    .replace(/^[(（]?[0-9一二三四五六七八九十]+[)）、.:]/, '')
    .replace(/(19|20)\d{2}年度?/g, '')
    .replace(/部门|单位|年度|预算|支出|情况|明细|表|[、，,·]/g, '');
}

/** 'T06「一般公共预算财政拨款基本支出决算表」'. */
export function standardTableName(key: TableKey): string {
  return `${key}「${tableDef(key).title}」`;
}

/** The name of a standard table in the document's own terms: the budget name on a budget. */
export function tableNameFor(d: Disclosure, key: TableKey): string {
  return d.meta.kind === 'budget' ? budgetTableName(key) : standardTableName(key);
}

/** The table or performance evaluation whose lines contain `line` (its id), or undefined. */
export function partAt(d: Disclosure, line: number): string | undefined {
  const t = d.tables.find((x) => line >= x.prov.line && line <= x.endLine);
  if (t) return t.id;
  return d.performance.find((p) => line >= p.prov.line && line <= p.endLine)?.id;
}

/** The first source line (for findings about the document as a whole). */
export function documentStart(d: Disclosure): Provenance {
  const first = d.lines[0];
  return first ? { line: first.line, ...(first.page !== undefined ? { page: first.page } : {}) } : { line: 1 };
}

/** The first source line whose text matches `re`, with the matched text. */
export function findLine(d: Disclosure, re: RegExp): { prov: Provenance; text: string } | undefined {
  for (const l of d.lines) {
    const m = re.exec(l.text);
    if (m) return { prov: { line: l.line, ...(l.page !== undefined ? { page: l.page } : {}), offset: m.index }, text: m[0] };
  }
  return undefined;
}

/** Words that name a table in a sentence: its title, or the fund of T07/T08. */
function tableMentions(key: TableKey): string[] {
  const names = [normalizeTitle(tableDef(key).title)];
  if (key === 'T07') names.push('政府性基金');
  if (key === 'T08') names.push('国有资本经营');
  return names;
}

const EMPTY_WORDS = [...EMPTY_TABLE_NOTES, /空表/, /(无|没有|未发生|未安排)[^。；;]{0,12}(收入|支出|收支)/];

/** A line (outside the tables) saying that table `key` has nothing to report, e.g. 本单位无政府性基金预算财政拨款收支。 */
export function textDeclaresEmpty(d: Disclosure, key: TableKey): { prov: Provenance; text: string } | undefined {
  const names = tableMentions(key);
  for (const l of d.lines) {
    if (partAt(d, l.line)) continue;
    const text = normalizeTitle(l.text);
    const at = names.map((n) => text.indexOf(n)).find((i) => i >= 0);
    if (at === undefined || !EMPTY_WORDS.some((re) => re.test(sentenceAround(text, at)))) continue;
    // Quote the line as printed (findable), cut to the sentence when the name is found verbatim.
    const rawAt = names.map((n) => l.text.indexOf(n)).find((i) => i >= 0);
    const quote = (rawAt === undefined ? l.text : sentenceAround(l.text, rawAt)).trim();
    return { prov: { line: l.line, ...(l.page !== undefined ? { page: l.page } : {}) }, text: quote };
  }
  return undefined;
}

function sentenceAround(text: string, at: number): string {
  const start = Math.max(...['。', '；', ';'].map((c) => text.lastIndexOf(c, at))) + 1;
  const ends = ['。', '；', ';'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) + 1 : text.length);
}
