/**
 * Headings from type size: a one-cell line outside tables set clearly larger than the body text
 * (the most used size) is a heading; the largest such size is level 1, the next 2, the rest 3.
 */
import type { PageRows } from './furniture.js';
import type { PdfRow } from './table-rows.js';

const LARGER = 1.2;

function bodySize(pages: PageRows[]): number {
  const chars = new Map<number, number>();
  for (const p of pages) {
    for (const r of p.rows) {
      if (r.size === undefined) continue;
      const size = Math.round(r.size * 2) / 2;
      chars.set(size, (chars.get(size) ?? 0) + r.cells.join('').length);
    }
  }
  let best = 0;
  for (const [size, n] of chars) if (n > (chars.get(best) ?? 0)) best = size;
  return best;
}

function isHeadingLine(r: PdfRow, body: number): boolean {
  const text = r.cells[0] ?? '';
  return !r.tabular && r.cells.length === 1 && r.size !== undefined && r.size >= body * LARGER
    && text.length <= 40 && !/[。；;]$/.test(text);
}

/** The heading level of each row that is one (by row object). */
export function headingLevels(pages: PageRows[]): Map<PdfRow, number> {
  const body = bodySize(pages);
  const levels = new Map<PdfRow, number>();
  if (!body) return levels;
  const heads = pages.flatMap((p) => p.rows.filter((r) => isHeadingLine(r, body)));
  const sizes = [...new Set(heads.map((r) => Math.round(r.size! * 2) / 2))].sort((a, b) => b - a);
  for (const r of heads) levels.set(r, Math.min(3, sizes.indexOf(Math.round(r.size! * 2) / 2) + 1));
  return levels;
}
