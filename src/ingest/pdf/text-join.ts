/**
 * Text boxes → strings: visual lines by baseline, words joined by their gaps, wrapped lines of a
 * cell joined without a space between Chinese characters; a box that pdfjs merged across a
 * vertical ruling is split at the space nearest to the ruling.
 */
import { isCjk } from '../normalize.js';
import type { Segment, TextBox } from './page.js';

/** Visual lines: boxes grouped by baseline (tolerance half the font size), top to bottom, each sorted by x. */
export function visualLines(boxes: TextBox[]): TextBox[][] {
  const sorted = [...boxes].sort((p, q) => p.base - q.base || p.x0 - q.x0);
  const lines: { base: number; size: number; boxes: TextBox[] }[] = [];
  for (const b of sorted) {
    const line = lines.find((l) => Math.abs(l.base - b.base) <= 0.5 * Math.min(l.size, b.size) && !overlapsAny(l.boxes, b));
    if (line) line.boxes.push(b);
    else lines.push({ base: b.base, size: b.size, boxes: [b] });
  }
  return lines.sort((p, q) => p.base - q.base).map((l) => l.boxes.sort((p, q) => p.x0 - q.x0));
}

function overlapsAny(boxes: TextBox[], b: TextBox): boolean {
  return boxes.some((o) => Math.min(o.x1, b.x1) - Math.max(o.x0, b.x0) > 0.5 * Math.min(o.x1 - o.x0, b.x1 - b.x0) && Math.abs(o.base - b.base) > 0.5);
}

/** Joins the boxes of one visual line (sorted by x) into text. */
export function joinLine(boxes: TextBox[]): string {
  let out = '';
  let prev: TextBox | undefined;
  for (const b of boxes) {
    if (prev) {
      const gap = b.x0 - prev.x1;
      const size = Math.min(prev.size, b.size);
      const last = out.at(-1);
      const next = b.str[0];
      const cjkEdge = isCjk(last) || isCjk(next);
      if (gap > (cjkEdge ? 0.27 : 0.12) * size && last !== ' ' && next !== ' ') out += ' ';
    }
    out += b.str;
    prev = b;
  }
  return out;
}

/** Joins wrapped lines of one cell: a space only between two Latin words, none around Chinese, digits or punctuation. */
export function joinWrapped(lines: string[]): string {
  let out = '';
  for (const l of lines.map((s) => s.trim()).filter(Boolean)) {
    const [last, next] = [out.at(-1) ?? '', l[0] ?? ''];
    if (out && /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(next) && /[A-Za-z]/.test(last + next)) out += ' ';
    out += l;
  }
  return out;
}

function charWeight(ch: string): number {
  if (ch === ' ') return 0.3;
  return isCjk(ch) ? 1 : 0.55;
}

/** Splits a box at a space near x (estimating character positions from their widths). */
function splitAt(box: TextBox, x: number): TextBox[] {
  const chars = [...box.str];
  const weights = chars.map(charWeight);
  const total = weights.reduce((a, w) => a + w, 0);
  const scale = (box.x1 - box.x0) / total;
  let pos = box.x0;
  let best = -1;
  let bestDist = Infinity;
  chars.forEach((ch, i) => {
    const w = weights[i]! * scale;
    if (ch === ' ' && Math.abs(pos + w / 2 - x) < bestDist) {
      best = i;
      bestDist = Math.abs(pos + w / 2 - x);
    }
    pos += w;
  });
  if (best <= 0 || best >= chars.length - 1 || bestDist > 3 * box.size) return [box];
  const leftW = weights.slice(0, best).reduce((a, w) => a + w, 0) * scale;
  const rightStart = weights.slice(0, best + 1).reduce((a, w) => a + w, 0) * scale;
  return [
    { ...box, str: chars.slice(0, best).join('').trimEnd(), x1: box.x0 + leftW },
    { ...box, str: chars.slice(best + 1).join('').trimStart(), x0: box.x0 + rightStart },
  ];
}

/** Splits boxes that straddle a vertical ruling at the ruling (pdfjs merges nearby words of one font). */
export function splitAtRulings(boxes: TextBox[], vRules: Segment[]): TextBox[] {
  if (vRules.length === 0) return boxes;
  const out: TextBox[] = [];
  const queue = [...boxes];
  while (queue.length) {
    const b = queue.shift()!;
    const mid = b.base - 0.35 * b.size;
    const rule = b.str.includes(' ') ? vRules.find((r) => r.pos > b.x0 + 2 && r.pos < b.x1 - 2 && r.a <= mid && r.b >= mid) : undefined;
    const parts = rule ? splitAt(b, rule.pos) : [b];
    if (parts.length === 1) out.push(b);
    else queue.unshift(...parts);
  }
  return out;
}
