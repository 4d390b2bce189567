/**
 * Running headers and footers: page numbers (- 3 -, 第3页, 3/12, 第 3 页 共 12 页, a bare number)
 * near the top or bottom edge, and lines repeated near the same edge on most pages, are dropped.
 */
import type { PdfRow } from './table-rows.js';
import { PAGE_NUMBER_RE as PAGE_NUMBER } from '../page-number.js';

export interface PageRows {
  page: number;
  height: number;
  rows: PdfRow[];
}

const EDGE = 0.09;

function nearEdge(row: PdfRow, height: number): boolean {
  return row.y < height * EDGE || row.y > height * (1 - EDGE) - 12;
}

function signature(row: PdfRow): string {
  return row.cells.join(' ').replace(/\d+/g, '#').replace(/\s+/g, '');
}

/** Removes page numbers and running headers/footers from every page (in place). */
export function dropFurniture(pages: PageRows[]): void {
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set(p.rows.filter((r) => !r.ruled && nearEdge(r, p.height)).map(signature));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const running = (s: string): boolean => pages.length >= 3 && (counts.get(s) ?? 0) >= Math.max(3, pages.length * 0.5);
  for (const p of pages) {
    p.rows = p.rows.filter((r) => {
      if (r.ruled || !nearEdge(r, p.height)) return true;
      const text = r.cells.join(' ').trim();
      const isolated = !p.rows.some((o) => o !== r && Math.abs(o.y - r.y) < 3);
      if (isolated && PAGE_NUMBER.test(text)) return false;
      return r.cells.length > 3 || !running(signature(r));
    });
  }
}
