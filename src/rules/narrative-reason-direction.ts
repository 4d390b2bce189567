/**
 * A reason that points the opposite way to the change it explains: '减少 12.80 万元 … 主要原因是 …
 * 经费较上一年有所增加'. Only a reason that itself compares with the prior year (较上年/比去年/同比 …
 * 增加/减少) is judged; a warning, since a reason may name a cause that moves the other way.
 */
import type { RawFinding, Rule } from '../check/types.js';
import { directionOf, locateFigures, type Direction, type LocatedFigure } from './utils/narrative-figures.js';
import { located, narrativeFinding, provAt, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const REASON = /(主要)?原因(主要)?(是|为|系|在于)?[:：]?/g;
const COMPARATIVE = /(较|比|同比|与)(上年|上一年|去年|上年度|上年同期|\d{4}\s*年)?[^，,。；;：:]{0,24}?((有所|大幅|明显|略有|相应|进一步)?(增加|增长|上升|提高|上涨|增多|减少|下降|降低|减|下滑|缩减))/g;

function isChange(f: LocatedFigure): boolean {
  return (f.role === 'change' || f.role === 'change-rate') && f.direction !== undefined && f.direction !== 'flat';
}

/** The worded direction of the last change stated before `at` in the sentence (or in the previous one). */
function changeBefore(ctx: SentenceContext, at: number): LocatedFigure | undefined {
  const here = locateFigures(ctx.sentence).filter((f) => f.end <= at && isChange(f));
  if (here.length) return here[here.length - 1];
  if (at > 8 || !ctx.previous) return undefined;
  const prev = locateFigures(ctx.previous).filter(isChange);
  return prev[prev.length - 1];
}

function checkSentence(ctx: SentenceContext): RawFinding[] {
  const text = ctx.sentence.text;
  const out: RawFinding[] = [];
  for (const r of text.matchAll(REASON)) {
    const start = (r.index ?? 0) + r[0].length;
    const change = changeBefore(ctx, r.index ?? 0);
    if (!change?.direction) continue;
    const nextReason = text.slice(start).search(/原因|[；;]/);
    const reason = text.slice(start, nextReason >= 0 ? start + nextReason : undefined);
    for (const m of reason.matchAll(COMPARATIVE)) {
      const word = m[3]!;
      const dir: Direction | undefined = directionOf(word);
      if (!dir || dir === 'flat' || dir === change.direction) continue;
      const at = start + (m.index ?? 0) + m[0].length - word.length;
      out.push(narrativeFinding(ctx, provAt(ctx.sentence, undefined, at), {
        messageId: 'reason-opposite',
        message: `变动为${change.direction === 'decrease' ? '减少' : '增加'}（${change.fig.printed}），但所述原因“${m[0]}”指向相反方向`,
        evidence: word,
        data: { change: change.fig.printed, reason: m[0] },
        related: [{ role: 'change', at: change.at, evidence: change.fig.printed }],
      }));
      break;
    }
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-reason-direction',
    family: 'narrative',
    title: { zh: '增减变动原因与变动方向相反', en: 'Reason points the opposite way to the change' },
    description: 'A change explained by a reason that itself compares with the prior year in the opposite direction (减少 … 主要原因是 … 较上年有所增加).',
    severity: 'warning',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条（对决算收支增减变化的原因作出说明）', 'domain.md §4 item 12（a reason given for a change points the same way）'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap(checkSentence);
  },
});

export default rule;
