/**
 * Matching a project named in one place (a 重点工作任务 row, a sentence of the 预算绩效 narrative) with
 * the 项目支出绩效自评表 of the same project. Names are compared by their core: without spaces, quotes,
 * years (2024年度, 2024), trailing 资金/经费/项目/专项, and with 中央财政 read as 中央; bracketed parts
 * and batch words (（上级）, （二）, 第二批) are qualifiers. Same core and qualifiers: the same project
 * ('exact'); same core, other qualifiers: another batch of it ('batch'); one core containing the other
 * or nearly equal: an uncertain match ('near').
 */
import type { PerformanceEvaluation } from '../../model/index.js';

export interface NameKey {
  core: string;
  /** Qualifiers sorted: bracketed parts and batch words. */
  qualifiers: string[];
}

export type MatchLevel = 'exact' | 'batch' | 'near';

export interface ProjectMatch {
  ev: PerformanceEvaluation;
  level: MatchLevel;
}

const YEAR = /(?:19|20)\d{2}\s*(?:年度|年)?/g;
const BRACKETED = /[(（【[]([^()（）【】[\]]*)[)）】\]]/g;
const BATCH = /第[一二三四五六七八九十\d]+批(?:次)?|(?<![一二三四五六七八九十\d])[一二三四五六七八九十\d]+批/g;
const SUFFIX = /(?:专项资金|资金|经费|项目|专项)+$/;
const LEVEL_FISCAL = /(中央|省级?|市级?|县级?|区级?)财政/g;

/** The comparable parts of a project name. */
export function nameKey(name: string): NameKey {
  let s = name.normalize('NFKC').replace(/[\s“”"'‘’《》〈〉「」『』]/g, '');
  s = s.replace(YEAR, '');
  const qualifiers: string[] = [];
  s = s.replace(BRACKETED, (_, inner: string) => {
    if (inner) qualifiers.push(inner.replace(SUFFIX, ''));
    return '';
  });
  s = s.replace(BATCH, (m) => {
    qualifiers.push(batchNumber(m));
    return '';
  });
  const core = s.replace(LEVEL_FISCAL, '$1').replace(SUFFIX, '').replace(/[、，,.。:：;；-]/g, '');
  return { core, qualifiers: qualifiers.filter(Boolean).map(batchNumber).sort() };
}

/** '第二批' and '二' and '2' are one batch. */
function batchNumber(q: string): string {
  const m = /^第?([一二三四五六七八九十\d]+)批?次?$/.exec(q);
  if (!m) return q;
  const digits: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };
  return digits[m[1]!] ?? m[1]!;
}

/** Longest common subsequence length (names are short). */
function lcs(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j]!;
      row[j] = ca === b[j - 1] ? prev + 1 : Math.max(row[j]!, row[j - 1]!);
      prev = keep;
    }
  }
  return row[b.length]!;
}

/**
 * Two cores that are likely one project: the shorter is the longer with words left out (a
 * subsequence of it, at least 60% of its length), or they share ≥ 85% of their characters in order.
 */
export function nearCores(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return false;
  const common = lcs(a, b);
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (common === shorter && shorter / longer >= 0.6) return true;
  return common / longer >= 0.85;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** How a name matches one table's project name, or undefined. */
export function matchLevel(name: NameKey, other: NameKey): MatchLevel | undefined {
  if (!name.core || !other.core) return undefined;
  if (name.core === other.core) return sameList(name.qualifiers, other.qualifiers) ? 'exact' : 'batch';
  return nearCores(name.core, other.core) ? 'near' : undefined;
}

const LEVEL_ORDER: Record<MatchLevel, number> = { exact: 0, batch: 1, near: 2 };

/** Matches names against a fixed list of tables: each table's key is made once, each name's matches once. */
export type ProjectMatcher = (name: string) => ProjectMatch[];

export function projectMatcher(evals: readonly PerformanceEvaluation[]): ProjectMatcher {
  const keyed = evals.filter((ev) => ev.kind === 'project').map((ev) => ({ ev, key: nameKey(ev.project) }));
  const seen = new Map<string, ProjectMatch[]>();
  return (name) => {
    const cached = seen.get(name);
    if (cached) return [...cached];
    const key = nameKey(name);
    const out: ProjectMatch[] = [];
    for (const k of keyed) {
      const level = matchLevel(key, k.key);
      if (level !== undefined) out.push({ ev: k.ev, level });
    }
    out.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
    seen.set(name, out);
    return [...out];
  };
}

/** Every project table (kind 'project') whose name matches `name`, best matches first. */
export function matchProjects(name: string, evals: readonly PerformanceEvaluation[]): ProjectMatch[] {
  return projectMatcher(evals)(name);
}
