/**
 * One PDF page → text boxes and ruling lines in viewport space (origin top-left, y downwards, the
 * page's /Rotate applied, so landscape pages read upright).
 * - Text: pdfjs text items (whitespace-only items dropped; their gaps are kept by the geometry).
 * - Rulings: stroked axis-aligned path segments and thin filled rectangles from the operator list,
 *   with the current transformation matrix tracked through save/restore/cm and form XObjects.
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { normalizeText } from '../normalize.js';
import { pdfjs } from './load.js';

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
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const OPS = pdfjs.OPS as Record<string, number>;
const STROKES = new Set(['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((k) => OPS[k]));
const FILLS = new Set(['fill', 'eoFill'].map((k) => OPS[k]));
const TEXT_OPS = new Set(['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText'].map((k) => OPS[k]));
const IMAGE_OPS = new Set(['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintSolidColorImageMask'].map((k) => OPS[k]));

/** The polylines of a path (pdfjs DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function subpaths(data: ArrayLike<number>, m: Matrix): [number, number][][] {
  const paths: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      if (cur.length > 1) paths.push(cur);
      cur = [apply(m, data[i++]!, data[i++]!)];
    } else if (op === 1) cur.push(apply(m, data[i++]!, data[i++]!));
    else if (op === 2) {
      i += 4;
      cur.push(apply(m, data[i++]!, data[i++]!));
    } else if (op === 3) {
      i += 2;
      cur.push(apply(m, data[i++]!, data[i++]!));
    } else if (op === 4) {
      if (cur.length > 1) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length > 1) paths.push(cur);
  return paths;
}

interface Rules {
  h: Segment[];
  v: Segment[];
}

function addStroke(path: [number, number][], rules: Rules): void {
  for (let i = 1; i < path.length; i++) {
    const [x0, y0] = path[i - 1]!;
    const [x1, y1] = path[i]!;
    if (Math.abs(y1 - y0) < 1 && Math.abs(x1 - x0) >= 3) rules.h.push({ pos: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 1 && Math.abs(y1 - y0) >= 3) rules.v.push({ pos: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
  }
}

function addFill(path: [number, number][], rules: Rules): void {
  const xs = path.map((p) => p[0]);
  const ys = path.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= 2.5 && x1 - x0 >= 3) rules.h.push({ pos: (y0 + y1) / 2, a: x0, b: x1 });
  else if (x1 - x0 <= 2.5 && y1 - y0 >= 3) rules.v.push({ pos: (x0 + x1) / 2, a: y0, b: y1 });
}

async function operatorContent(page: PDFPageProxy, view: Matrix): Promise<Rules & { textOps: number; imageOps: number }> {
  const list = await page.getOperatorList();
  const rules: Rules = { h: [], v: [] };
  const stack: Matrix[] = [];
  let ctm: Matrix = view;
  let textOps = 0;
  let imageOps = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? view;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null | undefined;
      if (m && m.length === 6) ctm = multiply(ctm, Array.from(m) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? view;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!STROKES.has(paint) && !FILLS.has(paint))) continue;
      for (const path of subpaths(data, ctm)) (STROKES.has(paint) ? addStroke : addFill)(path, rules);
    } else if (TEXT_OPS.has(fn)) textOps++;
    else if (IMAGE_OPS.has(fn)) imageOps++;
  }
  return { ...rules, textOps, imageOps };
}

/** Text-showing operators on a page (text present even when none of it could be decoded). */
export async function countTextOps(page: PDFPageProxy): Promise<number> {
  const list = await page.getOperatorList();
  return list.fnArray.reduce((n, fn) => n + (TEXT_OPS.has(fn) ? 1 : 0), 0);
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

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
}

function textBoxes(items: PdfTextItem[], view: Matrix): TextBox[] {
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
function dominantTurn(items: PdfTextItem[], view: Matrix): number {
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

export async function readPage(page: PDFPageProxy, pageNumber: number): Promise<PageContent> {
  let viewport = page.getViewport({ scale: 1 });
  let view = viewport.transform as Matrix;
  const text = await page.getTextContent();
  const turn = dominantTurn(text.items as PdfTextItem[], view);
  if (turn) {
    viewport = page.getViewport({ scale: 1, rotation: (page.rotate + turn) % 360 });
    view = viewport.transform as Matrix;
  }
  const boxes = textBoxes(text.items as PdfTextItem[], view);
  // A page without text (a scanned page) needs no rulings: its images are not decoded.
  const ops = boxes.length ? await operatorContent(page, view) : { h: [], v: [], textOps: 0, imageOps: 0 };
  return {
    page: pageNumber,
    width: viewport.width,
    height: viewport.height,
    boxes,
    hRules: mergeSegments(ops.h),
    vRules: mergeSegments(ops.v),
    textOps: ops.textOps,
    imageOps: ops.imageOps,
  };
}
