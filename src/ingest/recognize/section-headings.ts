/**
 * Heading recognition: 第一部分 / 第X部分, 一、, （一）(一), 1. 1、, (1)（1）, ①, and markdown / reader
 * headings without a number. A numbered line is a heading only when what follows the number reads
 * as a title (short, no comma, no figure); otherwise it is a numbered list item (a paragraph).
 * A title may be followed on the same line by its first paragraph: '（一）预算绩效管理工作开展情况。根据…'.
 */
import { topicOfHeading } from '../../catalog/sections.js';
import type { CleanLine } from './section-clean.js';

export interface HeadingMatch {
  /** Numbering style ('part', 'cn', 'paren-cn', 'arabic-dot', 'arabic-dun', 'paren-arabic', 'circled') or 'h<level>'. */
  style: string;
  /** The number's value (一 → 1), when numbered. */
  ordinal?: number;
  /** The printed number: '第三部分', '一、', '（二）', '1.'. */
  number?: string;
  /** The title without its number (may be '' for '# 第一部分' whose title is on the next line). */
  title: string;
  /** Offset in the clean text where an inline first paragraph starts. */
  bodyStart?: number;
  /** The line carries table-of-contents leaders or a page number ('……  5'). */
  leaders: boolean;
}

const CN_NUM = '[一二三四五六七八九十百零〇两]+';
const NUMBERINGS: readonly { style: string; re: RegExp }[] = [
  { style: 'part', re: new RegExp(`^第\\s*(${CN_NUM}|\\d{1,2})\\s*部分\\s*[、:：.]?\\s*`) },
  { style: 'chapter', re: new RegExp(`^第\\s*(${CN_NUM}|\\d{1,2})\\s*章\\s*`) },
  { style: 'cn', re: new RegExp(`^(${CN_NUM})\\s*[、.．,，]\\s*`) },
  { style: 'paren-cn', re: new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]\\s*[、.．]?\\s*`) },
  { style: 'arabic-dot', re: /^(\d{1,2})\s*[.．](?![\d.．])\s*/ },
  { style: 'arabic-dun', re: /^(\d{1,2})\s*[、，]\s*/ },
  { style: 'paren-arabic', re: /^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*/ },
  { style: 'arabic-paren', re: /^(\d{1,2})\s*[)）]\s*/ },
  { style: 'circled', re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*/ },
];

/** A character some numbering can start with: lines starting otherwise skip the numbering patterns. */
const NUMBER_START = /^[第一二三四五六七八九十百零〇两（(0-9①-⑳]/;

const TERMINATORS = /[。；;！!？?：:]/;
const LEADERS = /\s*(?:(?:[.．·•…]{2,}|[-—_]{3,})\s*\d*|\s\d{1,3})\s*$/;
const HEADINGISH = /(情况|说明|概况|职责|职能|设置|问题|措施|建议|结论|分析|目标|结果|评价|解释|附件|附表|决算表|报告)$/;
const FIGURE_LIKE = /\d\s*(万元|亿元|元|%|％|个(?!人)|人(?![员民])|辆|批|次|台|项(?!目)|家|户|件|分(?!类))/;

export function parseHeading(c: CleanLine): HeadingMatch | null {
  const text = c.text;
  if (!text) return null;
  if (NUMBER_START.test(text)) {
    const numbered = numberedHeading(text);
    if (numbered !== undefined) return numbered;
  }
  if (c.headingLevel !== undefined) {
    const { title, leaders } = stripLeaders(text);
    if (title.length <= 60 && !/[。；;]/.test(title.slice(0, -1))) return { style: `h${c.headingLevel}`, title, leaders };
  }
  return null;
}

/** The heading a numbered line makes, null for a numbered list item, undefined when the line has no number. */
function numberedHeading(text: string): HeadingMatch | null | undefined {
  for (const { style, re } of NUMBERINGS) {
    const m = re.exec(text);
    if (!m) continue;
    const restStart = m[0].length;
    const base = { style, ordinal: numberValue(m[1]!), number: m[0].trim() };
    if (style === 'part' || style === 'chapter') return partHeading(base, text.slice(restStart));
    const split = splitTitle(text.slice(restStart));
    if (!split) return null;
    const heading: HeadingMatch = { style, ordinal: base.ordinal, number: base.number, title: split.title, leaders: split.leaders };
    if (split.bodyStart !== undefined) heading.bodyStart = restStart + split.bodyStart;
    return heading;
  }
  return undefined;
}

function partHeading(base: { style: string; ordinal: number; number: string }, rest: string): HeadingMatch | null {
  const { title, leaders } = stripLeaders(rest.trim());
  if (title.length > 40 || /[，,。]/.test(title)) return null;
  return { ...base, title, leaders };
}

/** What follows the number: a title (maybe with an inline body after it), or null for a list item. */
function splitTitle(rest: string): { title: string; bodyStart?: number; leaders: boolean } | null {
  const { title: r, leaders } = stripLeaders(rest);
  if (!r) return null;
  const k = r.search(TERMINATORS);
  if (k < 0) return isTitleLike(r) ? { title: r, leaders } : null;
  const head = r.slice(0, k).trim();
  const colon = /[：:]/.test(r[k]!);
  if (!isTitleLike(head) || head.length > (colon ? 30 : 25)) return null;
  if (!colon && !HEADINGISH.test(head)) return null;
  const after = r.slice(k + 1);
  const bodyOffset = after.length - after.trimStart().length;
  if (!after.trim()) return { title: head, leaders };
  return { title: head, bodyStart: k + 1 + bodyOffset + (rest.length - rest.trimStart().length), leaders };
}

/**
 * '一、部门职责 负责全县…': a numbered title and its first paragraph separated by a blank on the line
 * as read (the clean text has lost that blank). The title must name a catalogue section.
 */
export function parseSpacedHeading(rawText: string, c: CleanLine): HeadingMatch | null {
  const trimmed = rawText.trimStart();
  if (!NUMBER_START.test(trimmed)) return null;
  const lead = rawText.length - trimmed.length;
  for (const { style, re } of NUMBERINGS) {
    const m = re.exec(trimmed);
    if (!m || style === 'part' || style === 'chapter') continue;
    const spaced = /^(\S{2,20})\s+(?=\S)/.exec(trimmed.slice(m[0].length));
    const title = spaced?.[1];
    if (!spaced || !title || !isTitleLike(title) || !HEADINGISH.test(title) || !topicOfHeading(title)) return null;
    const rawBody = lead + m[0].length + spaced[0].length;
    const bodyStart = c.map.findIndex((x) => x >= rawBody);
    if (bodyStart < 0) return null;
    return { style, ordinal: numberValue(m[1]!), number: m[0].trim(), title, bodyStart, leaders: false };
  }
  return null;
}

export function isTitleLike(s: string): boolean {
  return s.length >= 1 && s.length <= 40 && !/[，,；;。]/.test(s) && !FIGURE_LIKE.test(s);
}

function stripLeaders(s: string): { title: string; leaders: boolean } {
  const m = LEADERS.exec(s);
  if (m && m.index > 0) return { title: s.slice(0, m.index).trim(), leaders: true };
  return { title: s.trim(), leaders: false };
}

/** A line that is the 目录 (table of contents) marker. */
export function isTocMarker(text: string): boolean {
  return /^(目\s*录|目\s*次|contents)[:：]?$/i.test(text.trim());
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** '十二' → 12, '二十六' → 26, '3' → 3, '③' → 3. */
export function numberValue(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const circled = CIRCLED.indexOf(s);
  if (circled >= 0) return circled + 1;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = CN_DIGITS[ch] ?? 0;
  }
  return total + current;
}

/** Short line that reads as a title on its own: no punctuation, no figure ('一般公共预算财政拨款支出决算结构情况'). */
export function isStandaloneTitle(text: string): boolean {
  return text.length <= 30 && isTitleLike(text) && !/[：:、]/.test(text);
}
