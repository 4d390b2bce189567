/**
 * A total stated in the text ('一般公共预算财政拨款支出年初预算数为 X 万元，支出决算数为 Y 万元 … 其中：')
 * equals the sum of the itemised figures listed under it ('1、… 年初预算数为 a 万元，支出决算数为 b
 * 万元' …). When the items' 决算 add up to Y but their 年初预算 do not add up to X, the stated X is
 * wrong (error); when neither adds up, the list may be partial (warning).
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Amount, Paragraph, Section } from '../model/index.js';
import { formatLike, toleranceFor } from './utils/amounts.js';
import { hasRole, locateFigures, type LocatedFigure } from './utils/narrative-figures.js';
import { located, narrativeFinding, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const LEADS_TO_ITEMS = /(其中|具体情况如下|具体如下|如下)\s*[：:]\s*$/;
/** '其中：' names the parts of the figure just stated; '具体情况如下：' details what the paragraph said. */
const WHEREOF = /其中\s*[：:]\s*$/;

const CN_DIGITS = '一二三四五六七八九';
/** 一 … 九十九 as a number. */
function chineseNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s) return undefined;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? CN_DIGITS.indexOf(a) + 1 : undefined;
  return (a ? CN_DIGITS.indexOf(a) + 1 : 1) * 10 + (b ? CN_DIGITS.indexOf(b) + 1 : 0);
}

/**
 * The numbering of a list item and its depth in the usual outline (一、 > （一） > 1. > （1） > ①):
 * a list's items share the style of its first item, deeper ones belong to the item above them,
 * and an item of the parent's style or shallower ends the list.
 */
export interface Numbering { level: number; n: number }
const NUMBERINGS: [RegExp, number, (s: string) => number | undefined][] = [
  [/^[\s*]*([一二三四五六七八九十]+)\s*[、.．]/, 0, chineseNumber],
  [/^[\s*]*[（(]([一二三四五六七八九十]+)[)）]/, 1, chineseNumber],
  [/^[\s*]*(\d+)\s*[、.．](?!\d)/, 2, Number],
  [/^[\s*]*[（(](\d+)[)）]/, 3, Number],
  [/^[\s*]*([①②③④⑤⑥⑦⑧⑨⑩])/, 4, (c) => '①②③④⑤⑥⑦⑧⑨⑩'.indexOf(c) + 1],
];

export function numberingOf(text: string): Numbering | undefined {
  for (const [re, level, toN] of NUMBERINGS) {
    const m = re.exec(text);
    const n = m ? toN(m[1]!) : undefined;
    if (n !== undefined) return { level, n };
  }
  return undefined;
}

interface Pair {
  budget?: LocatedFigure;
  value?: LocatedFigure;
}

/**
 * An item's own paragraphs: its first (numbered at the list's level, or the text under a numbered
 * heading) and the unnumbered ones after it — not its sub-items ('（一）一般公共服务支出（类）' states no
 * figure of its own; the first of its '1. … 4,432.78 万元' is not its total).
 */
function ownParagraphs(group: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const [i, p] of group.entries()) {
    if (numberingOf(p.text) && !(i === 0 && isListItem(p))) break;
    out.push(p);
  }
  return out;
}

/** Set while grouping: the paragraphs that open an item of the list (numbered at its level). */
const LIST_ITEMS = new WeakSet<Paragraph>();
const isListItem = (p: Paragraph): boolean => LIST_ITEMS.has(p);

function pairOf(group: readonly Paragraph[]): Pair {
  const paragraphs = ownParagraphs(group);
  const figs = paragraphs.flatMap((p) => p.sentences.flatMap(locateFigures));
  const budget = figs.find(hasRole('budget'));
  const value = figs.find(hasRole('value'));
  return { ...(budget ? { budget } : {}), ...(value ? { value } : {}) };
}

/** The first figure of each role in a paragraph. */
function firstPair(paragraph: Paragraph): Pair {
  const figs = paragraph.sentences.flatMap(locateFigures);
  const budget = figs.find(hasRole('budget'));
  const value = figs.find(hasRole('value'));
  return { ...(budget ? { budget } : {}), ...(value ? { value } : {}) };
}

/**
 * The stated total of a lead paragraph, per role: a paragraph that states several amounts of a role
 * (因公出国 110 万元，公务用车 317.8 万元，公务接待 156.55 万元。具体情况如下：) has no single total of it —
 * the list details each figure, it does not split one.
 */
function leadTotals(paragraph: Paragraph): Pair {
  const figs = paragraph.sentences.flatMap(locateFigures);
  const only = (role: 'budget' | 'value') => {
    const of = figs.filter(hasRole(role));
    return of.length === 1 ? of[0] : undefined;
  };
  const budget = only('budget');
  const value = only('value');
  return { ...(budget ? { budget } : {}), ...(value ? { value } : {}) };
}

/**
 * The items of one numbered child section: its unnumbered leading paragraphs are the item its
 * heading names (the recognizer took '3. 卫生健康支出（类）…（项）：' for a heading); a numbered
 * paragraph of the list's style inside it is an item of its own, with the paragraphs that follow it.
 */
function itemsOfChild(child: Section, level: number | undefined): Paragraph[][] {
  const groups: Paragraph[][] = [[]];
  for (const p of child.paragraphs) {
    const num = numberingOf(p.text);
    if (num && (level === undefined || num.level === level)) { LIST_ITEMS.add(p); groups.push([p]); }
    else groups[groups.length - 1]!.push(p);
  }
  return groups[0]!.length ? groups : groups.slice(1);
}

interface Run {
  items: Paragraph[][];
  last: number | undefined;
  /** True when every section of the list continued the items. */
  complete: boolean;
  /** The numbering started again at 1 (a grouped list whose group headings were not read). */
  restarted?: boolean;
}

/**
 * Numbered sections continuing a list of items of `level` (numbering consecutive; without `strict`,
 * a list that has no item yet may start at any number).
 */
function sectionItems(sections: readonly Section[], level: number | undefined, last: number | undefined, strict = false): Run {
  const items: Paragraph[][] = [];
  for (const c of sections) {
    const num = c.number !== undefined ? numberingOf(c.number) : undefined;
    if (!num || (level !== undefined && num.level !== level)) return { items, last, complete: false };
    const continues = num.n === (last ?? 0) + 1 || (!strict && last === undefined);
    if (!continues) return { items, last, complete: false, restarted: num.n === 1 && last !== undefined };
    level = num.level;
    const groups = itemsOfChild(c, level);
    if (!groups.length) groups.push([]);
    items.push(...groups);
    const tail = groups.length > 1 ? numberingOf(groups[groups.length - 1]![0]!.text)?.n : undefined;
    last = tail ?? num.n;
  }
  return { items, last, complete: true };
}

/**
 * The items after paragraph `at`: the numbered paragraphs that follow it and, when they run to the
 * end of the section, the numbered sections after them — its children, then the sections after it
 * in `siblings` (the section recognizer may take any of the items for a numbered subsection
 * heading, all of them or only some, and may place those beside the section instead of in it).
 * The list's numbering decides what is an item: the first item's style; deeper numbers belong to
 * the item above them ('2. … 其中：（1）…（2）…' are parts of 2.); an item of the lead's own style
 * or shallower, or one that breaks the count, ends the list ('3.' after '（2）' is not a part of 2.).
 */
function itemsAfter(section: Section, at: number, siblings: readonly Section[]): Pair[] {
  const lead = section.paragraphs[at]!;
  const leadLevel = numberingOf(lead.text)?.level ?? (section.number !== undefined ? numberingOf(section.number)?.level : undefined);
  const items: Paragraph[][] = [];
  let level: number | undefined;
  let last: number | undefined;
  // '其中：' then 1.…5. and 1.…3. again: a list grouped under headings ((一) … 类) the reader did not
  // keep — the items seen are one group's, not the parts of the total.
  const grouped = (): Pair[] => [];
  for (const p of section.paragraphs.slice(at + 1)) {
    const num = numberingOf(p.text);
    if (!num || (leadLevel !== undefined && num.level <= leadLevel)) return items.map(pairOf);
    if (level === undefined) level = num.level;
    if (num.level > level) {
      items[items.length - 1]!.push(p);
      continue;
    }
    if (num.level === level && num.n === 1 && last !== undefined) return grouped();
    if (num.level < level || (last !== undefined && num.n !== last + 1)) return items.map(pairOf);
    LIST_ITEMS.add(p);
    items.push([p]);
    last = num.n;
  }
  const children = sectionItems(section.children, level, last);
  if (children.restarted) return grouped();
  items.push(...children.items);
  if (children.complete) {
    const after = sectionItems(siblings.slice(siblings.indexOf(section) + 1), level ?? levelOfRun(section.children), children.last, true);
    if (after.restarted) return grouped();
    items.push(...after.items);
  }
  return items.map(pairOf);
}

/** The numbering level of the first numbered section of a run. */
function levelOfRun(sections: readonly Section[]): number | undefined {
  const first = sections[0];
  return first?.number !== undefined ? numberingOf(first.number)?.level : undefined;
}

type Verdict = 'equal' | 'differs' | 'unknown';

function sumCheck(total: LocatedFigure | undefined, parts: (LocatedFigure | undefined)[]): { verdict: Verdict; sum?: number; decimals?: number } {
  if (!total?.fig.amount || parts.some((p) => !p?.fig.amount)) return { verdict: 'unknown' };
  const amounts = parts.map((p) => p!.fig.amount!);
  const sum = amounts.reduce((s, a) => s + a.fen, 0);
  const tol = toleranceFor([total.fig.amount, ...amounts], amounts.length + 1);
  const decimals = Math.max(total.fig.amount.decimals, ...amounts.map((a) => a.decimals));
  return { verdict: Math.abs(sum - total.fig.amount.fen) <= tol ? 'equal' : 'differs', sum, decimals };
}

function report(ctx: SentenceContext, total: LocatedFigure, check: { sum?: number; decimals?: number }, count: number, what: string, severity?: 'warning'): RawFinding {
  const a: Amount = total.fig.amount!;
  const expected = `${formatLike(check.sum!, { ...a, decimals: check.decimals ?? a.decimals })}${a.unit}`;
  return narrativeFinding(ctx, total.at, {
    messageId: `itemised-${what === '预算数' ? 'budget' : 'value'}-mismatch`,
    message: `${what} ${total.fig.printed} 与其下所列 ${count} 项${what}之和 ${expected} 不符${severity ? '（所列项目可能不全）' : ''}`,
    evidence: total.fig.printed,
    expected,
    ...(severity ? { severity } : {}),
    data: { actual: total.fig.printed, items: count },
  });
}

function checkParent(ctx: SentenceContext, top: readonly Section[], kind: string): RawFinding[] {
  const { paragraph, section } = ctx;
  if (ctx.index !== paragraph.sentences.length - 1 || !LEADS_TO_ITEMS.test(paragraph.text.trim())) return [];
  const parent = WHEREOF.test(paragraph.text.trim()) ? firstPair(paragraph) : leadTotals(paragraph);
  const siblings = ctx.path.length > 1 ? ctx.path[ctx.path.length - 2]!.children : top;
  const items = itemsAfter(section, section.paragraphs.indexOf(paragraph), siblings);
  if (items.length < 2 || (!parent.budget && !parent.value)) return [];
  // Items that each restate the total ('收、支预算总计各 X 万元。其中：（一）收入预算总计 X …（二）支出预算总计 X') split nothing.
  const restates = (total: LocatedFigure | undefined, of: (LocatedFigure | undefined)[]) =>
    total?.fig.amount !== undefined && of.every((f) => f?.fig.amount?.fen === total.fig.amount!.fen);
  const budgets = restates(parent.budget, items.map((i) => i.budget)) ? { verdict: 'equal' as const } : sumCheck(parent.budget, items.map((i) => i.budget));
  const values = restates(parent.value, items.map((i) => i.value)) ? { verdict: 'equal' as const } : sumCheck(parent.value, items.map((i) => i.value));
  const out: RawFinding[] = [];
  const bothWrong = budgets.verdict === 'differs' && values.verdict === 'differs';
  if (budgets.verdict === 'differs') out.push(report(ctx, parent.budget!, budgets, items.length, '预算数', bothWrong ? 'warning' : undefined));
  // A budget's figures are budget amounts: no 决算 wording on a budget.
  const valueWord = kind === 'budget' ? '金额' : '决算数';
  if (values.verdict === 'differs') out.push(report(ctx, parent.value!, values, items.length, valueWord, bothWrong ? 'warning' : undefined));
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-itemised-sum',
    family: 'narrative',
    title: { zh: '说明中的合计数与其下分项之和不符', en: 'A total stated in the text differs from the items listed under it' },
    description: 'A 年初预算 / 决算 total followed by 其中： and numbered items equals the sum of the items\' figures, within rounding.',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['部门决算情况说明模板：一般公共预算财政拨款支出决算具体情况（年初预算为…万元，支出决算为…万元…其中：1. …）', '财预〔2016〕143号 第十条', 'domain.md §4 item 12'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap((ctx) => checkParent(ctx, rc.disclosure.sections, rc.disclosure.meta.kind));
  },
});

export default rule;
