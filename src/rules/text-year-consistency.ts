/**
 * Years in the text agree with the document's year Y: a heading that names another 决算 year; a
 * comparison with a year other than Y−1 ('与2021年相比' in a 2023 report); a prior-year figure labelled
 * with a year other than Y−1 in a paragraph comparing with 上年 ('2021年“三公”经费预算…' in 2023); the
 * reported year itself stated as Y−1 beside a 较上年 comparison; a self-evaluation citing an evaluation
 * of a year long past ('开展2019年预算资金绩效自评' for 2021). Ranges (2021-2023年) are not judged.
 */
import type { RawFinding, Rule, Severity } from '../check/types.js';
import type { Disclosure } from '../model/index.js';
import { isAmount, locateFigures } from './utils/narrative-figures.js';
import { located, narrativeFinding, provAt, requireNarrative } from './utils/narrative-report.js';
import { allSections, sectionLabel, sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年(度|底|末|初)?/g;
const RANGE_BEFORE = /(?:(?:19|20)\d{2}\s*年?(?:度)?\s*[-—~～至到]\s*)$/;
const RANGE_AFTER = /^\s*[-—~～至到]\s*(?:19|20)\d{2}/;
const PRIOR_WORDS = /上年|上一年|去年|上年度|本年数与上年数|同比/;

interface YearHit {
  year: number;
  at: number;
  printed: string;
}

/** The single years printed in a text (ranges left out). */
export function yearsIn(text: string): YearHit[] {
  return [...text.matchAll(YEAR)]
    .filter((m) => !RANGE_BEFORE.test(text.slice(0, m.index)) && !RANGE_AFTER.test(text.slice(m.index! + m[0].length - (m[2]?.length ?? 0))))
    .map((m) => ({ year: Number(m[1]), at: m.index!, printed: m[0] }));
}

function hit(ctx: SentenceContext, h: YearHit, id: string, message: string, expected?: string, severity?: Severity): RawFinding {
  return narrativeFinding(ctx, provAt(ctx.sentence, undefined, h.at), {
    messageId: id, message, evidence: h.printed.trim(), ...(expected ? { expected } : {}), ...(severity ? { severity } : {}),
  });
}

function checkSentence(ctx: SentenceContext, y: number): RawFinding[] {
  const text = ctx.sentence.text;
  const out: RawFinding[] = [];
  const hasAmount = locateFigures(ctx.sentence).some(isAmount);
  for (const h of yearsIn(text)) {
    const before = text.slice(0, h.at);
    const after = text.slice(h.at + h.printed.length);
    const leading = before.replace(/^[\s*（(【]*(?:\d+|[一二三四五六七八九十]+)?[、.．)）]?\s*/, '') === '';
    if (/(与|较|比|同)\s*$/.test(before) && (h.year < y - 1 || h.year > y)) {
      out.push(hit(ctx, h, 'comparison-year', `与${h.printed.trim()}比较，但本报告年度为 ${y} 年，上年应为 ${y - 1} 年`, `${y - 1}年`));
    } else if (leading && h.year < y - 1 && hasAmount && PRIOR_WORDS.test(ctx.paragraph.text)) {
      out.push(hit(ctx, h, 'prior-year-label', `作为上年数据列示的年份为 ${h.year} 年，${y} 年度报告的上年应为 ${y - 1} 年`, `${y - 1}年`));
    } else if (leading && h.year === y - 1 && /(较|比|与)(上年|上一年|去年)/.test(text)) {
      out.push(hit(ctx, h, 'stale-year', `本年数据标为 ${h.year} 年并与上年比较，本报告年度为 ${y} 年`, `${y}年`));
    } else if ((h.year < y - 1 || h.year > y + 1) && /^[^，。；]{0,10}?绩效(自评|评价)/.test(after)) {
      out.push(hit(ctx, h, 'evaluation-year', `所引绩效自评年份为 ${h.year} 年，本报告评价 ${y} 年度`, `${y}年`, 'warning'));
    }
  }
  return out;
}

function checkHeadings(d: Disclosure, y: number): RawFinding[] {
  const out: RawFinding[] = [];
  // A 决算 heading names the year accounted for; a 预算 heading the year budgeted (not 上年预算执行).
  const word = d.meta.kind === 'budget' ? '预算' : '决算';
  const names = d.meta.kind === 'budget' ? /预算(?!执行)/ : /决算/;
  for (const s of allSections(d)) {
    if (!names.test(s.heading)) continue;
    for (const h of yearsIn(s.heading)) {
      if (h.year === y) continue;
      out.push({
        messageId: 'heading-year', message: `标题中的年份 ${h.year} 与本${word}年度 ${y} 不符`, evidence: h.printed.trim(),
        expected: `${y}年`, at: s.prov, section: sectionLabel(s),
      });
    }
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'text-year-consistency',
    family: 'text',
    title: { zh: '说明中的年份与文档年度不一致', en: 'A year in the text disagrees with the document year' },
    description: 'Headings name the document year; comparisons and prior-year figures name the year before it; the reported year is not stated as the prior year; cited evaluations are of the year evaluated.',
    severity: 'error',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条', 'domain.md §4 item 13（The year … named in the text match the tables）'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    const y = rc.disclosure.meta.year;
    if (!y) {
      rc.skip('the document year is not known');
      return [];
    }
    return [...checkHeadings(rc.disclosure, y), ...sentencesOf(rc.disclosure).flatMap((ctx) => checkSentence(ctx, y))];
  },
});

export default rule;
