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
const ORDINAL = /^[\s*]*(?:\d+|[一二三四五六七八九十]+)\s*[、.．](?!\d)|^[\s*]*[（(]\d+[)）]/;

interface Pair {
  budget?: LocatedFigure;
  value?: LocatedFigure;
}

function pairOf(paragraphs: readonly Paragraph[]): Pair {
  const figs = paragraphs.flatMap((p) => p.sentences.flatMap(locateFigures));
  const budget = figs.find(hasRole('budget'));
  const value = figs.find(hasRole('value'));
  return { ...(budget ? { budget } : {}), ...(value ? { value } : {}) };
}

const DIGITS = /\d+/;

/** The arabic ordinal of an item ('3.' → 3), when it has one. */
function ordinalOf(text: string): number | undefined {
  const m = ORDINAL.exec(text);
  const d = m ? DIGITS.exec(m[0]) : null;
  return d ? Number(d[0]) : undefined;
}

/**
 * The items of one numbered child section: its unnumbered leading paragraphs are the item its
 * heading names (the recognizer took '3. 卫生健康支出（类）…（项）：' for a heading); a numbered
 * paragraph inside it is an item of its own, with the unnumbered paragraphs that follow it.
 */
function itemsOfChild(child: Section): Paragraph[][] {
  const groups: Paragraph[][] = [[]];
  for (const p of child.paragraphs) {
    if (ORDINAL.test(p.text)) groups.push([p]);
    else groups[groups.length - 1]!.push(p);
  }
  return groups[0]!.length ? groups : groups.slice(1);
}

interface Run {
  items: Paragraph[][];
  last: number | undefined;
  /** True when every section of the list continued the items. */
  complete: boolean;
}

/**
 * Numbered sections continuing a list of items (numbering consecutive when it is arabic; with
 * `strict`, only arabic numbering that continues it).
 */
function sectionItems(sections: readonly Section[], last: number | undefined, strict = false): Run {
  const items: Paragraph[][] = [];
  for (const c of sections) {
    const numbered = c.number !== undefined && ORDINAL.test(c.number);
    const n = numbered ? ordinalOf(c.number!) : undefined;
    const continues = n === undefined ? !strict : n === (last ?? 0) + 1 || (!strict && last === undefined);
    if (!numbered || !continues) return { items, last, complete: false };
    const groups = itemsOfChild(c);
    if (!groups.length) groups.push([]);
    items.push(...groups);
    const tail = groups.length > 1 ? ordinalOf(groups[groups.length - 1]![0]!.text) : undefined;
    last = tail ?? n ?? (last !== undefined ? last + groups.length : undefined);
  }
  return { items, last, complete: true };
}

/**
 * The items after paragraph `at`: the numbered paragraphs that follow it and, when they run to the
 * end of the section, the numbered sections after them — its children, then the sections after it
 * in `siblings` (the section recognizer may take any of the items for a numbered subsection
 * heading, all of them or only some, and may place those beside the section instead of in it).
 */
function itemsAfter(section: Section, at: number, siblings: readonly Section[]): Pair[] {
  const items: Paragraph[][] = [];
  for (const p of section.paragraphs.slice(at + 1)) {
    if (!ORDINAL.test(p.text)) return items.map(pairOf);
    items.push([p]);
  }
  const last = items.length ? ordinalOf(items[items.length - 1]![0]!.text) : undefined;
  const children = sectionItems(section.children, last);
  items.push(...children.items);
  if (children.complete) {
    const after = siblings.slice(siblings.indexOf(section) + 1);
    items.push(...sectionItems(after, children.last, true).items);
  }
  return items.map(pairOf);
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

function checkParent(ctx: SentenceContext, top: readonly Section[]): RawFinding[] {
  const { paragraph, section } = ctx;
  if (ctx.index !== paragraph.sentences.length - 1 || !LEADS_TO_ITEMS.test(paragraph.text.trim())) return [];
  const parent = pairOf([paragraph]);
  const siblings = ctx.path.length > 1 ? ctx.path[ctx.path.length - 2]!.children : top;
  const items = itemsAfter(section, section.paragraphs.indexOf(paragraph), siblings);
  if (items.length < 2 || (!parent.budget && !parent.value)) return [];
  const budgets = sumCheck(parent.budget, items.map((i) => i.budget));
  const values = sumCheck(parent.value, items.map((i) => i.value));
  const out: RawFinding[] = [];
  const bothWrong = budgets.verdict === 'differs' && values.verdict === 'differs';
  if (budgets.verdict === 'differs') out.push(report(ctx, parent.budget!, budgets, items.length, '预算数', bothWrong ? 'warning' : undefined));
  if (values.verdict === 'differs') out.push(report(ctx, parent.value!, values, items.length, '决算数', bothWrong ? 'warning' : undefined));
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-itemised-sum',
    family: 'narrative',
    title: { zh: '说明中的合计数与其下分项之和不符', en: 'A total stated in the text differs from the items listed under it' },
    description: 'A 年初预算 / 决算 total followed by 其中： and numbered items equals the sum of the items\' figures, within rounding.',
    severity: 'error',
    references: ['部门决算情况说明模板：一般公共预算财政拨款支出决算具体情况（年初预算为…万元，支出决算为…万元…其中：1. …）', '财预〔2016〕143号 第十条', 'domain.md §4 item 12'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap((ctx) => checkParent(ctx, rc.disclosure.sections));
  },
});

export default rule;
