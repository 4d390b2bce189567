/**
 * The document's own 目录: the headings it lists after a line '目 录', up to where the body begins
 * (an entry printed a second time, a long line of text, or a table). Leader dots and page numbers
 * are cut. The completeness rules judge a document by the parts its 目录 names.
 */
import type { Disclosure, Provenance } from '../../model/index.js';

export interface TocHeading { text: string; prov: Provenance }

const TOC_TITLE = /^\s*目\s*录\s*$/;
// each run tried from its first character only (lookbehinds): from every character of a long run it was quadratic
const LEADERS = /(?<![.．。…·•\-－—_\s])[.．。…·•\-－—_\s]{3,}\s*\d*\s*$|(?<!\s)\s+\d{1,3}\s*$/;
const MAX_ENTRIES = 80;

const memo = new WeakMap<Disclosure, TocHeading[]>();

function scan(d: Disclosure): TocHeading[] {
  const start = d.lines.findIndex((l) => TOC_TITLE.test(l.text));
  if (start < 0) return [];
  const out: TocHeading[] = [];
  const seen = new Set<string>();
  for (const l of d.lines.slice(start + 1)) {
    const raw = l.text.trim();
    if (!raw) continue;
    const text = raw.replace(LEADERS, '').trim();
    const key = text.replace(/\s+/g, '');
    // The body begins: an entry printed again (the first heading), prose, or too many lines.
    if (seen.has(key) || (raw.length > 60 && !LEADERS.test(raw)) || /[。；]$/.test(text) || out.length >= MAX_ENTRIES) break;
    if (!key) continue;
    seen.add(key);
    out.push({ text, prov: { line: l.line, ...(l.page !== undefined ? { page: l.page } : {}) } });
  }
  return out;
}

/** The 目录 entries of the document, in order (empty when it prints no 目录). */
export function tocHeadings(d: Disclosure): TocHeading[] {
  let r = memo.get(d);
  if (!r) memo.set(d, (r = scan(d)));
  return r;
}
