/**
 * Turns a rule's provenance into the contract's location: line and page from the node, the section
 * whose span holds the line, and the table that holds it (key plus printed title).
 *
 * A finding whose rule names no table gets the containing table only when its `at` is a cell or a row
 * of that table: a line that merely falls inside a table's span (its title, the line where a missing
 * table would stand) does not make the finding about that table, and document-level findings (line 1,
 * a 目录 line) never get one. The lookups are built once per locator, lazily.
 */
import { TABLE_KEYS, type Disclosure, type Provenance, type Section, type Table, type TableKey } from '../model/index.js';
import type { Location } from './types.js';

interface SectionSpan { start: number; end: number; depth: number; label: string }

export interface Locator {
  locate(at: Provenance, hints?: { table?: string; row?: string; column?: string; section?: string }): Location;
}

/** The last line a section's own content reaches (paragraphs, sentences, children). */
function lastLine(s: Section): number {
  let max = s.prov.line;
  for (const p of s.paragraphs) {
    max = Math.max(max, p.prov.line);
    for (const sentence of p.sentences) max = Math.max(max, sentence.prov.line);
  }
  for (const c of s.children) max = Math.max(max, lastLine(c));
  return max;
}

export function sectionLabel(s: Section): string {
  return `${s.number ?? ''}${s.heading}`.trim();
}

function flatten(sections: readonly Section[], depth: number, out: SectionSpan[]): SectionSpan[] {
  for (const s of sections) {
    out.push({ start: s.prov.line, end: lastLine(s), depth, label: sectionLabel(s) });
    flatten(s.children, depth + 1, out);
  }
  return out;
}

const TABLE_KEY_SET: ReadonlySet<string> = new Set(TABLE_KEYS);
const ALNUM_START = /^[A-Za-z0-9]/;

function isTableKey(s: string): s is TableKey {
  return TABLE_KEY_SET.has(s);
}

/** Once per key: a value computed on first use. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) { value = make(); made = true; }
    return value as T;
  };
}

/** Line-indexed lookups: 0 means none, else 1 + an index into `items`. */
interface LineIndex<T> { slots: Int32Array; items: readonly T[] }

function lineAt<T>(index: LineIndex<T>, line: number): T | undefined {
  const slot = line < index.slots.length ? index.slots[line]! : 0;
  return slot ? index.items[slot - 1] : undefined;
}

/** The highest line any part of the document claims (lines, sections, tables). */
function lastDocumentLine(d: Disclosure, spans: readonly SectionSpan[]): number {
  let max = 0;
  for (const l of d.lines) max = Math.max(max, l.line);
  for (const s of spans) max = Math.max(max, s.end);
  for (const t of d.tables) max = Math.max(max, t.endLine);
  return max;
}

/** line → the deepest section whose span holds it (the later one among equals). */
function sectionIndex(spans: readonly SectionSpan[], size: number): LineIndex<SectionSpan> {
  const slots = new Int32Array(size);
  spans.forEach((s, i) => {
    for (let line = Math.max(0, s.start); line <= s.end && line < size; line++) {
      const cur = slots[line]!;
      if (!cur || s.depth >= spans[cur - 1]!.depth) slots[line] = i + 1;
    }
  });
  return { slots, items: spans };
}

/** line → the first table (in document order) whose span holds it. */
function tableIndex(d: Disclosure, size: number): LineIndex<Table> {
  const slots = new Int32Array(size);
  d.tables.forEach((t, i) => {
    for (let line = Math.max(0, t.prov.line); line <= t.endLine && line < size; line++) if (!slots[line]) slots[line] = i + 1;
  });
  return { slots, items: d.tables };
}

/** Lines that print a row or cell of the table `tables` assigns them to. */
function rowLineIndex(d: Disclosure, tables: LineIndex<Table>): Uint8Array {
  const marks = new Uint8Array(tables.slots.length);
  d.tables.forEach((t, i) => {
    const mark = (line: number) => {
      if (line >= 0 && line < marks.length && tables.slots[line] === i + 1) marks[line] = 1;
    };
    for (const r of t.rows) {
      mark(r.prov.line);
      for (const c of Object.values(r.cells)) mark(c.prov.line);
    }
  });
  return marks;
}

export function createLocator(d: Disclosure): Locator {
  const spans = lazy(() => flatten(d.sections, 0, []));
  const size = lazy(() => lastDocumentLine(d, spans()) + 1);
  const sections = lazy(() => sectionIndex(spans(), size()));
  const tables = lazy(() => tableIndex(d, size()));
  const rowLines = lazy(() => rowLineIndex(d, tables()));
  const tocLines = lazy(() => new Set(d.toc.map((e) => e.prov.line)));
  const pages = lazy(() => {
    const slots = new Int32Array(size());
    for (const l of d.lines) if (l.page !== undefined && l.line >= 0 && l.line < slots.length) slots[l.line] = l.page + 1;
    return slots;
  });
  const pageAt = (line: number): number | undefined => {
    const slot = line < pages().length ? pages()[line]! : 0;
    return slot ? slot - 1 : undefined;
  };
  const byKey = lazy(() => {
    const m = new Map<string, Table>();
    for (const t of d.tables) if (t.key && !m.has(t.key)) m.set(t.key, t);
    return m;
  });

  /** The table holding `at` as one of its cells or rows; never for line 1 or a 目录 line. */
  const tableOf = (prov: Provenance, line: number): Table | undefined => {
    if (line === 1 || tocLines().has(line)) return undefined;
    const t = lineAt(tables(), line);
    if (!t) return undefined;
    return prov.cell !== undefined || rowLines()[line] ? t : undefined;
  };

  const tableFields = (hint: string | undefined, at: Provenance, line: number | undefined): Pick<Location, 'table' | 'tableTitle'> => {
    const key = hint?.slice(0, 3);
    const t = hint !== undefined
      ? (key && isTableKey(key) && !ALNUM_START.test(hint.slice(3)) ? byKey().get(key) : undefined)
      : line !== undefined ? tableOf(at, line) : undefined;
    if (hint !== undefined && !t) return { table: hint };
    if (!t) return {};
    return t.key ? { table: t.key, tableTitle: t.title } : { table: t.title };
  };

  return {
    locate(at, hints = {}) {
      const line = Number.isInteger(at.line) && at.line >= 1 ? at.line : undefined;
      const page = at.page ?? (line !== undefined ? pageAt(line) : undefined);
      const section = hints.section ?? (line !== undefined ? lineAt(sections(), line)?.label : undefined);
      return {
        ...(line !== undefined ? { line } : {}),
        ...(page !== undefined && page >= 1 ? { page } : {}),
        ...(section ? { section } : {}),
        ...tableFields(hints.table, at, line),
        ...(hints.row ? { row: hints.row } : {}),
        ...(hints.column ? { column: hints.column } : {}),
      };
    },
  };
}
