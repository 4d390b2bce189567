/**
 * A page's content → rows in reading order: the rows of each ruled table (grid cells), and every
 * other visual line split into cells at wide gaps (≥ one character), as `pdftotext -layout` would.
 */
import { buildGrid, inRegion, tableRegions } from './grid.js';
import type { PageContent, TextBox } from './page.js';
import { gridRows, type PdfRow } from './table-rows.js';
import { joinLine, splitAtRulings, visualLines } from './text-join.js';

/** Gap (in font sizes) from which two boxes on a line are separate cells. */
export const CELL_GAP = 0.9;

function freeRow(line: TextBox[]): PdfRow {
  const groups: TextBox[][] = [];
  for (const b of line) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && b.x0 - prev.x1 < CELL_GAP * Math.min(prev.size, b.size)) last.push(b);
    else groups.push([b]);
  }
  const cells = groups.map((g) => joinLine(g).trim());
  return {
    y: Math.min(...line.map((b) => b.base - b.size)),
    cells,
    cellX: groups.map((g) => ({ x0: g[0]!.x0, x1: g[g.length - 1]!.x1 })),
    tabular: cells.length > 1,
  };
}

export function pageRows(content: PageContent): PdfRow[] {
  let block = content.page * 1000;
  const boxes = splitAtRulings(content.boxes, content.vRules);
  const regions = tableRegions(content.hRules, content.vRules);
  const rows: PdfRow[] = [];
  const claimed = new Set<TextBox>();
  for (const region of regions) {
    const mine = boxes.filter((b) => !claimed.has(b) && inRegion(region, b));
    if (mine.length === 0) continue;
    mine.forEach((b) => claimed.add(b));
    const id = block++;
    rows.push(...gridRows(buildGrid(region), mine).map((r) => ({ ...r, block: id })));
  }
  const free = boxes.filter((b) => !claimed.has(b));
  for (const line of visualLines(free)) rows.push(freeRow(line));
  return rows.filter((r) => r.cells.some((c) => c !== '')).sort((a, b) => a.y - b.y);
}
