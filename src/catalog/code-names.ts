/**
 * Shared helpers for classification code catalogues: code levels and name normalisation.
 * A printed 科目名称 may differ from the catalogue in trivial ways (full-/half-width brackets,
 * quotes, spaces, a trailing '（类）'); `normalizeCodeName` removes exactly those differences.
 */
import type { CodeLevel } from '../model/index.js';

/** The level of a classification code by its digits: 3 → 类, 5 → 款, 7 → 项. */
export function codeLevel(code: string): CodeLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  if (code.length === 3) return 'category';
  if (code.length === 5) return 'section';
  if (code.length === 7) return 'item';
  return undefined;
}

/** '2101501' → ['210', '21015', '2101501']; '21015' → ['210', '21015']; other input → []. */
export function splitFunctionCode(code: string): string[] {
  const c = code.trim();
  const level = codeLevel(c);
  if (!level) return [];
  const parts = [c.slice(0, 3)];
  if (c.length >= 5) parts.push(c.slice(0, 5));
  if (c.length === 7) parts.push(c);
  return parts;
}

/**
 * Joins code columns printed separately: ['210', '15', '01'] or ['210', '21015', '2101501'] → '2101501'.
 * Returns undefined when the parts do not form a code.
 */
export function joinCodeParts(parts: readonly string[]): string | undefined {
  const ps = parts.map((p) => p.normalize('NFKC').trim()).filter((p) => p !== '');
  if (!ps.length || ps.some((p) => !/^\d+$/.test(p))) return undefined;
  let code = '';
  for (const p of ps) {
    if (p.length === 2 && (code.length === 3 || code.length === 5)) code += p;
    else if (p.length > code.length && p.startsWith(code) && codeLevel(p)) code = p;
    else if (code === '' && p.length === 3) code = p;
    else return undefined;
  }
  return codeLevel(code) ? code : undefined;
}

const LEVEL_SUFFIX = /[（(]\s*[类款项]\s*[)）]\s*$/;
const LEADING_ORDINAL = /^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+\s*[、.．](?!\d))/;

/**
 * Canonical form of a printed classification name for comparison: NFKC (full-width → ASCII
 * brackets), no whitespace, no quotes (“”"'‘’), no leading ordinal ('一、'), no '其中：', no trailing
 * level marker ('（类）'), brackets unified to ASCII '(' ')'.
 */
export function normalizeCodeName(name: string): string {
  let s = name.normalize('NFKC');
  s = s.replace(/[\s\u3000]+/g, '');
  s = s.replace(/^其中[:：]?/, '');
  s = s.replace(LEADING_ORDINAL, '');
  s = s.replace(LEVEL_SUFFIX, '');
  s = s.replace(/[“”"'‘’「」『』]/g, '');
  s = s.replace(/[（［【]/g, '(').replace(/[）］】]/g, ')');
  // the run is matched from its first mark only (lookbehind): from every mark of a long run it was quadratic
  s = s.replace(/(?<![、，,。.．:：;；])[、，,。.．:：;；]+$/g, '');
  return s;
}

/** How a printed name relates to the catalogue's name for its code. */
export type NameMatch = 'exact' | 'alias' | 'truncated' | 'mismatch';

/**
 * Compares a printed name with the catalogue name and aliases. 'truncated': the printed name is a
 * strict prefix of the catalogue name or of an alias, long enough to be a cut name rather than an
 * abbreviation (at least 4 characters and half the full name).
 */
export function compareCodeName(printed: string, name: string, aliases: readonly string[] = []): NameMatch {
  const p = normalizeCodeName(printed);
  if (p === normalizeCodeName(name)) return 'exact';
  const normAliases = aliases.map(normalizeCodeName);
  if (normAliases.includes(p)) return 'alias';
  const full = [normalizeCodeName(name), ...normAliases];
  if (full.some((f) => isCutOf(p, f))) return 'truncated';
  return 'mismatch';
}

function isCutOf(printed: string, full: string): boolean {
  return printed.length >= 4 && printed.length * 2 >= full.length && full.length > printed.length && full.startsWith(printed);
}

/** One catalogue entry as data: [code, name, aliases?]. */
export type CodeTuple = readonly [code: string, name: string, aliases?: readonly string[]];

/** Builds the entries of one 款 and its 项 from 2-digit suffixes. */
export function section(
  code: string,
  name: string,
  items: Record<string, string | readonly [string, readonly string[]]>,
  aliases?: readonly string[],
): CodeTuple[] {
  const out: CodeTuple[] = [aliases ? [code, name, aliases] : [code, name]];
  for (const [suffix, v] of Object.entries(items)) {
    if (typeof v === 'string') out.push([code + suffix, v]);
    else out.push([code + suffix, v[0], v[1]]);
  }
  return out;
}

/** The three standard administrative items every 款 of a ministry-style 类 starts with. */
export const ADMIN_ITEMS = { '01': '行政运行', '02': '一般行政管理事务', '03': '机关服务' } as const;
