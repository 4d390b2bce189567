/**
 * A row of a 绩效自评情况汇总表 states the same 自评得分 and 自评等级 as the project's own 自评表.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { PerformanceEvaluation } from '../model/index.js';
import { cmp, parsePrinted } from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_METHOD, perfFinding, projectLabel } from './utils/performance-report.js';
import { tableFor, tablesOf } from './utils/performance-values.js';

const CANONICAL: Record<string, string> = { 优秀: '优', 良好: '良', 中等: '中', 合格: '中' };
const canonical = (g: string): string => CANONICAL[g.replace(/\s/g, '')] ?? g.replace(/\s/g, '');

function checkRow(row: PerformanceEvaluation, table: PerformanceEvaluation): RawFinding[] {
  const out: RawFinding[] = [];
  const a = row.totalScore ? parsePrinted(row.totalScore.text) : null;
  const b = table.totalScore ? parsePrinted(table.totalScore.text) : null;
  if (a && b && cmp(a.value, b.value) !== 0) {
    out.push(perfFinding(row, {
      messageId: 'summary-score', at: row.totalScore!.prov, evidence: row.totalScore!.text, expected: table.totalScore!.text,
      message: `汇总表中${projectLabel(row)}自评得分 ${row.totalScore!.text}，与该项目自评表总分 ${table.totalScore!.text} 不符`,
      column: '自评得分', related: [{ role: 'table', at: table.totalScore!.prov, evidence: table.totalScore!.text }],
    }));
  }
  const g = row.grade?.text.trim();
  const h = table.grade?.text.trim();
  if (g && h && canonical(g) !== canonical(h)) {
    out.push(perfFinding(row, {
      messageId: 'summary-grade', at: row.grade!.prov, evidence: g, expected: h,
      message: `汇总表中${projectLabel(row)}自评等级“${g}”，与该项目自评表的“${h}”不符`,
      column: '自评等级', related: [{ role: 'table', at: table.grade!.prov, evidence: h }],
    }));
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'performance-summary-mismatch',
    family: 'performance',
    title: { zh: '绩效自评汇总表与项目自评表不一致', en: 'Summary row differs from the project table' },
    description: 'The 自评得分 and 自评等级 that a 绩效自评情况汇总表 gives a project equal the 总分 and 自评等级 of that project\'s own 自评表 (matched by name).',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [`${REF_METHOD}：各部门应将单位自评结果汇总后报送同级财政部门`, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    const evs = ctx.disclosure.performance;
    const summaries = evs.filter((e) => e.kind === 'summary');
    if (!summaries.length) ctx.skip('无绩效自评情况汇总表 (no summary table)');
    const tables = tablesOf(evs);
    return summaries.flatMap((row) => {
      const table = tableFor(row, tables);
      return table ? checkRow(row, table) : [];
    });
  },
};

export default rule;
