/**
 * What a narrative figure is about, as a concept the tables carry ('expenditureTotal', 'fn:221',
 * 'threePublic.reception' …), and the subject of each figure of a sentence: the recognizer's subject
 * or the words opening its clause; a clause that opens with a role word only ('支出决算为') inherits
 * the subject before it. Names of 类 come from the catalogue (functionCategoryByName).
 */
import { functionCategoryByName, topicOfHeading } from '../../catalog/index.js';
import type { Sentence } from '../../model/index.js';
import { normalizeSubject, type LocatedFigure } from './narrative-figures.js';
import type { SentenceContext } from './narrative-walk.js';

export type Concept = string;

const ROLE_WORDS = /(的)?(年初预算数?|全年预算数?|调整预算数?|预算数?|支出决算数?|决算数?|实际支出数?|执行数|全年执行数|支出数|金额|资金)$/;
const LEAD_WORDS = /^(本部门|本单位|我单位|我部门|我局|本局|全年|本年度|年度|当年|其中|主要|以上)/;
const GENERIC = /^(支出|收入|实际|执行|完成|较|比|与|上年|去年|同比|合计)?$/;

/** The subject phrase reduced for matching: no role words (年初预算数, 决算数), no leading 本部门/全年. */
export function coreSubject(text: string): string {
  let s = normalizeSubject(text).replace(/(均|各|分别|共|共计|为)+$/, '');
  for (let i = 0; i < 3; i++) s = s.replace(ROLE_WORDS, '').replace(LEAD_WORDS, '').replace(/(均|各|分别|为|的)+$/, '');
  return s;
}

function clausePrefix(s: Sentence, f: LocatedFigure): string {
  const before = s.text.slice(0, f.start);
  const cut = Math.max(...['，', ',', '：', ':', '；', ';', '。'].map((c) => before.lastIndexOf(c))) + 1;
  return before.slice(cut);
}

/** The core subject of every figure of a sentence (inherited from the previous figure when generic). */
export function subjectsOf(s: Sentence, figs: readonly LocatedFigure[]): string[] {
  const out: string[] = [];
  let last = '';
  for (const f of figs) {
    let core = coreSubject(f.fig.subject ?? clausePrefix(s, f));
    if (GENERIC.test(core) || /^(较|比|与|同比|上年)/.test(core)) core = last;
    out.push(core);
    last = core;
  }
  return out;
}

const THREE_PUBLIC: [RegExp, string][] = [
  [/因公出国/, 'abroad'],
  [/公务用车购置及运行(维护|维修)费?/, 'vehicle'],
  [/公务用车购置费?$/, 'vehiclePurchase'],
  [/公务用车运行(维护|维修)费?$/, 'vehicleOperation'],
  [/^公务接待费?$/, 'reception'],
  [/三公.?经费(支出)?$/, 'total'],
];

/** T01 income lines, carry-overs and T03 columns other than 基本/项目. */
const INCOME_AND_OTHER_LINES: [RegExp, Concept][] = [
  [/^上级补助收入$/, 'income:superiorSubsidy'],
  [/^事业收入$/, 'income:operational'],
  [/^经营收入$/, 'income:business'],
  [/^附属单位上缴收入$/, 'income:subordinate'],
  [/^其他收入$/, 'income:other'],
  [/^(使用)?非财政拨款结余$/, 'useNonFiscalSurplus'],
  [/^年初结转和?结余$/, 'carryoverBegin'],
  [/^年末结转和?结余$/, 'carryoverEnd'],
  [/^上缴上级支出$/, 'expenditure:remittance'],
  [/^经营支出$/, 'expenditure:business'],
  [/^对附属单位补助支出$/, 'expenditure:subsidy'],
];

/** The concept a core subject names, in the context of a section topic; undefined when unknown. */
export function conceptOf(core: string, topic?: string): Concept | undefined {
  const s = core.replace(/[“”"']/g, '');
  for (const [re, key] of THREE_PUBLIC) if (re.test(s)) return `threePublic.${key}`;
  if (/^财政拨款收、?支总计$|^财政拨款收入支出总计$/.test(s)) return 'fiscalGrandTotal';
  if (/^(收、?支|收入支出|收支|收入|支出)总计$/.test(s)) return 'grandTotal';
  if (/^(本年)?收入(合计)?$/.test(s)) return 'incomeTotal';
  if (/^(本年)?支出合计$|^本年支出$/.test(s)) return 'expenditureTotal';
  if (/^(本年)?财政拨款收入$/.test(s) && topic === 'income') return 'fiscalIncome';
  if (/^一般公共预算财政拨款基本支出$/.test(s)) return 'generalBudgetBasic';
  if (/^一般公共预算财政拨款项目支出$/.test(s)) return 'generalBudgetProject';
  if (/^一般公共预算财政拨款支出$/.test(s)) return 'generalBudgetExpenditure';
  if (/^基本支出$/.test(s)) return topic === 'general-budget-basic' ? 'generalBudgetBasic' : 'basicExpenditure';
  if (/^项目支出$/.test(s)) return 'projectExpenditure';
  const line = INCOME_AND_OTHER_LINES.find(([re]) => re.test(s));
  if (line && (topic === 'income' || topic === 'expenditure' || topic === 'income-expenditure-overview')) return line[1];
  if (/^人员经费$/.test(s)) return 'personnelExpense';
  if (/^(日常)?公用经费$/.test(s)) return 'publicExpense';
  if (topic === 'general-budget-expenditure') {
    const code = functionCategoryByName(s);
    if (code) return `fn:${code}`;
  }
  return undefined;
}

/** The catalogue topic of the nearest section (recognizer's topic, else from its heading). */
export function topicOf(ctx: SentenceContext): string | undefined {
  for (let i = ctx.path.length - 1; i >= 0; i--) {
    const s = ctx.path[i]!;
    const t = s.topic ?? topicOfHeading(s.heading);
    if (t && t !== 'explanations') return t;
  }
  return undefined;
}

/** True when a subject phrase names a total of the document (for shares 占…的). */
export function namesTotal(phrase: string): Concept | undefined {
  const s = coreSubject(phrase).replace(/的$/, '');
  if (/^(本年)?支出(合计|总额)?$|^总支出$/.test(s)) return 'expenditureTotal';
  if (/^(本年)?收入(合计|总额)?$|^总收入$/.test(s)) return 'incomeTotal';
  if (/项目支出(总额)?$/.test(s)) return /一般公共预算/.test(s) ? 'generalBudgetProject' : 'projectExpenditure';
  if (/^一般公共预算财政拨款支出$/.test(s)) return 'generalBudgetExpenditure';
  return undefined;
}

/** The words before the figure name another year or the prior year: not this year's figure. */
export function aboutOtherYear(s: Sentence, f: LocatedFigure, year: number | undefined): boolean {
  const before = s.text.slice(0, f.start);
  if (/上年|上一年|去年|同期/.test(before.slice(-12))) return true;
  return [...before.matchAll(/(\d{4})\s*年/g)].some((m) => year !== undefined && Number(m[1]) !== year);
}
