/**
 * A page's content → rows in reading order: the rows of each ruled table (grid cells), the rows of
 * tables without rulings (columns from shared gaps), and every other visual line split into cells
 * at wide gaps (about one character), as `pdftotext -layout` would; lines set with tab stops are
 * cut at the stops (tab-stops.ts).
 */
import { buildGrid, inRegion, tableRegions } from './grid.js';
import type { PageContent, TextBox } from './page.js';
import { gridRows, type PdfRow } from './table-rows.js';
import { streamRows } from './stream.js';
import { splitAtRulings, visualLines } from './text-join.js';
import { detectTabGrid, tabRows } from './tab-stops.js';

/**
 * Where lines wrap: the margin mirroring the left one when the text reaches near it (punctuation
 * may hang past it), else the furthest the text reaches.
 */
function rightMargin(lines: TextBox[][], mirrored: number): number {
  let x = 0;
  for (const l of lines) for (const b of l) if (b.x1 > x) x = b.x1;
  return x > mirrored - 40 ? mirrored : x;
}

export function pageRows(content: PageContent): PdfRow[] {
  let block = content.page * 1000;
  const boxes = splitAtRulings(content.boxes, content.vRules);
  // A page of vector art (a chart, a map) with tens of thousands of strokes is not a table.
  const art = content.hRules.length * content.vRules.length > 4_000_000;
  const regions = art ? [] : tableRegions(content.hRules, content.vRules);
  const rows: PdfRow[] = [];
  const claimed = new Set<TextBox>();
  for (const region of regions) {
    const mine = boxes.filter((b) => !claimed.has(b) && inRegion(region, b));
    if (mine.length === 0) continue;
    mine.forEach((b) => claimed.add(b));
    const id = block++;
    rows.push(...gridRows(buildGrid(region, mine), mine).map((r) => ({ ...r, block: id })));
  }
  const free = visualLines(boxes.filter((b) => !claimed.has(b)));
  const tabs = detectTabGrid(free);
  rows.push(...(tabs ? tabRows(tabs, free, rightMargin(free, content.width - tabs.origin)) : streamRows(free)));
  return rows.filter((r) => r.cells.some((c) => c !== '')).map(stripMarkup).sort((a, b) => a.y - b.y);
}

/** A plain-text or markdown file printed as is: '# 收入决算表', '- 一、…', '**人员经费**' read as their text. */
function stripMarkup(row: PdfRow): PdfRow {
  if (!row.cells.some((c) => /^#{1,6}\s|^[-*]\s+(?=[\u3400-\u9fff])|\*\*/.test(c))) return row;
  const cells = row.cells.map((c, i) => {
    let t = c.replace(/\*\*(.+?)\*\*/g, '$1');
    if (i === 0) t = t.replace(/^#{1,6}\s+(?=\S)/, '').replace(/^[-*]\s+(?=[\u3400-\u9fff])/, '');
    return t;
  });
  return { ...row, cells };
}
