/**
 * Line bookkeeping for fixtures: each built part (table, section, evaluation) carries its own text
 * lines numbered from 1; placing parts one after another re-bases every provenance line.
 */
import type { SourceLine } from '../../model/index.js';

const partLines = new WeakMap<object, SourceLine[]>();

export function registerLines(part: object, lines: SourceLine[]): void {
  partLines.set(part, lines);
}

/** Deep copy of `node` with every `prov.line`, `at.line` and `endLine` moved by `offset`. */
export function shiftLines<T>(node: T, offset: number): T {
  if (Array.isArray(node)) return node.map((n) => shiftLines(n, offset)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if ((k === 'prov' || k === 'at') && v && typeof v === 'object' && typeof (v as { line?: unknown }).line === 'number') {
      out[k] = { ...(v as object), line: (v as { line: number }).line + offset };
    } else if (k === 'endLine' && typeof v === 'number') out[k] = v + offset;
    else out[k] = shiftLines(v, offset);
  }
  return out as T;
}

/** Every provenance line mentioned in a part (for parts not built by the fixtures). */
function linesMentioned(node: unknown, acc: Set<number>): Set<number> {
  if (Array.isArray(node)) node.forEach((n) => linesMentioned(n, acc));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if ((k === 'prov' || k === 'at') && v && typeof (v as { line?: unknown }).line === 'number') {
        acc.add((v as { line: number }).line);
      } else if (k === 'endLine' && typeof v === 'number') acc.add(v);
      else linesMentioned(v, acc);
    }
  }
  return acc;
}

function linesOf(part: object): SourceLine[] {
  const known = partLines.get(part);
  if (known) return known;
  const seen = [...linesMentioned(part, new Set())];
  if (!seen.length) return [];
  const lo = Math.min(...seen);
  const hi = Math.max(...seen);
  return Array.from({ length: hi - lo + 1 }, (_, i) => ({ line: lo + i, text: '' }));
}

/** Places parts one after another from line `start`; returns the re-based copies and their lines. */
export function placeParts<T extends object>(parts: readonly T[], start: number): { parts: T[]; lines: SourceLine[] } {
  const lines: SourceLine[] = [];
  let next = start;
  const placed = parts.map((part) => {
    const own = linesOf(part);
    if (!own.length) return part;
    const offset = next - own[0]!.line;
    const moved = own.map((l) => ({ ...l, line: l.line + offset }));
    const copy = shiftLines(part, offset);
    registerLines(copy, moved);
    lines.push(...moved);
    next = moved[moved.length - 1]!.line + 1;
    return copy;
  });
  return { parts: placed, lines };
}
