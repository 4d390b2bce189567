/**
 * The human report: findings grouped by table (or section), each with its line/page, the quoted
 * printed text and the expected value; then the count by severity and the rules that were skipped
 * or crashed, with their reasons. Colours only when asked (the CLI asks on a TTY).
 */
import { createRequire } from 'node:module';
import type pc from 'picocolors';
import type { CheckReport, Finding, Severity } from './types.js';

export interface TextReportOptions {
  color?: boolean;
  /** List the rules that were skipped (default true). */
  showSkipped?: boolean;
}

/** The colours the report uses. */
type Colors = Pick<ReturnType<typeof pc.createColors>, 'bold' | 'cyan' | 'dim' | 'green' | 'red' | 'underline' | 'yellow'>;

/** Without colour, each is the text itself; picocolors is loaded only when colours are asked for (it
 *  loads node:tty at once: ~3 ms of every check printed to a file or a pipe). */
const PLAIN: Colors = { bold: String, cyan: String, dim: String, green: String, red: String, underline: String, yellow: String };
const requireLib = createRequire(import.meta.url);

function colors(on: boolean): Colors {
  return on ? (requireLib('picocolors') as typeof pc).createColors(true) : PLAIN;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

function paint(c: Colors, s: Severity, text: string): string {
  return s === 'error' ? c.red(c.bold(text)) : s === 'warning' ? c.yellow(text) : c.cyan(text);
}

function groupName(f: Finding): string {
  const l = f.location;
  if (l.table) return l.tableTitle ? `${l.table} ${l.tableTitle}` : l.table;
  if (l.section) return l.section;
  return '（全文）';
}

function place(f: Finding): string {
  const l = f.location;
  const parts: string[] = [];
  if (l.line !== undefined) parts.push(`第${l.line}行`);
  if (l.page !== undefined) parts.push(`第${l.page}页`);
  const cell = [l.row, l.column].filter(Boolean).join(' / ');
  if (cell) parts.push(cell);
  return parts.join(' ');
}

function formatFinding(f: Finding, c: Colors): string[] {
  const head = `  ${paint(c, f.severity, `[${SEVERITY_LABEL[f.severity]}]`)} ${place(f)}  ${c.dim(f.rule)}`;
  const lines = [head, `    ${f.message}`];
  if (f.evidence !== undefined) lines.push(`    原文：「${f.evidence}」`);
  if (f.expected !== undefined) lines.push(`    应为：${c.green(f.expected)}`);
  if (f.location.section && f.location.table) lines.push(c.dim(`    所在部分：${f.location.section}`));
  if (f.severity !== 'info') lines.push(...relatedLines(f, c));
  return lines;
}

const MAX_RELATED_SHOWN = 6;

/** The other side of the finding, one line each: role, where (table, line, column) and the printed text. */
function relatedLines(f: Finding, c: Colors): string[] {
  const related = f.related ?? [];
  const out = related.slice(0, MAX_RELATED_SHOWN).map((r) => {
    const l = r.location;
    const where = [l.table, l.line !== undefined ? `第${l.line}行` : undefined, l.column].filter(Boolean).join(' ');
    return c.dim(`    ↔ ${r.role}${where ? `（${where}）` : ''}${r.evidence ? ` 「${r.evidence}」` : ''}`);
  });
  if (related.length > MAX_RELATED_SHOWN) out.push(c.dim(`    ↔ …另 ${related.length - MAX_RELATED_SHOWN} 项`));
  return out;
}

function groupFindings(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const name = groupName(f);
    const list = groups.get(name) ?? [];
    list.push(f);
    groups.set(name, list);
  }
  return [...groups.entries()];
}

function header(report: CheckReport, c: Colors): string[] {
  const d = report.document;
  const what = [d.entity, d.year !== undefined ? `${d.year}年` : undefined, d.source].filter(Boolean).join(' · ');
  return [c.bold(`检查 ${what || '文档'}`), c.dim(`规则集 ${d.ruleset}，共 ${report.rules.length} 条规则`), ''];
}

function outcomes(report: CheckReport, c: Colors, showSkipped: boolean): string[] {
  const out: string[] = [];
  const crashed = report.rules.filter((r) => r.status === 'crashed');
  const skipped = report.rules.filter((r) => r.status === 'skipped');
  if (crashed.length) {
    out.push('', c.red(c.bold(`规则异常（${crashed.length}）：`)));
    for (const r of crashed) out.push(`  ${r.rule}：${r.reason ?? ''}`);
  }
  if (skipped.length && showSkipped) {
    out.push('', c.dim(`未适用的规则（${skipped.length}）：`));
    for (const r of skipped) out.push(c.dim(`  ${r.rule}：${r.reason ?? ''}`));
  }
  return out;
}

export function formatTextReport(report: CheckReport, opts: TextReportOptions = {}): string {
  const c = colors(opts.color ?? false);
  const lines = header(report, c);
  if (!report.findings.length) lines.push(c.green('未发现问题。'));
  for (const [name, findings] of groupFindings(report.findings)) {
    lines.push(c.bold(c.underline(name)));
    for (const f of findings) lines.push(...formatFinding(f, c));
    lines.push('');
  }
  const { error, warning, info } = report.counts;
  const passed = report.rules.filter((r) => r.status === 'passed').length;
  lines.push(`${paint(c, 'error', `错误 ${error}`)} · ${paint(c, 'warning', `警告 ${warning}`)} · ${paint(c, 'info', `提示 ${info}`)}`
    + c.dim(`（通过 ${passed} 条规则）`));
  lines.push(...outcomes(report, c, opts.showSkipped ?? true));
  return lines.join('\n');
}
