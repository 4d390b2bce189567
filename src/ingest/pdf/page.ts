/**
 * One PDF page → text boxes and ruling lines in viewport space (origin top-left, y downwards, the
 * page's /Rotate applied, so landscape pages read upright). Engine-neutral: the fast reader
 * (engine/) and pdf.js (engine/pdfjs.ts) both give text items (pdf.js's shape: string, text-space
 * transform, width) and painted paths, and this module turns them into a PageContent.
 * - Text: text items (whitespace-only items dropped; their gaps are kept by the geometry).
 * - Rulings: stroked axis-aligned path segments and thin filled rectangles, with the current
 *   transformation matrix tracked through save/restore/cm and form XObjects by the engine.
 */
import { normalizeText } from '../normalize.js';
import { apply, multiply, type Matrix } from './matrix.js';

export interface TextBox {
  str: string;
  x0: number;
  x1: number;
  /** Baseline y. */
  base: number;
  /** Font size (the height of the text matrix). */
  size: number;
}

/** A ruling: horizontal (pos = y, from a to b in x) or vertical (pos = x, from a to b in y). */
export interface Segment {
  pos: number;
  a: number;
  b: number;
}

export interface PageContent {
  page: number;
  width: number;
  height: number;
  boxes: TextBox[];
  hRules: Segment[];
  vRules: Segment[];
  /** Text-showing and image-painting operators seen (counted only on pages with text). */
  textOps: number;
  imageOps: number;
  /** Clockwise rotation applied to the page (its /Rotate plus a turn that makes most text upright). */
  rotation?: number;
}


export interface Rules {
  h: Segment[];
  v: Segment[];
}

export function addStroke(path: [number, number][], rules: Rules): void {
  for (let i = 1; i < path.length; i++) {
    const [x0, y0] = path[i - 1]!;
    const [x1, y1] = path[i]!;
    if (Math.abs(y1 - y0) < 1 && Math.abs(x1 - x0) >= 3) rules.h.push({ pos: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 1 && Math.abs(y1 - y0) >= 3) rules.v.push({ pos: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
  }
}

export function addFill(path: [number, number][], rules: Rules): void {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of path) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (y1 - y0 <= 2.5 && x1 - x0 >= 3) rules.h.push({ pos: (y0 + y1) / 2, a: x0, b: x1 });
  else if (x1 - x0 <= 2.5 && y1 - y0 >= 3) rules.v.push({ pos: (x0 + x1) / 2, a: y0, b: y1 });
}

/** pdf.js's PageViewport at scale 1: the transform from page space and the size, for a view box and rotation. */
export function viewport(viewBox: number[], rotation: number): { transform: Matrix; width: number; height: number } {
  const [vx0, vy0, vx1, vy1] = viewBox as [number, number, number, number];
  const centerX = (vx1 + vx0) / 2;
  const centerY = (vy1 + vy0) / 2;
  let r = rotation % 360;
  if (r < 0) r += 360;
  const [a, b, c, d] = r === 180 ? [-1, 0, 0, 1] : r === 90 ? [0, 1, 1, 0] : r === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  let offX: number, offY: number, width: number, height: number;
  if (a === 0) {
    offX = Math.abs(centerY - vy0);
    offY = Math.abs(centerX - vx0);
    width = vy1 - vy0;
    height = vx1 - vx0;
  } else {
    offX = Math.abs(centerX - vx0);
    offY = Math.abs(centerY - vy0);
    width = vx1 - vx0;
    height = vy1 - vy0;
  }
  return { transform: [a, b, c, d, offX - a * centerX - c * centerY, offY - b * centerX - d * centerY], width, height };
}

/** Joins collinear rulings that overlap or touch (sorted sweep: pages of vector drawings have thousands). */
export function mergeSegments(segs: Segment[], tol = 1.2, gap = 2): Segment[] {
  const sorted = [...segs].sort((p, q) => p.pos - q.pos);
  const out: Segment[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.pos - sorted[j - 1]!.pos <= tol && sorted[j]!.pos - sorted[i]!.pos <= 2 * tol) j++;
    const group = sorted.slice(i, j).sort((p, q) => p.a - q.a);
    const pos = group.reduce((sum, s) => sum + s.pos, 0) / group.length;
    let cur: Segment | undefined;
    for (const s of group) {
      if (cur && s.a <= cur.b + gap) cur.b = Math.max(cur.b, s.b);
      else out.push((cur = { pos, a: s.a, b: s.b }));
    }
    i = j;
  }
  return out;
}

export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
}

export function textBoxes(items: PdfTextItem[], view: Matrix): TextBox[] {
  const boxes: TextBox[] = [];
  for (const item of items) {
    if (!item.str || !item.str.trim()) continue;
    const m = multiply(view, item.transform as Matrix);
    const size = Math.hypot(m[2], m[3]);
    if (!(size > 0) || Math.abs(m[1]) > 0.1 * Math.abs(m[0]) || m[0] <= 0) continue;
    const str = normalizeText(item.str);
    boxes.push({ str, x0: m[4], x1: m[4] + Math.max(item.width, 0), base: m[5], size });
  }
  return boxes;
}

/**
 * The clockwise turn (0, 90, 180, 270) that makes most of the page's text horizontal: a table
 * printed sideways on a portrait page, or a /Rotate that does not match the content.
 */
export function dominantTurn(items: PdfTextItem[], view: Matrix): number {
  const weight = [0, 0, 0, 0];
  for (const item of items) {
    if (!item.str || !item.str.trim()) continue;
    const m = multiply(view, item.transform as Matrix);
    const angle = (Math.round(Math.atan2(m[1], m[0]) / (Math.PI / 2)) + 4) % 4;
    weight[angle] = (weight[angle] ?? 0) + item.str.length;
  }
  const best = weight.indexOf(Math.max(...weight));
  return weight[best]! > (weight[0] ?? 0) ? (4 - best) * 90 : 0;
}

/** A painted path in page space (flattened x,y pairs) — engines give these for rulings. */
export interface PaintedPath {
  kind: 'stroke' | 'fill';
  pts: ArrayLike<number>;
}

/**
 * Items and paths of a page (in page space) → PageContent: the page turned so most text is
 * upright, boxes and rulings in viewport space.
 */
export function pageContent(
  pageNumber: number,
  viewBox: number[],
  rotate: number,
  items: PdfTextItem[],
  paths: () => PaintedPath[],
  counts: { textOps: number; imageOps: number },
): PageContent {
  let vp = viewport(viewBox, rotate);
  const turn = dominantTurn(items, vp.transform);
  if (turn) vp = viewport(viewBox, (rotate + turn) % 360);
  const view = vp.transform;
  const boxes = textBoxes(items, view);
  const rules: Rules = { h: [], v: [] };
  // A page without text (a scanned page) needs no rulings.
  if (boxes.length) {
    for (const p of paths()) {
      const pts: [number, number][] = [];
      for (let i = 0; i + 1 < p.pts.length; i += 2) pts.push(apply(view, p.pts[i]!, p.pts[i + 1]!));
      if (pts.length > 1) (p.kind === 'stroke' ? addStroke : addFill)(pts, rules);
    }
  }
  return {
    page: pageNumber,
    width: vp.width,
    height: vp.height,
    boxes,
    hRules: mergeSegments(rules.h),
    vRules: mergeSegments(rules.v),
    textOps: boxes.length ? counts.textOps : 0,
    imageOps: boxes.length ? counts.imageOps : 0,
    rotation: (rotate + turn) % 360,
  };
}
