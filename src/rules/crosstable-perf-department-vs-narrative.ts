/**
 * The figures of a 部门整体支出绩效自评表 (年度资金总额 年初预算数 / 全年预算数 / 全年执行数, the 按支出性质分
 * block) and of its 基础数据表 (三公经费, 公用经费 … by year and 预算数/决算数) against the same quantities
 * stated in the narrative of the same document. A table figure is reported when the text states its
 * quantity and no statement agrees with it (a text that disagrees with itself is
 * narrative-restated-figure's concern). Certain when both sides name the quantity and its stage
 * outright; a warning when either side is read loosely (an unqualified 预算数 against 年初预算, a
 * 支出总计 for the 执行数, a block whose stage is not printed).
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Disclosure } from '../model/index.js';
import { compareAmounts, formatLike } from './utils/amounts.js';
import { narrativeQuantities, type NarrativeQuantity } from './utils/perf-consistency-narrative.js';
import { departmentQuantities, type TableQuantity } from './utils/perf-consistency-quantities.js';
import { requireNarrative } from './utils/narrative-report.js';
import { sectionLabel } from './utils/narrative-walk.js';

const CONCEPT_NAMES: Record<string, string> = {
  departmentTotal: '部门资金总额', basicExpenditure: '基本支出', projectExpenditure: '项目支出', personnelExpense: '人员经费',
  publicExpense: '公用经费', 'threePublic.total': '“三公”经费', 'threePublic.reception': '公务接待费',
  'threePublic.abroad': '因公出国（境）费', 'threePublic.vehicle': '公务用车购置及运行维护费',
};

function sameQuantity(t: TableQuantity, n: NarrativeQuantity, year: number | undefined): boolean {
  if (t.concept !== n.concept || t.stage !== n.stage) return false;
  if (t.year !== undefined && year !== undefined && t.year !== year) return false;
  return !(t.budgetKind && n.budgetKind && t.budgetKind !== n.budgetKind);
}

function certain(t: TableQuantity, stated: readonly NarrativeQuantity[]): boolean {
  if (!t.stagePrinted || !stated.every((n) => n.explicit)) return false;
  return t.stage === 'actual' || stated.every((n) => n.budgetKind === t.budgetKind);
}

function stageWord(t: TableQuantity, n: NarrativeQuantity): string {
  if (t.stage === 'actual') return t.concept === 'departmentTotal' ? '执行数' : '';
  const kind = n.budgetKind ?? t.budgetKind;
  return kind === 'initial' ? '年初预算' : kind === 'annual' ? '全年预算' : '预算';
}

function finding(t: TableQuantity, stated: NarrativeQuantity[], isCertain: boolean): RawFinding {
  const first = stated[0]!;
  const said = first.f.fig.printed;
  const name = CONCEPT_NAMES[t.concept] ?? t.row;
  const where = [t.row, t.column].filter(Boolean).join(' ');
  // The stated figure at its own printed precision, in the table's unit (0.89 万元 stays 0.89, not the table's '1').
  const text = first.f.fig.amount!;
  const expected = formatLike(text.fen, { ...t.amount, decimals: Math.max(t.amount.decimals, text.unit === t.amount.unit ? text.decimals : 2) });
  return {
    messageId: 'department-vs-narrative',
    message: `${t.ev.title}“${where}”${t.cell.text}，与情况说明所述${name}${stageWord(t, first)} ${said} 不符${isCertain ? '' : '（口径可能不同，请核对）'}`,
    severity: isCertain ? 'error' : 'warning',
    evidence: t.cell.text.trim(),
    expected,
    at: t.cell.prov,
    table: t.ev.title,
    row: t.row,
    ...(t.column ? { column: t.column } : {}),
    related: stated.map((n) => ({ role: 'narrative', at: n.f.at, evidence: n.f.fig.printed, row: sectionLabel(n.ctx.section) })),
    data: { actual: t.cell.text.trim(), stated: said, concept: t.concept },
  };
}

function agree(t: TableQuantity, n: NarrativeQuantity): boolean {
  return compareAmounts(t.amount, n.f.fig.amount!).status !== 'mismatch';
}

function checkDocument(d: Disclosure): RawFinding[] {
  const out: RawFinding[] = [];
  for (const ev of d.performance.filter((e) => e.kind === 'department')) {
    const year = ev.year ?? d.meta.year;
    const printed = departmentQuantities(ev);
    if (!printed.length) continue; // nothing in the table to compare: the narrative need not be read
    const stated = narrativeQuantities(d, year);
    for (const t of printed) {
      const same = stated.filter((n) => sameQuantity(t, n, year));
      if (!same.length) continue;
      if (same.some((n) => agree(t, n))) continue;
      if (same.some((n) => sameDigits(t, n))) continue; // a unit slip in the text: text-unit-slip's concern
      const isCertain = certain(t, same);
      // read loosely (an unqualified 预算数 may be the 全年 budget): any statement of the concept that agrees excuses it
      if (!isCertain && stated.some((n) => n.concept === t.concept && agree(t, n))) continue;
      out.push(finding(t, same, isCertain));
    }
  }
  return out;
}

/** The same digits under another unit (610.1 元 for 610.1 万元). */
function sameDigits(t: TableQuantity, n: NarrativeQuantity): boolean {
  const a = n.f.fig.amount!;
  return a.unit !== t.amount.unit && a.printed.replace(/[,，\s]/g, '') === t.cell.text.replace(/[,，\s]/g, '');
}

const rule: Rule = {
  meta: {
    id: 'crosstable-perf-department-vs-narrative',
    family: 'crosstable',
    title: { zh: '部门整体绩效自评表与情况说明不一致', en: 'Department-wide evaluation figures differ from the text' },
    description: 'The 年初预算数 / 全年预算数 / 全年执行数 of a 部门整体支出绩效自评表, its 基本支出/人员经费/公用经费 and the 三公经费 and 公用经费 of its 基础数据表 equal the same quantities stated in the report text, within the printed rounding.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [
      '财预〔2020〕10号《项目支出绩效评价管理办法》第三十条（自评结果应真实、准确）',
      '部门整体支出绩效自评表、部门整体支出绩效评价基础数据表 表样',
      'domain.md §4 item 12',
    ],
    needsPerformance: true,
    needsNarrative: true,
  },
  check(ctx) {
    const d = ctx.disclosure;
    if (!d.performance.some((e) => e.kind === 'department')) {
      ctx.skip('无部门整体支出绩效自评表 (no department-wide evaluation)');
      return [];
    }
    if (!requireNarrative(ctx)) return [];
    return checkDocument(d);
  },
};

export default rule;
