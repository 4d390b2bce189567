/**
 * Common miswritten words of this register, each with its correct form: '购买滴三方' (第三方), '己经'
 * (已经), '部份' (部分), '截止2023年12月31日' (截至: 截止 is the deadline itself, 截至 'as of'),
 * '布署' (部署), '既使' (即使), '一如继往' (一如既往), '再接再励' (再接再厉).
 */
import type { RawFinding, Rule, Severity } from '../check/types.js';
import type { Disclosure } from '../model/index.js';
import { compact, performanceTexts, printedSpan } from './utils/narrative-freetext.js';
import { located, narrativeFinding, provAt } from './utils/narrative-report.js';
import { hasNarrative, sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

interface Typo {
  re: RegExp;
  /** The correct form of the matched text. */
  fix: (m: string) => string;
  severity?: Severity;
}

const TYPOS: Typo[] = [
  { re: /[滴递弟]三方/g, fix: () => '第三方' },
  { re: /第三放/g, fix: () => '第三方' },
  { re: /[己巳]经/g, fix: () => '已经' },
  { re: /部份/g, fix: () => '部分' },
  { re: /截止(?=\s*(?:到)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/g, fix: () => '截至' },
  { re: /布署/g, fix: () => '部署' },
  { re: /既使/g, fix: () => '即使' },
  { re: /一如继往/g, fix: () => '一如既往' },
  { re: /再接再励/g, fix: () => '再接再厉' },
  { re: /按装/g, fix: () => '安装' },
  { re: /帐(?=户|目|簿|务)/g, fix: () => '账', severity: 'info' },
];

function scan(ctx: SentenceContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const t of TYPOS) {
    for (const m of ctx.sentence.text.matchAll(t.re)) {
      const end = (m.index ?? 0) + m[0].length;
      const evidence = ctx.sentence.text.slice(m.index ?? 0, Math.min(end + (m[0].length < 2 ? 1 : 0), ctx.sentence.text.length));
      out.push(narrativeFinding(ctx, provAt(ctx.sentence, undefined, m.index ?? 0), {
        messageId: 'common-typo',
        message: `疑似错别字：“${evidence}”，应为“${t.fix(m[0])}${evidence.slice(m[0].length)}”`,
        evidence,
        expected: `${t.fix(m[0])}${evidence.slice(m[0].length)}`,
        ...(t.severity ? { severity: t.severity } : {}),
      }));
    }
  }
  return out;
}

/** The same words in the 绩效自评表's free text (偏差原因, goals, remarks), matched across wrapped blanks. */
function scanPerformance(d: Disclosure): RawFinding[] {
  const out: RawFinding[] = [];
  for (const t of performanceTexts(d)) {
    const c = compact(t.text);
    for (const typo of TYPOS) {
      for (const m of c.text.matchAll(typo.re)) {
        const evidence = printedSpan(t.text, c, m.index!, m.index! + m[0].length);
        out.push({
          messageId: 'common-typo', message: `疑似错别字：“${evidence}”，应为“${typo.fix(m[0])}”`, evidence,
          expected: typo.fix(m[0]), at: t.at, section: t.where, ...(typo.severity ? { severity: typo.severity } : {}),
        });
      }
    }
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'text-common-typos',
    family: 'text',
    title: { zh: '常见错别字', en: 'Common miswritten words' },
    description: "Words commonly miswritten in disclosures ('滴三方', '己经', '部份', '截止2023年12月31日' for 截至 …), with the correct form.",
    severity: 'warning',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条（公开内容应当真实、准确、规范）', 'GB/T 15834、《通用规范汉字表》', 'domain.md §4 item 13'],
  },
  check(rc) {
    const inTables = scanPerformance(rc.disclosure);
    if (!hasNarrative(rc.disclosure)) {
      if (!rc.disclosure.performance.length) rc.skip('no 情况说明 narrative and no 绩效自评表 text in the document');
      return inTables;
    }
    return [...sentencesOf(rc.disclosure).flatMap(scan), ...inTables];
  },
});

export default rule;
