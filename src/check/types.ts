import type { Disclosure, DisclosureKind, Provenance, TableKey } from '../model/index.js';

export type Severity = 'error' | 'warning' | 'info';
export type RuleFamily = 'completeness' | 'intratable' | 'crosstable' | 'narrative' | 'performance' | 'catalog' | 'text' | 'plausibility';

/** The contract's location (juesuan.findings/1). */
export interface Location {
  line?: number;
  page?: number;
  section?: string;
  table?: string;
  row?: string;
  column?: string;
  /** The printed title of the table named by `table` (when `table` is a key such as 'T03'). */
  tableTitle?: string;
}

export interface RuleMeta {
  /** kebab-case, equals the file name, never renumbered. */
  id: string;
  family: RuleFamily;
  title: { zh: string; en: string };
  description?: string;
  severity: Severity;
  /** At least one official clause or form note, e.g. '财预〔2016〕143号 第十条'. */
  references: string[];
  /**
   * Kinds of document the rule applies to (决算 'final-accounts', 预算 'budget', 绩效自评
   * 'performance-self-evaluation'); on any other kind the rule is skipped with the reason. Every
   * rule of the registry says it (a catalogue test checks).
   */
  kinds?: readonly DisclosureKind[];
  /** Standard tables the rule needs; when any is absent from the document the rule is skipped with a reason. */
  needsTables?: TableKey[];
  /** Needs the 情况说明 narrative / performance tables. */
  needsNarrative?: boolean;
  needsPerformance?: boolean;
  /** Deprecated rules name their replacement. */
  replacedBy?: string;
}

/**
 * What a rule reports: a node of the model (its provenance) and the printed text, never a guessed place.
 * The engine fills section/table names from the model and the line/page from `at`.
 */
export interface RawFinding {
  /** Message id within the rule (for tests and suppression), e.g. 'sum-mismatch'. */
  messageId: string;
  message: string;
  /** Overrides the rule's default severity (e.g. a rounding-sized gap → info). */
  severity?: Severity;
  /** Exact printed text that is wrong, findable with Ctrl-F. */
  evidence?: string;
  expected?: string;
  at: Provenance;
  /** Context for the location: the table (key or printed title), row label, column label, section heading. */
  table?: string;
  row?: string;
  column?: string;
  section?: string;
  related?: { role: string; at: Provenance; table?: string; row?: string; column?: string; evidence?: string }[];
  data?: Record<string, string | number>;
}

export interface RuleContext {
  disclosure: Disclosure;
  /** Say that the rule does not apply to this document, with why (reported as skipped, not passed). */
  skip(reason: string): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RawFinding[];
}

export interface Finding {
  /** `family.rule-id` as the contract prints it. */
  rule: string;
  severity: Severity;
  message: string;
  evidence?: string;
  expected?: string;
  location: Location;
  messageId?: string;
  related?: { role: string; location: Location; evidence?: string }[];
}

export interface RuleOutcome {
  rule: string;
  status: 'passed' | 'failed' | 'skipped' | 'crashed';
  reason?: string;
  findings: number;
}

export interface CheckReport {
  schema: 'juesuan.findings/1';
  document: { entity?: string; year?: number; kind: string; source?: string; ruleset: string };
  findings: Finding[];
  rules: RuleOutcome[];
  counts: { error: number; warning: number; info: number };
}
