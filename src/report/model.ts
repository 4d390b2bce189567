/**
 * The review report (审核意见) a finance bureau sends back to a department: for each document a
 * header (被审核单位, 年度, 文件, 审核日期, counts by severity) and its findings grouped by table or
 * section, each with its place in words (page, table, row, column), the quoted printed text, what
 * it should be, the rule's explanation and official clause, and an empty 整改情况 for the reply.
 * Built from `juesuan.findings/1` reports (one document or a batch); the writers (xlsx.ts, html.ts)
 * only lay it out.
 */
import type { JsonFinding, JsonReport } from '../check/report-json.js';
import { listRules, type RuleEntry } from '../check/rules-list.js';
import type { Severity } from '../check/types.js';

/** One document of the report: a checked one, or one that could not be read (with why). */
export interface ReportInput {
  /** The file name as given (shown, never used as a path). */
  file?: string;
  status?: 'ok' | 'unreadable' | 'failed';
  error?: string;
  report?: JsonReport;
}

export interface ReportOptions {
  /** 审核日期; default today (local date). */
  date?: Date;
  /** 审核单位, printed in the header and the signature line when given. */
  reviewer?: string;
  /** Include info-level findings (rounding within tolerance …) in an appendix of each document; default true. */
  includeInfo?: boolean;
}

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const KIND_ZH: Record<string, string> = {
  'final-accounts': '部门决算', budget: '部门预算', 'performance-self-evaluation': '绩效自评', other: '其他',
};
export const STATUS_ZH: Record<NonNullable<ReportInput['status']>, string> = { ok: '已审核', unreadable: '无法读取', failed: '审核失败' };

export interface ReportItem {
  /** 序号 within the document, 1-based. */
  no: number;
  severity: Severity;
  /** 第3页 (absent when the format has no pages). */
  page?: string;
  /** 表格或部分: 'T03 三、支出决算表' or the section heading. */
  where: string;
  row?: string;
  column?: string;
  /** 第3页 · 三、支出决算表 · 行「…」 · 列「…」: the place in words. */
  place: string;
  evidence?: string;
  expected?: string;
  message: string;
  /** The rule in words: '支出决算表合计与明细' (its Chinese title), with the printed id. */
  ruleTitle: string;
  rule: string;
  /** The rule's description (why it matters), when the catalogue has one. */
  explanation?: string;
  /** Official clauses, joined with '；'. */
  references: string;
  /** The other side of the finding (the figures it was compared with), in words: '加数：208 社会保障和就业支出（T01 第3页）「26.83」'. */
  related: string[];
  /** Identical findings merged into this one (same rule, text and place): how many, and their other pages/lines. */
  count: number;
  alsoAt: string[];
}

export interface ReportGroup {
  name: string;
  items: ReportItem[];
}

export interface ReportDocument {
  file: string;
  status: NonNullable<ReportInput['status']>;
  error?: string;
  entity?: string;
  year?: number;
  kind?: string;
  counts: { error: number; warning: number; info: number };
  /** Errors and warnings, grouped by table or section. */
  groups: ReportGroup[];
  /** Info-level findings (no reply needed). */
  infos: ReportItem[];
  /** Rules that could not run (crashed), said so that a clean report is not mistaken for a full one. */
  crashedRules: string[];
}

export interface ReviewReport {
  title: string;
  date: string;
  reviewer?: string;
  documents: ReportDocument[];
  totals: { documents: number; checked: number; unreadable: number; error: number; warning: number; info: number };
}

function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const TABLE_ORDER = /^T0[1-9]$/;

function groupName(f: JsonFinding): string {
  const l = f.location;
  if (l.table) return l.tableTitle && l.tableTitle !== l.table ? `${TABLE_ORDER.test(l.table) ? `${l.table} ` : ''}${l.tableTitle}` : l.table;
  if (l.section) return l.section;
  return '全文';
}

function tableWords(f: JsonFinding): string | undefined {
  const l = f.location;
  return l.tableTitle ?? l.table;
}

function placeOf(f: JsonFinding): { page?: string; place: string; at: string } {
  const l = f.location;
  const page = l.page !== undefined ? `第${l.page}页` : undefined;
  const parts: string[] = [];
  if (page) parts.push(page);
  else if (l.line !== undefined) parts.push(`文本第${l.line}行`);
  const t = tableWords(f);
  if (t) parts.push(t);
  else if (l.section) parts.push(`“${l.section}”部分`);
  if (l.row) parts.push(`行“${l.row}”`);
  if (l.column) parts.push(`列“${l.column}”`);
  return { ...(page && { page }), place: parts.join(' · ') || '全文', at: page ?? (l.line !== undefined ? `文本第${l.line}行` : '') };
}

const MAX_RELATED = 4;

/** Roles some rules give their related figures as identifiers, in words. */
const ROLE_ZH: Record<string, string> = {
  value: '所述数', table: '表中数', change: '变动', budget: '预算数', share: '占比', prior: '上年数', part: '部分', whole: '总数',
  actual: '决算数', weight: '分值', total: '合计', score: '得分', 'same-row-elsewhere': '他表同一行', 'previous-row': '上一行',
  output: '产出', 'other-statement': '另一处表述', narrative: '说明文字', 'first-use': '首次出现', first: '首次出现',
  executed: '执行数', 'block score': '分项得分', annualBudget: '全年预算数',
};

function roleWords(role: string): string {
  if (ROLE_ZH[role]) return ROLE_ZH[role];
  return /[\u4e00-\u9fff]/.test(role) ? role : '对照项';
}

function relatedOf(f: JsonFinding): string[] {
  if (f.severity === 'info') return [];
  const list = (f.related ?? []).map((r) => {
    const l = r.location;
    const where = [l.tableTitle ?? l.table, l.page !== undefined ? `第${l.page}页` : undefined, l.column ? `列“${l.column}”` : undefined].filter(Boolean).join(' ');
    return `${roleWords(r.role)}${where ? `（${where}）` : ''}${r.evidence ? `「${r.evidence}」` : ''}`;
  });
  return list.length > MAX_RELATED ? [...list.slice(0, MAX_RELATED), `……另 ${list.length - MAX_RELATED} 项`] : list;
}

function ruleIndex(): Map<string, RuleEntry> {
  return new Map(listRules().map((e) => [e.rule, e]));
}

/** The catalogue's descriptions are written for developers, mostly in English: only Chinese ones go in the report. */
function isChinese(s: string): boolean {
  return [...s].filter((c) => /[\u4e00-\u9fff]/.test(c)).length / s.length > 0.3;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function sortKey(f: JsonFinding): [number, number, number] {
  const l = f.location;
  const t = l.table && TABLE_ORDER.test(l.table) ? Number(l.table.slice(1)) : 100;
  return [t, l.page ?? 0, l.line ?? 0];
}

function itemsOf(findings: JsonFinding[], rules: Map<string, RuleEntry>): ReportItem[] {
  // identical findings (same rule, message, printed text, table/row/column) are one item with a count
  const merged = new Map<string, { f: JsonFinding; at: string[] }>();
  for (const f of findings) {
    const l = f.location;
    const key = JSON.stringify([f.rule, f.severity, f.message, f.evidence ?? '', f.expected ?? '', l.table ?? '', l.section ?? '', l.row ?? '', l.column ?? '']);
    const m = merged.get(key);
    const at = placeOf(f).at;
    if (m) m.at.push(at);
    else merged.set(key, { f, at: [at] });
  }
  return [...merged.values()].map(({ f, at }, i) => {
    const r = rules.get(f.rule);
    const p = placeOf(f);
    return {
      no: i + 1,
      severity: f.severity,
      ...(p.page && { page: p.page }),
      where: groupName(f),
      ...(f.location.row && { row: f.location.row }),
      ...(f.location.column && { column: f.location.column }),
      place: p.place,
      ...(f.evidence !== undefined && { evidence: f.evidence }),
      ...(f.expected !== undefined && { expected: f.expected }),
      message: f.message,
      ruleTitle: r?.titleZh ?? f.rule,
      rule: f.rule,
      ...(r?.description && isChinese(r.description) && { explanation: r.description }),
      references: (r?.references ?? []).filter((x) => !/^domain\.md\b/.test(x)).join('；'),
      related: relatedOf(f),
      count: at.length,
      alsoAt: [...new Set(at.slice(1).filter((a) => a && a !== at[0]))],
    };
  });
}

function documentOf(d: ReportInput, rules: Map<string, RuleEntry>, includeInfo: boolean): ReportDocument {
  const r = d.report;
  const file = d.file ?? r?.document.source ?? '（未命名）';
  const status = d.status ?? (r ? 'ok' : 'unreadable');
  const findings = [...(r?.findings ?? [])].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka[0] - kb[0] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || ka[1] - kb[1] || ka[2] - kb[2];
  });
  const main = itemsOf(findings.filter((f) => f.severity !== 'info'), rules);
  const groups = new Map<string, ReportItem[]>();
  for (const it of main) {
    const g = groups.get(it.where) ?? [];
    g.push(it);
    groups.set(it.where, g);
  }
  // 序号 follow the printed order: group by group
  let n = 0;
  const ordered = [...groups.entries()].map(([name, items]) => ({ name, items: items.map((it) => ({ ...it, no: ++n })) }));
  const infos = includeInfo ? itemsOf(findings.filter((f) => f.severity === 'info'), rules).map((it, i) => ({ ...it, no: i + 1 })) : [];
  return {
    file,
    status,
    ...(d.error && { error: d.error }),
    ...(r?.document.entity && { entity: r.document.entity }),
    ...(r?.document.year !== undefined && { year: r.document.year }),
    ...(r?.document.kind && { kind: r.document.kind }),
    counts: r?.counts ?? { error: 0, warning: 0, info: 0 },
    groups: ordered,
    infos,
    crashedRules: (r?.rules ?? []).filter((x) => x.status === 'crashed').map((x) => x.rule),
  };
}

/** The report of one document or a batch, in the order given. */
export function buildReviewReport(inputs: ReportInput[], opts: ReportOptions = {}): ReviewReport {
  const rules = ruleIndex();
  const documents = inputs.map((d) => documentOf(d, rules, opts.includeInfo ?? true));
  const sum = (k: 'error' | 'warning' | 'info') => documents.reduce((s, d) => s + d.counts[k], 0);
  const one = documents.length === 1 ? documents[0] : undefined;
  const kind = one?.kind ? KIND_ZH[one.kind] ?? '' : '';
  const title = one
    ? `${one.entity ?? ''}${one.year !== undefined ? `${one.year}年度` : ''}${kind}公开审核意见`
    : `${documents.length}份公开文件审核意见汇总`;
  return {
    title,
    date: isoDate(opts.date ?? new Date()),
    ...(opts.reviewer && { reviewer: opts.reviewer }),
    documents,
    totals: {
      documents: documents.length,
      checked: documents.filter((d) => d.status === 'ok').length,
      unreadable: documents.filter((d) => d.status !== 'ok').length,
      error: sum('error'), warning: sum('warning'), info: sum('info'),
    },
  };
}

/** '错误 11 项，警告 3 项，提示 15 项' */
export function countsInWords(c: { error: number; warning: number; info: number }): string {
  return `错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项`;
}

/** What the document is, in the header: '部门决算'. */
export function documentLine(d: ReportDocument): string {
  return d.kind ? KIND_ZH[d.kind] ?? d.kind : '';
}
