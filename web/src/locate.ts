/**
 * Where a finding is, for the viewers: the lines, cells and printed text it points at (from the
 * model's provenance), and its location in a reviewer's words (页, 表, 行, 列 — never the internal line
 * number). The readers keep no bounding boxes in the model (Provenance.bbox is never set), so the page
 * view finds the box itself: the printed line (by its text) and the evidence or cell inside it.
 */
import type { Disclosure, SourceLine } from '../../src/model/index';
import type { Finding, Location } from '../../src/check/types';

export interface Target {
  line: number;
  page?: number;
  /** 0-based cell index in the line, when the finding names a table cell. */
  cell?: number;
  /** The printed text to box inside the line (the evidence, or the cell's text). */
  evidence?: string;
  role: 'primary' | 'related';
}

export interface DocIndex {
  lines: Map<number, SourceLine>;
  /** Lines of each page, in order (PDF). */
  pages: Map<number, SourceLine[]>;
  /** Table cells by line: cell index, column label, row name, text. */
  cells: Map<number, { cell: number; column: string; row: string; text: string }[]>;
}

export function indexDocument(d: Disclosure): DocIndex {
  const lines = new Map<number, SourceLine>();
  const pages = new Map<number, SourceLine[]>();
  for (const l of d.lines) {
    lines.set(l.line, l);
    if (l.page !== undefined) {
      const p = pages.get(l.page) ?? [];
      p.push(l);
      pages.set(l.page, p);
    }
  }
  const cells = new Map<number, { cell: number; column: string; row: string; text: string }[]>();
  for (const t of d.tables) {
    for (const r of t.rows) {
      for (const c of t.columns) {
        const cell = r.cells[c.key];
        if (!cell || cell.prov.cell === undefined) continue;
        const list = cells.get(cell.prov.line) ?? [];
        list.push({ cell: cell.prov.cell, column: c.label, row: r.name, text: cell.text });
        cells.set(cell.prov.line, list);
      }
    }
  }
  // cells of the 绩效自评 tables (funding, indicators, rows kept as printed): any Cell in them
  const walk = (v: unknown, row: string): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v) walk(x, row); return; }
    const o = v as Record<string, unknown>;
    const prov = o.prov as { line?: number; cell?: number } | undefined;
    if (typeof o.text === 'string' && o.value && prov?.line !== undefined && prov.cell !== undefined) {
      const list = cells.get(prov.line) ?? [];
      if (!list.some((c) => c.cell === prov.cell)) list.push({ cell: prov.cell, column: '', row, text: o.text });
      cells.set(prov.line, list);
      return;
    }
    const label = typeof o.label === 'string' ? o.label : typeof o.level3 === 'string' ? o.level3 : row;
    for (const [k, x] of Object.entries(o)) if (k !== 'prov') walk(x, label);
  };
  walk(d.performance, '');
  return { lines, pages, cells };
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function target(ix: DocIndex, loc: Location, evidence: string | undefined, role: Target['role']): Target | undefined {
  if (!loc.line) return undefined;
  const t: Target = { line: loc.line, role };
  const page = loc.page ?? ix.lines.get(loc.line)?.page;
  if (page !== undefined) t.page = page;
  const cells = ix.cells.get(loc.line) ?? [];
  const ev = evidence ? squash(evidence) : '';
  // the cell named by the column (and row) label, else the one cell printing the evidence
  // (a line can hold two rows: T01 prints the income and the expenditure side by side)
  const ofRow = loc.row ? cells.filter((c) => squash(c.row) === squash(loc.row!)) : [];
  const pool = ofRow.length ? ofRow : cells;
  const byColumn = loc.column ? pool.filter((c) => squash(c.column) === squash(loc.column!)) : [];
  const byText = ev ? pool.filter((c) => squash(c.text) === ev) : [];
  const cell = byColumn.length === 1 ? byColumn[0] : byText.length === 1 ? byText[0] : byColumn.find((c) => squash(c.text) === ev);
  if (cell) t.cell = cell.cell;
  if (evidence) t.evidence = evidence;
  else if (cell) t.evidence = cell.text;
  return t;
}

/** The finding's own place first, then the places it was compared with. */
export function targetsOf(ix: DocIndex, f: Finding): Target[] {
  const out: Target[] = [];
  const main = target(ix, f.location, f.evidence, 'primary');
  if (main) out.push(main);
  for (const r of f.related ?? []) {
    const t = target(ix, r.location, r.evidence, 'related');
    // a related place with nothing printed to point at, on a line already boxed, adds only noise
    if (t && !t.evidence && t.cell === undefined && out.some((o) => o.line === t.line)) continue;
    if (t && !out.some((o) => o.line === t.line && o.cell === t.cell && o.evidence === t.evidence)) out.push(t);
  }
  return out;
}

/** 第 3 页 · 支出决算表 · 行「合计」 · 列「基本支出」 (or the section). */
export function locationWords(loc: Location, page?: number): string {
  const parts: string[] = [];
  const p = loc.page ?? page;
  if (p !== undefined) parts.push(`第 ${p} 页`);
  const table = loc.tableTitle ?? loc.table;
  if (table) parts.push(table);
  if (loc.row) parts.push(`行「${loc.row}」`);
  if (loc.column) parts.push(`列「${loc.column}」`);
  if (!table && loc.section) parts.push(loc.section);
  return parts.join(' · ');
}

/** The page of a location, from the finding or the line it cites. */
export function pageOf(ix: DocIndex, loc: Location): number | undefined {
  return loc.page ?? (loc.line ? ix.lines.get(loc.line)?.page : undefined);
}
