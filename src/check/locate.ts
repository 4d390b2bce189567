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

/** line → label of the deepest section whose span holds it (the later one among equals). */
function sectionIndex(d: Disclosure): Map<number, SectionSpan> {
  const best = new Map<number, SectionSpan>();
  for (const s of flatten(d.sections, 0, [])) {
    for (let line = s.start; line <= s.end; line++) {
      const cur = best.get(line);
      if (!cur || s.depth >= cur.depth) best.set(line, s);
    }
  }
  return best;
}

/** line → the first table (in document order) whose span holds it. */
function tableIndex(d: Disclosure): Map<number, Table> {
  const at = new Map<number, Table>();
  for (const t of d.tables) {
    for (let line = t.prov.line; line <= t.endLine; line++) if (!at.has(line)) at.set(line, t);
  }
  return at;
}

/** Per table, the lines that print one of its rows or cells. */
function rowLineIndex(d: Disclosure): Map<Table, Set<number>> {
  const out = new Map<Table, Set<number>>();
  for (const t of d.tables) {
    const lines = new Set<number>();
    for (const r of t.rows) {
      lines.add(r.prov.line);
      for (const c of Object.values(r.cells)) lines.add(c.prov.line);
    }
    out.set(t, lines);
  }
  return out;
}

export function createLocator(d: Disclosure): Locator {
  const sections = lazy(() => sectionIndex(d));
  const tables = lazy(() => tableIndex(d));
  const rowLines = lazy(() => rowLineIndex(d));
  const tocLines = lazy(() => new Set(d.toc.map((e) => e.prov.line)));
  const pages = lazy(() => {
    const m = new Map<number, number>();
    for (const l of d.lines) if (l.page !== undefined) m.set(l.line, l.page);
    return m;
  });
  const byKey = lazy(() => {
    const m = new Map<string, Table>();
    for (const t of d.tables) if (t.key && !m.has(t.key)) m.set(t.key, t);
    return m;
  });

  /** The table holding `at` as one of its cells or rows; never for line 1 or a 目录 line. */
  const tableOf = (at: Provenance, line: number): Table | undefined => {
    if (line === 1 || tocLines().has(line)) return undefined;
    const t = tables().get(line);
    if (!t) return undefined;
    return at.cell !== undefined || rowLines().get(t)?.has(line) ? t : undefined;
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
      const page = at.page ?? (line !== undefined ? pages().get(line) : undefined);
      const section = hints.section ?? (line !== undefined ? sections().get(line)?.label : undefined);
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
