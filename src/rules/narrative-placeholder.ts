/**
 * Template placeholders left in the published text: a percentage or amount with no number
 * ('下降%', '增长%', '减少万元'), 'XX局', '×××', '**万元', '[ ]', '某某', and the template's
 * alternatives left standing ('增加（减少）2.00万元'). Each is an error: the figure, name or word was
 * never filled in.
 */
import type { RawFinding, Rule } from '../check/types.js';
import { located, narrativeFinding, provAt, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

interface Pattern {
  id: string;
  re: RegExp;
  what: string;
}

const PATTERNS: Pattern[] = [
  { id: 'empty-percent', re: /(增长|下降|增加|减少|降低|上升|提高|下滑|占比|比重为?|比例为?|率为|占[^，。；;%％\d]{0,20}?的|完成[^，。；;%％\d]{0,12}?的)\s*[%％]/g, what: '百分比缺少数值' },
  { id: 'empty-amount', re: /(?<!单位|金额|计量)(增加|减少|增长|下降|为|共计|合计|总计|支出|收入)\s*(万元|元)(?![\u4e00-\u9fa5]{0,4}以[上下])/g, what: '金额缺少数值' },
  { id: 'letters', re: /(?<![A-Za-z])[XxＸｘ×]{2,}(?![A-Za-z])/g, what: '占位符 XX/××' },
  { id: 'someone', re: /某某/g, what: '占位符“某某”' },
  { id: 'template-choice', re: /(增加|增长|上升|提高)\s*[（(/／]\s*(减少|下降|降低)\s*[)）]?|(减少|下降|降低)\s*[（(/／]\s*(增加|增长|上升|提高)\s*[)）]?/g, what: '模板选项未取舍' },
  { id: 'empty-brackets', re: /\[\s*\]|【\s*】|[（(][ \u3000]+[）)]/g, what: '空括号占位符' },
  { id: 'stars', re: /(?:为|共计|合计|计|达|增加|减少|增长|下降|占)\s*[*＊]{2,}\s*(?:万元|元|%|％|个|人|辆|批|次|项|台|套)|\d{2}[*＊]{2,}\s*年|^[*＊]{2,}(?:县|市|区|旗|局)/g, what: '占位符“**”' },
];

/** The words after a match: the rest of the sentence, or — when a page break cut it there — the next paragraph's start. */
function textAfter(ctx: SentenceContext, rest: string): string {
  if (rest.trim() || ctx.index !== ctx.paragraph.sentences.length - 1) return rest;
  const paragraphs = ctx.section.paragraphs;
  return paragraphs[paragraphs.indexOf(ctx.paragraph) + 1]?.text ?? rest;
}

function scan(ctx: SentenceContext): RawFinding[] {
  const text = ctx.sentence.text;
  const out: RawFinding[] = [];
  const seen = new Set<number>();
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const start = m.index ?? 0;
      if (seen.has(start)) continue;
      seen.add(start);
      // '增加（减少）0万元': with nothing changed the unchosen word misleads no one — a warning.
      const zero = p.id === 'template-choice' && /^\s*(0+(\.0+)?)\s*(万元|元|%|％)/.test(textAfter(ctx, text.slice(start + m[0].length)));
      out.push(narrativeFinding(ctx, provAt(ctx.sentence, undefined, start), {
        messageId: p.id, message: `${p.what}：“${m[0]}”（模板内容未填写）`, evidence: m[0].trim(),
        ...(zero ? { severity: 'warning' as const } : {}),
      }));
    }
  }
  for (const f of ctx.sentence.figures) {
    if (f.kind !== 'placeholder') continue;
    const start = text.indexOf(f.printed);
    if (start >= 0 && [...seen].some((s) => Math.abs(s - start) <= f.printed.length)) continue;
    if (start >= 0 && /(单位|金额|计量)$/.test(text.slice(0, start))) continue;
    out.push(narrativeFinding(ctx, f.prov ?? provAt(ctx.sentence, undefined, Math.max(start, 0)), { messageId: 'placeholder', message: `占位符未填写：“${f.printed}”`, evidence: f.printed }));
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-placeholder',
    family: 'narrative',
    title: { zh: '说明中留有未填写的占位符', en: 'Unfilled template placeholder in the text' },
    description: "A percentage or amount with no number ('下降%', '减少万元'), 'XX局', '×××', '**万元', '[ ]' or '某某' left in the published 情况说明.",
    severity: 'error',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条（公开内容应当真实、完整）', 'domain.md §4 item 12（A percentage with no number ("下降%") is a defect）'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap(scan);
  },
});

export default rule;
