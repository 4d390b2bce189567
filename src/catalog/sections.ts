/**
 * The sections of a 决算 disclosure (财预〔2016〕143号 and the 部门决算公开 template): 概况 (部门职责,
 * 机构设置), one 说明 per standard table, 机关运行经费, 政府采购, 国有资产占用, 预算绩效, 其他需要说明的情况,
 * 名词解释. Headings vary by year and region; each topic lists the patterns its headings match.
 * A section is recognised by its heading text alone (never by its ordinal, which varies).
 */
import type { DisclosureKind, TableKey } from '../model/index.js';

export interface SectionTopic {
  /** Stable key stored on Section.topic. */
  topic: string;
  /** The heading as the national template prints it. */
  title: string;
  en: string;
  /** Heading patterns, tested on the normalised heading (no spaces, quotes or brackets' width). */
  patterns: readonly RegExp[];
  /** Required by 财预〔2016〕143号 in a final-accounts disclosure. */
  required: boolean;
  /** The standard table the section explains, when it explains one. */
  table?: TableKey;
  /** Kinds of document the section belongs to. */
  kinds: readonly DisclosureKind[];
}

const FA: readonly DisclosureKind[] = ['final-accounts'];
const FA_BUDGET: readonly DisclosureKind[] = ['final-accounts', 'budget'];
const ALL: readonly DisclosureKind[] = ['final-accounts', 'budget', 'performance-self-evaluation'];
const BUDGET: readonly DisclosureKind[] = ['budget'];

/**
 * Ordered: the first topic whose pattern matches wins, so specific topics come before the general
 * ones that would also match (基本支出 before 一般公共预算支出; 财政拨款收入支出 before 收入支出).
 */
export const SECTION_TOPICS: readonly SectionTopic[] = [
  { topic: 'overview', title: '部门概况', en: 'Overview', patterns: [/^(部门|单位|机构)?(基本)?概况$/, /^(部门|单位)基本情况$/], required: true, kinds: ALL },
  { topic: 'duties', title: '部门职责', en: 'Duties', patterns: [/(部门|单位|主要|基本)?(职责|职能)(职责|职能)?(情况)?$/, /^职能职责/], required: true, kinds: ALL },
  { topic: 'organization', title: '机构设置', en: 'Organisation', patterns: [/机构设置/, /人员(编制)?(情况|构成)$/, /^(机构|人员)(情况|设置)/, /(决算|预算)?单位构成$/], required: true, kinds: ALL },
  { topic: 'tables', title: '部门决算表', en: 'The tables', patterns: [/^[0-9]*年?度?(部门|单位)?决算(报)?表$/, /^决算公开表/, /决算报表/], required: true, kinds: FA },
  { topic: 'explanations', title: '部门决算情况说明', en: 'Explanations', patterns: [/^[0-9]*年?度?(部门|单位)?决算情况说明$/], required: true, kinds: FA },
  { topic: 'budget-tables', title: '部门预算表', en: 'The budget tables', patterns: [/^[0-9]*年?度?(部门|单位)?预算(公开)?表$/, /^预算公开表/], required: true, kinds: BUDGET },
  { topic: 'budget-explanations', title: '部门预算编制说明', en: 'Budget explanations', patterns: [/预算编制说明$/, /((部门|单位)|\d{4}年度?)预算(安排)?(情况)?说明$/], required: true, kinds: BUDGET },
  { topic: 'fiscal-overview', title: '财政拨款收入支出决算总体情况说明', en: 'Fiscal appropriation overview', patterns: [/财政拨款收(入)?支(出)?(决算)?总体情况/], required: true, table: 'T04', kinds: FA },
  { topic: 'income-expenditure-overview', title: '收入支出决算总体情况说明', en: 'Income and expenditure overview', patterns: [/^收(入)?支(出)?(决算)?总体情况/], required: true, table: 'T01', kinds: FA },
  { topic: 'general-budget-basic', title: '一般公共预算财政拨款基本支出决算情况说明', en: 'General budget basic expenditure', patterns: [/一般公共预算(财政拨款)?基本支出/], required: true, table: 'T06', kinds: FA },
  { topic: 'general-budget-expenditure', title: '一般公共预算财政拨款支出决算情况说明', en: 'General budget expenditure', patterns: [/^一般公共预算(财政拨款)?(收入)?支出(决算)?(情况|说明)/], required: true, table: 'T05', kinds: FA },
  { topic: 'government-fund', title: '政府性基金预算财政拨款收入支出决算情况说明', en: 'Government fund', patterns: [/政府性基金预算/], required: true, table: 'T07', kinds: FA },
  { topic: 'state-capital', title: '国有资本经营预算财政拨款支出决算情况说明', en: 'State capital operation', patterns: [/国有资本经营预算/], required: true, table: 'T08', kinds: FA },
  { topic: 'three-public', title: '财政拨款“三公”经费支出决算情况说明', en: 'Three public expenses', patterns: [/三公经费/], required: true, table: 'T09', kinds: ALL },
  { topic: 'income', title: '收入决算情况说明', en: 'Income', patterns: [/^收入(决算)?(情况|说明)/], required: true, table: 'T02', kinds: FA },
  { topic: 'expenditure', title: '支出决算情况说明', en: 'Expenditure', patterns: [/^支出(决算)?(情况|说明)/], required: true, table: 'T03', kinds: FA },
  { topic: 'operating-expense', title: '机关运行经费支出情况说明', en: 'Operating expenses', patterns: [/机关运行经费/], required: true, kinds: FA_BUDGET },
  { topic: 'procurement', title: '政府采购支出情况说明', en: 'Government procurement', patterns: [/政府采购/], required: true, kinds: FA_BUDGET },
  { topic: 'state-assets', title: '国有资产占用情况说明', en: 'State assets', patterns: [/国有资产(占用|使用)?/], required: true, kinds: FA_BUDGET },
  { topic: 'performance', title: '预算绩效情况说明', en: 'Budget performance', patterns: [/(预算)?绩效(管理)?(工作)?(的)?(开展)?(情况|说明|自评|评价)/, /^绩效/, /绩效目标/], required: true, kinds: ALL },
  { topic: 'important-matters', title: '其他重要事项的情况说明', en: 'Other important matters', patterns: [/其他重要事项/], required: false, kinds: FA_BUDGET },
  { topic: 'other-matters', title: '其他需要说明的情况', en: 'Other matters', patterns: [/其他需(要)?说明的?(情况|事项|问题)/, /^其他(说明|事项)$/, /^其他相关情况(的)?说明$/], required: true, kinds: ALL },
  { topic: 'glossary', title: '名词解释', en: 'Glossary', patterns: [/名词解释/, /^(专业)?(术语|名词)(解释|说明)/], required: true, kinds: FA_BUDGET },
  { topic: 'attachments', title: '附件', en: 'Attachments', patterns: [/^附(件|表)(\d|[一二三四五六七八九十]|$)/], required: false, kinds: ALL },
  { topic: 'problems', title: '存在的主要问题', en: 'Problems', patterns: [/存在的?(主要)?问题/], required: false, kinds: ['performance-self-evaluation'] },
  { topic: 'improvements', title: '改进措施', en: 'Improvements', patterns: [/改进(措施|意见|建议)/, /下一步/], required: false, kinds: ['performance-self-evaluation'] },
];

/** Normalises a heading for matching: full-width forms, spaces, quotes, trailing punctuation. */
export function normalizeHeading(heading: string): string {
  return heading
    .normalize('NFKC')
    .replace(/[\s“”"'‘’《》〈〉【】*#]/g, '')
    .replace(/[（(]([^（）()]*)[）)]/g, '$1')
    .replace(/(?<![。：:；;，,、.])[。：:；;，,、.]+$/, ''); // from the run's first mark only: linear
}

/** Headings already matched: the recognizers and several rules ask for the same lines' topics (each
 *  a pass over ~60 patterns). */
const TOPIC_OF = new Map<string, string | undefined>();

/** The topic of a heading ('three-public', 'procurement', …), or undefined when the catalogue does not know it. */
export function topicOfHeading(heading: string): string | undefined {
  let topic = TOPIC_OF.get(heading);
  if (topic === undefined && !TOPIC_OF.has(heading)) {
    const h = normalizeHeading(heading);
    topic = h ? SECTION_TOPICS.find((t) => t.patterns.some((p) => p.test(h)))?.topic : undefined;
    if (TOPIC_OF.size >= 4096) TOPIC_OF.clear();
    TOPIC_OF.set(heading, topic);
  }
  return topic;
}

/** The catalogue entry of a topic key. */
export function sectionTopic(topic: string): SectionTopic | undefined {
  return SECTION_TOPICS.find((t) => t.topic === topic);
}

/** Topics a disclosure of `kind` must contain (143号). */
export function requiredTopics(kind: DisclosureKind): SectionTopic[] {
  return SECTION_TOPICS.filter((t) => t.required && t.kinds.includes(kind));
}

/**
 * A template of the explanation part: the topics it has as headed sections, those it folds into
 * another part (上海's 决算 template says 机关运行经费, 政府采购, 国有资产 under 其他重要事项说明: present
 * when the text speaks of them anywhere), and those some of its regional forms leave out (a missing
 * one is a warning, not an error). A document is judged by its own 目录 first, then by its template.
 */
export interface NarrativeTemplate {
  id: string;
  title: string;
  kinds: readonly DisclosureKind[];
  /** Headings that announce the template (the document prints one of them): tested on normalised headings. */
  marks?: readonly RegExp[];
  required: readonly string[];
  /** Topics satisfied by the text mentioning them (their patterns tested on the whole narrative). */
  mentioned: readonly string[];
  /** Topics whose absence is a warning (regional forms and years without them). */
  optional: readonly string[];
}

const TABLE_TOPICS = [
  'income-expenditure-overview', 'income', 'expenditure', 'fiscal-overview', 'general-budget-expenditure',
  'general-budget-basic', 'three-public', 'government-fund', 'state-capital',
] as const;

export const NARRATIVE_TEMPLATES: readonly NarrativeTemplate[] = [
  {
    // 上海 部门决算 (2024): 第一部分 主要职能 / 部门决算单位构成; 第三部分 nine table explanations,
    // 预算绩效管理情况, 其他重要事项说明 (机关运行经费, 政府采购, 国有资产占用 inside it).
    id: 'shanghai-final-accounts', title: '上海市部门决算公开模板', kinds: FA,
    marks: [/决算单位构成$/],
    required: ['duties', 'organization', ...TABLE_TOPICS, 'performance', 'glossary'],
    mentioned: ['operating-expense', 'procurement', 'state-assets', 'performance'],
    optional: ['operating-expense', 'procurement', 'state-assets'],
  },
  {
    id: 'national-final-accounts', title: '部门决算公开模板（财预〔2016〕143号）', kinds: FA,
    required: ['duties', 'organization', ...TABLE_TOPICS, 'operating-expense', 'procurement', 'state-assets', 'performance', 'glossary'],
    mentioned: ['operating-expense', 'procurement', 'state-assets', 'performance'],
    optional: [],
  },
  {
    // 部门预算公开: 职责/主要职能, 机构设置/单位构成, 预算表, 编制说明 with 三公经费, 机关运行经费, 政府采购,
    // 国有资产占有使用 and 绩效目标 (the last two absent from some regions' earlier forms), 名词解释.
    id: 'national-budget', title: '部门预算公开（财预〔2016〕143号）', kinds: BUDGET,
    required: ['duties', 'organization', 'budget-explanations', 'three-public', 'operating-expense', 'procurement', 'state-assets', 'performance', 'glossary'],
    mentioned: ['three-public', 'operating-expense', 'procurement', 'state-assets', 'performance'],
    optional: ['state-assets', 'performance'],
  },
];

/** The template a document of `kind` follows, judged by the headings it prints (else the kind's national one). */
export function narrativeTemplate(kind: DisclosureKind, headings: readonly string[]): NarrativeTemplate | undefined {
  const of = NARRATIVE_TEMPLATES.filter((t) => t.kinds.includes(kind));
  const normalised = headings.map(normalizeHeading);
  return of.find((t) => t.marks?.some((m) => normalised.some((h) => m.test(h)))) ?? of.find((t) => !t.marks);
}
