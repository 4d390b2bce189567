/**
 * Shared shapes for narrative findings: the located figure's provenance, the section heading, the
 * printed evidence, and the sentence text (trimmed) for context.
 */
import { withDocumentIndex } from '../../check/document-index.js';
import type { RawFinding, Rule, RuleContext, Severity } from '../../check/types.js';
import type { Disclosure, Provenance, Sentence } from '../../model/index.js';
import type { LocatedFigure } from './narrative-figures.js';
import { hasNarrative, sectionLabel, type SentenceContext } from './narrative-walk.js';

export interface NarrativeFindingSpec {
  messageId: string;
  message: string;
  evidence: string;
  expected?: string;
  severity?: Severity;
  data?: Record<string, string | number>;
  related?: RawFinding['related'];
}

/** Provenance of a figure, or of the sentence with the offset of `start` when the figure has none. */
export function provAt(s: Sentence, f?: LocatedFigure, start?: number): Provenance {
  if (f) return f.at;
  const offset = (s.prov.offset ?? 0) + (start ?? 0);
  return { ...s.prov, offset };
}

export function narrativeFinding(ctx: SentenceContext, at: Provenance, spec: NarrativeFindingSpec): RawFinding {
  return {
    messageId: spec.messageId,
    message: spec.message,
    evidence: spec.evidence,
    at,
    section: sectionLabel(ctx.section),
    ...(spec.expected !== undefined ? { expected: spec.expected } : {}),
    ...(spec.severity ? { severity: spec.severity } : {}),
    ...(spec.data ? { data: spec.data } : {}),
    ...(spec.related ? { related: spec.related } : {}),
  };
}

/** Skips the rule with a reason when the document has no narrative; true when it may run. */
export function requireNarrative(rc: RuleContext): boolean {
  if (hasNarrative(rc.disclosure)) return true;
  rc.skip('no 情况说明 narrative in the document');
  return false;
}

/**
 * The exact printed phrase around a figure, from the start of its cue word (e.g. '完成年初预算的')
 * through the figure, when it is short; else the figure as printed.
 */
export function phraseOf(s: Sentence, f: LocatedFigure, cueWord: RegExp): string {
  const before = s.text.slice(0, f.start);
  const m = new RegExp(`(${cueWord.source})[^，,；;。]{0,24}$`).exec(before);
  return m ? s.text.slice(m.index, f.end) : f.fig.printed;
}

/**
 * A sentence may run over several source lines (a paragraph broken by the PDF): a finding located
 * by the sentence's first line is moved to the line that actually prints its evidence.
 */
export function relocate(d: Disclosure, f: RawFinding): RawFinding {
  const evidence = f.evidence;
  if (!evidence) return f;
  const at = d.lines.findIndex((l) => l.line === f.at.line);
  if (at < 0 || d.lines[at]!.text.includes(evidence)) return f;
  for (let i = at + 1; i < Math.min(d.lines.length, at + 12); i++) {
    const offset = d.lines[i]!.text.indexOf(evidence);
    if (offset >= 0) return { ...f, at: { ...f.at, line: d.lines[i]!.line, offset } };
  }
  return f;
}

/** The rule with every finding relocated to the line that prints its evidence. */
export function located(rule: Rule): Rule {
  // Inside a run over the document (the engine opens one; a direct call opens its own), so that figures
  // are read for the document's kind (a budget's 预算数 is its value).
  return { meta: rule.meta, check: (rc) => withDocumentIndex(rc.disclosure, () => rule.check(rc).map((f) => relocate(rc.disclosure, f))) };
}
