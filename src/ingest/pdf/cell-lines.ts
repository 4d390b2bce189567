/**
 * Forms printed one cell per line: a text file where each cell of a table row is a line led by a
 * tab, rows are separated by an empty line and an empty cell is a tab-only line (what a Word table
 * copied as text gives), printed to PDF. The page shows each cell as a line at the first tab stop,
 * wrapped cell text at the margin, and the empty lines only as vertical space: a gap of n line
 * heights holds n empty lines, each an empty cell or the row separator. The rows are folded back:
 * a row ends where the gap holds the separator — two or more empty lines, or one after a row as
 * wide as the one before; empty lines before the separator complete the row to the previous row's
 * width when they can, the rest lead the next row.
 */
import type { PageRows } from './furniture.js';
import type { PdfRow } from './table-rows.js';
import { joinWrapped } from './text-join.js';

/** Led lines a run needs before it is taken for a form. */
const MIN_LED = 8;
const NUMBER = /^[-+≥≤><=]*\s*[\d,.]*\d%?$/;

/** A line led by the tab: at the stop, or after spaces that open the cell ('　≥880000'). */
function atStop(l: Placed, led: number): boolean {
  return l.x0 > led - 1.5;
}

interface Placed {
  page: number;
  index: number;
  row: PdfRow;
  x0: number;
  x1: number;
  text: string;
}

function flat(pages: PageRows[]): Placed[] {
  const out: Placed[] = [];
  pages.forEach((p) => p.rows.forEach((row, index) => {
    const x0 = row.span?.x0 ?? row.cellX[0]?.x0;
    const x1 = row.span?.x1 ?? row.cellX.at(-1)?.x1;
    if (x0 === undefined || x1 === undefined || row.ruled) return;
    // a row cut at tab stops takes part when it holds one cell (led by blanks)
    const filled = row.cells.filter((c) => c !== '');
    if (row.tabs && (filled.length === 0 || filled.length > 2)) return;
    out.push({ page: p.page, index, row, x0, x1, text: filled.join(' ').trim() });
  }));
  return out;
}

const cellsOf = (l: Placed): number => (l.row.tabs ? l.row.cells.filter((c) => c !== '').length : l.row.cells.length);

/** The text margin: the leftmost left edge many lines share. */
function marginOf(lines: Placed[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.x0), (counts.get(Math.round(l.x0)) ?? 0) + 1);
  const enough = Math.max(3, 0.05 * lines.length);
  let best = Infinity;
  for (const [x, n] of counts) if (n >= enough && x < best) best = x;
  return best;
}

interface Metrics {
  /** The advances of a printed line: the smallest (a line of figures) and the largest (Chinese text). */
  low: number;
  high: number;
  top: number;
  bottom: number;
}

function metricsOf(run: Placed[], pages: PageRows[]): Metrics | undefined {
  const steps: number[] = [];
  for (let i = 1; i < run.length; i++) if (run[i]!.page === run[i - 1]!.page) steps.push(run[i]!.row.y - run[i - 1]!.row.y);
  const low = Math.min(...steps.filter((s) => s > 4));
  if (!Number.isFinite(low)) return undefined;
  const high = Math.max(...steps.filter((s) => s < 1.4 * low));
  const tops = pages.filter((p) => p.rows.length).map((p) => Math.min(...p.rows.map((r) => r.y)));
  const bottoms = pages.filter((p) => p.rows.length).map((p) => Math.max(...p.rows.map((r) => r.y)));
  return { low, high, top: Math.min(...tops), bottom: Math.max(...bottoms) };
}

const WIDE_CHARS = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * Empty lines in `gap` of vertical space: an empty line is as high as a line of figures (low) or,
 * holding an ideographic space, as a line of Chinese text (high); the count whose mix of low and
 * high lines fills the gap best, with as few high ones as possible.
 */
/** More empty lines than a page holds: the count is not a form's (damaged coordinates); the search stops there. */
const MAX_BLANKS = 200;

function blanksIn(gap: number, m: Metrics): number {
  if (gap / m.low > MAX_BLANKS) return MAX_BLANKS;
  const extra = m.high - m.low;
  let best = { n: 0, err: Infinity, k: 0 };
  for (let n = 0; n * m.low <= gap + 1; n++) {
    const k = extra > 0.5 ? Math.min(n, Math.max(0, Math.round((gap - n * m.low) / extra))) : 0;
    const err = Math.abs(gap - n * m.low - k * extra);
    if (err < best.err - 0.6 || (err < best.err + 0.6 && k < best.k)) best = { n, err, k };
  }
  return best.n;
}

/** The advance of a printed line: high when it holds Chinese text. */
const advance = (l: Placed, m: Metrics): number => (WIDE_CHARS.test(l.text) ? m.high : m.low);

/** Empty lines between two printed lines (across a page break: below the one, above the other). */
function blanksBetween(a: Placed, b: Placed, m: Metrics): number {
  if (a.page === b.page) return blanksIn(b.row.y - a.row.y - advance(b, m), m);
  // below the last line, empty lines as high as it (their heights cannot be told apart there)
  const below = Math.min(MAX_BLANKS, Math.max(0, Math.floor((m.bottom - a.row.y) / advance(a, m) + 0.05)));
  return Math.min(MAX_BLANKS, below + blanksIn(b.row.y - m.top, m));
}

/** Folds one run (led lines at `led`, wrapped text at `margin`) into rows. */
function fold(run: Placed[], led: number, m: Metrics): { first: Placed; last: Placed; cells: string[] }[] {
  const rows: { first: Placed; last: Placed; cells: string[] }[] = [];
  let cur: { first: Placed; last: Placed; cells: string[] } | undefined;
  let width: number | undefined;
  const close = (): void => {
    if (cur) {
      rows.push(cur);
      width = cur.cells.length;
    }
    cur = undefined;
  };
  for (let i = 0; i < run.length; i++) {
    const l = run[i]!;
    const isLed = atStop(l, led);
    const n = i === 0 ? 0 : blanksBetween(run[i - 1]!, l, m);
    if (cur && n > 0) {
      const separator = n >= 2 || (width !== undefined && cur.cells.length >= width);
      if (separator) {
        const need = width === undefined ? -1 : width - cur.cells.length;
        const trailing = need >= 0 && need <= n - 1 ? need : 0;
        for (let k = 0; k < trailing; k++) cur.cells.push('');
        const leading = n - 1 - trailing;
        close();
        cur = { first: l, last: l, cells: Array.from({ length: leading }, () => '') };
      } else {
        cur.cells.push(...Array.from({ length: n - (isLed ? 0 : 1) }, () => ''));
        if (!isLed) cur.cells.push(''); // wrapped text of an empty-looking cell ('　' then text)
      }
    }
    cur ??= { first: l, last: l, cells: [] };
    cur.last = l;
    if (isLed || cur.cells.length === 0) cur.cells.push(l.text);
    else cur.cells[cur.cells.length - 1] = joinWrapped([cur.cells[cur.cells.length - 1]!, l.text]);
  }
  close();
  return rows;
}

/** Folds forms printed one cell per line back into rows (in place). */
export function foldCellLines(pages: PageRows[]): void {
  const lines = flat(pages);
  if (lines.length < MIN_LED) return;
  const margin = marginOf(lines);
  // lines that run to the right edge are running text (cells of these forms are short)
  const edge = Math.max(...lines.map((l) => l.x1));
  const wide = (l: Placed): boolean => l.x1 > margin + 0.85 * (edge - margin);
  const drop = new Set<PdfRow>();
  let i = 0;
  while (i < lines.length) {
    const start = lines[i]!;
    const led = start.x0;
    if (led < margin + 10 || cellsOf(start) > 2 || wide(start)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length) {
      const l = lines[j]!;
      const ok = cellsOf(l) <= 2 && !wide(l) && (atStop(l, led) || Math.abs(l.x0 - margin) < 1.5);
      if (!ok) break;
      // a line at the margin after a wide gap begins new text
      if (Math.abs(l.x0 - margin) < 1.5 && l.page === lines[j - 1]!.page && l.row.y - lines[j - 1]!.row.y > 3.2 * (l.row.size ?? 10)) break;
      j++;
    }
    const run = lines.slice(i, j);
    i = j;
    const ledLines = run.filter((l) => atStop(l, led));
    if (ledLines.length < MIN_LED) continue;
    // cells, not paragraphs: most led lines are short and single, several are figures
    const short = ledLines.filter((l) => l.text.length < 24).length;
    const figures = ledLines.filter((l) => NUMBER.test(l.text)).length;
    if (short < 0.7 * ledLines.length || figures < 3) continue;
    const m = metricsOf(run, pages);
    if (!m) continue;
    const gaps = run.slice(1).filter((l, k) => blanksBetween(run[k]!, l, m) >= 2).length;
    if (gaps < 1) continue;
    for (const row of fold(run, led, m)) {
      const target = row.first.row;
      target.cells = row.cells;
      target.cellX = [];
      target.tabular = true;
      for (const l of run) if (l.row !== target && l.page * 1e6 + l.index >= row.first.page * 1e6 + row.first.index && l.page * 1e6 + l.index <= row.last.page * 1e6 + row.last.index) drop.add(l.row);
    }
  }
  if (drop.size) for (const p of pages) p.rows = p.rows.filter((r) => !drop.has(r));
}
