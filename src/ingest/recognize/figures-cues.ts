/**
 * The words printed just before a figure say what it is: '年初预算为' (budget), '较上年决算数减少' (change,
 * decrease), '占本年支出合计的' (share), '完成年初预算的' (completion), '预决算差异率' (other), '得分' (score).
 * `readCue` takes the lead (the clause text before the figure) and returns the role, the direction
 * of a change, the cue as printed and what is left before it (the subject candidate).
 */
import type { FigureRole } from '../../model/index.js';
import type { FigureKind } from './figures.js';
import { charTable, isBlank } from './section-clean.js';

export type Direction = 'increase' | 'decrease' | 'flat';

export interface CueReading {
  role: FigureRole;
  direction?: Direction;
  cue?: string;
  /** The lead without the cue: the words naming the subject, if any. */
  rest: string;
  /** The cue names the figure on its own ('实际支出 610.11 万元'). */
  selfNaming?: boolean;
}

type Measure = 'amount' | 'percent' | 'count';

interface CuePattern {
  re: RegExp;
  role: FigureRole;
  applies: readonly Measure[];
  selfNaming?: boolean;
}

const CHANGE_WORDS = '增加|减少|增长|下降|降低|上升|提高|节约|压减|下滑|回落|增幅|减幅|持平|减|增';
const CHANGE_RE = new RegExp(`((?:(?:与|比|较|同比|相比|比较)[^，,；;。]{0,24}?)?(${CHANGE_WORDS})(?:了)?(?:率|幅度)?(?:为|达|达到|是)?)$`);
const ANY: readonly Measure[] = ['amount', 'percent', 'count'];

const PATTERNS: readonly CuePattern[] = [
  { re: /(占(?:比)?[^，,；;。]{0,30}?(?:的|比重|比例)?(?:为|达|是)?)$/, role: 'share', applies: ['percent'] },
  { re: /(完成(?:了)?年初预算(?:数)?的?)$/, role: 'completion', applies: ['percent'] },
  { re: /(完成(?:了)?(?:全年|调整后)?预算(?:数)?的?|(?:预算)?执行率(?:为|达到?|是)?|完成率(?:为|达到?)?)$/, role: 'execution-rate', applies: ['percent'] },
  { re: /((?:预决算)?差异率(?:为|是)?)$/, role: 'other', applies: ['percent'] },
  { re: /((?:自评)?(?:总)?得分(?:为|是)?|评分(?:为)?)$/, role: 'score', applies: ANY },
  { re: /((?:总分|分值)(?:为|是)?)$/, role: 'other', applies: ANY },
  { re: /((?:年初|全年|调整后|年度|批复)预算(?:数|金额|资金|安排)?(?:为|是|共计)?|(?<!公共)预算(?:数|金额)?(?:为|是)?)$/, role: 'budget', applies: ['amount'] },
  { re: /((?:年初|全年)预算(?:收入|支出)(?:为|是)?)$/, role: 'budget', applies: ['amount'] },
  { re: /((?:上年|上一年|上年度|去年|上年同期)(?:决算)?(?:数)?(?:为|是)?)$/, role: 'prior', applies: ['amount'] },
  { re: /(实际(?:支出|完成|执行)(?:数)?(?:为|是)?|执行数(?:为|是)?)$/, role: 'value', applies: ['amount', 'percent'], selfNaming: true },
  { re: /(决算(?:数|统计数)?(?:为|是)?|支出金额(?:为)?|(?:均|分别|总共|共)?为|是|达到?|共计|约)$/, role: 'value', applies: ANY },
];

function measureOf(kind: FigureKind, unitText?: string): Measure {
  if (kind === 'placeholder') return unitText === '%' || unitText === '％' ? 'percent' : 'amount';
  return kind === 'percent' ? 'percent' : kind === 'count' ? 'count' : 'amount';
}

export function readCue(lead: string, kind: FigureKind, unitText?: string): CueReading {
  const text = lead.replace(/\s+/g, '');
  const measure = measureOf(kind, unitText);
  const change = CHANGE_RE.exec(text);
  if (change && measure !== 'count') {
    const role: FigureRole = measure === 'percent' ? 'change-rate' : 'change';
    return { role, direction: directionOf(change[2]!), cue: change[1]!, rest: text.slice(0, change.index) };
  }
  for (const p of PATTERNS) {
    if (!p.applies.includes(measure)) continue;
    const m = p.re.exec(text);
    if (!m || !m[1]) continue;
    const reading: CueReading = { role: p.role, cue: m[1], rest: text.slice(0, m.index) };
    if (p.role === 'budget' && /(收入|支出)(?:为|是)?$/.test(m[1])) reading.rest += /收入/.test(m[1]) ? '收入' : '支出';
    if (p.selfNaming) reading.selfNaming = true;
    return withCountRole(reading, measure);
  }
  return withCountRole({ role: measure === 'percent' ? 'other' : 'value', rest: text }, measure);
}

function withCountRole(r: CueReading, measure: Measure): CueReading {
  if (measure !== 'count' || r.role === 'score' || r.role === 'other') return r;
  return { ...r, role: 'count' };
}

export function directionOf(word: string): Direction {
  if (/持平|一致|相同|不变/.test(word)) return 'flat';
  if (/减|下降|降低|节约|压|下滑|回落/.test(word)) return 'decrease';
  return 'increase';
}

/** Words that name no item on their own: the subject then comes from the context. */
const GENERIC = new Set(['支出', '收入', '决算', '预算', '金额', '合计', '资金', '经费', '其中', '总计', '共计', '数', '决算数', '预算数', '费用', '本年', '当年', '上年', '全年', '年初', '年末', '分别', '共', '均', '合同金额']);

const YEAR_RE = /\d{4}\s*年(?:度|末|底)?/g;
const DATE_RE = /(?:\d{1,2}\s*月)?\d{1,2}\s*日/g;
const REASON_LEAD_RE = /^.*?(?:原因是|原因为|原因：|原因:|主要是|主要由于|由于)/;
const CIVIL_SERVICE_RE = /^.*?[（(](?:行政单位和)?参照公务员法管理的?事业单位[）)]/;
const LEAD_PUNCTUATION_RE = /^[\s、，,：:；;（(）)\-—·.．]+/;
const LIST_NUMBER_RE = /^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;
const LEAD_IN_RE = /^(?:其中|包括|和|以及|另有|主要用于以下方面|具体情况如下|具体情况为|截至|截止|本年度|本部门|本单位|我单位|我部门|我局|本局|全年|年度|度|与上年相比|与年初预算相比|与全年预算相比)/;
/** The characters the three lead patterns above can start with (blanks aside). */
const LEAD_FIRST = charTable('、，,：:；;（(）)-—·.．0123456789一二三四五六七八九十其包和以另主具截本我全年度与');
/** The longest comparison tail '与2023年度相比' the next pattern removes. */
const COMPARISON_TAIL_MAX = 9;
const COMPARISON_TAIL_RE = /(?:与|比|较|同)(?:上年|上年度|上一年|\d{4}年度?|年初预算数?|全年预算数?)?(?:相比|比较)?$/;
const TRAILING = charTable('的为是各均，,、：:（(');

/**
 * Cleans a subject candidate: no year, no list number, no '其中'/'本部门' lead-ins, no trailing 的/为.
 * Called for every clause: each pattern runs only where the text holds what it needs.
 */
export function cleanSubject(rest: string): string {
  let s = rest;
  if (/\d/.test(s)) s = s.replace(YEAR_RE, '').replace(DATE_RE, '');
  if (s.includes('*')) s = s.replace(/[*]/g, '');
  if (s.includes('原因') || s.includes('主要是') || s.includes('由于')) s = s.replace(REASON_LEAD_RE, '');
  if (s.includes('参照公务员法管理')) s = s.replace(CIVIL_SERVICE_RE, '');
  for (let i = 0; i < 4 && mayStartWithLead(s); i++) {
    const before = s;
    s = s.replace(LEAD_PUNCTUATION_RE, '').replace(LIST_NUMBER_RE, '').replace(LEAD_IN_RE, '');
    if (s === before) break;
  }
  if (s.includes(')') || s.includes('）')) s = s.replace(/^[^（(]*[）)]/, '');
  s = withoutComparisonTail(s);
  let end = s.length;
  while (end > 0 && (TRAILING[s.charCodeAt(end - 1)] === 1 || isBlank(s.charCodeAt(end - 1)))) end--;
  if (end >= 3 && s.startsWith('支出', end - 2) && (s[end - 3] === ')' || s[end - 3] === '）')) end -= 2;
  return s.slice(0, end).trim();
}

function mayStartWithLead(s: string): boolean {
  return s.length > 0 && (LEAD_FIRST[s.charCodeAt(0)] === 1 || isBlank(s.charCodeAt(0)));
}

/** Drops '与上年相比', '较年初预算数' … at the end; only the end is searched (the pattern is short). */
function withoutComparisonTail(s: string): string {
  const from = Math.max(0, s.length - COMPARISON_TAIL_MAX);
  const m = COMPARISON_TAIL_RE.exec(s.slice(from));
  return m ? s.slice(0, from + m.index) : s;
}

export function isMeaningfulSubject(s: string): boolean {
  return s.length >= 2 && /[\u4e00-\u9fff]/.test(s) && !GENERIC.has(s) && s.length <= 80;
}

/** A clause without figures that names an item: '卫生健康支出(类)医疗保障管理事务(款)行政运行(项)'. */
export function isItemName(s: string): boolean {
  return isMeaningfulSubject(s) && s.length <= 60 && !ACTION_RE.test(s) &&
    ITEM_END.test(s);
}

const ITEM_END = /(支出|费|经费|收入|资金|项目|补助|总体|总计|合计|[（(][类款项][）)])$/;

/** The item a heading is about, when it names one: '（一）机关运行经费支出情况' → '机关运行经费支出'. */
export function headingSubject(heading: string): string | undefined {
  const s = cleanSubject(heading.replace(/[“”"]/g, ''))
    .replace(/(?:项目)?(?:绩效)?(?:自评)?(?:综述|情况说明|情况|说明|结果)$/, '')
    .replace(/(?:决算)?(?:总体|具体|结构)?$/, '');
  return isMeaningfulSubject(s) && !ACTION_RE.test(s) && (ITEM_END.test(s) || /项目$/.test(heading)) ? s : undefined;
}

/** Words of a statement (not of an item's name). */
const ACTION_RE = /原因|主要|是|如下|包括|情况|新增|增加|减少|调整|安排|落实|需要|用于|开展|完成|实施|导致|按照|根据/;

/** Reasons and explanations: figures after these do not name the paragraph's subject. */
export const REASON_RE = /原因|主要是|由于|因为|用于开支|开支内容/;
