/**
 * Rates that cannot exceed 100 %: coverage, awareness, satisfaction, pass and timeliness rates, and
 * shares of a whole (占…的 x%), as the 情况说明 states them. The 实际完成值 of performance indicators
 * (e.g. 参保率 101.27 %) are judged by performance-rate-over-100, not here. Completion and execution
 * rates may legitimately pass 100 % and are not judged.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Disclosure } from '../model/index.js';
import { subjectOf } from './utils/narrative-figures.js';
import { sectionLabel } from './utils/narrative-walk.js';
import { runFigures, runSentences } from './utils/run-cache.js';

/** Rate names bounded by 100 %. */
const BOUNDED = /(覆盖率|参保率|参合率|知晓率|知晓度|满意度|满意率|合格率|达标率|及时率|准确率|正确率|到位率|通过率|入学率|普及率|出勤率|办结率|结案率|兑现率|兑付率|受理率|回复率|占比|比重)/;

function overHundred(value: string | undefined): boolean {
  return value !== undefined && Number(value) > 100;
}

function narrativeFindings(d: Disclosure): RawFinding[] {
  const out: RawFinding[] = [];
  for (const ctx of runSentences(d)) {
    for (const f of runFigures(d, ctx.sentence)) {
      if (f.fig.kind !== 'percent' || !overHundred(f.fig.value)) continue;
      const subject = subjectOf(ctx.sentence, f);
      const rate = BOUNDED.exec(subject)?.[1] ?? BOUNDED.exec(f.cue)?.[1];
      if (!rate && f.role !== 'share') continue;
      out.push({
        messageId: 'rate-over-100',
        message: `${rate ?? '占比'}不可能超过100%，文中为 ${f.fig.printed}`,
        evidence: f.fig.printed,
        at: f.fig.prov,
        section: sectionLabel(ctx.section),
        data: { value: f.fig.value ?? '' },
      });
    }
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'plausibility-rate-over-100',
    family: 'plausibility',
    title: { zh: '比率超过100%', en: 'Rate above 100 %' },
    description: 'A coverage, satisfaction, pass or timeliness rate, or a share of a whole, stated above 100 % in the text (indicator values: performance-rate-over-100).',
    severity: 'warning',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: [
      '财预〔2020〕10号《项目支出绩效评价管理办法》：绩效指标实际完成值应真实、准确',
      '财预〔2016〕143号《地方预决算公开操作规程》：公开数据应真实准确',
    ],
  },
  check({ disclosure }) {
    return narrativeFindings(disclosure);
  },
};

export default rule;
