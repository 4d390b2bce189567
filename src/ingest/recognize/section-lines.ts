/**
 * Classifies the lines the table recognizers left: headings, text, blanks and breaks (a line that
 * belongs to a table), and removes the table of contents (目录): a block of headings with no text
 * under them that the body repeats.
 */
import { topicOfHeading } from '../../catalog/sections.js';
import type { RawDocument, RawLine } from '../raw.js';
import { cleanLine, sliceClean, trimClean, type CleanLine } from './section-clean.js';
import { isStandaloneTitle, isTocMarker, parseHeading, parseSpacedHeading, type HeadingMatch } from './section-headings.js';

export type LineItem =
  | { kind: 'heading'; clean: CleanLine; heading: HeadingMatch }
  | { kind: 'text'; clean: CleanLine }
  | { kind: 'blank' }
  | { kind: 'break' };

export function classifyLines(raw: RawDocument, consumed: Set<number>): LineItem[] {
  const items: LineItem[] = [];
  let numberedSeen = false;
  for (const line of raw.lines) {
    if (consumed.has(line.line) || isTableRow(line)) {
      items.push({ kind: 'break' });
      continue;
    }
    const clean = cleanLine(line);
    if (!clean.text || PAGE_MARK.test(clean.text)) {
      items.push({ kind: 'blank' });
      continue;
    }
    // Before the first numbered heading, an unnumbered line is the title, not a section.
    const heading = parseHeading(clean) ?? parseSpacedHeading(line.text, clean) ?? (numberedSeen ? plainHeading(clean) : null);
    if (heading?.ordinal !== undefined) numberedSeen = true;
    if (!heading) {
      items.push({ kind: 'text', clean });
      continue;
    }
    items.push({ kind: 'heading', clean, heading });
    if (heading.bodyStart !== undefined) items.push({ kind: 'text', clean: trimClean(sliceClean(clean, heading.bodyStart)) });
  }
  return dropToc(items);
}

/** An unnumbered line that names a catalogue section on its own ('政府采购情况'), not a table title. */
function plainHeading(clean: CleanLine): HeadingMatch | null {
  const text = clean.text;
  if (!isStandaloneTitle(text) || /表$/.test(text) || !topicOfHeading(text)) return null;
  return { style: 'plain', title: text, leaders: false };
}

/** A page number or running footer between two parts of a sentence: '- 3 -', '第 3 页 共 12 页', '3/12'. */
const PAGE_MARK = /^[-—–·\s]*(?:第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*\/\s*\d{1,4})?)[-—–·\s]*$/;

/**
 * A table row: several filled cells, or one short cell without sentence punctuation. A line split
 * into cells by wide blanks but reading as prose (sentence punctuation, mostly words) is text.
 */
function isTableRow(line: RawLine): boolean {
  if (!line.tabular) return false;
  const filled = line.cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 1) return filled[0]!.length < 20 && !/[。；;]/.test(filled[0]!);
  if (filled.length === 0) return false;
  return !readsAsProse(filled);
}

function readsAsProse(cells: string[]): boolean {
  const joined = cells.join('');
  const numeric = cells.filter((c) => /^[-+]?[\d,，.．%％\s]+$/.test(c)).length;
  const cjk = (joined.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return /[。；，]/.test(joined) && numeric * 2 < cells.length && cjk >= 15 && cells.length <= 4;
}

/** Replaces the 目录 block (and a marker-less one the body repeats) by breaks. */
export function dropToc(items: LineItem[]): LineItem[] {
  const out = [...items];
  for (let i = 0; i < out.length; i++) {
    const it = out[i]!;
    const marker = it.kind !== 'blank' && it.kind !== 'break' && isTocMarker(it.clean.text);
    const end = marker ? tocEnd(out, i + 1) : unmarkedTocEnd(out, i);
    if (end === undefined) continue;
    for (let k = i; k < end; k++) out[k] = { kind: 'break' };
    i = end - 1;
  }
  return out;
}

function sameHeading(a: HeadingMatch, b: HeadingMatch, strict: boolean): boolean {
  if (a.style !== b.style || a.ordinal !== b.ordinal) return false;
  if (a.ordinal === undefined || strict) return a.title === b.title || (!strict && (!a.title || !b.title));
  return true;
}

const TOC_ENTRY = /^[^。；;]{2,60}?\s*(?:[.．·•…]{4,}|[-—_]{4,})\s*\d{1,4}\s*$/;

/** After a 目录 marker: the block ends where its first heading comes again, or at the first prose or table. */
function tocEnd(items: LineItem[], from: number): number {
  let first: HeadingMatch | undefined;
  for (let k = from; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'blank') continue;
    if (it.kind === 'break') return k;
    if (it.kind === 'heading') {
      if (first && sameHeading(first, it.heading, false)) return bodyStart(items, from, k);
      first ??= it.heading;
      continue;
    }
    // A 目录 entry of a table ('收入支出决算总表……5'): a title with leaders and a page number.
    if (TOC_ENTRY.test(it.clean.text)) continue;
    if (!isStandaloneTitle(it.clean.text.replace(/[《》“”]/g, ''))) return k;
  }
  return items.length;
}

/** The body may open with a heading of a style the 目录 never used ('第一部分' before a repeated '一、'). */
function bodyStart(items: LineItem[], from: number, k: number): number {
  const usedBefore = (style: string, end: number) =>
    items.slice(from, end).some((it) => it.kind === 'heading' && it.heading.style === style);
  let j = k;
  while (j - 1 > from) {
    const prev = items[j - 1]!;
    if (prev.kind === 'blank') j--;
    else if (prev.kind === 'heading' && !prev.heading.leaders && !usedBefore(prev.heading.style, j - 1)) j--;
    else break;
  }
  while (j < k && items[j]!.kind === 'blank') j++;
  return j;
}

/** Without a marker: ≥ 4 headings with nothing under them, and the body starts with the first of them again. */
function unmarkedTocEnd(items: LineItem[], from: number): number | undefined {
  const start = items[from];
  if (start?.kind !== 'heading') return undefined;
  let headings = 0;
  let k = from;
  for (; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'blank') continue;
    if (it.kind !== 'heading') break;
    if (headings > 0 && sameHeading(start.heading, it.heading, true)) break;
    headings++;
  }
  const next = items[k];
  if (headings >= 4 && next?.kind === 'heading' && sameHeading(start.heading, next.heading, true)) return k;
  return undefined;
}
