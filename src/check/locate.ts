/**
 * Turns a rule's provenance into the contract's location: line and page from the node, the section
 * whose span holds the line, and the table that holds it (key plus printed title).
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

function isTableKey(s: string): s is TableKey {
  return (TABLE_KEYS as readonly string[]).includes(s);
}

export function createLocator(d: Disclosure): Locator {
  const spans = flatten(d.sections, 0, []);
  const pages = new Map<number, number>();
  for (const l of d.lines) if (l.page !== undefined) pages.set(l.line, l.page);
  const byKey = new Map<string, Table>();
  for (const t of d.tables) if (t.key && !byKey.has(t.key)) byKey.set(t.key, t);

  const sectionAt = (line: number): string | undefined => {
    let best: SectionSpan | undefined;
    for (const s of spans) {
      if (s.start <= line && line <= s.end && (!best || s.depth >= best.depth)) best = s;
    }
    return best?.label;
  };
  const tableAt = (line: number): Table | undefined =>
    d.tables.find((t) => t.prov.line <= line && line <= t.endLine);

  const tableFields = (hint: string | undefined, line: number | undefined): Pick<Location, 'table' | 'tableTitle'> => {
    const key = hint?.slice(0, 3);
    const t = hint !== undefined
      ? (key && isTableKey(key) && !/^[A-Za-z0-9]/.test(hint.slice(3)) ? byKey.get(key) : undefined)
      : line !== undefined ? tableAt(line) : undefined;
    if (hint !== undefined && !t) return { table: hint };
    if (!t) return {};
    return t.key ? { table: t.key, tableTitle: t.title } : { table: t.title };
  };

  return {
    locate(at, hints = {}) {
      const line = Number.isInteger(at.line) && at.line >= 1 ? at.line : undefined;
      const page = at.page ?? (line !== undefined ? pages.get(line) : undefined);
      const section = hints.section ?? (line !== undefined ? sectionAt(line) : undefined);
      return {
        ...(line !== undefined ? { line } : {}),
        ...(page !== undefined && page >= 1 ? { page } : {}),
        ...(section ? { section } : {}),
        ...tableFields(hints.table, line),
        ...(hints.row ? { row: hints.row } : {}),
        ...(hints.column ? { column: hints.column } : {}),
      };
    },
  };
}
