/**
 * A blank template (上海市XX局 …, XX 万元, XX%) is not a disclosure: it is said once
 * (completeness-blank-template) and no other rule runs on it. The reader marks it (meta.template);
 * the same test is made here on the lines when a document comes without the mark (a fixture, a
 * stored disclosure read by an older reader).
 */
import type { Disclosure, Provenance } from '../../model/index.js';

const PLACEHOLDER = /(?<![A-Za-z])(?:X{2,}|Ｘ{2,}|×{2,}|x{2,})(?![A-Za-z])/g;

export interface BlankTemplate {
  /** The first placeholder as printed, and where. */
  evidence: string;
  at: Provenance;
  /** Placeholders counted in the text. */
  count: number;
}

const memo = new WeakMap<Disclosure, BlankTemplate | null>();

function scan(d: Disclosure): BlankTemplate | null {
  let count = 0;
  let lines = 0;
  let first: { evidence: string; at: Provenance } | undefined;
  for (const l of d.lines) {
    if (!/[XＸ×x]{2}/.test(l.text)) continue;
    const found = [...l.text.matchAll(PLACEHOLDER)];
    if (!found.length) continue;
    lines += 1;
    count += found.length;
    first ??= { evidence: found[0]![0], at: { line: l.line, ...(l.page !== undefined ? { page: l.page } : {}), offset: found[0]!.index ?? 0 } };
  }
  if (!first) return null;
  const marked = (d.meta as { template?: boolean }).template === true;
  const entityPlaceholder = /(?:X{2,}|Ｘ{2,}|×{2,})/.test(`${d.meta.entity ?? ''} ${d.meta.title ?? ''}`.normalize('NFKC'));
  const blank = marked || (entityPlaceholder && count >= 5) || (lines >= 20 && lines * 5 >= d.lines.length);
  return blank ? { ...first, count } : null;
}

/** The document's blank-template evidence, or undefined when it is a disclosure. */
export function blankTemplate(d: Disclosure): BlankTemplate | undefined {
  let r = memo.get(d);
  if (r === undefined) memo.set(d, (r = scan(d)));
  return r ?? undefined;
}
