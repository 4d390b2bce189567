/**
 * The check engine: runs every rule on a disclosure, records for each rule whether it passed, failed,
 * was skipped (with the reason: "not applicable" is not "passed") or crashed (with the error, never
 * swallowed), and turns rule findings into located contract findings sorted by line.
 */
import type { Disclosure, TableKey } from '../model/index.js';
import { InputError } from '../ingest/raw.js';
import { RULES } from '../rules/index.js';
import { blankTemplate } from '../rules/utils/blank-template.js';
import { documentIndex, withDocumentIndex } from './document-index.js';
import { createLocator, type Locator } from './locate.js';
import { printedRuleName, ruleMatches } from './rule-name.js';
import { rulesetVersion } from './ruleset.js';
import type { CheckReport, Finding, RawFinding, Rule, RuleOutcome, Severity } from './types.js';

export interface CheckOptions {
  /** The rules to run (default: the registry). */
  rules?: readonly Rule[];
  /** Run only these: rule file ids, printed names (`family.name`), or whole families. */
  only?: readonly string[];
  /** Do not run these (same forms as `only`). */
  disable?: readonly string[];
}

/** The rule as findings print it ('narrative.completion-rate'): see rule-name.ts. */
export function ruleName(rule: Rule): string {
  return printedRuleName(rule.meta);
}

function matches(rule: Rule, sel: string): boolean {
  return ruleMatches(rule.meta, sel);
}

/** The whole registry (or list) selected without `only`/`disable`, kept so its ruleset version is made once. */
const unfiltered = new WeakMap<readonly Rule[], readonly Rule[]>();

function selected(opts: CheckOptions): readonly Rule[] {
  const source = opts.rules ?? RULES;
  if (!opts.only?.length && !opts.disable?.length) {
    let all = unfiltered.get(source);
    if (!all) unfiltered.set(source, (all = Object.freeze([...source])));
    return all;
  }
  const all = [...source];
  for (const sel of [...(opts.only ?? []), ...(opts.disable ?? [])]) {
    if (!all.some((r) => matches(r, sel))) throw new InputError(`unknown rule: ${sel}`, 'see `juesuan rules` for the list');
  }
  return all.filter((r) =>
    (!opts.only?.length || opts.only.some((s) => matches(r, s))) && !(opts.disable ?? []).some((s) => matches(r, s)));
}

/** The rules `opts` selects; an id that names no rule is an input error. */
export function selectRules(opts: CheckOptions = {}): Rule[] {
  return [...selected(opts)];
}

/** The rule that reports a blank template; on such a document it is the only one that runs. */
const BLANK_TEMPLATE_RULE = 'completeness-blank-template';

/** Why the rule cannot apply to this document, or undefined when it can run. */
export function missingPrerequisite(rule: Rule, d: Disclosure): string | undefined {
  const { needsTables, needsNarrative, needsPerformance, kinds } = rule.meta;
  if (rule.meta.id !== BLANK_TEMPLATE_RULE && blankTemplate(d)) return '文档是空白模板，未逐项检查 (blank template)';
  if (kinds && !kinds.includes(d.meta.kind)) return `规则不适用于 ${d.meta.kind} 文档 (applies to ${kinds.join(', ')})`;
  const absent: TableKey[] = [];
  const empty: TableKey[] = [];
  const index = needsTables?.length ? documentIndex(d) : undefined;
  for (const key of needsTables ?? []) {
    const tables = index!.tablesOf(key);
    if (!tables.length) absent.push(key);
    else if (!tables.some((t) => t.status === 'present')) empty.push(key);
  }
  if (absent.length) return `未识别到表 ${absent.join('、')} (table not found)`;
  if (empty.length) return `表 ${empty.join('、')} 无数据 (table printed empty)`;
  if (needsNarrative && !d.sections.some((s) => s.paragraphs.length || s.children.length)) {
    return '无情况说明文字 (no narrative)';
  }
  if (needsPerformance && !d.performance.length) return '无绩效自评表 (no performance tables)';
  return undefined;
}

function toFinding(rule: Rule, raw: RawFinding, loc: Locator): Finding {
  const location = loc.locate(raw.at, raw);
  const related = raw.related?.map((r) => ({
    role: r.role,
    location: loc.locate(r.at, r),
    ...(r.evidence !== undefined ? { evidence: r.evidence } : {}),
  }));
  return {
    rule: ruleName(rule),
    severity: raw.severity ?? rule.meta.severity,
    message: raw.message,
    ...(raw.evidence !== undefined ? { evidence: raw.evidence } : {}),
    ...(raw.expected !== undefined ? { expected: raw.expected } : {}),
    location,
    messageId: raw.messageId,
    ...(related?.length ? { related } : {}),
  };
}

function runRule(rule: Rule, d: Disclosure, loc: Locator): { outcome: RuleOutcome; findings: Finding[] } {
  const name = ruleName(rule);
  const missing = missingPrerequisite(rule, d);
  if (missing) return { outcome: { rule: name, status: 'skipped', reason: missing, findings: 0 }, findings: [] };
  let skipReason: string | undefined;
  let raws: RawFinding[];
  try {
    raws = rule.check({ disclosure: d, skip: (reason) => { skipReason ??= reason; } });
    if (!Array.isArray(raws)) throw new TypeError(`rule returned ${typeof raws}, not an array of findings`);
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { outcome: { rule: name, status: 'crashed', reason, findings: 0 }, findings: [] };
  }
  if (skipReason !== undefined && !raws.length) {
    return { outcome: { rule: name, status: 'skipped', reason: skipReason, findings: 0 }, findings: [] };
  }
  const findings = raws.map((r) => toFinding(rule, r, loc));
  const status = findings.length ? 'failed' : 'passed';
  return { outcome: { rule: name, status, findings: findings.length }, findings };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function byLine(a: Finding, b: Finding): number {
  const la = a.location.line ?? Number.MAX_SAFE_INTEGER;
  const lb = b.location.line ?? Number.MAX_SAFE_INTEGER;
  // Printed names are [a-z0-9.-]: code-unit order equals the locale order and is much cheaper.
  return la - lb || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export function checkDisclosure(d: Disclosure, opts: CheckOptions = {}): CheckReport {
  return withDocumentIndex(d, () => checkWithIndex(d, opts));
}

function checkWithIndex(d: Disclosure, opts: CheckOptions): CheckReport {
  const rules = selected(opts);
  const loc = createLocator(d);
  const outcomes: RuleOutcome[] = [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    const r = runRule(rule, d, loc);
    outcomes.push(r.outcome);
    findings.push(...r.findings);
  }
  findings.sort(byLine);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return {
    schema: 'juesuan.findings/1',
    document: {
      ...(d.meta.entity ? { entity: d.meta.entity } : {}),
      ...(d.meta.year !== undefined ? { year: d.meta.year } : {}),
      kind: d.meta.kind,
      ...(d.source.name ? { source: d.source.name } : {}),
      ruleset: rulesetVersion(rules),
    },
    findings,
    rules: outcomes,
    counts,
  };
}
