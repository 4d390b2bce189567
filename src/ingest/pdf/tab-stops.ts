/**
 * Lines set with tab stops (a tab-separated text or a Word table-by-tabs, printed to PDF): every
 * cell after a tab starts on a regular grid of stops (origin + k × step), whatever the cell before
 * it. Columns are then not aligned between lines (a long cell pushes the rest to later stops), so
 * gap clustering misreads them; counting the stops a gap crosses gives back the tabs, blanks
 * included, exactly as the text had them. Lines the producer wrapped at the right margin are joined
 * back onto their row.
 */
import type { TextBox } from './page.js';
import type { PdfRow } from './table-rows.js';
import { joinLine } from './text-join.js';

export interface TabGrid {
  origin: number;
  step: number;
}

/** How close (points) a start must be to a stop. */
const ON_STOP = 0.7;
/** Gap (points) below which two boxes are one run of text (a font change, a split item). */
const GLUED = 0.05;
const MIN_STEP = 14;
const MAX_STEP = 90;

interface Start {
  x: number;
  /** Gap to the previous box of the line (Infinity for the first box). */
  gap: number;
  size: number;
}

function starts(lines: TextBox[][]): Start[] {
  const out: Start[] = [];
  for (const line of lines) {
    line.forEach((b, i) => out.push({ x: b.x0, gap: i === 0 ? Infinity : b.x0 - line[i - 1]!.x1, size: b.size }));
  }
  return out;
}

/** The text's left margin: the leftmost edge many lines start at. */
function marginOf(lines: TextBox[][]): number | undefined {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const x = Math.round(l[0]!.x0 * 2) / 2;
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  // the leftmost frequent left edge (rows that start with a tab outnumber the others on some pages)
  const enough = Math.max(2, 0.1 * lines.length);
  let best: number | undefined;
  for (const [x, n] of counts) if (n >= enough && (best === undefined || x < best)) best = x;
  if (best === undefined) return undefined;
  const near = lines.map((l) => l[0]!.x0).filter((x) => Math.abs(x - best!) <= 0.5);
  return near.reduce((a, b) => a + b, 0) / near.length;
}

function stopIndex(grid: TabGrid, x: number): number {
  return Math.round((x - grid.origin) / grid.step);
}

function onStop(grid: TabGrid, x: number): boolean {
  const k = stopIndex(grid, x);
  return k >= 1 && Math.abs(grid.origin + k * grid.step - x) <= ON_STOP;
}

/**
 * The tab grid of a page, when its lines are set with tab stops: most starts after a gap (not
 * counting the first box of a line) fall on one regular grid, using at least three stops.
 */
export function detectTabGrid(lines: TextBox[][]): TabGrid | undefined {
  if (lines.length < 3) return undefined;
  const origin = marginOf(lines);
  if (origin === undefined) return undefined;
  const inner = starts(lines).filter((s) => s.gap > GLUED && s.x > origin + MIN_STEP - ON_STOP);
  if (inner.length < 8) return undefined;
  const candidates = new Set<number>();
  for (const s of inner.slice(0, 400)) {
    for (let k = 1; k <= 6; k++) {
      const step = (s.x - origin) / k;
      if (step >= MIN_STEP && step <= MAX_STEP) candidates.add(Math.round(step * 20) / 20);
    }
  }
  const scored = [...candidates].map((step) => {
    const grid = refine(refine(refine({ origin, step }, inner), inner), inner);
    const hit = inner.filter((s) => onStop(grid, s.x));
    const strong = hit.filter((s) => !spaceLike(s.gap, s.size)).length;
    return { grid, hits: hit.length, strong, stops: new Set(hit.map((s) => stopIndex(grid, s.x))).size };
  });
  const most = Math.max(0, ...scored.map((s) => s.strong));
  // a divisor of the true step hits as often (and word spaces land on its extra stops): the largest
  // step that explains (nearly) as many starts after gaps no word space makes
  const best = scored.filter((s) => s.strong >= 0.95 * most).sort((a, b) => b.grid.step - a.grid.step)[0];
  if (!best || best.stops < 3 || best.hits < 8) return undefined;
  // a character grid (Chinese Word documents) or two-character default stops are no table layout
  const sizes = lines.map((l) => l[0]!.size).sort((a, b) => a - b);
  if (best.grid.step < 2.5 * sizes[Math.floor(sizes.length / 2)]!) return undefined;
  // starts after a word space in running text ('2023 年度') are neither evidence for nor against
  const against = inner.filter((s) => !onStop(best.grid, s.x) && s.gap > s.size).length;
  if (best.hits < 0.7 * (best.hits + against)) return undefined;
  // coincidences in running text do not make a grid: several lines must be set with tabs
  const tabbed = lines.filter((l) => isTabbed(best.grid, l)).length;
  return tabbed >= 3 ? best.grid : undefined;
}

/** Least-squares step through the starts on the grid (the candidate is rounded). */
function refine(grid: TabGrid, inner: Start[]): TabGrid {
  let num = 0;
  let den = 0;
  for (const s of inner) {
    if (!onStop(grid, s.x)) continue;
    const k = stopIndex(grid, s.x);
    num += k * (s.x - grid.origin);
    den += k * k;
  }
  return den ? { origin: grid.origin, step: num / den } : grid;
}

const CJK_CHAR = /[\u3400-\u9fff\uff01-\uff60]/;

/** The narrow space producers set between Chinese and Latin text ('公开09表'), not a tab. */
function autospace(a: TextBox, b: TextBox): boolean {
  const gap = b.x0 - a.x1;
  const left = a.str.at(-1) ?? '';
  const right = b.str[0] ?? '';
  return gap <= 0.3 * Math.min(a.size, b.size) && CJK_CHAR.test(left) !== CJK_CHAR.test(right);
}

/** A gap that may be a word space, a change of font or a character grid's spacing rather than a tab. */
function spaceLike(gap: number, size: number): boolean {
  return gap < 0.7 * size;
}

/**
 * A line set with tabs: a start on a stop after a gap no word space makes, or an indent on a stop
 * wider than a paragraph indent, or two starts on stops.
 */
function isTabbed(grid: TabGrid, line: TextBox[]): boolean {
  let weak = 0;
  let strong = 0;
  let off = 0;
  const first = line[0]!;
  if (first.x0 > grid.origin + ON_STOP && onStop(grid, first.x0)) {
    if (first.x0 - grid.origin > 2.5 * first.size) strong++;
    else weak++;
  }
  for (let i = 1; i < line.length; i++) {
    const b = line[i]!;
    const gap = b.x0 - line[i - 1]!.x1;
    if (gap <= GLUED) continue;
    if (autospace(line[i - 1]!, b) || (i === 1 && /^(?:\d{1,2}[.、]|[（(][\d一二三四五六七八九十]{1,3}[)）])$/.test(line[0]!.str))) {
      continue; // narrow Chinese/Latin spacing, or the space after '1.': no evidence either way
    }
    if (!onStop(grid, b.x0)) {
      // the narrow space a producer sets between Chinese and Latin text ('(20 分)') is no word space
      if (gap > 0.3 * b.size) off++;
    }
    else if (spaceLike(gap, b.size)) weak++;
    else strong++;
  }
  // running text has word spaces off the stops; a row set with tabs has (almost) none
  // one stop in a long line of running text is a coincidence
  // (unless the gap spans a whole step: no word space is that wide — '项目名称 | 2023 年…')
  const wide = line.some((b, i) => i > 0 && onStop(grid, b.x0) && b.x0 - line[i - 1]!.x1 >= grid.step);
  if (strong + weak === 1 && !wide && line.reduce((n, b) => n + b.str.length, 0) > 30) return false;
  return strong + weak >= 1 && off <= (strong >= 1 ? strong + weak : weak / 2);
}

/** Stops strictly after `from` up to `to` (inclusive, with tolerance). */
function stopsBetween(grid: TabGrid, from: number, to: number): number {
  const first = Math.floor((from - grid.origin) / grid.step + 1e-6) + 1;
  const last = Math.floor((to + ON_STOP - grid.origin) / grid.step);
  return Math.max(0, last - Math.max(first, 1) + 1);
}

interface TabLine {
  cells: TextBox[][];
  top: number;
  size: number;
  x0: number;
  x1: number;
}

function glyphWidth(ch: string, size: number, latin: number, symbols = latin): number {
  if (/[\u2e80-\u9fff\uf900-\ufaff\uff01-\uff60\u3000-\u303f]/.test(ch)) return size;
  if (/[\u2010-\u2bff]/.test(ch)) return symbols * size; // ≤ ≥ ‰ …: full or half width by font
  return latin * size;
}

/**
 * A text item holding tabs as spaces ('26.21 26.21 0.00'): its parts are placed at the stops the
 * tabs would reach (glyph widths estimated); when the last part then ends where the item ends,
 * the item is split there. An item with ordinary spaces ('2023 年度') does not end there and stays.
 */
function splitTabbed(grid: TabGrid, box: TextBox): TextBox[] {
  if (!/\S\s+\S/.test(box.str)) return splitHidden(grid, box);
  const parts = box.str.trim().split(/\s+/);
  if (parts.length > 6) return [box];
  // each whitespace is a word space or one to three tabs: try every reading (at most 4^5)
  const widths = [[0.5, 0.5], [0.6, 0.6], [0.55, 0.55], [0.5, 1], [0.6, 1]] as const;
  let best: { out: TextBox[]; error: number } | undefined;
  for (const [latin, symbols] of widths) {
    const partWidth = parts.map((p) => [...p].reduce((sum, ch) => sum + glyphWidth(ch, box.size, latin, symbols), 0));
    const found = placeParts(grid, box, parts, partWidth, latin * box.size);
    if (found && (!best || found.error < best.error - 0.05 || (found.error < best.error + 0.05 && found.out.length > best.out.length))) best = found;
  }
  if (best) return best.out;
  return [box];
}

/** Places the parts of an item after each whitespace read as a space or 1–3 tabs; the reading that ends at the item's end. */
function placeParts(grid: TabGrid, box: TextBox, parts: string[], widths: number[], space: number): { out: TextBox[]; error: number } | undefined {
  const nextStop = (x: number): number => grid.origin + (Math.floor((x - grid.origin) / grid.step + 1e-6) + 1) * grid.step;
  let best: { out: TextBox[]; error: number } | undefined;
  const walk = (k: number, x: number, out: TextBox[]): void => {
    if (k === parts.length) {
      const error = Math.abs(x - box.x1);
      if (error <= 1.5 && out.length > 1 && (!best || error < best.error - 0.05 || (error < best.error + 0.05 && out.length > best.out.length))) best = { out, error };
      return;
    }
    for (const tabs of [1, 2, 3, 0]) {
      let at = x;
      if (tabs === 0) at += space;
      for (let t = 0; t < tabs; t++) at = nextStop(at);
      if (at > box.x1 + 1.5) continue;
      const end = at + widths[k]!;
      const next = tabs === 0
        ? [...out.slice(0, -1), { ...out[out.length - 1]!, str: `${out[out.length - 1]!.str} ${parts[k]}`, x1: end }]
        : [...out, { ...box, str: parts[k]!, x0: at, x1: end }];
      walk(k + 1, end, next);
    }
  };
  walk(1, box.x0 + widths[0]!, [{ ...box, str: parts[0]!, x1: box.x0 + widths[0]! }]);
  return best;
}

/**
 * A text item of Chinese text wider than its glyphs ('购置费公务用' over a tab the producer did
 * not write as a character): split where a tab makes the rest end where the item ends.
 */
function splitHidden(grid: TabGrid, box: TextBox): TextBox[] {
  const chars = [...box.str];
  if (chars.length < 2 || chars.length > 40 || !chars.every((ch) => glyphWidth(ch, box.size, 0) === box.size)) return [box];
  const width = chars.length * box.size;
  if (box.x1 - box.x0 - width < 0.3) return [box];
  for (let i = 1; i < chars.length; i++) {
    const end = box.x0 + i * box.size;
    const stop = grid.origin + (Math.floor((end - grid.origin) / grid.step + 1e-6) + 1) * grid.step;
    if (Math.abs(stop + (chars.length - i) * box.size - box.x1) <= 0.3) {
      return [
        { ...box, str: chars.slice(0, i).join(''), x1: end },
        { ...box, str: chars.slice(i).join(''), x0: stop },
      ];
    }
  }
  return [box];
}

/** Cuts a visual line into its tab cells (blank cells where a gap crosses several stops). */
function cutLine(grid: TabGrid, line: TextBox[]): TabLine {
  const cells: TextBox[][] = [];
  const first = line[0]!;
  const lead = first.x0 > grid.origin + ON_STOP ? stopsBetween(grid, grid.origin, first.x0) : 0;
  for (let k = 0; k < lead; k++) cells.push([]);
  let cur: TextBox[] = [first];
  for (let i = 1; i < line.length; i++) {
    const b = line[i]!;
    const prev = line[i - 1]!;
    // a word space before a bracketed note ('执行率 (B/A)') is no tab, though it lands on a stop
    const note = /^[(（][^()（）]{1,8}[)）]$/.test(b.str.trim()) && !/^[(（][一二三四五六七八九十\d]{1,3}[)）]$/.test(b.str.trim())
      && spaceLike(b.x0 - prev.x1, b.size) && !/[\d.%]$/.test(prev.str);
    const tabs = b.x0 - prev.x1 > GLUED && onStop(grid, b.x0) && !note ? stopsBetween(grid, prev.x1, b.x0) : 0;
    if (tabs === 0) {
      cur.push(b);
      continue;
    }
    cells.push(cur);
    for (let k = 1; k < tabs; k++) cells.push([]);
    cur = [b];
  }
  cells.push(cur);
  return {
    cells,
    top: Math.min(...line.map((b) => b.base - b.size)),
    size: Math.max(...line.map((b) => b.size)),
    x0: first.x0,
    x1: Math.max(...line.map((b) => b.x1)),
  };
}

function plainLine(boxes: TextBox[]): TabLine {
  return {
    cells: [boxes],
    top: Math.min(...boxes.map((b) => b.base - b.size)),
    size: Math.max(...boxes.map((b) => b.size)),
    x0: boxes[0]!.x0,
    x1: Math.max(...boxes.map((b) => b.x1)),
  };
}

const AMOUNT = /^[-+]?[\d,]*\d\.\d+$|^[-+]?\d{1,3}(?:,\d{3})+$/;
const PERCENT = /^[-+]?\d+(?:\.\d+)?%$/;
const FIGURE = /^[-+]?[\d,]*\d(?:\.\d+)?%?$|^[-—–－/]+$/;
const CJK_END = /[\u3400-\u9fff）)、，；：]$/;
const CJK_START = /^[\u3400-\u9fff（(]/;

function text(boxes: TextBox[]): string {
  return joinLine(boxes).trim();
}

/**
 * `cur` continues the row `prev` (the producer wrapped it at the right margin): it starts at the
 * margin and either its first piece is a figure that did not fit after the last tab, or the row
 * filled the line to the margin and the text runs on in the middle of a word.
 */
function wrapKind(grid: TabGrid, prev: TabLine, cur: TabLine, right: number, before?: number): 'cell' | 'word' | undefined {
  if (prev.cells.length < 2) return undefined;
  const last = text(prev.cells[prev.cells.length - 1]!);
  const blanks = cur.cells.findIndex((c) => c.length > 0);
  if (blanks < 0) return undefined;
  const headBoxes = cur.cells[blanks]!;
  const head = text(headBoxes);
  const width = Math.max(...headBoxes.map((b) => b.x1)) - headBoxes[0]!.x0;
  const nextStop = grid.origin + (Math.floor((prev.x1 - grid.origin) / grid.step + 1e-6) + 1) * grid.step;
  const figuresOnly = cur.cells.every((c) => c.length === 0 || FIGURE.test(text(c)));
  // column numbers (栏次 1 2 … 9 | 10 11 …) run on after a full line: a count that goes on rising
  const columnNumbers = /^\d{1,2}$/.test(head) && /^\d{1,2}$/.test(last) && Number(head) > Number(last)
    && cur.cells.every((c) => c.length === 0 || /^\d{1,2}$/.test(text(c))) && prev.x1 + 2 * grid.step > right;
  const figureHead = AMOUNT.test(head) || PERCENT.test(head) || columnNumbers;
  // the tab before a figure went to the new line with it (several tabs: the old line's stops ran out)
  if (blanks === 1 && figureHead && figuresOnly) return 'cell';
  // a dash or a figure with its unit ('—', '9.78 分') after a row ending in figures, that could
  // not follow it on the old line
  const valueHead = /^[-—–－]+$|^[-+]?[\d,]*\d(?:\.\d+)?%?\s?[\u3400-\u9fff]{1,2}$/.test(head);
  const valueLast = FIGURE.test(last) || /^[-+]?[\d,]*\d(?:\.\d+)?%?\s?[\u3400-\u9fff]{1,2}$/.test(last);
  if (blanks === 1 && valueHead && valueLast && nextStop + width > right + 1
    && cur.cells.every((c) => c.length === 0 || FIGURE.test(text(c)) || text(c) === head)) return 'cell';
  // … and the cells after it (figures, then a remark: '30.00 | 已完成'), when it could not have
  // followed the old line's text at the next stop
  const afterFigures = cur.cells.slice(blanks).findIndex((c) => c.length > 0 && !FIGURE.test(text(c)));
  if (blanks === 1 && AMOUNT.test(head) && afterFigures > 0 && nextStop + width > right + 1) return 'cell';
  // a remark after the row's last figure, several tabs on (the old line's stops ran out)
  const remark = blanks > 1 && /[\u3400-\u9fff]/.test(head) && cur.cells.every((c) => c.length === 0 || !AMOUNT.test(text(c)));
  if (remark && AMOUNT.test(last) && prev.x1 + 3 * grid.step > right) return 'cell';
  if (blanks > 1 && figureHead && figuresOnly && prev.x1 + 3 * grid.step > right) return 'cell';
  if (blanks === 0 && AMOUNT.test(head) && (AMOUNT.test(last) || last === '')) return nextStop + width > right + 1 ? 'cell' : undefined;
  // a line breaks between two Chinese characters: the next one (with what clings to it) did not fit
  const chunk = /^[\u3400-\u9fff][^\u3400-\u9fff]*|^[(（][^\s)）]{1,8}[)）]/.exec(head)?.[0] ?? '';
  const chunkWidth = [...chunk].reduce((w, ch) => w + (/[\u3400-\u9fff（）]/.test(ch) ? 1 : 0.6) * prev.size, 0);
  // (the rest of a wrapped row is short; a line of many cells that happens to follow a full one is a row)
  const filled = cur.cells.filter((c) => c.length > 0).length;
  if (blanks === 0 && chunk && filled <= 5 && prev.x1 + chunkWidth > right - 1 && CJK_END.test(last)) return 'word';
  // a header cell that did not fit after the tab (not a row of its own: a label under a header
  // line, with its figures — '得分 | ⏎ | 年度资金总额 | 10.00 | 10.00')
  const labelRow = !FIGURE.test(last) && cur.cells.slice(blanks + 1).some((c) => c.length > 0 && AMOUNT.test(text(c)));
  // (nor the next row once a row of figures is as wide as the one before it)
  const complete = before !== undefined && prev.cells.filter((c) => c.length > 0).length >= before && prev.cells.some((c) => c.length > 0 && FIGURE.test(text(c)))
    && cur.cells.filter((c) => c.length > 0).length >= 3;
  // a row of its own: three or more cells, figures among them (header lines hold none)
  const figureRow = cur.cells.filter((c) => c.length > 0).length >= 3 && cur.cells.slice(blanks + 1).some((c) => c.length > 0 && FIGURE.test(text(c)));
  if (blanks === 1 && CJK_START.test(head) && !labelRow && !complete && !figureRow && head.length <= 30 && nextStop + Math.min(width, 2 * prev.size) > right + 1) return 'cell';
  return undefined;
}

/**
 * Where a wrapped row's figure went to the next line, the blanks it left on the old line's last
 * stops cannot always be counted: a blank on a stop the figure could not have followed, then the
 * tab that overflowed, prints as the figure's own tab moving with it. Up to `more` blanks may be
 * missing before cell `at` of the row (settled for the whole document: settleWraps).
 */
export interface OpenWrap {
  at: number;
  more: number;
}

const filledPattern = (cells: string[]): string => cells.map((c) => (c ? 'x' : '.')).join('').replace(/\.+$/, '');

/**
 * Settles the open wraps of rows set with tabs: the reading whose blanks and filled cells repeat a
 * row that wrapped without doubt (rows of one kind share their pattern: the 基本支出 rows, the
 * 项目支出 rows); else the fewest blanks, as read.
 */
export function settleWraps(rows: PdfRow[]): void {
  const known = new Set(rows.filter((r) => r.tabs && !r.wraps && r.cells.length > 2).map((r) => filledPattern(r.cells)));
  for (const row of rows) {
    const open = row.wraps;
    if (!open) continue;
    delete row.wraps;
    let readings: number[][] = [[]];
    for (const a of open) readings = readings.flatMap((r) => Array.from({ length: a.more + 1 }, (_, k) => [...r, k]));
    if (readings.length > 64) continue;
    const withBlanks = (extra: number[]): string[] => {
      const cells = [...row.cells];
      for (let i = open.length - 1; i >= 0; i--) cells.splice(open[i]!.at, 0, ...Array.from({ length: extra[i]! }, () => ''));
      return cells;
    };
    const match = readings.filter((r) => known.has(filledPattern(withBlanks(r))));
    if (match.length === 1 && match[0]!.some((k) => k > 0)) row.cells = withBlanks(match[0]!);
  }
}

/** A line holding one cell after the first stop or later (blanks before it). */
function lone(line: TabLine): boolean {
  const filled = line.cells.filter((c) => c.length > 0).length;
  return filled === 1 && line.cells.findIndex((c) => c.length > 0) >= 1;
}

/** Rows of lines set with tab stops; `right` is the page's right text edge. */
export function tabRows(grid: TabGrid, lines: TextBox[][], right: number): PdfRow[] {
  const rows: { line: TabLine; cells: TextBox[][]; open?: OpenWrap[] }[] = [];
  let lastVisual: TabLine | undefined;
  for (const visual of lines) {
    const prev = rows[rows.length - 1];
    const split = visual.flatMap((b) => splitTabbed(grid, b));
    const cut = cutLine(grid, split);
    // the rest of a wrapped row is cut at the stops even when it holds spaces of its cells
    // lines of one led cell each, one after another, are a form printed one cell per line
    // (cell-lines.ts), not a row wrapping cell by cell
    // (and a line after a gap of an empty line's height starts anew: the tabs that end a row,
    // going past the margin, print an empty line)
    const adjacent = lastVisual !== undefined && cut.top - lastVisual.top < 2 * Math.max(cut.size, lastVisual.size);
    const kind = prev && adjacent && !(lone(lastVisual!) && lone(cut)) ? wrapKind(grid, prev.line, cut, right, rows[rows.length - 2]?.cells.filter((c) => c.length > 0).length) : undefined;
    lastVisual = cut;
    // a row under rows set with tabs, its cells on the stops though they hold word spaces
    const inTable = prev !== undefined && adjacent && prev.cells.length > 2 && cut.cells.filter((c) => c.length > 0).length >= 3;
    const line = kind || inTable || isTabbed(grid, split) ? cut : plainLine(visual);
    if (prev && kind === 'cell') {
      const blanks = line.cells.findIndex((c) => c.length > 0);
      if (blanks > 0) {
        // tabs before the wrapped cell stayed, unseen, on the old line's stops it could not follow onto
        const head = line.cells[blanks]!;
        const width = Math.max(...head.map((b) => b.x1)) - head[0]!.x0;
        const unseen = stopsBetween(grid, prev.line.x1, blanks > 1 ? right + 1 : right + 1 - width - ON_STOP);
        for (let k = 0; k < unseen; k++) prev.cells.push([]);
        // a blank on a stop the figure could not follow, or the figure's own tab: both print the same
        const more = blanks === 1 ? stopsBetween(grid, prev.line.x1, right + 1) - unseen : 0;
        if (more > 0) (prev.open ??= []).push({ at: prev.cells.length, more });
      }
      prev.cells.push(...line.cells.slice(blanks > 0 ? 1 : 0));
    } else if (prev && kind === 'word') {
      prev.cells[prev.cells.length - 1]!.push(...line.cells[0]!);
      prev.cells.push(...line.cells.slice(1));
    } else {
      rows.push({ line, cells: line.cells });
      continue;
    }
    prev.line = { ...line, cells: prev.cells, top: prev.line.top, x0: prev.line.x0 };
  }
  return rows.map(({ line, cells, open }) => ({
    y: line.top,
    cells: cells.map((c) => (c.length ? joinCell(c) : '')),
    cellX: [],
    tabular: cells.length > 1,
    size: line.size,
    span: { x0: line.x0, x1: line.x1 },
    ...(cells.length > 1 ? { tabs: { ...grid, x1: line.x1, right, size: line.size } } : {}),
    ...(open ? { wraps: open } : {}),
  }));
}

/** Blank cells a figure of `chars` characters wrapped onto the next page leaves unseen after `row`. */
export function unseenTabs(row: PdfRow, chars: number): number {
  const t = row.tabs;
  if (!t) return 0;
  return stopsBetween(t, t.x1, t.right + 1 - chars * 0.55 * t.size - ON_STOP);
}

/** A cell's text; pieces of a word wrapped onto the next line are joined without a space. */
function joinCell(boxes: TextBox[]): string {
  const parts: TextBox[][] = [];
  for (const b of boxes) {
    const last = parts[parts.length - 1];
    if (last && b.x0 >= last[last.length - 1]!.x0 - 0.5 && Math.abs(b.base - last[0]!.base) < 0.5 * b.size) last.push(b);
    else parts.push([b]);
  }
  return parts.map((p) => joinLine(p).trim()).join('');
}
