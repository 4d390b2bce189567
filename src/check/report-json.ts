/**
 * The `juesuan.findings/1` JSON (contracts/findings.schema.json): schema, document, findings with
 * rule/severity/message/evidence/expected/location. The rule outcomes and counts ride along as
 * extra top-level fields, which the schema allows.
 */
import type { CheckReport, Finding, Location } from './types.js';

export interface JsonFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  evidence?: string;
  expected?: string;
  location: Location;
  messageId?: string;
  related?: { role: string; location: Location; evidence?: string }[];
}

export interface JsonReport {
  schema: 'juesuan.findings/1';
  document: CheckReport['document'];
  findings: JsonFinding[];
  counts: CheckReport['counts'];
  rules: CheckReport['rules'];
}

/** Keeps only what the contract defines for a location, dropping values the schema would refuse. */
function cleanLocation(l: Location): Location {
  const out: Location = {};
  if (l.line !== undefined && Number.isInteger(l.line) && l.line >= 1) out.line = l.line;
  if (l.page !== undefined && Number.isInteger(l.page) && l.page >= 1) out.page = l.page;
  for (const k of ['section', 'table', 'row', 'column', 'tableTitle'] as const) {
    const v = l[k];
    if (typeof v === 'string' && v !== '') out[k] = v;
  }
  return out;
}

function toJsonFinding(f: Finding): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    ...(f.evidence !== undefined ? { evidence: f.evidence } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    location: cleanLocation(f.location),
    ...(f.messageId ? { messageId: f.messageId } : {}),
    ...(f.related?.length
      ? { related: f.related.map((r) => ({ role: r.role, location: cleanLocation(r.location), ...(r.evidence !== undefined ? { evidence: r.evidence } : {}) })) }
      : {}),
  };
}

export function toJsonReport(report: CheckReport): JsonReport {
  return {
    schema: 'juesuan.findings/1',
    document: report.document,
    findings: report.findings.map(toJsonFinding),
    counts: report.counts,
    rules: report.rules,
  };
}

/** The JSON text, two-space indented, as `juesuan check --json` prints it. */
export function formatJsonReport(report: CheckReport): string {
  return JSON.stringify(toJsonReport(report), null, 2);
}
