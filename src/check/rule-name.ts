/**
 * How a rule is printed: `<family>.<id without the leading "<family>-">` (file `narrative-completion-rate.ts`
 * prints as `narrative.completion-rate`). The one place that decides it: findings, the rules list,
 * docs/rules.md, the ruleset hash and `--only/--disable` selection all use these functions.
 */
import type { RuleMeta } from './types.js';

/** The contract's pattern for a printed rule name (juesuan.findings/1). */
export const PRINTED_RULE_PATTERN = /^[a-z0-9]+(\.[a-z0-9-]+)+$/;

/** 'narrative.completion-rate' for { family: 'narrative', id: 'narrative-completion-rate' }. */
export function printedRuleName(meta: Pick<RuleMeta, 'family' | 'id'>): string {
  const prefix = `${meta.family}-`;
  const local = meta.id.startsWith(prefix) && meta.id.length > prefix.length ? meta.id.slice(prefix.length) : meta.id;
  return `${meta.family}.${local}`;
}

/** True when `selector` names the rule: its file id, its printed name, its family, or `family.file-id`. */
export function ruleMatches(meta: Pick<RuleMeta, 'family' | 'id'>, selector: string): boolean {
  const sel = selector.trim();
  return sel === meta.id || sel === meta.family || sel === printedRuleName(meta) || sel === `${meta.family}.${meta.id}`;
}
