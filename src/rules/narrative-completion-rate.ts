/**
 * 完成年初预算的 z% (and 执行率 / 完成预算的 z%) recomputed from the 决算 (or 执行数) and the budget
 * stated for the same subject, at the printed precision: 24.25 / 18.57 = 130.59%, not 130.53%.
 */
import type { RawFinding, Rule } from '../check/types.js';
import { findBefore, hasRole, locateFigures, type LocatedFigure } from './utils/narrative-figures.js';
import { judgeRate, operand, rateVerdict, withPercent } from './utils/narrative-ratio.js';
import { located, narrativeFinding, phraseOf, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const CUE = /完成|执行率|预算完成/;

/** The budget the completion names: 年初 or 全年/调整后, when the sentence states both. */
function budgetFor(figs: LocatedFigure[], i: number): LocatedFigure | undefined {
  const cue = figs[i]!.cue;
  const qualifier = /年初/.test(cue) ? /年初/ : /全年|调整/.test(cue) ? /全年|调整/ : undefined;
  const named = qualifier ? findBefore(figs, i, (f) => hasRole('budget')(f) && qualifier.test(f.cue)) : undefined;
  return named ?? findBefore(figs, i, hasRole('budget'));
}

function operandsFor(ctx: SentenceContext, figs: LocatedFigure[], i: number): { value?: LocatedFigure; budget?: LocatedFigure } {
  let value = findBefore(figs, i, hasRole('value'));
  let budget = budgetFor(figs, i);
  if (!value && !budget && ctx.previous) {
    // '…年初预算数为 X 万元，支出决算数为 Y 万元。完成年初预算的 z%。': both from the sentence before.
    const prev = locateFigures(ctx.previous);
    value = findBefore(prev, prev.length, hasRole('value'));
    budget = findBefore(prev, prev.length, hasRole('budget'));
  }
  return { ...(value ? { value } : {}), ...(budget ? { budget } : {}) };
}

function checkSentence(ctx: SentenceContext): RawFinding[] {
  const out: RawFinding[] = [];
  const figs = locateFigures(ctx.sentence);
  figs.forEach((f, i) => {
    if (f.fig.kind !== 'percent' || (f.role !== 'completion' && f.role !== 'execution-rate')) return;
    const { value, budget } = operandsFor(ctx, figs, i);
    if (!value?.fig.amount || !budget?.fig.amount) return;
    const j = judgeRate(f.fig.printed, operand(value.fig.amount), operand(budget.fig.amount));
    const v = rateVerdict(j.status);
    if (!v.report) return;
    const evidence = phraseOf(ctx.sentence, f, CUE);
    const data = { actual: f.fig.printed, value: value.fig.printed, budget: budget.fig.printed };
    out.push(narrativeFinding(ctx, f.at, {
      messageId: j.status === 'rounding' ? 'completion-rounding' : 'completion-mismatch',
      message: `完成预算比例 ${f.fig.printed} 与 ${value.fig.printed} ÷ ${budget.fig.printed} = ${withPercent(j.expected!)} ${v.words}`,
      evidence,
      expected: withPercent(j.expected!),
      data,
      ...(v.severity ? { severity: v.severity } : {}),
      related: [
        { role: 'value', at: value.at, evidence: value.fig.printed },
        { role: 'budget', at: budget.at, evidence: budget.fig.printed },
      ],
    }));
  });
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-completion-rate',
    family: 'narrative',
    title: { zh: '完成预算比例与决算数、预算数不符', en: 'Stated completion of the budget differs from actual ÷ budget' },
    description: 'Every 完成年初预算的 z% / 完成预算的 z% / 执行率 z% stated in the narrative equals the stated 决算 (执行数) divided by the stated budget of the same subject, at the printed precision; a rounding-sized gap is info.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条（部门决算公开应当对决算收支增减变化等情况作出说明）', '部门决算情况说明模板：一般公共预算财政拨款支出决算具体情况（年初预算为…万元，支出决算为…万元，完成年初预算的…%）', 'domain.md §4 item 12'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap(checkSentence);
  },
});

export default rule;
