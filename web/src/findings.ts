/** Findings as the list shows them: identical ones (same rule, message, printed text, expected figure) merged. */
import type { CheckReport, Finding } from '../../src/check/types';

export interface FindingGroup {
  key: string;
  /** The first occurrence (shown); `all` every identical one (same rule, message, evidence and expected figure). */
  f: Finding;
  all: Finding[];
  family: string;
  place: string;
  order: number;
}

/** Identical findings merged, in document order within severity. */
export function mergeFindings(report: CheckReport): FindingGroup[] {
  const byKey = new Map<string, FindingGroup>();
  report.findings.forEach((f, i) => {
    const key = `${f.rule}|${f.message}|${f.evidence ?? ''}|${f.expected ?? ''}`;
    const g = byKey.get(key);
    if (g) { g.all.push(f); return; }
    const place = f.location.tableTitle ?? f.location.table ?? f.location.section ?? '全文';
    byKey.set(key, { key, f, all: [f], family: f.rule.split('.')[0] ?? '', place, order: f.location.line ?? i });
  });
  return [...byKey.values()];
}
