/**
 * A total stated with its parts in one list ('本年收入 1,007.55 万元，其中：财政拨款收入 972.00 万元，占
 * 96.47%；…；其他收入 35.55 万元，占 3.53%。'): the parts add up to the total. Reported when the parts
 * exceed the total, or when the list is complete — its shares add up to 100% — and the parts fall
 * short. A list may run over several sentences split at '；'.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Sentence } from '../model/index.js';
import { formatLike, toleranceFor } from './utils/amounts.js';
import { hasRole, locateFigures, type LocatedFigure } from './utils/narrative-figures.js';
import { located, narrativeFinding, requireNarrative } from './utils/narrative-report.js';
import { parsePercent } from './utils/percent.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

const OPENER = /其中|[:：]|主要用于|包括/;

interface List {
  lead: LocatedFigure;
  parts: LocatedFigure[];
  shares: LocatedFigure[];
}

/** The list opened by the first value of `s`, continued by the following '；'-items of the paragraph. */
function listAt(ctx: SentenceContext): List | undefined {
  const figs = locateFigures(ctx.sentence);
  const values = figs.filter(hasRole('value'));
  const lead = values[0];
  const first = values[1];
  if (!lead || !first || !OPENER.test(ctx.sentence.text.slice(lead.end, first.start))) return undefined;
  // A second 其中 or colon opens a nested or another breakdown: the list ends before it.
  const rest = ctx.sentence.text.slice(first.end).search(/其中|[:：]/);
  const cut = rest < 0 ? ctx.sentence.text.length : first.end + rest;
  const parts = values.slice(1).filter((f) => f.start < cut);
  const shares = figs.filter((f) => f.role === 'share' && f.start < cut);
  if (rest >= 0) return parts.length >= 2 ? { lead, parts, shares } : undefined;
  let s: Sentence | undefined = ctx.sentence;
  for (const next of ctx.paragraph.sentences.slice(ctx.index + 1)) {
    if (!/[；;]\s*$/.test(s!.text)) break;
    const items = locateFigures(next);
    const itemValues = items.filter(hasRole('value'));
    if (itemValues.length !== 1 || OPENER.test(next.text)) break;
    parts.push(itemValues[0]!);
    shares.push(...items.filter((f) => f.role === 'share'));
    s = next;
  }
  return parts.length >= 2 ? { lead, parts, shares } : undefined;
}

/** The shares, one per part, add up to 100% within their printed rounding. */
function complete(list: List): boolean {
  if (list.shares.length !== list.parts.length) return false;
  const parsed = list.shares.map((f) => parsePercent(f.fig.printed));
  if (parsed.some((p) => !p)) return false;
  const sum = parsed.reduce((acc, p) => acc + Number(p!.value), 0);
  const slack = parsed.reduce((acc, p) => acc + 0.5 * 10 ** -p!.decimals, 0);
  return Math.abs(sum - 100) <= slack + 1e-9;
}

function checkList(ctx: SentenceContext): RawFinding[] {
  const list = listAt(ctx);
  if (!list?.lead.fig.amount || list.parts.some((p) => !p.fig.amount)) return [];
  const total = list.lead.fig.amount;
  const amounts = list.parts.map((p) => p.fig.amount!);
  const sum = amounts.reduce((acc, a) => acc + a.fen, 0);
  const gap = sum - total.fen;
  if (Math.abs(gap) <= toleranceFor([total, ...amounts], amounts.length + 1)) return [];
  if (gap < 0 && !complete(list)) return [];
  const decimals = Math.max(...amounts.map((a) => a.decimals), total.decimals);
  const expected = `${formatLike(sum, { ...total, decimals })}${total.unit}`;
  return [narrativeFinding(ctx, list.lead.at, {
    messageId: gap > 0 ? 'parts-exceed-total' : 'parts-short-of-total',
    message: `合计 ${list.lead.fig.printed} 与其中所列 ${amounts.length} 项之和 ${expected} 不符`,
    evidence: list.lead.fig.printed,
    expected,
    data: { actual: list.lead.fig.printed, parts: amounts.length },
    related: list.parts.map((p) => ({ role: 'part', at: p.at, evidence: p.fig.printed })),
  })];
}

const rule: Rule = located({
  meta: {
    id: 'narrative-parts-sum',
    family: 'narrative',
    title: { zh: '说明中总额与其中各项之和不符', en: 'A total stated with its parts does not add up' },
    description: 'A total followed by 其中 and its parts (with their shares) equals the sum of the parts, within rounding: reported when the parts exceed it, or when the shares show the list is complete.',
    severity: 'error',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['部门决算情况说明模板：收入决算情况说明（本年收入合计…万元，其中：…万元，占…%）、支出决算情况说明', '财预〔2016〕143号 第十条', 'domain.md §4 item 12'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    return sentencesOf(rc.disclosure).flatMap(checkList);
  },
});

export default rule;
