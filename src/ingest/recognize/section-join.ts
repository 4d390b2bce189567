/**
 * Whether a line continues the paragraph before it. PDF-extracted text wraps sentences at the page
 * width, sometimes with a blank line between the parts ('…其中：公务用' / '' / '车购置费 0.00 万元'):
 * a line continues the previous one when that one stops mid-sentence — no closing punctuation, and
 * either long (a full printed line) or ending on a comma or an open bracket — and the new line does
 * not start a numbered item.
 */
import type { CleanLine } from './section-clean.js';
import { isStandaloneTitle } from './section-headings.js';
import type { ParagraphDraft } from './sentences.js';

/** The paragraph ends on 。；! ? or a colon, maybe followed by closing quotes and brackets. */
const CLOSING_PUNCTUATION = '。；;！!？?：:';
const CLOSING_QUOTES = '"”’」』）)】';
const OPEN_END = /[，,、（(“‘《\-—+=]$/;
const STARTS_ITEM =
  /^(?:\d{1,2}\s*[.．、](?![\d.．])|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、|[①②③④⑤⑥⑦⑧⑨⑩]|第[一二三四五六七八九十\d]+部分|注\s*\d?\s*[：:.]|附件|附表|图\s*\d|表\s*\d)/;
const LEADS_ITEMS = /^(?:其中|具体(?:情况)?如下)\s*[：:]$/;
/** A printed line shorter than this, ending without a comma, is taken as complete. */
const MIN_WRAPPED_LENGTH = 20;

export function joinsPrevious(draft: ParagraphDraft, next: CleanLine): boolean {
  const prev = draft.segments.at(-1)!.clean.text;
  // '其中：' alone on a line leads the items of the figure just stated: a full printed line may
  // end on '。' right before it (PDF), it is still that paragraph's
  if (LEADS_ITEMS.test(next.text) && !isStandaloneTitle(draft.text)) return true;
  if (closesParagraph(draft)) return false;
  if (draft.segments.length === 1 && isStandaloneTitle(draft.text)) return false;
  if (STARTS_ITEM.test(next.text)) return false;
  return prev.length >= MIN_WRAPPED_LENGTH || OPEN_END.test(prev);
}

/**
 * Reads only the end of the paragraph, from its last segments: the paragraph text grows by
 * concatenation line by line, and reading a character of it flattens the whole string each time
 * (a 20k-line paragraph took minutes).
 */
function closesParagraph(draft: ParagraphDraft): boolean {
  for (let s = draft.segments.length - 1; s >= 0; s--) {
    const text = draft.segments[s]!.clean.text;
    let end = text.length;
    while (end > 0 && CLOSING_QUOTES.includes(text[end - 1]!)) end--;
    if (end > 0) return CLOSING_PUNCTUATION.includes(text[end - 1]!);
  }
  return false;
}
