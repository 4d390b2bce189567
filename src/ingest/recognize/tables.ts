/**
 * recognizeTables: finds the nine standard tables of a 决算 disclosure in a RawDocument — by title
 * (any year's or region's alias), else by content — with their 目录 entries and printed ordinals.
 * `consumed` holds every line that belongs to one of the nine tables (title, unit line, grid, notes).
 *
 * Keys of the result (column keys are listed per table in src/catalog/tables.ts):
 * - T01/T04 rows: side 'income' | 'expenditure'; keys 'income:generalBudget' … 'income:other',
 *   'incomeTotal', 'useNonFiscalSurplus', 'carryoverBegin' (T04: with 'carryoverBegin:<fund>' lines),
 *   'fn:208' (function class, code '208'), 'expenditureTotal', 'surplusDistribution', 'carryoverEnd',
 *   'grandTotal' (both sides). Cells: 'amount'; T04 expenditure: total/generalBudget/governmentFund/stateCapital.
 * - T02/T03/T05/T07/T08 rows: key = the joined code ('2101501'), 'total' for 合计 (also unlabelled).
 * - T06 rows: key = economic code, side 'personnel' (301, 303) | 'public'; 'personnelTotal', 'publicTotal'.
 * - T09: cells 'budget.<item>' / 'actual.<item>' (item: total abroad vehicle vehiclePurchase
 *   vehicleOperation reception) in every form — one row 'threePublic' (modern), one row per item
 *   (old form, plus 'actual.count.*' numbers and 'actual.operatingExpense'), or rows
 *   'threePublic.budget' / 'threePublic.actual'. `findCell(table, 'actual.reception')` finds either.
 */
import type { RawDocument, RawLine } from '../raw.js';
import type { Table, TableKey } from '../../model/table.js';
import type { Provenance } from '../../model/provenance.js';
import type { TocEntry } from '../../model/disclosure.js';
import type { Unit } from '../../model/money.js';
import { findOrdinal, findUnit, isMetaLine, isNoteLine, isOrdinalOnly, isOtherTableTitle, isOtherTableTitleText, isTocHeading, matchTitle, matchTitleText, type TitleMatch } from './table-titles.js';
import { findRegion, type Region } from './table-region.js';
import { parseTable } from './table-parse.js';
import { documentUnit } from './table-unit.js';
import { findUntitledTables } from './table-content.js';
import { isBudgetVariant } from '../../catalog/budget-tables.js';
import { applyBudgetRows, ordinalAbove, parseOtherTable, regionAfterFragments, titleAt } from './budget-tables.js';

export interface TablesResult {
  tables: Table[];
  toc: TocEntry[];
  ordinals: { text: string; prov: Provenance }[];
  consumed: Set<number>;
}

interface Candidate {
  index: number;
  /** Index of the title's last line (a title wrapped onto a second line: '…支出预算' / '表'). */
  last: number;
  match: TitleMatch;
  /** A budget table outside the nine (机关运行经费, 政府采购 …): read, kept without a key. */
  other?: boolean;
  region: Region | null;
  /** Its region was appended to the same table before it (a title printed again on the next page). */
  merged?: boolean;
}

function provOfLine(l: RawLine, cell?: number): Provenance {
  const p: Provenance = { line: l.line };
  if (l.page !== undefined) p.page = l.page;
  if (cell !== undefined) p.cell = cell;
  return p;
}

export function recognizeTables(raw: RawDocument): TablesResult {
  const lines = raw.lines;
  const candidates: Candidate[] = [];
  const boundaries: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const found = titleAt(lines, i);
    if (found) {
      candidates.push({ index: i, last: found.last, match: found.match, region: null, ...(found.other && { other: true }) });
      boundaries.push(i);
      i = found.last;
    } else if (isOtherTableTitle(l)) boundaries.push(i);
  }
  const toc = tocCluster(lines, candidates);
  for (const c of candidates) {
    if (toc.has(c.index)) continue;
    const stop = boundaries.find((b) => b > c.index) ?? lines.length;
    c.region = findRegion(lines, c.last + 1, stop) ?? regionAfterFragments(lines, c.last + 1, stop);
  }
  mergeContinuations(candidates);
  const docUnit = documentUnit(lines, candidates.flatMap((c) => (c.region ? unitLines(lines, c) : [])));
  const consumed = new Set<number>();
  const tables: Table[] = [];
  for (const c of candidates) {
    if (!c.region) continue;
    tables.push(buildTable(lines, c, `tbl-${tables.length + 1}`, docUnit));
    markConsumed(lines, c, consumed);
  }
  for (const t of tables) if (t.key && isBudgetVariant(t.variant ?? '')) applyBudgetRows(t);
  // A table found by content alone that reads no row at all was prose set with tabs: its lines go back to the text.
  for (const t of findUntitledTables(lines, consumed, new Set(tables.map((t) => t.key!)), docUnit)) {
    if (t.rows.length || t.notes.length) tables.push(t);
    else for (let n = t.prov.line; n <= t.endLine; n++) consumed.delete(n);
  }
  tables.sort((a, b) => a.prov.line - b.prov.line);
  tables.forEach((t, i) => (t.id = `tbl-${i + 1}`));
  const tocEntriesFound = tocEntries(lines, candidates);
  const tocLines = new Set(tocEntriesFound.map((e) => e.prov.line));
  return { tables, toc: tocEntriesFound, ordinals: ordinalsOf(lines, tocLines), consumed };
}

/** A table whose title is printed again after a page break continues the first one. */
function mergeContinuations(candidates: Candidate[]): void {
  for (let k = candidates.length - 1; k > 0; k--) {
    const prev = candidates[k - 1]!;
    const cur = candidates[k]!;
    if (!prev.region || !cur.region || prev.match.key !== cur.match.key || prev.other || cur.other) continue;
    if (cur.index - prev.region.end > 3) continue;
    prev.region.meta.push(cur.index, ...cur.region.meta);
    prev.region.body.push(...cur.region.body);
    prev.region.notes.push(...cur.region.notes);
    prev.region.end = cur.region.end;
    cur.region = null;
    cur.merged = true;
  }
}

function unitLines(lines: RawLine[], c: Candidate): string[] {
  const r = c.region!;
  return [c.index, ...r.meta, ...r.body.slice(0, 2), ...r.notes].map((i) => lines[i]!.cells.join(' '));
}

function tableUnit(lines: RawLine[], c: Candidate, docUnit: { unit: Unit; source: Table['unitSource'] }): { unit: Unit; source: Table['unitSource'] } {
  for (const text of unitLines(lines, c)) {
    const unit = findUnit(text);
    if (unit) return { unit, source: 'printed' };
  }
  return docUnit;
}

function buildTable(lines: RawLine[], c: Candidate, id: string, docUnit: { unit: Unit; source: Table['unitSource'] }): Table {
  const r = c.region!;
  const { unit, source } = tableUnit(lines, c, docUnit);
  const last = [...r.meta, ...r.body, ...r.notes].reduce((m, i) => Math.max(m, i), c.index);
  const ordinal = c.match.ordinal ?? r.meta.map((i) => findOrdinal(lines[i]!.cells.join(''))).find((o) => o) ?? ordinalAbove(lines, c.index);
  if (c.other) return parseOtherTable({ id, title: c.match.title, ...(ordinal ? { ordinal } : {}), unit, unitSource: source,
    body: r.body.map((i) => lines[i]!), notes: r.notes.map((i) => lines[i]!.cells.filter((x) => x !== '').join(' ')),
    prov: provOfLine(lines[c.index]!), endLine: lines[last]!.line });
  return parseTable({
    id,
    key: c.match.key!,
    variant: c.match.variant,
    title: c.match.title,
    ...(ordinal ? { ordinal } : {}),
    unit,
    unitSource: source,
    body: r.body.map((i) => lines[i]!),
    notes: r.notes.map((i) => lines[i]!.cells.filter((x) => x !== '').join(' ')),
    prov: provOfLine(lines[c.index]!),
    endLine: lines[last]!.line,
  });
}

function markConsumed(lines: RawLine[], c: Candidate, consumed: Set<number>): void {
  const r = c.region!;
  for (let i = c.index; i <= c.last; i++) consumed.add(lines[i]!.line);
  for (const i of [...r.meta, ...r.body, ...r.notes]) consumed.add(lines[i]!.line);
}

/**
 * Titles listed one after another (three or more, at most two lines apart, nothing but headings or
 * page numbers between) are a 目录, never tables, even when the list is printed as a grid.
 */
function tocCluster(lines: RawLine[], candidates: Candidate[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= 3) run.forEach((i) => out.add(i));
    run = [];
  };
  for (const c of candidates) {
    const next = lines[c.index + 1];
    if (next && (isMetaLine(next) || isNoteLine(next) || (next.tabular && next.cells.length >= 3))) {
      flush();
      continue;
    }
    const prev = run[run.length - 1];
    const between = prev === undefined ? [] : lines.slice(prev + 1, c.index);
    const close = prev !== undefined && between.length <= 2 && between.every((l) => !isNoteLine(l) && !isMetaLine(l) && !hasFigures(l));
    if (!close) flush();
    run.push(c.index);
  }
  flush();
  return out;
}

function hasFigures(l: RawLine): boolean {
  return l.cells.some((c) => /\d[.,]\d/.test(c));
}

/** Titles without a grid are 目录 entries when they stand in the 目录 or among other such titles. */
function tocEntries(lines: RawLine[], candidates: Candidate[]): TocEntry[] {
  const bare = candidates.filter((c) => !c.region && !c.merged);
  const firstTable = candidates.find((c) => c.region)?.index ?? lines.length;
  const tocStart = lines.findIndex(isTocHeading);
  return bare
    .filter((c) => {
      const inToc = tocStart >= 0 && c.index > tocStart && c.index < firstTable;
      const neighbours = bare.filter((o) => o !== c && Math.abs(o.index - c.index) <= 4).length;
      return inToc || neighbours >= 2;
    })
    .map((c) => ({ text: c.match.title, ...(c.match.key && { table: c.match.key }), prov: provOfLine(lines[c.index]!) }));
}

/** Every printed table ordinal (公开01表, 表一, 附表2 …) standing alone or in a title (not in the 目录). */
function ordinalsOf(lines: RawLine[], tocLines: Set<number>): { text: string; prov: Provenance }[] {
  const out: { text: string; prov: Provenance }[] = [];
  for (const l of lines) {
    if (tocLines.has(l.line)) continue;
    l.cells.forEach((cell, k) => {
      if (cell === '' || !/表/.test(cell)) return;
      const alone = isOrdinalOnly(cell);
      const inTitle = !alone && cell.length <= 60 && (matchTitleText(cell) !== null || isOtherTableTitleText(cell));
      if (!alone && !inTitle) return;
      const text = findOrdinal(cell);
      if (text) out.push({ text, prov: provOfLine(l, l.cells.length > 1 ? k : undefined) });
    });
  }
  return out;
}
