/**
 * Rows of the tables listed by classification code (T02, T03, T05, T07, T08 and T09's modern form):
 * code in one column ('2101501') or three (类/款/项: '210' | '21015' | '2101501' or '210' | '15' | '01'),
 * the name (wrapped names joined), the 合计 row (also when unlabelled or its label sits in a value cell).
 */
import type { Unit } from '../../model/money.js';
import type { Cell, CodeLevel, Row } from '../../model/table.js';
import type { Provenance } from '../../model/provenance.js';
import { compactText, isDash, isNumberText, makeCell } from './cells.js';
import type { GridCell, GridRow } from './table-grid.js';
import { CODE_CELL_RE, isAmountLike, isTotalLabel, numberingColumns } from './table-header.js';
import type { ColumnPlan } from './table-columns.js';
import { joinWrapped } from '../text/split-lines.js';

export function provOf(row: GridRow, cell?: GridCell): Provenance {
  const p: Provenance = { line: row.raw.line };
  if (row.raw.page !== undefined) p.page = row.raw.page;
  if (cell && cell.index >= 0) p.cell = cell.index;
  if (row.raw.sheet) p.sheet = row.raw.sheet;
  if (cell && cell.index >= 0 && row.raw.refs?.[cell.index]) p.ref = row.raw.refs[cell.index];
  return p;
}

export function levelOf(code: string): CodeLevel | undefined {
  return code.length === 3 ? 'category' : code.length === 5 ? 'section' : code.length === 7 ? 'item' : undefined;
}

interface LabelParts {
  code?: string;
  name: string;
}

/** Carries the last 类 and 款 so that a row printing only '15' or '01' gets its full code. */
class CodeJoiner {
  private cls = '';
  private sec = '';

  join(parts: string[]): string | undefined {
    if (!parts.length) return undefined;
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    let code: string;
    if (parts.length > 1 && parts.every((p, i) => i === 0 || p.startsWith(parts[i - 1]!))) code = longest;
    else if (parts[0]!.length === 3 || parts[0]!.length >= 5) code = parts.join('');
    else code = (parts[0]!.length === 2 && parts.length === 1 && this.sec ? this.sec : this.cls) + parts.join('');
    if (code.length === 3) [this.cls, this.sec] = [code, ''];
    if (code.length === 5) [this.cls, this.sec] = [code.slice(0, 3), code];
    if (code.length === 7) [this.cls, this.sec] = [code.slice(0, 3), code.slice(0, 5)];
    return code;
  }
}

function labelParts(cells: GridCell[], joiner: CodeJoiner): LabelParts {
  const codes: string[] = [];
  let name = '';
  const hasText = cells.some((c) => /[^\d\s]/.test(c.text));
  for (const cell of cells) {
    const t = cell.text.trim();
    if (t === '' || /^(栏次|档次)$/.test(compactText(t))) continue;
    const m = CODE_CELL_RE.exec(t.normalize('NFKC'));
    if (m && !m[2]) codes.push(m[1]!);
    else if (/^\d{2}$/.test(t) && (codes.length > 0 || hasText)) codes.push(t);
    else if (m && m[2]) {
      codes.push(m[1]!);
      name = joinWrapped(name, m[2].trim());
    } else name = joinWrapped(name, t);
  }
  const code = joiner.join(codes);
  return code ? { code, name } : { name };
}

export interface CodeRowOptions {
  plan: ColumnPlan;
  unit: Unit;
  /** First value column: cells left of it are the label. */
  valueStart: number;
  header: GridRow[];
}

export function buildCodeRows(data: GridRow[], o: CodeRowOptions): Row[] {
  const rows: Row[] = [];
  const joiner = new CodeJoiner();
  const seen = { code: false, total: false };
  const headerTexts = new Set(o.header.map((h) => compactText(h.cells.map((c) => c.text).join(''))));
  for (let g of data) {
    if (numberingColumns(g) || headerTexts.has(compactText(g.cells.map((c) => c.text).join('')))) continue;
    g = realignRow(g, o.valueStart);
    const label = labelParts(g.cells.slice(0, o.valueStart), joiner);
    const cells = valueCells(g, o);
    const shifted = !label.name && !label.code ? takeShiftedLabel(cells) : undefined;
    if (shifted) label.name = shifted;
    const hasValues = Object.values(cells).some((c) => c.value.kind !== 'blank');
    if (!label.code && !hasValues && label.name && !isTotalLabel(label.name) && rows.length && !rows[rows.length - 1]!.key?.startsWith('total')) {
      const prev = rows[rows.length - 1]!;
      prev.name = joinWrapped(prev.name, label.name);
      continue;
    }
    if (!label.code && !label.name && !hasValues) continue;
    rows.push(makeRow(g, label, cells, seen));
    const last = rows[rows.length - 1]!;
    if (last.code) seen.code = true;
    if (last.key === 'total') seen.total = true;
  }
  return rows;
}

/**
 * A row whose cells are shifted against the header: its name printed in a value column (label
 * region empty but for a code), or its figures starting inside the label region. Returns the row
 * with its cells moved back into place.
 */
export function realignRow(g: GridRow, valueStart: number): GridRow {
  if (valueStart < 1) return g; // no label column to move a name into
  const cells = g.cells;
  const labelCells = cells.slice(0, valueStart);
  const hasName = labelCells.some((c) => /[^\d\s]/.test(c.text) && !/^(栏次|档次)$/.test(compactText(c.text)));
  let lastText = -1;
  for (let c = valueStart; c < cells.length && !hasName; c++) {
    const t = cells[c]!.text.trim();
    if (t === '') continue;
    if (isFigureText(t) || isTotalLabel(t)) break;
    lastText = c;
  }
  if (lastText >= 0) {
    const moved = cells.slice(0, lastText + 1).filter((c) => c.text.trim() !== '');
    const slots: GridCell[] = Array.from({ length: valueStart }, () => ({ text: '', index: -1 }));
    moved.forEach((c, k) => {
      const at = Math.min(k, valueStart - 1);
      slots[at] = slots[at]!.text ? { ...c, text: `${slots[at]!.text}${c.text}` } : c;
    });
    return { raw: g.raw, cells: [...slots, ...cells.slice(lastText + 1)] };
  }
  const firstFigure = labelCells.findIndex((c, k) => k > 0 && isAmountLike(c.text));
  if (firstFigure > 0) {
    const pad: GridCell[] = Array.from({ length: valueStart - firstFigure }, () => ({ text: '', index: -1 }));
    return { raw: g.raw, cells: [...cells.slice(0, firstFigure), ...pad, ...cells.slice(firstFigure)] };
  }
  return g;
}

function valueCells(g: GridRow, o: CodeRowOptions): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const col of o.plan.columns) {
    const gc = g.cells[col.index];
    cells[col.key] = makeCell(gc?.text ?? '', o.unit, provOf(g, gc));
  }
  return cells;
}

/** A 合计 label printed in a value cell (the row label in the wrong cell): moved out of the values. */
function takeShiftedLabel(cells: Record<string, Cell>): string | undefined {
  for (const cell of Object.values(cells)) {
    if (cell.value.kind === 'text' && isTotalLabel(cell.text)) {
      const label = cell.text;
      cell.text = '';
      cell.value = { kind: 'blank' };
      return label;
    }
  }
  return undefined;
}

function makeRow(g: GridRow, label: LabelParts, cells: Record<string, Cell>, seen: { code: boolean; total: boolean }): Row {
  const row: Row = { name: label.name, cells, prov: provOf(g) };
  if (label.code) {
    row.code = label.code;
    row.key = label.code;
    const level = levelOf(label.code);
    if (level) row.codeLevel = level;
  } else if (isTotalLabel(label.name) || (!label.name && !seen.code && !seen.total)) {
    row.key = 'total';
  }
  return row;
}

/** True when the text is a figure a value column may hold. */
export function isFigureText(t: string): boolean {
  return t.trim() === '' || isNumberText(t) || isDash(t) || /%$/.test(t.trim());
}
