/**
 * A growth rate from a zero base: '增长 100.00%' where the prior (stated, or value − change) is 0.
 * Δ / 0 is undefined; the convention of printing 100% is common, so this is info, never an error.
 */
import type { RawFinding, Rule } from '../check/types.js';
import { changeOperands } from './utils/narrative-change.js';
import { locateFigures } from './utils/narrative-figures.js';
import { located, narrativeFinding, phraseOf, requireNarrative } from './utils/narrative-report.js';
import { parsePercent } from './utils/percent.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const CUE = /增长|下降|增加|减少|上升|提高|降低/;

function checkSentence(ctx: SentenceContext): RawFinding[] {
  const figs = locateFigures(ctx.sentence);
  const out: RawFinding[] = [];
  figs.forEach((f, i) => {
    if (f.fig.kind !== 'percent' || f.role !== 'change-rate') return;
    const p = parsePercent(f.fig.printed);
    const op = changeOperands(ctx, figs, i);
    if (!p || !op || op.basis === 'budget' || op.base.fen !== 0) return;
    const noChange = op.num.fen === 0 && p.scaled === 0n;
    out.push(narrativeFinding(ctx, f.at, {
      messageId: noChange ? 'zero-base-no-change' : 'zero-base',
      message: noChange
        ? `上年数与本年数均为零，变动率 ${f.fig.printed} 无意义（可写“无变化”）`
        : `上年数为零（${op.prior ? `上年数 ${op.prior.fig.printed}` : `本年数 ${op.value?.fig.printed} − 变动额 ${op.change?.fig.printed} = 0`}），变动率 ${f.fig.printed} 无意义，宜写“上年无此项支出”`,
      evidence: phraseOf(ctx.sentence, f, CUE),
      severity: 'info',
      data: { actual: f.fig.printed },
    }));
  });
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-zero-base-rate',
    family: 'narrative',
    title: { zh: '以零为基数的增长率', en: 'Growth rate from a zero base' },
    description: 'A 增长/下降 y% whose prior (stated, or value − change) is zero: the rate is undefined. Common convention (增长100%), so reported as info.',
    severity: 'info',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['domain.md §4 item 12（A growth rate from a zero base is undefined）', '部门决算情况说明模板：较上年决算数增加/减少…万元，增长/下降…%'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap(checkSentence);
  },
});

export default rule;
