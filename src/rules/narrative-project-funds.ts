/**
 * 'N 个项目 … 共涉及资金 X 万元' equals the sum of those projects' figures (全年预算数, 全年执行数 or
 * 年初预算数, as worded): from the 项目支出绩效自评表, or from the per-project sentences that follow.
 * When more tables than N are printed (a central-transfer project listed apart), X must equal the sum
 * of some N of them.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Amount, Disclosure } from '../model/index.js';
import { roundingToleranceFen } from '../model/index.js';
import { formatLike } from './utils/amounts.js';
import { located, narrativeFinding, requireNarrative } from './utils/narrative-report.js';
import {
  fundsStatements, narrativeProjects, tableProjects, type FundKind, type FundsStatement, type ProjectFunds,
} from './utils/narrative-projects.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

type Field = 'annual' | 'executed' | 'initial';
const FIELDS: Record<FundKind, Field[]> = { budget: ['annual', 'initial'], executed: ['executed'], any: ['executed', 'annual', 'initial'] };
const FIELD_NAMES: Record<Field, string> = { annual: '全年预算数', executed: '全年执行数', initial: '年初预算数' };

/** Every way of choosing `n` of `items`, leaving out at most two. */
function choose<T>(items: readonly T[], n: number): T[][] {
  const drop = items.length - n;
  if (drop < 0 || drop > 2) return [];
  if (drop === 0) return [[...items]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i++) {
    if (drop === 1) out.push(items.filter((_, j) => j !== i));
    else for (let k = i + 1; k < items.length; k++) out.push(items.filter((_, j) => j !== i && j !== k));
  }
  return out;
}

function sumOf(projects: readonly ProjectFunds[], field: Field): Amount[] | undefined {
  const list = projects.map((p) => p[field]);
  return list.every((a): a is Amount => a !== undefined) ? list : undefined;
}

/**
 * Within rounding at the stated total's precision: project figures printed without decimals ('66
 * 万元') are whole amounts with their zeros dropped, not amounts rounded to 1 万元.
 */
function agrees(x: Amount, terms: Amount[]): boolean {
  const total = terms.reduce((s, a) => s + a.fen, 0);
  return Math.abs(x.fen - total) <= roundingToleranceFen(x.unit, x.decimals, terms.length + 1);
}

function describe(x: Amount, projects: readonly ProjectFunds[], fields: Field[]): string {
  return fields
    .map((field) => {
      const terms = sumOf(projects, field);
      return terms ? `${FIELD_NAMES[field]}合计 ${formatLike(terms.reduce((s, a) => s + a.fen, 0), x)}${x.unit}` : undefined;
    })
    .filter(Boolean)
    .join('；');
}

function candidates(d: Disclosure, all: readonly SentenceContext[], st: FundsStatement): ProjectFunds[][] {
  const tables = tableProjects(d);
  if (tables.length >= st.count) return choose(tables, st.count);
  const told = narrativeProjects(all, st.ctx);
  return told.length === st.count ? [told] : [];
}

function checkStatement(d: Disclosure, all: readonly SentenceContext[], st: FundsStatement): RawFinding[] {
  const sets = candidates(d, all, st);
  if (!sets.length) return [];
  const out: RawFinding[] = [];
  for (const { f, kind } of st.amounts) {
    const x = f.fig.amount!;
    const fields = FIELDS[kind];
    const ok = sets.some((set) => fields.some((field) => {
      const terms = sumOf(set, field);
      return terms !== undefined && agrees(x, terms);
    }));
    if (ok || !sets.some((set) => fields.some((field) => sumOf(set, field)))) continue;
    const expected = sets.length === 1 ? describe(x, sets[0]!, fields) : undefined;
    out.push(narrativeFinding(st.ctx, f.at, {
      messageId: 'project-funds-mismatch',
      message: sets.length === 1
        ? `“${st.countText}”涉及资金 ${f.fig.printed} 与各项目之和不符（${expected}）`
        : `“${st.countText}”涉及资金 ${f.fig.printed} 不等于所列 ${tableProjects(d).length} 个项目中任意 ${st.count} 个之和`,
      evidence: f.fig.printed,
      ...(expected ? { expected } : {}),
      data: { count: st.count, actual: f.fig.printed },
    }));
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-project-funds',
    family: 'narrative',
    title: { zh: '绩效自评项目资金合计与各项目之和不符', en: 'Stated funds of the evaluated projects differ from their sum' },
    description: "'N 个项目 … 涉及资金 X 万元' (or 全年预算数 / 全年执行数 X) equals the sum of the N projects' figures in the 绩效自评表 or in the per-project sentences.",
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: ['财预〔2020〕10号《项目支出绩效评价管理办法》', '部门决算情况说明模板：预算绩效情况说明（本部门组织对…个项目开展绩效自评，涉及资金…万元）', 'domain.md §4 item 12'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    const all = sentencesOf(rc.disclosure);
    const found = all.flatMap((ctx) => fundsStatements(ctx)).flatMap((st) => checkStatement(rc.disclosure, all, st));
    const seen = new Set<string>();
    return found.filter((f) => {
      const key = `${f.at.line}|${f.evidence}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    });
  },
});

export default rule;
