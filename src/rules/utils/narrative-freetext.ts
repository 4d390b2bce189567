/**
 * Free text outside the 情况说明 that text rules also read: the 绩效自评表's goals, 偏差原因 and
 * remarks. Table cells wrap, so text is matched with its blanks removed and quoted back as printed.
 */
import type { Disclosure, Provenance } from '../../model/index.js';

export interface FreeText {
  text: string;
  at: Provenance;
  /** Where it stands, for the finding's section ('…项目支出绩效自评表'). */
  where: string;
}

export function performanceTexts(d: Disclosure): FreeText[] {
  const out: FreeText[] = [];
  for (const e of d.performance) {
    const where = e.title || e.project;
    if (e.goals) out.push({ text: `${e.goals.expected}\n${e.goals.actual}`, at: e.goals.prov, where });
    for (const row of e.indicators) if (row.deviation) out.push({ text: row.deviation, at: row.prov, where });
    for (const r of e.remarks) out.push({ text: r, at: e.prov, where });
  }
  return out;
}

/** The text without blanks, with the index of each kept character in the original. */
export function compact(text: string): { text: string; index: number[] } {
  const index: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    index.push(i);
    out += text[i];
  }
  return { text: out, index };
}

/** The printed original of compact[start, end). */
export function printedSpan(original: string, c: { index: number[] }, start: number, end: number): string {
  return original.slice(c.index[start]!, c.index[end - 1]! + 1);
}
