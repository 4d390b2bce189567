/**
 * The 情况说明 of a final-accounts disclosure must contain the parts 财预〔2016〕143号 and the national
 * template require: 部门职责, 机构设置, a 说明 for each of the nine tables, 三公经费 (with the counts:
 * 团组/人次, 车辆, 接待批次/人次), 机关运行经费, 政府采购 (with the amount awarded to 中小企业),
 * 国有资产占用, 预算绩效 and 名词解释. Topics come from the catalogue (src/catalog/sections.ts).
 */
import type { RawFinding, Rule } from '../check/types.js';
import { narrativeTemplate, sectionTopic, topicOfHeading, type NarrativeTemplate, type SectionTopic } from '../catalog/sections.js';
import type { Disclosure, Section } from '../model/index.js';
import { documentStart } from './utils/completeness.js';
import { tocHeadings } from './utils/toc.js';
import { hasNarrative, sectionLabel } from './utils/narrative-walk.js';
import { runSections } from './utils/run-cache.js';

/** Topics satisfied by their children (a heading over the tables or the explanations), or not demanded. */
const NOT_CHECKED = new Set(['overview', 'tables', 'explanations', 'budget-tables', 'budget-explanations', 'other-matters', 'important-matters']);
// (?<!\d): a match starts where a digit run does (else every digit of a long run rescans the run: quadratic)
const COUNTS = /(?<!\d)\d+\s*(个团组|团组|批次|人次|辆|台)/;
const NOTHING_SPENT = /(未|没有|无)(发生|安排|开支)?[^。；]{0,12}(三公|因公出国|公务用车|公务接待)|均为0|均为零/;
const SME = /中小(微)?企业|小微企业/;
const NO_PROCUREMENT = /(未|没有|无)(发生|开展|实施)?[^。；]{0,6}政府采购|政府采购[^。；]{0,10}(为0|为零|0\.00)/;

/** A section's text with its children's, each section's computed once per check. */
function textOf(s: Section, memo: Map<Section, string>): string {
  let text = memo.get(s);
  if (text === undefined) {
    text = [...s.paragraphs.map((p) => p.text), ...s.children.map((c) => textOf(c, memo))].join('\n');
    memo.set(s, text);
  }
  return text;
}

/** The sections of the 情况说明 with their topic (the reader's, else the catalogue's from the heading), read once. */
interface Sections { list: readonly Section[]; topics: readonly (string | undefined)[]; texts: Map<Section, string> }

function readSections(list: readonly Section[]): Sections {
  return { list, topics: list.map((s) => s.topic || topicOfHeading(s.heading)), texts: new Map() };
}

function sectionsOfTopic(sections: Sections, topic: string): Section[] {
  return sections.list.filter((_, i) => sections.topics[i] === topic);
}

/** A table-explaining topic is also covered when its table is printed empty with a note, or the text says so. */
function coveredElsewhere(d: Disclosure, topic: SectionTopic, compactNarrative: () => string): boolean {
  if (!topic.table) return false;
  const tables = d.tables.filter((t) => t.key === topic.table);
  if (tables.length && tables.every((t) => t.status === 'empty' && t.notes.length)) return true;
  return (topic.table === 'T07' || topic.table === 'T08') && topic.patterns.some((p) => p.test(compactNarrative()));
}

function missingFinding(d: Disclosure, topic: SectionTopic, anchor: Section | undefined, why: string, severity?: 'warning'): RawFinding {
  return {
    messageId: 'section-missing',
    message: `${d.meta.kind === 'budget' ? '预算编制说明' : '情况说明'}缺少“${topic.title}”部分（${why}）`,
    at: anchor?.prov ?? documentStart(d),
    ...(anchor ? { section: sectionLabel(anchor) } : {}),
    ...(severity ? { severity } : {}),
    data: { topic: topic.topic },
  };
}

/** The legacy 三公 table prints the counts itself (rows keyed count.*). */
function tableHasCounts(d: Disclosure): boolean {
  return d.tables.some((t) => t.key === 'T09' && t.rows.some((r) => (r.key ?? '').startsWith('count.')));
}

/** Counts stated anywhere in the narrative next to a 三公 item (公务接待 5 批次 …). */
const COUNTS_ANYWHERE = /(接待|出国|公务用车|车辆)[^。；]{0,30}\d+\s*(个团组|团组|批次|人次|辆|台)/;

/** The first section of `topic` and the text of all of them (a topic may be split over several parts). */
function topicText(sections: Sections, topic: string): { first: Section; text: string } | undefined {
  const of = sectionsOfTopic(sections, topic);
  return of[0] ? { first: of[0], text: of.map((s) => textOf(s, sections.texts)).join('\n') } : undefined;
}

function contentFinding(s: Section, messageId: string, message: string): RawFinding {
  return { messageId, severity: 'warning', at: s.prov, section: sectionLabel(s), evidence: sectionLabel(s), message };
}

function contentFindings(d: Disclosure, sections: Sections, narrative: string): RawFinding[] {
  const out: RawFinding[] = [];
  const three = topicText(sections, 'three-public');
  const counted = tableHasCounts(d) || COUNTS_ANYWHERE.test(narrative);
  if (three && !counted && !COUNTS.test(three.text) && !NOTHING_SPENT.test(three.text)) {
    out.push(contentFinding(three.first, 'three-public-counts', '“三公”经费说明未列出因公出国团组/人次、公务用车数量或公务接待批次/人次'));
  }
  const proc = topicText(sections, 'procurement');
  if (proc && !SME.test(proc.text) && !NO_PROCUREMENT.test(proc.text)) {
    out.push(contentFinding(proc.first, 'procurement-sme', '政府采购说明未列出授予中小企业合同金额及其占比'));
  }
  return out;
}

function noNarrative(d: Disclosure, missing: readonly SectionTopic[]): RawFinding {
  return {
    messageId: 'no-narrative',
    message: `文档没有${d.meta.kind === 'budget' ? '部门预算编制说明' : '部门决算情况说明'}：缺少 ${missing.map((t) => `“${t.title}”`).join('、')}`,
    at: documentStart(d),
    data: { missing: missing.map((t) => t.topic).join(',') },
  };
}

/** Every heading the document prints: its sections' (the whole tree) and its 目录's. */
function headingsOf(sections: Sections, toc: readonly { text: string }[]): string[] {
  return [...sections.list.map((s) => s.heading), ...toc.map((t) => t.text)];
}

/** A topic's heading printed as a line of its own outside the 目录 (a section the recognizer did not make). */
function headingLine(d: Disclosure, topic: SectionTopic, tocLines: ReadonlySet<number>): boolean {
  return d.lines.some((l) => !tocLines.has(l.line) && l.text.length <= 60 && topicOfHeading(stripNumber(l.text)) === topic.topic);
}

function stripNumber(text: string): string {
  return text.trim().replace(/^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])\s*/, '');
}

function check(d: Disclosure, template: NarrativeTemplate, sections: Sections, skip: (reason: string) => void): RawFinding[] {
  const topics = template.required.filter((t) => !NOT_CHECKED.has(t)).map((t) => sectionTopic(t)!).filter(Boolean);
  if (!hasNarrative(d)) {
    // A tables-only file of a publication in several files (说明 published beside it): nothing to judge here.
    if (d.meta.kind === 'budget' && d.tables.some((t) => t.key)) { skip('文档只含预算表，编制说明另行发布 (tables-only file)'); return []; }
    return [noNarrative(d, topics)];
  }
  const toc = tocHeadings(d);
  const tocLines = new Set(toc.map((t) => t.prov.line));
  const narrative = sections.list.map((s) => textOf(s, sections.texts)).join('\n');
  const anchor = sectionsOfTopic(sections, d.meta.kind === 'budget' ? 'budget-explanations' : 'explanations')[0] ?? d.sections[0];
  let compact: string | undefined;
  const compactNarrative = (): string => (compact ??= narrative.replace(/\s+/g, ''));
  // The text outside the 目录, for parts the template folds into another (机关运行经费 under 其他重要事项).
  let body: string | undefined;
  const bodyText = (): string => (body ??= sections.list
    .flatMap((s) => s.paragraphs.filter((p) => !tocLines.has(p.prov.line)).map((p) => p.text)).join('').replace(/[\s“”"]/g, ''));
  const present = (t: SectionTopic): boolean => sectionsOfTopic(sections, t.topic).length > 0 || coveredElsewhere(d, t, compactNarrative)
    || headingLine(d, t, tocLines) || (template.mentioned.includes(t.topic) && t.patterns.some((p) => p.test(bodyText())));
  // The document's own 目录 names its parts: each part it lists is expected in the body.
  const listed = [...new Set(toc.map((e) => topicOfHeading(stripNumber(e.text))).filter((t): t is string => !!t && !NOT_CHECKED.has(t)))]
    .map((t) => sectionTopic(t)!).filter((t) => t.kinds.includes(d.meta.kind));
  const missingListed = listed.filter((t) => !present(t));
  const missing = topics.filter((t) => !listed.includes(t) && !present(t));
  // Most parts absent: the 情况说明 as a whole is missing — one finding, not one per part.
  if ((missing.length + missingListed.length) * 2 > topics.length) return [noNarrative(d, [...missingListed, ...missing])];
  return [
    ...missingListed.map((t) => missingFinding(d, t, anchor, '目录列有该部分，正文中未找到')),
    ...missing.map((t) => missingFinding(d, t, anchor, `${template.title}要求`, template.optional.includes(t.topic) ? 'warning' : undefined)),
    // The counts (团组, 车辆, 接待批次) and the 中小企业 share are 决算 facts: a budget states neither.
    ...(d.meta.kind === 'final-accounts' ? contentFindings(d, sections, narrative) : []),
  ];
}

const rule: Rule = {
  meta: {
    id: 'completeness-narrative-sections',
    family: 'completeness',
    title: { zh: '情况说明内容不完整', en: 'Required narrative sections missing' },
    description: 'Each part of the 情况说明 the rules require is present; 三公 states the counts and 政府采购 the 中小企业 share.',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: [
      '财预〔2016〕143号《地方预决算公开操作规程》：部门决算应公开职责、机构设置、决算表及说明，并公开“三公”经费、机关运行经费、政府采购、国有资产占用、绩效评价等情况，对专业性较强的名词进行解释',
      '部门决算公开模板：第三部分 情况说明（各表说明、机关运行经费、政府采购、国有资产占用、预算绩效）、第四部分 名词解释',
    ],
  },
  check(ctx) {
    const d = ctx.disclosure;
    const sections = readSections(runSections(d));
    const template = narrativeTemplate(d.meta.kind, headingsOf(sections, tocHeadings(d)));
    if (!template) { ctx.skip(`没有 ${d.meta.kind} 文档的说明模板 (no template for this kind)`); return []; }
    return check(d, template, sections, ctx.skip);
  },
};

export default rule;
