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
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]/;

export function cleanLine(raw: RawLine): CleanLine {
  const src = raw.text;
  const drop = new Array<boolean>(src.length).fill(false);
  for (const re of MARKUP_RES) {
    for (const m of src.matchAll(re)) for (let i = m.index; i < m.index + m[0].length; i++) drop[i] = true;
  }
  let level = raw.headingLevel;
  const lead = /^(\s*)(#{1,6})\s+/.exec(keptString(src, drop));
  if (lead) {
    level ??= lead[2]!.length;
    dropLeading(src, drop, lead[0].length);
  }
  const bullet = /^\s*[-•·▪●◆]\s+/.exec(keptString(src, drop));
  if (bullet) dropLeading(src, drop, bullet[0].length);
  const out = squeezeBlanks(src, drop);
  return { ...out, line: raw.line, ...(raw.page !== undefined && { page: raw.page }), ...(level !== undefined && { headingLevel: level }) };
}

function keptString(src: string, drop: boolean[]): string {
  let s = '';
  for (let i = 0; i < src.length; i++) if (!drop[i]) s += src[i];
  return s;
}

/** Drops the first `n` kept characters. */
function dropLeading(src: string, drop: boolean[], n: number): void {
  for (let i = 0; i < src.length && n > 0; i++) {
    if (drop[i]) continue;
    drop[i] = true;
    n--;
  }
}

/** Trims, removes blanks between Chinese characters, collapses other runs of blanks to one space. */
function squeezeBlanks(src: string, drop: boolean[]): CleanText {
  const kept: number[] = [];
  for (let i = 0; i < src.length; i++) if (!drop[i]) kept.push(i);
  let text = '';
  const map: number[] = [];
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    const ch = src[i]!;
    if (!/\s/.test(ch)) {
      text += ch;
      map.push(i);
      continue;
    }
    let j = k;
    while (j + 1 < kept.length && /\s/.test(src[kept[j + 1]!]!)) j++;
    const before = text[text.length - 1];
    const after = j + 1 < kept.length ? src[kept[j + 1]!] : undefined;
    const run = kept.slice(k, j + 1).map((x) => src[x]!);
    const tab = run.includes('\t');
    const wide = run.length >= 2 || run.includes('\u3000');
    if (before !== undefined && after !== undefined && (tab || wide || !(CJK.test(before) && CJK.test(after)))) {
      text += tab ? '\t' : ' ';
      map.push(i);
    }
    k = j;
  }
  return { text, map };
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
