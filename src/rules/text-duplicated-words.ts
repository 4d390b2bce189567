/**
 * Words printed twice in a row: '年度年度', '医疗费费', '2024年2024年'. A repeated run of two or more
 * Chinese characters is always flagged except verb reduplication (研究研究) and 一X一X; a doubled single
 * character only for the few characters that never reduplicate in this register (的, 了, 费, 局 …),
 * minus the word boundaries where the pair is legitimate (目的的, 为了了解, 局局长, 费费用).
 */
import type { RawFinding, Rule } from '../check/types.js';
import { located, narrativeFinding, provAt, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const HAN = '[\\u4e00-\\u9fff]';
const REPEATED_RUN = new RegExp(`(${HAN}{2,8})\\1`, 'g');
const REPEATED_YEAR = /(\d{4}\s*年度?)\1/g;
const VERB_REDUPLICATION = new Set(['研究', '讨论', '学习', '考虑', '商量', '休息', '了解', '检查', '整理', '交流', '沟通', '看看', '试试', '谈谈', '说说']);
const SINGLE = /([的了费局从向被或])\1/g;
/** Legitimate doubled characters across a word boundary: [before, after] context patterns. */
const SINGLE_EXCEPTIONS: RegExp[] = [/目的的/, /的的确/, /了了之/, /了了解/, /局局长/, /费费(用|率|标准|额)/, /向向/, /从从/];

function runIsLegit(word: string): boolean {
  return VERB_REDUPLICATION.has(word) || (word.length === 2 && word.startsWith('一')) || /^(.)\1+$/.test(word);
}

function singleIsLegit(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 1), at + 4);
  return SINGLE_EXCEPTIONS.some((re) => re.test(window));
}

function scan(ctx: SentenceContext): RawFinding[] {
  const text = ctx.sentence.text.replace(/\*\*/g, '  ');
  const hits: { at: number; printed: string }[] = [];
  for (const m of text.matchAll(REPEATED_RUN)) if (!runIsLegit(m[1]!)) hits.push({ at: m.index!, printed: m[0] });
  for (const m of text.matchAll(REPEATED_YEAR)) hits.push({ at: m.index!, printed: m[0] });
  for (const m of text.matchAll(SINGLE)) {
    if (!singleIsLegit(text, m.index!) && !hits.some((h) => m.index! >= h.at && m.index! < h.at + h.printed.length)) {
      hits.push({ at: m.index!, printed: m[0] });
    }
  }
  return hits.map((h) => narrativeFinding(ctx, provAt(ctx.sentence, undefined, h.at), {
    messageId: 'duplicated-words', message: `词语重复：“${h.printed}”`, evidence: ctx.sentence.text.slice(h.at, h.at + h.printed.length),
  }));
}

const rule: Rule = located({
  meta: {
    id: 'text-duplicated-words',
    family: 'text',
    title: { zh: '文字重复', en: 'Duplicated words' },
    description: "A word printed twice in a row ('年度年度', '费费', '2024年2024年'); legitimate reduplication (人人, 研究研究, 一个一个) and word boundaries (目的的, 为了了解, 局局长) are not reported.",
    severity: 'warning',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条（公开内容应当真实、准确、规范）', 'domain.md §4 item 13'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap(scan);
  },
});

export default rule;
