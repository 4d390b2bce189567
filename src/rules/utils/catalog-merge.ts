/**
 * One layout defect repeated in several tables (only 项 rows in T02, T03 and T05) is one finding:
 * the first table's, with the others as `related`.
 */
import type { RawFinding } from '../../check/types.js';

export function mergeAcrossTables(findings: readonly RawFinding[], role: string): RawFinding[] {
  const [first, ...rest] = findings;
  if (!first) return [];
  if (!rest.length) return [first];
  const related = rest.map((f) => ({
    role, at: f.at,
    ...(f.table !== undefined ? { table: f.table } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.evidence !== undefined ? { evidence: f.evidence } : {}),
  }));
  const tables = [first, ...rest].map((f) => f.table).filter((t): t is string => !!t);
  return [{ ...first, message: `${first.message}（同样见于：${tables.slice(1).join('、')}）`, related: [...(first.related ?? []), ...related] }];
}
