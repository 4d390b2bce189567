/**
 * Walking the 情况说明 as the model holds it: every sentence with its paragraph, section and the
 * chain of headings above it, so narrative rules can report `section` and look at neighbours.
 */
import type { Disclosure, Paragraph, Section, Sentence } from '../../model/index.js';
import { memoInRun } from '../../check/document-index.js';

export interface SentenceContext {
  sentence: Sentence;
  paragraph: Paragraph;
  section: Section;
  /** Sections from the top-level part down to `section`. */
  path: readonly Section[];
  /** Index of the sentence in its paragraph. */
  index: number;
  /** The sentence before this one in the same paragraph. */
  previous?: Sentence;
  /** Running number of the sentence in document order (0-based). */
  order: number;
}

/** The heading as printed, with its number ('五、一般公共预算财政拨款支出决算情况说明'). */
export function sectionLabel(s: Section): string {
  return `${s.number ?? ''}${s.heading}`.trim();
}

/** Every section in document order (depth first). */
export function allSections(d: Disclosure): Section[] {
  const out: Section[] = [];
  const visit = (s: Section): void => {
    out.push(s);
    s.children.forEach(visit);
  };
  d.sections.forEach(visit);
  return out;
}

/** Every sentence of the narrative in document order, with its context. */
/** Every sentence of the narrative with its context, once per check run (read-only: copy before changing). */
export function sentencesOf(d: Disclosure): SentenceContext[] {
  return memoInRun('narrative-walk:sentences', d, computeSentences);
}

function computeSentences(d: Disclosure): SentenceContext[] {
  const out: SentenceContext[] = [];
  const visit = (s: Section, path: Section[]): void => {
    const here = [...path, s];
    for (const paragraph of s.paragraphs) {
      paragraph.sentences.forEach((sentence, index) => {
        const previous = index > 0 ? paragraph.sentences[index - 1] : undefined;
        out.push({ sentence, paragraph, section: s, path: here, index, order: out.length, ...(previous ? { previous } : {}) });
      });
    }
    s.children.forEach((c) => visit(c, here));
  };
  d.sections.forEach((s) => visit(s, []));
  return out;
}

/** True when the document has any narrative sentence. */
export function hasNarrative(d: Disclosure): boolean {
  return d.sections.some(function any(s: Section): boolean {
    return s.paragraphs.some((p) => p.sentences.length > 0) || s.children.some(any);
  });
}

/** The top-level part a sentence belongs to (for grouping statements of one part). */
export function topSection(ctx: SentenceContext): Section {
  return ctx.path[0] ?? ctx.section;
}
