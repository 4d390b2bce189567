/**
 * Amounts the 情况说明 states against the tables they explain: 总计, 收入合计, 支出合计, 财政拨款收入,
 * 基本/项目支出, 一般公共预算财政拨款支出 and its 类, 人员经费/公用经费, 三公 items (预算数 and 决算数).
 * A difference within the printed rounding is not reported.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Disclosure } from '../model/index.js';
import { compareAmounts, formatLike, toleranceFor } from './utils/amounts.js';
import { isAmount, locateFigures, type LocatedFigure } from './utils/narrative-figures.js';
import { located, narrativeFinding, requireNarrative } from './utils/narrative-report.js';
import { aboutOtherYear, conceptOf, subjectsOf, topicOf } from './utils/narrative-subjects.js';
import { tableFigure, type TableFigure } from './utils/narrative-tables.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const TOPICS = new Set([
  'income-expenditure-overview', 'income', 'expenditure', 'fiscal-overview', 'general-budget-expenditure',
  'general-budget-basic', 'three-public',
]);

function mismatch(ctx: SentenceContext, f: LocatedFigure, tf: TableFigure, role: string): RawFinding | undefined {
  const a = f.fig.amount!;
  const check = compareAmounts(a, tf.amount);
  const tolerance = toleranceFor([a, tf.amount], 1 + (tf.terms ?? 1));
  if (check.status === 'equal' || Math.abs(check.difference) <= tolerance) return undefined;
  const expected = `${formatLike(tf.amount.fen, a)}${a.unit}`;
  return narrativeFinding(ctx, f.at, {
    messageId: 'amount-mismatch',
    message: `说明中的${role === 'budget' ? '预算数' : '金额'} ${f.fig.printed} 与${tf.table}「${tf.row}${tf.column ? `／${tf.column}` : ''}」${expected} 不符`,
    evidence: f.fig.printed,
    expected,
    data: { actual: f.fig.printed, table: tf.table, row: tf.row },
    related: [{ role: 'table', at: tf.at, table: tf.table, row: tf.row, ...(tf.column ? { column: tf.column } : {}) }],
  });
}

function checkSentence(d: Disclosure, ctx: SentenceContext): RawFinding[] {
  const year = d.meta.year;
  const topic = topicOf(ctx);
  if (!topic || !TOPICS.has(topic)) return [];
  const figs = locateFigures(ctx.sentence);
  const subjects = subjectsOf(ctx.sentence, figs);
  const out: RawFinding[] = [];
  figs.forEach((f, i) => {
    if (!isAmount(f) || (f.role !== 'value' && f.role !== 'budget') || aboutOtherYear(ctx.sentence, f, year)) return;
    const concept = conceptOf(subjects[i]!, topic);
    if (!concept) return;
    const tf = tableFigure(d, concept, f.role);
    const found = tf && mismatch(ctx, f, tf, f.role);
    if (found) out.push(found);
  });
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-amount-vs-table',
    family: 'narrative',
    title: { zh: '说明中的金额与决算表不符', en: 'Amount stated in the text differs from the table' },
    description: 'Every amount the 情况说明 states for a total, 基本/项目支出, 类, 人员/公用经费 or 三公 item equals the figure of the table it explains, within the printed rounding.',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['财预〔2016〕143号 第十条（情况说明应与决算表一致）', '部门决算情况说明模板（收入支出决算总体情况说明 … 财政拨款“三公”经费支出决算情况说明）', 'domain.md §4 item 12'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    if (!rc.disclosure.tables.some((t) => t.status === 'present')) {
      rc.skip('no standard table with figures to compare the text with');
      return [];
    }
    return sentencesOf(rc.disclosure).flatMap((ctx) => checkSentence(rc.disclosure, ctx));
  },
});

export default rule;
