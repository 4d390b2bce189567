/** The rule catalogue for `juesuan rules` and docs/rules.md: every rule's metadata, sorted by family and id. */
import { RULES } from '../rules/index.js';
import { printedRuleName } from './rule-name.js';
import type { Rule, RuleFamily, Severity } from './types.js';

export interface RuleEntry {
  /** The printed name, as findings print it ('narrative.completion-rate'). */
  rule: string;
  id: string;
  family: RuleFamily;
  severity: Severity;
  titleZh: string;
  titleEn: string;
  description?: string;
  references: string[];
  /** Kinds of document the rule applies to. */
  kinds?: string[];
  needsTables?: string[];
  needsNarrative?: boolean;
  needsPerformance?: boolean;
  replacedBy?: string;
}

export const FAMILY_ORDER: readonly RuleFamily[] = [
  'completeness', 'intratable', 'crosstable', 'narrative', 'performance', 'catalog', 'text', 'plausibility',
];

export const FAMILY_TITLES: Record<RuleFamily, string> = {
  completeness: '完整性 (completeness)', intratable: '表内勾稽 (within a table)', crosstable: '表间勾稽 (between tables)',
  narrative: '说明与表格一致 (text against tables)', performance: '绩效自评 (performance self-evaluation)',
  catalog: '科目与目录 (catalogue)', text: '文字 (text)', plausibility: '合理性 (plausibility)',
};

function entry(r: Rule): RuleEntry {
  const m = r.meta;
  return {
    rule: printedRuleName(m), id: m.id, family: m.family, severity: m.severity,
    titleZh: m.title.zh, titleEn: m.title.en,
    ...(m.description ? { description: m.description } : {}),
    references: [...m.references],
    ...(m.kinds?.length ? { kinds: [...m.kinds] } : {}),
    ...(m.needsTables?.length ? { needsTables: [...m.needsTables] } : {}),
    ...(m.needsNarrative ? { needsNarrative: true } : {}),
    ...(m.needsPerformance ? { needsPerformance: true } : {}),
    ...(m.replacedBy ? { replacedBy: m.replacedBy } : {}),
  };
}

export function listRules(rules: readonly Rule[] = RULES): RuleEntry[] {
  const famIndex = (f: RuleFamily) => { const i = FAMILY_ORDER.indexOf(f); return i < 0 ? FAMILY_ORDER.length : i; };
  return rules.map(entry).sort((a, b) => famIndex(a.family) - famIndex(b.family) || a.id.localeCompare(b.id));
}

/** A plain table for the terminal: rule, severity, 中文标题, first reference. */
export function formatRulesTable(rules: readonly Rule[] = RULES): string {
  const list = listRules(rules);
  const width = Math.max(...list.map((e) => e.rule.length), 4);
  const lines = list.map((e) => `${e.rule.padEnd(width)}  ${e.severity.padEnd(8)}  ${e.titleZh}\n${' '.repeat(width + 12)}${e.references[0] ?? ''}`);
  return [`${'rule'.padEnd(width)}  severity  title / reference`, ...lines, '', `${list.length} rules`].join('\n');
}
