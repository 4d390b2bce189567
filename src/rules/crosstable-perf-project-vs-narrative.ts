/**
 * What the 预算绩效情况说明 states of one project ('项目全年预算数为 X 万元，执行数为 Y 万元，… 自评得分为 S
 * 分') equals that project's 项目支出绩效自评表 (全年预算数 / 年初预算数 / 全年执行数 of 年度资金总额, 总分).
 * The count-and-sum statement ('N 个项目 … 共涉及资金 X 万元') is narrative-project-funds' concern, and a
 * completion rate against its own sentence narrative-completion-rate's. Certain when the name matches
 * the table's exactly (资金/经费/项目 suffixes and years aside); a warning for a batch or near name.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Cell, Disclosure } from '../model/index.js';
import { compareAmounts, formatLike } from './utils/amounts.js';
import { requireNarrative } from './utils/narrative-report.js';
import { sectionLabel } from './utils/narrative-walk.js';
import { parsePercent, ratioPercentScaled } from './utils/percent.js';
import { projectStatements, type ProjectField, type ProjectStatement } from './utils/perf-consistency-projects.js';
import { totalFunding } from './utils/performance-values.js';
import { amountOf } from './utils/table-access.js';

const FIELD_NAMES: Record<ProjectField, string> = { annualBudget: '全年预算数', initialBudget: '年初预算数', executed: '全年执行数', score: '总分' };

function tableCell(s: ProjectStatement): Cell | undefined {
  return s.field === 'score' ? s.ev.totalScore : totalFunding(s.ev)?.[s.field];
}

/** A score stated as '97.6 分' against the table's 97.63: equal at the text's precision. */
function scoreAgrees(stated: string, table: string): boolean | undefined {
  const a = parsePercent(stated.replace(/分$/, ''));
  const b = parsePercent(table);
  if (!a || !b) return undefined;
  const denominator = 10n ** BigInt(b.decimals);
  const rounded = ratioPercentScaled(b.scaled, denominator * 100n, a.decimals);
  return rounded === a.scaled || (a.decimals > b.decimals && a.scaled === b.scaled * 10n ** BigInt(a.decimals - b.decimals));
}

/** Undefined when the two sides cannot be compared; else whether they agree. */
function agrees(s: ProjectStatement, cell: Cell): boolean | undefined {
  if (s.field === 'score') return scoreAgrees(s.f.fig.printed.trim(), cell.text.trim());
  const table = amountOf(cell);
  const text = s.f.fig.amount;
  if (!text) return undefined;
  if (!table) return cell.value.kind === 'blank' || cell.value.kind === 'dash' ? text.fen === 0 : undefined;
  return compareAmounts(text, table).status !== 'mismatch';
}

function finding(s: ProjectStatement, cell: Cell): RawFinding {
  // a blank table cell against a stated amount may be a cell the reader missed: not certain
  const certain = s.level === 'exact' && cell.text.trim() !== '';
  const table = cell.text.trim() || '（空白）';
  const unit = s.field === 'score' ? '' : s.ev.unit;
  const amount = s.f.fig.amount;
  const expected = amount && amountOf(cell) ? formatLike(amountOf(cell)!.fen, amount) : cell.text.trim();
  return {
    messageId: s.field === 'score' ? 'project-score-mismatch' : 'project-funds-mismatch',
    message: `情况说明所述“${s.name}”${FIELD_NAMES[s.field]} ${s.f.fig.printed}，与项目支出绩效自评表“${s.ev.project}”${FIELD_NAMES[s.field]} ${table}${table === '（空白）' ? '' : unit} 不符${certain ? '' : '（项目名称不完全一致，请核对是否为同一项目）'}`,
    severity: certain ? 'error' : 'warning',
    evidence: s.f.fig.printed,
    expected,
    at: s.f.at,
    section: sectionLabel(s.ctx.section),
    related: [{ role: 'table', at: cell.prov, table: s.ev.title, row: s.ev.project, column: FIELD_NAMES[s.field], evidence: cell.text }],
    data: { actual: s.f.fig.printed, expected, project: s.ev.project },
  };
}

function checkDocument(d: Disclosure): RawFinding[] {
  const tables = d.performance.filter((e) => e.kind === 'project');
  const out: RawFinding[] = [];
  for (const s of projectStatements(d, tables)) {
    const cell = tableCell(s);
    if (!cell || agrees(s, cell) !== false) continue;
    out.push(finding(s, cell));
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'crosstable-perf-project-vs-narrative',
    family: 'crosstable',
    title: { zh: '情况说明中的项目绩效数据与项目自评表不一致', en: 'Project results in the text differ from the project table' },
    description: 'The 全年预算数, 年初预算数, 执行数 and 自评得分 that the 预算绩效情况说明 states for a project equal the 项目支出绩效自评表 of that project (matched by name), within the printed precision.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [
      '财预〔2020〕10号《项目支出绩效评价管理办法》第三十条（自评结果应真实、准确）',
      '部门决算情况说明模板（预算绩效情况说明：项目全年预算数、执行数、自评得分）',
      'domain.md §4 item 12',
    ],
    needsPerformance: true,
    needsNarrative: true,
  },
  check(ctx) {
    const d = ctx.disclosure;
    if (!d.performance.some((e) => e.kind === 'project')) {
      ctx.skip('无项目支出绩效自评表 (no project tables)');
      return [];
    }
    if (!requireNarrative(ctx)) return [];
    return checkDocument(d);
  },
};

export default rule;
