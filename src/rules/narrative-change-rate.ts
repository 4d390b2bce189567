/**
 * Every stated change rate (增长/下降 y%) equals change ÷ prior, where the prior is the stated
 * prior-year figure or value − change; a 预决算差异率 equals (决算 − 预算) ÷ 预算. Compared at the
 * printed precision; a gap the operands' rounding explains is info. A zero base is left to
 * narrative-zero-base-rate.
 */
import type { RawFinding, Rule } from '../check/types.js';
import { changeOperands, type ChangeOperands } from './utils/narrative-change.js';
import { locateFigures } from './utils/narrative-figures.js';
import { judgeRate, rateVerdict, withPercent } from './utils/narrative-ratio.js';
import { located, narrativeFinding, phraseOf, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const CUE = /增长|下降|增加|减少|降低|上升|提高|差异率|增幅|降幅/;

function related(op: ChangeOperands): NonNullable<RawFinding['related']> {
  const out: NonNullable<RawFinding['related']> = [];
  for (const [role, f] of [['value', op.value], ['change', op.change], ['prior', op.prior], ['budget', op.budget]] as const) {
    if (f) out.push({ role, at: f.at, evidence: f.fig.printed });
  }
  return out;
}

function judge(ctx: SentenceContext, op: ChangeOperands): RawFinding | undefined {
  if (op.base.fen <= 0) return undefined;
  const j = judgeRate(op.rate.fig.printed, op.num, op.base, { absolute: op.basis !== 'budget' || !/^\s*[-−]/.test(op.rate.fig.printed) });
  const v = rateVerdict(j.status);
  if (!v.report) return undefined;
  const evidence = phraseOf(ctx.sentence, op.rate, CUE);
  const how = op.basis === 'prior' ? '变动额 ÷ 上年数' : op.basis === 'budget' ? '(决算数 − 预算数) ÷ 预算数' : '变动额 ÷ (本年数 ∓ 变动额)';
  return narrativeFinding(ctx, op.rate.at, {
    messageId: j.status === 'rounding' ? 'rate-rounding' : 'rate-mismatch',
    message: `变动率 ${op.rate.fig.printed} 与 ${how} = ${withPercent(j.expected!)} ${v.words}`,
    evidence,
    expected: withPercent(j.expected!),
    ...(v.severity ? { severity: v.severity } : {}),
    data: { actual: op.rate.fig.printed, basis: op.basis },
    related: related(op),
  });
}

/** A prior-based change whose worded direction contradicts value − prior. */
function directionConflict(ctx: SentenceContext, op: ChangeOperands): RawFinding | undefined {
  if (op.basis !== 'prior' || !op.value || !op.direction || op.direction === 'flat' || op.num.fen === 0) return undefined;
  const actual = op.num.fen > 0 ? 'increase' : 'decrease';
  if (actual === op.direction) return undefined;
  if (Math.abs(op.num.fen) <= op.num.tolerance) return undefined;
  const word = op.direction === 'increase' ? '增加/增长' : '减少/下降';
  return narrativeFinding(ctx, op.rate.at, {
    messageId: 'direction-mismatch',
    message: `文字称${word}，但本年数 ${op.value.fig.printed} 与上年数 ${op.prior!.fig.printed} 相比方向相反`,
    evidence: phraseOf(ctx.sentence, op.rate, CUE),
    related: related(op),
  });
}

function checkSentence(ctx: SentenceContext): RawFinding[] {
  const figs = locateFigures(ctx.sentence);
  const out: RawFinding[] = [];
  figs.forEach((f, i) => {
    if (f.fig.kind !== 'percent' || f.role !== 'change-rate') return;
    const op = changeOperands(ctx, figs, i);
    if (!op) return;
    const found = directionConflict(ctx, op) ?? judge(ctx, op);
    if (found) out.push(found);
  });
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-change-rate',
    family: 'narrative',
    title: { zh: '增减变动率与变动额、上年数不符', en: 'Stated change rate differs from change ÷ prior' },
    description: 'Every 增长/下降 y% equals the change divided by the prior figure (stated, or value − change), and a 预决算差异率 equals (actual − budget) ÷ budget, at the printed precision; the worded direction agrees with value − prior.',
    severity: 'error',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条（对决算收支增减变化情况作出说明）', '部门决算情况说明模板：较上年决算数增加/减少…万元，增长/下降…%', 'domain.md §4 item 12'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap(checkSentence);
  },
});

export default rule;
