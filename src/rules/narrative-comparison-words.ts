/**
 * The words comparing 决算 with 预算 agree with the figures: '决算数小于预算数' / '大于' where the two
 * are equal (0.00 and 0.00) or the other way round; '与预算数一致/持平/相同' where they differ.
 * '基本持平/基本一致' tolerates a small gap (up to 10% of the budget).
 */
import type { RawFinding, Rule } from '../check/types.js';
import { compareAmounts, formatLike } from './utils/amounts.js';
import { hasRole, locateFigures, type LocatedFigure } from './utils/narrative-figures.js';
import { located, narrativeFinding, provAt, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

type Claim = 'less' | 'more' | 'equal' | 'roughly-equal';

const BUDGET = '(?:年初|全年|调整后)?预算(?:数|金额)?';
const ACTUAL = '(?:支出)?决算(?:数|金额)?';
const PHRASES: [RegExp, Claim][] = [
  [new RegExp(`${ACTUAL}(?:明显)?(?:小于|低于|少于)${BUDGET}`, 'g'), 'less'],
  [new RegExp(`${ACTUAL}(?:明显)?(?:大于|高于|多于|超过|超出)${BUDGET}`, 'g'), 'more'],
  [new RegExp(`${ACTUAL}(?:与|和|同)${BUDGET}基本(?:一致|持平|相同|相等)`, 'g'), 'roughly-equal'],
  [new RegExp(`${ACTUAL}(?:与|和|同)${BUDGET}(?:一致|持平|相同|相等)|${ACTUAL}(?:相同于|等于)${BUDGET}`, 'g'), 'equal'],
];

function operands(ctx: SentenceContext, at: number): { value?: LocatedFigure; budget?: LocatedFigure } {
  const figs = locateFigures(ctx.sentence).filter((f) => f.end <= at);
  let value = [...figs].reverse().find(hasRole('value'));
  let budget = [...figs].reverse().find(hasRole('budget'));
  if ((!value || !budget) && ctx.previous && !figs.some(hasRole('value')) && !figs.some(hasRole('budget'))) {
    const prev = [...locateFigures(ctx.previous)].reverse();
    value = prev.find(hasRole('value'));
    budget = prev.find(hasRole('budget'));
  }
  return { ...(value ? { value } : {}), ...(budget ? { budget } : {}) };
}

function contradiction(claim: Claim, diff: number, status: string, budgetFen: number): string | undefined {
  const equalish = status !== 'mismatch';
  // 大于/小于 compare the two figures as printed: 0.05 against 0.04 is 大于, whatever rounding hides.
  if (claim === 'less' && diff >= 0) return diff === 0 ? '决算数与预算数相等' : '决算数大于预算数';
  if (claim === 'more' && diff <= 0) return diff === 0 ? '决算数与预算数相等' : '决算数小于预算数';
  if (claim === 'equal' && !equalish) return diff > 0 ? '决算数大于预算数' : '决算数小于预算数';
  if (claim === 'roughly-equal' && budgetFen > 0 && Math.abs(diff) * 10 > budgetFen) return diff > 0 ? '决算数大于预算数' : '决算数小于预算数';
  return undefined;
}

/**
 * A change worded 增加/减少 between a stated value and a stated prior ('本年 90 万元，上年 100 万元，
 * 增加 10 万元'): the word must follow the sign of value − prior.
 */
function changeWords(ctx: SentenceContext): RawFinding[] {
  const figs = locateFigures(ctx.sentence);
  const out: RawFinding[] = [];
  figs.forEach((f, i) => {
    if (f.role !== 'change' || !f.fig.amount || (f.direction !== 'increase' && f.direction !== 'decrease')) return;
    const before = figs.slice(0, i);
    const value = [...before].reverse().find(hasRole('value'));
    const prior = [...before].reverse().find(hasRole('prior'));
    if (!value?.fig.amount || !prior?.fig.amount) return;
    const check = compareAmounts(value.fig.amount, prior.fig.amount);
    if (check.status !== 'mismatch') return;
    const actual = check.difference > 0 ? 'increase' : 'decrease';
    if (actual === f.direction) return;
    const word = /(增加|增长|上升|减少|下降|降低|减)[^，,。；;]{0,2}$/.exec(f.cue)?.[0] ?? f.fig.printed;
    out.push(narrativeFinding(ctx, f.at, {
      messageId: 'direction-contradicted',
      message: `文字称“${word.trim()}”，但本年数 ${value.fig.printed} ${actual === 'increase' ? '大于' : '小于'}上年数 ${prior.fig.printed}`,
      evidence: `${f.cue.slice(f.cue.lastIndexOf(word))}${f.fig.printed}`.trim(),
      expected: actual === 'increase' ? '增加' : '减少',
      related: [{ role: 'value', at: value.at, evidence: value.fig.printed }, { role: 'prior', at: prior.at, evidence: prior.fig.printed }],
    }));
  });
  return out;
}

/** '与上年预算持平' / '与上年数一致' / '与上年相比无变化' (基本 tolerates a tenth of the prior). */
const FLAT_VS_PRIOR = /(?:与|和|同|较)(?:上年|上年度|上一年|去年)(?:预算|决算)?(?:数)?(?:相比)?(基本)?(?:持平|一致|相同|相等|不变|无变化|没有变化)/g;

/** A subject said to be unchanged on the prior year while the sentence states a change or a different prior. */
function flatWords(ctx: SentenceContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of ctx.sentence.text.matchAll(FLAT_VS_PRIOR)) {
    const at = m.index ?? 0;
    const figs = locateFigures(ctx.sentence).filter((f) => f.end <= at);
    // The phrase speaks of the figure just before it ('增加 498.72 万元，项目支出与上年数一致' speaks of 项目支出).
    const last = figs[figs.length - 1];
    if (!last || ctx.sentence.text.slice(last.end, at).replace(/[\s，,。；;、]/g, '').length > 2) continue;
    const change = [...figs].reverse().find(hasRole('change'));
    const value = [...figs].reverse().find(hasRole('value'));
    const prior = [...figs].reverse().find(hasRole('prior'));
    let truth: string | undefined;
    let related: NonNullable<RawFinding['related']> = [];
    if (change?.fig.amount && change.fig.amount.fen !== 0 && !m[1]) {
      truth = `文中同时写有变动额 ${change.fig.printed}`;
      related = [{ role: 'change', at: change.at, evidence: change.fig.printed }];
    } else if (value?.fig.amount && prior?.fig.amount) {
      const check = compareAmounts(value.fig.amount, prior.fig.amount);
      const gap = Math.abs(check.difference);
      const tolerated = m[1] ? gap * 10 <= Math.abs(prior.fig.amount.fen) : check.status !== 'mismatch';
      if (!tolerated) {
        truth = `本年数 ${value.fig.printed} ${check.difference > 0 ? '大于' : '小于'}上年数 ${prior.fig.printed}`;
        related = [{ role: 'value', at: value.at, evidence: value.fig.printed }, { role: 'prior', at: prior.at, evidence: prior.fig.printed }];
      }
    }
    if (!truth) continue;
    out.push(narrativeFinding(ctx, provAt(ctx.sentence, undefined, at), {
      messageId: 'flat-contradicted', message: `文字称“${m[0]}”，但${truth}`, evidence: m[0], related,
    }));
  }
  return out;
}

function checkSentence(ctx: SentenceContext): RawFinding[] {
  const out: RawFinding[] = [...changeWords(ctx), ...flatWords(ctx)];
  for (const [re, claim] of PHRASES) {
    for (const m of ctx.sentence.text.matchAll(re)) {
      const at = m.index ?? 0;
      const { value, budget } = operands(ctx, at);
      if (!value?.fig.amount || !budget?.fig.amount) continue;
      const check = compareAmounts(value.fig.amount, budget.fig.amount);
      const truth = contradiction(claim, check.difference, check.status, Math.abs(budget.fig.amount.fen));
      if (!truth) continue;
      out.push(narrativeFinding(ctx, provAt(ctx.sentence, undefined, at), {
        messageId: `${claim}-contradicted`,
        message: `文字称“${m[0]}”，但决算数 ${value.fig.printed}、预算数 ${budget.fig.printed}：${truth}`,
        evidence: m[0],
        expected: truth,
        data: { value: value.fig.printed, budget: budget.fig.printed, difference: formatLike(check.difference, value.fig.amount) },
        related: [{ role: 'value', at: value.at, evidence: value.fig.printed }, { role: 'budget', at: budget.at, evidence: budget.fig.printed }],
      }));
    }
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-comparison-words',
    family: 'narrative',
    title: { zh: '预决算比较用语与数字不符', en: 'Budget-versus-actual wording contradicts the figures' },
    description: "'决算数小于/大于预算数' and '与预算数一致/持平/相同' agree with the stated 决算 and 预算 figures of the same subject; 增加/减少 agrees with the sign of the stated value − the stated prior; '与上年（预算）持平/一致' is not said of a subject the sentence shows changed.",
    severity: 'error',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['部门决算情况说明模板：“三公”经费…决算数小于/大于预算数的主要原因是…', '财预〔2016〕143号 第十条', 'domain.md §4 item 12（the words agree with the numbers: 大于/小于/持平/一致）'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap(checkSentence);
  },
});

export default rule;
