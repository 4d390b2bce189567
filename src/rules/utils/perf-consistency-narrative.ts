/**
 * Amounts the narrative states for the quantities a department-wide evaluation prints: the
 * department's 年初/全年 budget in total (本部门年初预算收入 X 万元, 年初预算支出 X 万元), its spending
 * in total (实际支出, 支出合计, 全年执行数), and the concepts of narrative-subjects (基本支出, 人员经费,
 * 公用经费, 三公经费 …) as 预算 (role budget) or 决算/支出 (role value). Figures about another year are
 * left out.
 */
import type { Disclosure } from '../../model/index.js';
import { documentIndex } from '../../check/document-index.js';
import { isAmount, type LocatedFigure } from './narrative-figures.js';
import { aboutOtherYear, conceptOf, subjectsOf, topicOf } from './narrative-subjects.js';
import type { SentenceContext } from './narrative-walk.js';
import type { BudgetKind, Stage } from './perf-consistency-quantities.js';
import { runFigures, runSentences } from './run-cache.js';

export interface NarrativeQuantity {
  ctx: SentenceContext;
  f: LocatedFigure;
  concept: string;
  stage: Stage;
  budgetKind?: BudgetKind;
  /** True when the words name the total outright (年初预算收入, 执行数); false for looser readings (支出总计). */
  explicit: boolean;
}

const TOTAL_SUBJECT = /^(部门|单位|本部门|本单位)?(预算)?(收入|支出)?(预算)?(合计|总额|总计)?$/;
const EXECUTED_SUBJECT = /^(全年|本年|当年)?(实际支出|执行数|全年执行数|支出合计|本年支出合计|支出)$/;
const LOOSE_EXECUTED = /^(全年|本年|当年)?支出总计$/;

function budgetKindOf(cue: string): BudgetKind | undefined {
  if (/年初/.test(cue)) return 'initial';
  if (/全年|调整后|调整/.test(cue)) return 'annual';
  return undefined;
}

/** A figure of one project's statement ('项目全年预算数为 66 万元'): not the department's total. */
function aboutProject(text: string, f: LocatedFigure): boolean {
  const before = text.slice(0, f.start);
  return /项目|专项|资金[)）”"]/.test(before) && !/部门|单位|本局|我局|整体/.test(before);
}

/** A sentence under a heading about one project's evaluation ('1. 甲项目绩效自评综述'). */
function underProjectHeading(ctx: SentenceContext): boolean {
  return ctx.path.some((s) => /项目|专项|资金/.test(s.heading) && /自评|评价/.test(s.heading) && !/部门整体/.test(s.heading));
}

/** The department-total reading of a figure, when its subject names the whole budget or spending. */
function totalReading(core: string, f: LocatedFigure, ctx: SentenceContext): Omit<NarrativeQuantity, 'ctx' | 'f'> | undefined {
  if (aboutProject(ctx.sentence.text, f) || underProjectHeading(ctx)) return undefined;
  const cue = f.cue.replace(/\s+/g, '');
  if (f.role === 'budget' && TOTAL_SUBJECT.test(core)) {
    const kind = budgetKindOf(cue);
    const named = /收入|支出|预算/.test(`${f.fig.subject ?? ''}${cue}`.replace(/预算数?(为|是)?$/, ''));
    return { concept: 'departmentTotal', stage: 'budget', ...(kind ? { budgetKind: kind } : {}), explicit: kind !== undefined && named };
  }
  if (f.role !== 'value') return undefined;
  if (EXECUTED_SUBJECT.test(core) || /执行数|实际支出/.test(cue)) {
    return { concept: 'departmentTotal', stage: 'actual', explicit: /执行数|实际支出/.test(cue + core) };
  }
  if (LOOSE_EXECUTED.test(core)) return { concept: 'departmentTotal', stage: 'actual', explicit: false };
  return undefined;
}

function readingOf(core: string, f: LocatedFigure, topic: string | undefined, ctx: SentenceContext): Omit<NarrativeQuantity, 'ctx' | 'f'> | undefined {
  if (f.role !== 'budget' && f.role !== 'value') return undefined;
  const concept = conceptOf(core, topic === 'general-budget-basic' ? undefined : topic);
  if (concept) {
    const kind = f.role === 'budget' ? budgetKindOf(f.cue) : undefined;
    return { concept, stage: f.role === 'budget' ? 'budget' : 'actual', ...(kind ? { budgetKind: kind } : {}), explicit: true };
  }
  return totalReading(core, f, ctx);
}

/** Every amount of the narrative that states a quantity of this year (once per check run; do not mutate). */
export function narrativeQuantities(d: Disclosure, year: number | undefined): NarrativeQuantity[] {
  return documentIndex(d).memo(`perf-consistency:narrative-quantities:${year ?? ''}`, () => readQuantities(d, year));
}

function readQuantities(d: Disclosure, year: number | undefined): NarrativeQuantity[] {
  const out: NarrativeQuantity[] = [];
  for (const ctx of runSentences(d)) {
    const figs = runFigures(d, ctx.sentence);
    const subjects = subjectsOf(ctx.sentence, figs);
    const topic = topicOf(ctx);
    figs.forEach((f, i) => {
      if (!isAmount(f) || aboutOtherYear(ctx.sentence, f, year)) return;
      const reading = readingOf(subjects[i] ?? '', f, topic, ctx);
      if (reading) out.push({ ctx, f, ...reading });
    });
  }
  return out;
}
