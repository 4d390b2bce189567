/**
 * Test helpers for the narrative and text rules: a disclosure made of headed sections (figures come
 * from the narrative recognizer through src/rules/utils/fixtures.ts when it is installed, else from
 * its plain fallback; the rules read roles from the wording when a figure has none), and running one
 * rule over it.
 */
import type { RawFinding, Rule } from '../../check/types.js';
import type { Disclosure, PerformanceEvaluation, Section, Table } from '../../model/index.js';
import { disclosure, section, type ParagraphSpec } from './fixtures.js';

export interface NarrativeDocSpec {
  year?: number;
  entity?: string;
  unit?: '元' | '万元';
  tables?: Table[];
  performance?: PerformanceEvaluation[];
}

/** One section per entry: [heading, paragraphs]. */
export function narrativeDoc(parts: readonly (readonly [string, readonly ParagraphSpec[]])[], spec: NarrativeDocSpec = {}): Disclosure {
  const sections: Section[] = parts.map(([heading, paragraphs]) => section(heading, paragraphs));
  return disclosure({
    year: spec.year ?? 2023,
    unit: spec.unit ?? '万元',
    ...(spec.entity ? { entity: spec.entity } : {}),
    tables: spec.tables ?? [],
    performance: spec.performance ?? [],
    sections,
  });
}

/** A one-section document. */
export function oneSection(heading: string, paragraphs: readonly ParagraphSpec[], spec: NarrativeDocSpec = {}): Disclosure {
  return narrativeDoc([[heading, paragraphs]], spec);
}

export interface RuleRun {
  findings: RawFinding[];
  skipped?: string;
}

export function runRule(rule: Rule, d: Disclosure): RuleRun {
  let skipped: string | undefined;
  const findings = rule.check({ disclosure: d, skip: (reason) => { skipped = reason; } });
  return { findings, ...(skipped !== undefined ? { skipped } : {}) };
}

/** The printed source line a finding points at (to assert that its evidence can be found there). */
export function lineOf(d: Disclosure, f: RawFinding): string {
  return d.lines.find((l) => l.line === f.at.line)?.text ?? '';
}
