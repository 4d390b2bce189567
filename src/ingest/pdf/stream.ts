/**
 * Tables without ruling lines ("stream" tables): consecutive visual lines made of several
 * separated pieces form a block; the block's columns are the gaps shared by its data-like lines
 * (the x-ranges of their pieces never cross a column gap), and every line of the block is cut into
 * those columns, so blank cells keep their place. Other lines are split at wide gaps only.
 */
import type { TextBox } from './page.js';
import type { PdfRow } from './table-rows.js';
import { joinLine } from './text-join.js';

/** Gap (in font sizes) that separates two pieces of a line. */
const PIECE_GAP = 0.75;
/** Gap (in font sizes) from which two boxes of a line outside any table are separate cells. */
export const CELL_GAP = 0.9;
/** Gap (in font sizes) that sets a figure apart from its neighbour in a line with column gaps. */
const FIGURE_GAP = 0.5;
const MIN_BLOCK_LINES = 3;

interface Piece {
  boxes: TextBox[];
  x0: number;
  x1: number;
}

interface Line {
  boxes: TextBox[];
  pieces: Piece[];
  top: number;
  size: number;
}

function pieces(line: TextBox[], gap: number): Piece[] {
  const out: Piece[] = [];
  for (const b of line) {
    const last = out[out.length - 1];
    if (last && b.x0 - last.x1 < gap * Math.min(b.size, last.boxes[last.boxes.length - 1]!.size)) {
      last.boxes.push(b);
      last.x1 = Math.max(last.x1, b.x1);
    } else out.push({ boxes: [b], x0: b.x0, x1: b.x1 });
  }
  return out;
}

/**
 * A figure set apart by half an em in a line that has column gaps is a cell of its own: tight
 * borderless tables leave less than a word space between a right-aligned amount and the next
 * column's left-aligned label ('135.00  一、一般公共服务支出'). Running text (no column gap) is kept whole.
 */
function figurePieces(line: TextBox[], wide: Piece[]): Piece[] {
  if (wide.length < 2) return wide;
  const figure = (b: TextBox): boolean => NUMBER.test(b.str.trim());
  const out: Piece[] = [];
  for (const p of wide) {
    let cur: Piece = { boxes: [p.boxes[0]!], x0: p.boxes[0]!.x0, x1: p.boxes[0]!.x1 };
    for (let i = 1; i < p.boxes.length; i++) {
      const [a, b] = [p.boxes[i - 1]!, p.boxes[i]!];
      if (b.x0 - a.x1 >= FIGURE_GAP * Math.min(a.size, b.size) && (figure(a) || figure(b))) {
        out.push(cur);
        cur = { boxes: [b], x0: b.x0, x1: b.x1 };
      } else {
        cur.boxes.push(b);
        cur.x1 = Math.max(cur.x1, b.x1);
      }
    }
    out.push(cur);
  }
  return out;
}

function toLine(boxes: TextBox[]): Line {
  return {
    boxes,
    pieces: figurePieces(boxes, pieces(boxes, PIECE_GAP)),
    top: Math.min(...boxes.map((b) => b.base - b.size)),
    size: Math.max(...boxes.map((b) => b.size)),
  };
}

/** A line outside any table: cells at wide gaps. */
function plainRow(line: Line): PdfRow {
  const cells = pieces(line.boxes, CELL_GAP);
  return {
    y: line.top,
    cells: cells.map((p) => joinLine(p.boxes).trim()),
    cellX: cells.map((p) => ({ x0: p.x0, x1: p.x1 })),
    tabular: cells.length > 1,
    size: line.size,
  };
}

const NUMBER = /^[-+(（]?[\d,.]*\d[\d,.]*%?[)）]?$/;

/**
 * Column x-ranges of a block: the union of the pieces of its data lines (lines holding a number;
 * headers, often centred or left-aligned above right-aligned amounts, would split columns).
 */
function columnsOf(block: Line[]): { x0: number; x1: number }[] {
  const most = Math.max(...block.map((l) => l.pieces.length));
  const wide = block.filter((l) => l.pieces.length >= Math.max(2, Math.ceil(most / 2)));
  const numeric = wide.filter((l) => l.pieces.some((p) => NUMBER.test(joinLine(p.boxes).trim())));
  const data = numeric.length >= 2 ? numeric : wide;
  const spans = data.flatMap((l) => l.pieces.map((p) => ({ x0: p.x0, x1: p.x1 }))).sort((a, b) => a.x0 - b.x0);
  const cols: { x0: number; x1: number }[] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s.x0 <= last.x1 + 1) last.x1 = Math.max(last.x1, s.x1);
    else cols.push({ ...s });
  }
  return cols;
}

/** The first column a piece overlaps; a piece in a gap goes right (a header above right-aligned amounts). */
function columnOf(cols: { x0: number; x1: number }[], p: Piece): number {
  const overlap = cols.findIndex((c) => Math.min(c.x1, p.x1) - Math.max(c.x0, p.x0) > 0);
  if (overlap >= 0) return overlap;
  const right = cols.findIndex((c) => c.x0 >= p.x1);
  return right >= 0 ? right : cols.length - 1;
}

function blockRows(block: Line[]): PdfRow[] {
  const cols = columnsOf(block);
  if (cols.length < 2) return block.map(plainRow);
  return block.map((line) => {
    const parts: TextBox[][] = cols.map(() => []);
    for (const p of line.pieces) parts[columnOf(cols, p)]!.push(...p.boxes);
    return { y: line.top, cells: parts.map((boxes) => joinLine(boxes).trim()), cellX: cols.map((c) => ({ ...c })), tabular: true };
  });
}

/** Groups lines into runs of multi-piece lines (a single-piece line may sit inside a run). */
function blocks(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  let run: Line[] = [];
  const close = (): void => {
    const tail: Line[] = [];
    while (run.length && run[run.length - 1]!.pieces.length < 2) tail.unshift(run.pop()!);
    if (run.length) out.push(run);
    for (const line of tail) out.push([line]);
    run = [];
  };
  lines.forEach((line, i) => {
    const prev = run[run.length - 1];
    const far = prev && line.top - prev.top > 3 * Math.max(prev.size, line.size);
    const nextMulti = (lines[i + 1]?.pieces.length ?? 0) >= 2;
    if (far) close();
    if (line.pieces.length >= 2 || (run.length > 0 && nextMulti)) run.push(line);
    else {
      close();
      out.push([line]);
    }
  });
  close();
  return out;
}

/** Rows of the lines outside ruled tables (each line sorted by x, lines top to bottom). */
export function streamRows(lines: TextBox[][]): PdfRow[] {
  const rows: PdfRow[] = [];
  for (const block of blocks(lines.map(toLine))) {
    const multi = block.filter((l) => l.pieces.length >= 2).length;
    rows.push(...(multi >= MIN_BLOCK_LINES ? blockRows(block) : block.map(plainRow)));
  }
  return rows;
}
