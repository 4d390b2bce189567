/**
 * Ruled tables: rulings that cross each other form a grid (distinct x of the verticals, distinct y
 * of the horizontals); a grid cell without a ruling on one side is merged with its neighbour, so
 * merged cells (colspan/rowspan) become one span whose text sits in its top-left grid cell and the
 * rest are blank — the column positions of the table are kept.
 */
import type { Segment, TextBox } from './page.js';

export interface Grid {
  xs: number[];
  ys: number[];
  /** Span id of grid cell (band, col): the top-left cell's index band * cols + col. */
  span: number[];
}

export interface Region {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  h: Segment[];
  v: Segment[];
}

const TOL = 2;

function crosses(h: Segment, v: Segment): boolean {
  return h.pos >= v.a - TOL && h.pos <= v.b + TOL && v.pos >= h.a - TOL && v.pos <= h.b + TOL;
}

/** Groups rulings into connected table regions with at least two verticals and two horizontals. */
export function tableRegions(hRules: Segment[], vRules: Segment[]): Region[] {
  const parent = [...hRules, ...vRules].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hRules.forEach((h, i) => vRules.forEach((v, j) => {
    if (crosses(h, v)) parent[find(i)] = find(hRules.length + j);
  }));
  const groups = new Map<number, Region>();
  const all = [...hRules.map((s) => ({ s, hor: true })), ...vRules.map((s) => ({ s, hor: false }))];
  all.forEach(({ s, hor }, i) => {
    const root = find(i);
    const r = groups.get(root) ?? { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity, h: [], v: [] };
    (hor ? r.h : r.v).push(s);
    if (hor) [r.x0, r.x1, r.y0, r.y1] = [Math.min(r.x0, s.a), Math.max(r.x1, s.b), Math.min(r.y0, s.pos), Math.max(r.y1, s.pos)];
    else [r.x0, r.x1, r.y0, r.y1] = [Math.min(r.x0, s.pos), Math.max(r.x1, s.pos), Math.min(r.y0, s.a), Math.max(r.y1, s.b)];
    groups.set(root, r);
  });
  return [...groups.values()].filter((r) => distinct(r.v.map((s) => s.pos)).length >= 2 && distinct(r.h.map((s) => s.pos)).length >= 2);
}

/** Sorted positions with near-duplicates (within TOL) merged. */
export function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1]! > TOL) out.push(v);
  return out;
}

function covered(rules: Segment[], pos: number, at: number): boolean {
  return rules.some((r) => Math.abs(r.pos - pos) <= TOL && r.a - TOL <= at && r.b + TOL >= at);
}

/**
 * Grid lines from rulings, widened to the region's edge on a side where rulings of the other
 * direction run past the outermost ruling and text sits there: a table continued from the previous
 * page often has no top ruling (its verticals start at the page's top margin), an open-sided table
 * no outer vertical — the text of that row or column must not be lost.
 */
function gridLines(rules: Segment[], edge0: number, edge1: number, at: number[]): number[] {
  const lines = distinct(rules.map((s) => s.pos));
  if (lines.length === 0) return lines;
  let [lo, hi] = [edge0, edge1];
  for (const p of at) [lo, hi] = [Math.min(lo, p), Math.max(hi, p)];
  if (lines[0]! - lo > TOL && at.some((p) => p < lines[0]!)) lines.unshift(lo);
  if (hi - lines[lines.length - 1]! > TOL && at.some((p) => p >= lines[lines.length - 1]!)) lines.push(hi + 0.01);
  return lines;
}

/** The grid of a region and its merged spans; `boxes` are the text inside the region. */
export function buildGrid(region: Region, boxes: TextBox[] = []): Grid {
  const xs = gridLines(region.v, region.x0, region.x1, boxes.map((b) => (b.x0 + b.x1) / 2));
  const ys = gridLines(region.h, region.y0, region.y1, boxes.map((b) => b.base - 0.35 * b.size));
  const cols = xs.length - 1;
  const bands = ys.length - 1;
  const parent = Array.from({ length: bands * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let i = 0; i < bands; i++) {
    const mid = (ys[i]! + ys[i + 1]!) / 2;
    for (let j = 1; j < cols; j++) if (!covered(region.v, xs[j]!, mid)) union(i * cols + j - 1, i * cols + j);
  }
  for (let j = 0; j < cols; j++) {
    const mid = (xs[j]! + xs[j + 1]!) / 2;
    for (let i = 1; i < bands; i++) if (!covered(region.h, ys[i]!, mid)) union((i - 1) * cols + j, i * cols + j);
  }
  return { xs, ys, span: parent.map((_, i) => find(i)) };
}

/** The grid cell (band, col) a box's centre falls in, or undefined when outside the grid. */
export function cellOf(grid: Grid, box: TextBox): { band: number; col: number } | undefined {
  const cx = (box.x0 + box.x1) / 2;
  const cy = box.base - 0.35 * box.size;
  const col = grid.xs.findIndex((x, j) => j < grid.xs.length - 1 && cx >= x && cx < grid.xs[j + 1]!);
  const band = grid.ys.findIndex((y, i) => i < grid.ys.length - 1 && cy >= y && cy < grid.ys[i + 1]!);
  return col >= 0 && band >= 0 ? { band, col } : undefined;
}

export function inRegion(region: Region, box: TextBox): boolean {
  const cx = (box.x0 + box.x1) / 2;
  const cy = box.base - 0.35 * box.size;
  return cx >= region.x0 - 1 && cx <= region.x1 + 1 && cy >= region.y0 - 1 && cy <= region.y1 + 1;
}
