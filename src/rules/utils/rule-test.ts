/** Running one rule through the engine in a test: its located findings and its outcome. */
import { checkDisclosure } from '../../check/engine.js';
import type { Finding, Rule, RuleOutcome } from '../../check/types.js';
import type { Disclosure } from '../../model/index.js';

export function runRule(rule: Rule, d: Disclosure): { findings: Finding[]; outcome: RuleOutcome } {
  const report = checkDisclosure(d, { rules: [rule] });
  return { findings: report.findings, outcome: report.rules[0]! };
}

/** Findings at a severity of error or warning (rounding infos left out). */
export function problems(rule: Rule, d: Disclosure): Finding[] {
  return runRule(rule, d).findings.filter((f) => f.severity !== 'info');
}
