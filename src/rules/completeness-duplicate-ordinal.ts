/**
 * The same printed table ordinal (公开14表, 表六) used for two different tables. Occurrences inside
 * one table (a title repeated on a continuation page) and in the 目录 do not count.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Disclosure } from '../model/index.js';
import { partAt } from './utils/completeness.js';

function normalizeOrdinal(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/^附/, '');
}

/** The table whose span prints the ordinal, named for the location (the ordinal line is not a row). */
function tableHint(d: Disclosure, line: number): { table?: string } {
  const t = d.tables.find((x) => line >= x.prov.line && line <= x.endLine);
  return t ? { table: t.key ?? t.title } : {};
}

function duplicates(d: Disclosure): RawFinding[] {
  const tocLines = new Set(d.toc.map((e) => e.prov.line));
  const groups = new Map<string, { text: string; prov: RawFinding['at']; part: string }[]>();
  for (const o of d.ordinals) {
    if (tocLines.has(o.prov.line)) continue;
    const key = normalizeOrdinal(o.text);
    if (!key) continue;
    const part = partAt(d, o.prov.line) ?? `line:${o.prov.line}`;
    const g = groups.get(key) ?? [];
    if (!g.some((x) => x.part === part)) g.push({ text: o.text, prov: o.prov, part });
    groups.set(key, g);
  }
  const out: RawFinding[] = [];
  for (const g of groups.values()) {
    const [first, ...rest] = g;
    for (const dup of rest) {
      out.push({
        messageId: 'duplicate-ordinal',
        message: `表号“${dup.text.trim()}”被两张不同的表重复使用（第一次在第 ${first!.prov.line} 行）`,
        evidence: dup.text.trim(),
        at: dup.prov,
        ...tableHint(d, dup.prov.line),
        related: [{ role: 'first-use', at: first!.prov, ...tableHint(d, first!.prov.line), evidence: first!.text.trim() }],
      });
    }
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'completeness-duplicate-ordinal',
    family: 'completeness',
    title: { zh: '表号重复', en: 'Duplicated table ordinal' },
    description: 'Two different tables carry the same printed ordinal, so one of the numbered tables is missing or misnumbered.',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['部门决算公开表填报说明：公开表按统一表号顺序编号（公开01表…）', '财预〔2016〕143号《地方预决算公开操作规程》：部门决算公开表应完整公开'],
  },
  check({ disclosure }) {
    return duplicates(disclosure);
  },
};

export default rule;
