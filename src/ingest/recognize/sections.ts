/**
 * recognizeSections: the narrative as a tree of headed sections (第一部分 …, 一、, （一）, 1., (1), markdown
 * headings), each with paragraphs → sentences → figures, from the lines the table recognizers did not
 * consume. Nesting follows the numbering styles as they appear: a style already open closes back to
 * its level (a sibling); a new style opens a child. A number that continues an open heading of
 * another style ('5、' after '四、') is taken as that heading's sibling.
 */
import type { Section } from '../../model/index.js';
import type { RawDocument } from '../raw.js';
import { topicOfHeading } from '../../catalog/sections.js';
import { headingSubject } from './figures-cues.js';
import type { HeadingMatch } from './section-headings.js';
import { isStandaloneTitle } from './section-headings.js';
import { classifyLines, type LineItem } from './section-lines.js';
import { appendLine, finishParagraph, startDraft, type ParagraphDraft } from './sentences.js';
import { joinsPrevious } from './section-join.js';

export { figuresOfSentence } from './sentences.js';

/** Under these, headings are entries (glossary terms, table titles), not sections of their own topic. */
const OPAQUE_TOPICS = new Set(['glossary', 'tables', 'attachments']);

interface Frame {
  section: Section;
  style: string;
  ordinal?: number;
  drafts: ParagraphDraft[];
}

interface Builder {
  roots: Section[];
  stack: Frame[];
  preamble: ParagraphDraft[];
  frames: Frame[];
  draft?: ParagraphDraft;
  nextId: number;
}

export function recognizeSections(raw: RawDocument, consumed: Set<number>): Section[] {
  const items = classifyLines(raw, consumed);
  const b: Builder = { roots: [], stack: [], preamble: [], frames: [], nextId: 1 };
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'break') flush(b);
    else if (it.kind === 'heading') {
      flush(b);
      i = openHeading(b, items, i);
    } else if (it.kind === 'text') {
      if (b.draft && (joinsPrevious(b.draft, it.clean) || continuesInlineBody(items, i, b.draft))) appendLine(b.draft, it.clean);
      else {
        flush(b);
        b.draft = startDraft(it.clean);
      }
    }
  }
  flush(b);
  for (const f of b.frames) {
    const subject = headingSubject(f.section.heading);
    f.section.paragraphs = f.drafts.map((d) => finishParagraph(d, subject));
  }
  const roots = prune(b.roots);
  const preamble = preambleSection(b.preamble);
  return preamble ? [preamble, ...roots] : roots;
}

/**
 * The line after a heading's inline body ('6. 卫生健康支出（类）…（项）：年初预算' / '为1450.00万元，…')
 * continues it when the body was cut at the line end (no closing punctuation).
 */
function continuesInlineBody(items: LineItem[], i: number, draft: ParagraphDraft): boolean {
  const body = items[i - 1];
  const heading = items[i - 2];
  if (body?.kind !== 'text' || heading?.kind !== 'heading' || heading.heading.bodyStart === undefined || draft.segments.length !== 1) return false;
  return !/[。；;！!？?：:][”’」』）)]*$/.test(draft.text);
}

function flush(b: Builder): void {
  if (!b.draft) return;
  (b.stack.at(-1)?.drafts ?? b.preamble).push(b.draft);
  b.draft = undefined;
}

/** Opens the section of the heading at `i`; returns the index of the last item it used. */
function openHeading(b: Builder, items: LineItem[], i: number): number {
  const it = items[i] as Extract<LineItem, { kind: 'heading' }>;
  let heading = it.heading;
  let last = i;
  if (!heading.title && (heading.style === 'part' || heading.style === 'chapter')) {
    const next = nextContent(items, i + 1);
    const title = next === undefined ? undefined : titleOf(items[next]!);
    if (title) {
      heading = { ...heading, title };
      last = next!;
    }
  }
  placeInStack(b.stack, heading);
  const section: Section = {
    id: `sec-${b.nextId++}`,
    heading: heading.title,
    level: b.stack.length,
    paragraphs: [],
    children: [],
    prov: { line: it.clean.line, ...(it.clean.page !== undefined && { page: it.clean.page }) },
  };
  if (heading.number) section.number = heading.number;
  const topic = b.stack.some((f) => OPAQUE_TOPICS.has(f.section.topic ?? '')) ? undefined : topicOfHeading(heading.title);
  if (topic) section.topic = topic;
  const parent = b.stack.at(-1);
  (parent ? parent.section.children : b.roots).push(section);
  const frame: Frame = { section, style: heading.style, drafts: [], ...(heading.ordinal !== undefined && { ordinal: heading.ordinal }) };
  b.stack.push(frame);
  b.frames.push(frame);
  return last;
}

function nextContent(items: LineItem[], from: number): number | undefined {
  for (let k = from; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'blank') continue;
    return it.kind === 'break' ? undefined : k;
  }
  return undefined;
}

/** The title of a part printed on the line after its number ('# 第一部分' / '## 单位概况'). */
function titleOf(it: LineItem): string | undefined {
  if (it.kind === 'heading' && (it.heading.style.startsWith('h') || it.heading.style === 'plain')) return it.heading.title;
  if (it.kind === 'text' && isStandaloneTitle(it.clean.text)) return it.clean.text;
  return undefined;
}

/** Pops the stack to where the heading belongs. */
function placeInStack(stack: Frame[], h: HeadingMatch): void {
  if (h.style === 'part') {
    stack.length = 0;
    return;
  }
  if (h.style === 'plain') {
    // An unnumbered heading naming a catalogue section is a peer of the last section that names one.
    const idx = findLastIndex(stack, (f) => f.style === 'plain' || f.section.topic !== undefined);
    if (idx >= 0 && stack[idx]!.style !== 'part') stack.length = idx;
    return;
  }
  const level = markdownLevel(h.style);
  let idx = level !== undefined
    ? stack.findIndex((f) => (markdownLevel(f.style) ?? -1) >= level)
    : findLastIndex(stack, (f) => f.style === h.style);
  if (idx < 0 && level === undefined && h.ordinal !== undefined && h.ordinal > 1) {
    idx = findLastIndex(stack, (f) => f.ordinal === h.ordinal! - 1 && markdownLevel(f.style) === undefined);
  }
  if (idx >= 0) stack.length = idx;
}

function markdownLevel(style: string): number | undefined {
  const m = /^h(\d)$/.exec(style);
  return m ? Number(m[1]) : undefined;
}

function findLastIndex<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}

/** Drops unnumbered headings with nothing under them (a title repeated as a heading). */
function prune(sections: Section[]): Section[] {
  for (const s of sections) s.children = prune(s.children); // sections of this call only: changed in place
  return sections.filter((s) => s.number !== undefined || s.paragraphs.length > 0 || s.children.length > 0);
}

/** Text before the first heading becomes an untitled section when it is prose (not just the title). */
function preambleSection(drafts: ParagraphDraft[]): Section | undefined {
  const prose = drafts.filter((d) => /[。；;！!？?]/.test(d.text));
  if (!prose.length) return undefined;
  const first = prose[0]!.segments[0]!.clean;
  return {
    id: 'sec-0',
    heading: '',
    level: 0,
    paragraphs: prose.map((d) => finishParagraph(d)),
    children: [],
    prov: { line: first.line, ...(first.page !== undefined && { page: first.page }) },
  };
}
