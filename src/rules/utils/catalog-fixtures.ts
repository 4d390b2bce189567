/**
 * Fixtures for the catalog / completeness / plausibility rule tests: small code-row tables and a
 * runner. Built on src/rules/utils/fixtures.ts; text written for the tests, not copied from documents.
 */
import type { RawFinding, Rule } from '../../check/types.js';
import type { Disclosure, TableKey } from '../../model/index.js';
import { disclosure, table, type RowSpec } from './fixtures.js';

/** A T03-shaped table of code rows `[code, name, total]`. */
export function codeTable(key: TableKey, rows: readonly (readonly [string, string, string])[]): ReturnType<typeof table> {
  return table(key, { columns: ['total'], rows: rows.map(([code, name, total]): RowSpec => [code, name, total]) });
}

/** A minimal present table of `key` (one total row), for completeness fixtures. */
export function minimalTable(key: TableKey, extra: { ordinal?: string; status?: 'present' | 'empty' } = {}): ReturnType<typeof table> {
  return table(key, {
    columns: ['total'],
    rows: [['total', '合计', '1.00']],
    ...(extra.ordinal ? { ordinal: extra.ordinal } : {}),
    ...(extra.status ? { status: extra.status } : {}),
  });
}

export interface Run {
  findings: RawFinding[];
  skipped?: string;
}

export function run(rule: Rule, d: Disclosure): Run {
  let skipped: string | undefined;
  const findings = rule.check({ disclosure: d, skip: (reason) => { skipped ??= reason; } });
  return { findings, ...(skipped !== undefined ? { skipped } : {}) };
}

/** The text of the source line a finding points at. */
export function lineText(d: Disclosure, f: RawFinding): string {
  return d.lines.find((l) => l.line === f.at.line)?.text ?? '';
}

export { disclosure, table };
