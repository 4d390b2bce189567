/**
 * Paragraphs → sentences → figures, with provenance. A paragraph is built from one or more cleaned
 * lines (a sentence may wrap across lines in PDF-extracted text); every character of its text maps
 * back to a line and an offset in that line, so a sentence and each figure know where they stand.
 */
import type { Figure, Paragraph, Provenance, Sentence } from '../../model/index.js';
import { charTable, isBlank, type CleanLine } from './section-clean.js';
import { describeSentence, type DescribedFigure, type SubjectContext } from './figures-describe.js';

/** A paragraph being assembled: its text and, for each joined line, where it starts in the text. */
export interface ParagraphDraft {
  text: string;
  segments: { start: number; clean: CleanLine }[];
}

export function startDraft(clean: CleanLine): ParagraphDraft {
  return { text: clean.text, segments: [{ start: 0, clean }] };
}

export function appendLine(draft: ParagraphDraft, clean: CleanLine): void {
  draft.segments.push({ start: draft.text.length, clean });
  draft.text += clean.text;
}

/** Where the character at `offset` of the paragraph text stands in the source. */
export function locate(draft: ParagraphDraft, offset: number): Provenance {
  // the last segment starting at or before the offset (segments are in text order): a binary search,
  // since a scan of all segments per figure was quadratic in a paragraph of many lines
  const segs = draft.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo]!;
  const c = seg.clean;
  const i = Math.min(Math.max(offset - seg.start, 0), c.map.length - 1);
  const prov: Provenance = { line: c.line, offset: c.map[i] ?? 0 };
  if (c.page !== undefined) prov.page = c.page;
  return prov;
}

const TERMINATOR = /[。；;！!？?]/g;
/** Closing quotes and brackets kept with the sentence before them: ”’」』）)】"' */
const CLOSERS = charTable('”’」』）)】"\'');

/** Sentence spans: split after 。；! ? (keeping closing quotes and brackets with the sentence). */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    let end = m.index + 1;
    while (end < text.length && CLOSERS[text.charCodeAt(end)] === 1) end++;
    pushSpan(out, text, start, end);
    start = end;
    TERMINATOR.lastIndex = end;
  }
  pushSpan(out, text, start, text.length);
  return out;
}

function pushSpan(out: { start: number; end: number }[], text: string, start: number, end: number): void {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}

/** Builds the paragraph: sentences with their figures located in the source. */
export function finishParagraph(draft: ParagraphDraft, heading?: string): Paragraph {
  const ctx: SubjectContext = heading ? { heading } : {};
  const sentences: Sentence[] = splitSentences(draft.text).map(({ start, end }) => {
    const text = draft.text.slice(start, end);
    const figures = describeSentence(text, ctx).map((f) => toFigure(f, locate(draft, start + f.start)));
    return { text, prov: locate(draft, start), figures };
  });
  return { text: draft.text, sentences, prov: locate(draft, 0) };
}

function toFigure(f: DescribedFigure, prov: Provenance): Figure {
  const figure: Figure = { kind: f.kind, printed: f.printed, prov };
  if (f.amount) figure.amount = f.amount;
  if (f.value !== undefined && (f.kind !== 'amount' || !f.amount)) figure.value = f.value;
  if (f.decimals !== undefined && f.kind === 'percent') figure.decimals = f.decimals;
  if (f.unitText) figure.unitText = f.unitText;
  if (f.subject) figure.subject = f.subject;
  figure.role = f.role;
  if (f.direction) figure.direction = f.direction;
  if (f.cue) figure.cue = f.cue;
  return figure;
}

/**
 * The figures of one sentence on its own (no paragraph context), each located at `prov` plus its
 * offset in the sentence: for callers that hold a sentence rather than a document (rule fixtures).
 */
export function figuresOfSentence(text: string, prov: Provenance): Figure[] {
  return describeSentence(text, {}).map((f) => toFigure(f, { ...prov, offset: (prov.offset ?? 0) + f.start }));
}
