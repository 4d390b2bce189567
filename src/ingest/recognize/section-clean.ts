/**
 * Cleans one line of narrative text for recognition while remembering, for every character kept,
 * its offset in the line as read — so sentences and figures keep exact provenance.
 * Removed: markup (<b>, **bold**, [bookmark: …]), a markdown heading's '#'s, list bullets, blanks at
 * the ends and a single blank between two Chinese characters (a PDF extraction artefact); a wider run
 * (two blanks, an ideographic space) stays one space, and a run with a tab (a cell boundary) one tab,
 * which ends a clause.
 */
import type { RawLine } from '../raw.js';

export interface CleanText {
  text: string;
  /** map[i] = offset in the raw line of text[i]. */
  map: number[];
}

export interface CleanLine extends CleanText {
  line: number;
  page?: number;
  /** Markdown '#' count or the reader's heading level. */
  headingLevel?: number;
}

const MARKUP_RES: readonly RegExp[] = [/\[bookmark:[^\]]*\]/g, /<\/?[a-zA-Z][^>]*>/g, /\*\*|__/g];
const MARKDOWN_LEAD = /^(\s*)(#{1,6})\s+/;
const BULLET = /^\s*[-•·▪●◆]\s+/;

export function cleanLine(raw: RawLine): CleanLine {
  const src = raw.text;
  const kept = keptIndices(src);
  const keptText = kept ? kept.map((i) => src[i]!).join('') : src;
  let level = raw.headingLevel;
  let skip = 0;
  const lead = keptText.includes('#') ? MARKDOWN_LEAD.exec(keptText) : null;
  if (lead) {
    level ??= lead[2]!.length;
    skip = lead[0].length;
  }
  const bullet = BULLET.exec(skip ? keptText.slice(skip) : keptText);
  if (bullet) skip += bullet[0].length;
  const out = squeezeBlanks(keptText, kept, skip);
  const clean: CleanLine = { text: out.text, map: out.map, line: raw.line };
  if (raw.page !== undefined) clean.page = raw.page;
  if (level !== undefined) clean.headingLevel = level;
  return clean;
}

/** Offsets of the characters markup leaves, or null when there is no markup (every character kept). */
function keptIndices(src: string): number[] | null {
  if (!src.includes('[') && !src.includes('<') && !src.includes('**') && !src.includes('__')) return null;
  let drop: boolean[] | undefined;
  for (const re of MARKUP_RES) {
    for (const m of src.matchAll(re)) {
      drop ??= new Array<boolean>(src.length).fill(false);
      for (let i = m.index; i < m.index + m[0].length; i++) drop[i] = true;
    }
  }
  if (!drop) return null;
  const kept: number[] = [];
  for (let i = 0; i < src.length; i++) if (!drop[i]) kept.push(i);
  return kept;
}

/** A lookup table by UTF-16 code unit: 1 for the characters given (a Set of strings is slow per character). */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** JavaScript's \s, by code unit. */
export function isBlank(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The CJK class of section cleaning: ideographs, CJK punctuation, full-width forms and curly quotes. */
function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

/**
 * Trims, removes blanks between Chinese characters, collapses other runs of blanks to one space.
 * `text` is the line without markup, `kept[k]` the raw offset of text[k] (identity when null);
 * the first `from` characters are dropped.
 */
function squeezeBlanks(text: string, kept: number[] | null, from: number): CleanText {
  const at = (k: number) => (kept ? kept[k]! : k);
  let out = '';
  const map: number[] = [];
  let last = -1;
  const n = text.length;
  let k = from;
  while (k < n) {
    let j = k;
    while (j < n && !isBlank(text.charCodeAt(j))) j++;
    for (let x = k; x < j; x++) map.push(kept ? kept[x]! : x);
    if (j > k) {
      out += text.slice(k, j);
      last = text.charCodeAt(j - 1);
    }
    if (j >= n) break;
    let tab = false;
    let ideographic = false;
    let e = j;
    for (; e < n; e++) {
      const c = text.charCodeAt(e);
      if (!isBlank(c)) break;
      if (c === 9) tab = true;
      else if (c === 0x3000) ideographic = true;
    }
    if (last >= 0 && e < n && (tab || ideographic || e - j >= 2 || !(isCjk(last) && isCjk(text.charCodeAt(e))))) {
      out += tab ? '\t' : ' ';
      map.push(at(j));
    }
    k = e;
  }
  return { text: out, map };
}

/** A slice of a cleaned text, keeping its map. */
export function sliceClean<T extends CleanText>(c: T, start: number, end = c.text.length): T {
  return { ...c, text: c.text.slice(start, end), map: c.map.slice(start, end) };
}

/** Drops leading and trailing blanks of a cleaned text. */
export function trimClean<T extends CleanText>(c: T): T {
  const start = c.text.length - c.text.trimStart().length;
  const end = c.text.trimEnd().length;
  return start === 0 && end === c.text.length ? c : sliceClean(c, start, Math.max(start, end));
}
