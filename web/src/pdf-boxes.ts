/**
 * Boxes on a rendered PDF page for a finding, found from the printed text: the text items of the page
 * (as pdf.js gives them, already in viewport pixels) are grouped into visual lines; the line the model
 * cites is found by its text (and its order on the page), then the evidence or the cell inside it.
 * Precision is said: 'cell' (the printed figure or cell), 'line' (the whole printed line — the
 * fallback when the evidence is not printed as such), 'none' (not found on this page).
 */

export interface TextRect { str: string; left: number; top: number; width: number; height: number }
export interface Box { left: number; top: number; width: number; height: number }
export type Precision = 'cell' | 'line' | 'none';

interface Char { item: number; k: number; n: number }
interface VLine { items: number[]; top: number; bottom: number; s: string; map: Char[] }

export const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Text items → visual lines (top to bottom, items left to right), with a squashed string and its char map. */
export function visualLines(items: readonly TextRect[]): VLine[] {
  const order = items.map((_, i) => i).filter((i) => items[i]!.str.trim() !== '' && items[i]!.height > 0)
    .sort((a, b) => items[a]!.top + items[a]!.height / 2 - (items[b]!.top + items[b]!.height / 2));
  const lines: { items: number[]; mid: number; h: number }[] = [];
  for (const i of order) {
    const it = items[i]!;
    const mid = it.top + it.height / 2;
    const last = lines[lines.length - 1];
    if (last && Math.abs(mid - last.mid) < 0.45 * Math.max(it.height, last.h)) {
      last.items.push(i);
      last.h = Math.max(last.h, it.height);
    } else lines.push({ items: [i], mid, h: it.height });
  }
  return lines.map((l) => {
    const sorted = [...l.items].sort((a, b) => items[a]!.left - items[b]!.left);
    let s = '';
    const map: Char[] = [];
    for (const i of sorted) {
      const str = items[i]!.str;
      for (let k = 0; k < str.length; k++) {
        const c = squash(str[k]!);
        for (const ch of c) { s += ch; map.push({ item: i, k, n: str.length }); }
      }
    }
    const tops = sorted.map((i) => items[i]!.top);
    const bottoms = sorted.map((i) => items[i]!.top + items[i]!.height);
    return { items: sorted, top: Math.min(...tops), bottom: Math.max(...bottoms), s, map };
  });
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) { const b = s.slice(i, i + 2); m.set(b, (m.get(b) ?? 0) + 1); }
  return m;
}

/** Dice similarity of character bigrams (0…1). */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let both = 0;
  for (const [k, n] of A) both += Math.min(n, B.get(k) ?? 0);
  return (2 * both) / (a.length - 1 + b.length - 1);
}

function lineScore(s: string, want: string): number {
  if (!s || !want) return 0;
  if (s === want) return 1;
  if (want.length >= 4 && s.includes(want)) return 0.85;
  if (s.length >= Math.min(8, want.length) && want.includes(s)) return 0.8;
  return dice(s, want);
}

function charsBox(items: readonly TextRect[], line: VLine, from: number, to: number): Box {
  let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
  for (let j = from; j < to; j++) {
    const c = line.map[j]!;
    const it = items[c.item]!;
    const w = it.width / c.n;
    left = Math.min(left, it.left + w * c.k);
    right = Math.max(right, it.left + w * (c.k + 1));
    top = Math.min(top, it.top);
    bottom = Math.max(bottom, it.top + it.height);
  }
  return { left, top, width: right - left, height: bottom - top };
}

function lineBox(items: readonly TextRect[], line: VLine): Box {
  return charsBox(items, line, 0, line.map.length);
}

function occurrences(s: string, ev: string): number[] {
  const out: number[] = [];
  if (!ev) return out;
  for (let i = s.indexOf(ev); i >= 0; i = s.indexOf(ev, i + 1)) out.push(i);
  return out;
}

export interface BoxRequest {
  /** The model's text of the cited line (cells joined by tabs). */
  lineText: string;
  /** Its position among the model's lines of this page (0…1), to choose among identical lines. */
  rel: number;
  /** The printed text to box, and the cell index (to choose among repeated figures in the line). */
  evidence?: string;
  cell?: number;
}

export function findBoxes(items: readonly TextRect[], req: BoxRequest, lines: VLine[] = visualLines(items)): { boxes: Box[]; precision: Precision } {
  const want = squash(req.lineText);
  const ev = squash(req.evidence ?? '');
  let best = -1;
  let bestScore = 0;
  lines.forEach((l, i) => {
    const s = lineScore(l.s, want);
    if (s < 0.5) return;
    const rel = lines.length > 1 ? i / (lines.length - 1) : 0;
    const score = s - 0.25 * Math.abs(rel - req.rel);
    if (score > bestScore) { bestScore = score; best = i; }
  });
  // a model line may join several printed lines (a wrapped sentence): take the neighbours it contains
  const group: number[] = [];
  if (best >= 0) {
    group.push(best);
    // the printed lines that spell the model's line in order: a wrapped sentence, or cells printed one
    // under another ('2、三公经费' | '2.49' | '3' | '0.89')
    const at = want.indexOf(lines[best]!.s);
    if (at >= 0 && lines[best]!.s.length < want.length) {
      let from = at;
      for (let i = best - 1; i >= 0; i--) {
        const t = lines[i]!.s;
        if (!t || from - t.length < 0 || want.slice(from - t.length, from) !== t) break;
        group.unshift(i); from -= t.length;
      }
      let to = at + lines[best]!.s.length;
      for (let i = best + 1; i < lines.length; i++) {
        const t = lines[i]!.s;
        if (!t || want.slice(to, to + t.length) !== t) break;
        group.push(i); to += t.length;
      }
    }
  }
  if (ev) {
    // the evidence in the cited line; among repeats, the one nearest the cell's place in the line
    const cells = req.lineText.split('\t');
    const cellOffset = req.cell !== undefined ? squash(cells.slice(0, req.cell).join('')).length : undefined;
    const hits: { line: number; at: number; dist: number }[] = [];
    let base = 0;
    for (const gi of group) {
      for (const at of occurrences(lines[gi]!.s, ev)) hits.push({ line: gi, at, dist: cellOffset === undefined ? 0 : Math.abs(base + at - cellOffset) });
      base += lines[gi]!.s.length;
    }
    hits.sort((a, b) => a.dist - b.dist);
    const hit = hits[0];
    if (hit) return { boxes: [charsBox(items, lines[hit.line]!, hit.at, hit.at + ev.length)], precision: 'cell' };
    // an evidence broken over two printed lines ('占“三公”经费的' | '18.85 %'): the part printed on the
    // cited line, its longest prefix or suffix there that holds the figure
    const digits = /\d/.test(ev);
    for (let k = ev.length - 1; k >= 3; k--) {
      const parts = [ev.slice(ev.length - k), ev.slice(0, k)].filter((x) => !digits || /\d/.test(x));
      for (const part of parts) {
        for (const gi of group) {
          const at = lines[gi]!.s.indexOf(part);
          if (at >= 0 && (at === 0 || at + part.length === lines[gi]!.s.length || part.length >= 6)) {
            return { boxes: [charsBox(items, lines[gi]!, at, at + part.length)], precision: 'cell' };
          }
        }
      }
    }
    // an evidence spanning printed lines (a sentence): box the lines of the group that it covers
    if (group.length > 1 && ev.length >= 6) {
      const covered = group.filter((gi) => lines[gi]!.s.length >= 2 && (ev.includes(lines[gi]!.s) || lines[gi]!.s.includes(ev.slice(0, 6)) || lines[gi]!.s.includes(ev.slice(-6))));
      if (covered.length) return { boxes: covered.map((gi) => lineBox(items, lines[gi]!)), precision: 'cell' };
    }
    // elsewhere on the page, when printed once there
    if (best < 0 && ev.length >= 2) {
      const anywhere = lines.flatMap((l, li) => occurrences(l.s, ev).map((at) => ({ li, at })));
      if (anywhere.length === 1) return { boxes: [charsBox(items, lines[anywhere[0]!.li]!, anywhere[0]!.at, anywhere[0]!.at + ev.length)], precision: 'cell' };
    }
  }
  if (group.length) return { boxes: group.map((gi) => lineBox(items, lines[gi]!)), precision: 'line' };
  return { boxes: [], precision: 'none' };
}
