/**
 * Garbled, repeated fragments inside one clause: '2024年5-12月2024年特殊群体医疗费5-12月…' — a date
 * (year or month) printed again a few characters later with no connector (至, 到, 、, 和 …) between,
 * as happens when two drafts of a sentence are pasted into each other. '2023年1月至2023年12月' and
 * '2022年-2024年' are ranges and not reported.
 */
import type { RawFinding, Rule } from '../check/types.js';
import { located, narrativeFinding, provAt, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const DATE = /\d{4}\s*年(?:度)?|\d{1,2}(?:\s*[-—~～至到]\s*\d{1,2})?\s*月(?:份)?/g;
const CONNECTOR = /至|到|—|～|~|、|和|与|及|或|起|止|以来|以前|以后|之间|期间|同比|相比|较|比|前|后|底|末|内|中|的|[（(]/;
const MAX_GAP = 24;

function norm(token: string): string {
  return token.replace(/\s+/g, '').replace(/度|份/g, '');
}

/** The first repeated date of a clause with no connector between the two: [start, end) of the span. */
function garbledSpan(clause: string): [number, number] | undefined {
  const tokens = [...clause.matchAll(DATE)].map((m) => ({ at: m.index!, end: m.index! + m[0].length, key: norm(m[0]) }));
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j < tokens.length; j++) {
      const a = tokens[i]!;
      const b = tokens[j]!;
      if (a.key !== b.key || b.at - a.end > MAX_GAP) continue;
      const between = clause.slice(a.end, b.at).replace(/\d\s*[-—~～]\s*\d/g, '');
      if (!CONNECTOR.test(between)) return [a.at, b.end];
    }
  }
  return undefined;
}

function scan(ctx: SentenceContext): RawFinding[] {
  const text = ctx.sentence.text;
  const out: RawFinding[] = [];
  let offset = 0;
  for (const clause of text.split(/(?<=[，,。；;：:])/)) {
    const span = garbledSpan(clause);
    if (span) {
      const evidence = clause.slice(span[0], span[1]);
      out.push(narrativeFinding(ctx, provAt(ctx.sentence, undefined, offset + span[0]), {
        messageId: 'garbled-repetition', message: `语句重复错乱：“${evidence}”`, evidence,
      }));
    }
    offset += clause.length;
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'text-garbled-repetition',
    family: 'text',
    title: { zh: '语句重复错乱', en: 'Garbled repeated phrase' },
    description: "A date repeated within a clause with nothing connecting the two ('2024年5-12月2024年…'): the sentence is garbled.",
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
