/**
 * Every share stated in the text (占 x%) equals part ÷ whole at the printed precision. The part is
 * the amount stated just before it; the whole is the total the sentence opens with (…万元，其中：…
 * 占 x%), or the total the share names (占本年支出合计的 x%, 占…项目支出总额的 x%) — stated earlier in
 * the text or printed in the tables.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Amount, Disclosure, Provenance } from '../model/index.js';
import { findBefore, hasRole, locateFigures, type LocatedFigure } from './utils/narrative-figures.js';
import { judgeRate, operand, rateVerdict, withPercent } from './utils/narrative-ratio.js';
import { located, narrativeFinding, phraseOf, requireNarrative } from './utils/narrative-report.js';
import { coreSubject, namesTotal, subjectsOf } from './utils/narrative-subjects.js';
import { tableFigure } from './utils/narrative-tables.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

interface Whole {
  amount: Amount;
  at: Provenance;
  label: string;
  /** The rounding the whole may carry, in 分, when it is a sum of printed parts (else its own). */
  tolerance?: number;
}

/** Statements seen so far: core subject → last stated value. */
type Seen = Map<string, Whole>;

function namedWhole(cue: string): string | undefined {
  const m = /占([^，,；;。]*?)的?\s*$/.exec(cue);
  const name = m?.[1]?.replace(/的$/, '').trim();
  return name ? name : undefined;
}

function wholeInSentence(ctx: SentenceContext, figs: LocatedFigure[], part: LocatedFigure): Whole | undefined {
  const first = figs.find(hasRole('value'));
  if (!first || first === part || !first.fig.amount) return undefined;
  const between = ctx.sentence.text.slice(first.end, part.start);
  if (!/其中|[:：]|主要用于|包括/.test(between)) return undefined;
  return { amount: first.fig.amount, at: first.at, label: first.fig.printed };
}

function stem(subject: string): string {
  return subject.replace(/(总额|合计|总计|总数)$/, '');
}

/**
 * A list split into sentences at '；' ('…支出 X 万元，主要用于：A a 万元，占 p%；B b 万元，占 q%；', or
 * 'X 万元。其中：A a 万元，占 p%；…'): the total the paragraph opens with, when every sentence since
 * the list began is such an item.
 */
function wholeInParagraph(ctx: SentenceContext): Whole | undefined {
  const sentences = ctx.paragraph.sentences.slice(0, ctx.index);
  const first = sentences[0];
  if (!first) return undefined;
  const figs = locateFigures(first);
  const lead = figs.find(hasRole('value'));
  if (!lead?.fig.amount) return undefined;
  const part = figs.filter(hasRole('value'))[1];
  const opensInFirst = part !== undefined && /其中|[:：]|主要用于|包括/.test(first.text.slice(lead.end, part.start)) && /[；;]\s*$/.test(first.text);
  const opensInSecond = !part && /^\s*(其中|具体)/.test(ctx.paragraph.sentences[1]?.text ?? '') && ctx.index >= 1;
  if (!opensInFirst && !opensInSecond) return undefined;
  const between = sentences.slice(1, ctx.index);
  const items = between.every((s) => /[；;]\s*$/.test(s.text) && locateFigures(s).some((f) => f.role === 'share'));
  return items ? { amount: lead.fig.amount, at: lead.at, label: lead.fig.printed } : undefined;
}

function resolveNamed(d: Disclosure, name: string, seen: Seen): Whole | undefined {
  const core = stem(coreSubject(name));
  const stated = [...seen.entries()].reverse().find(([k]) => stem(k) === core)?.[1]
    ?? [...seen.entries()].reverse().find(([k]) => stem(k).length >= 3 && (core.endsWith(stem(k)) || stem(k).endsWith(core)))?.[1];
  const concept = namesTotal(name);
  const tf = concept ? tableFigure(d, concept, 'value') : undefined;
  if (tf) return { amount: tf.amount, at: tf.at, label: `${tf.table}「${tf.row}${tf.column ? `／${tf.column}` : ''}」` };
  return stated;
}

function judgeShare(ctx: SentenceContext, f: LocatedFigure, part: LocatedFigure, whole: Whole): RawFinding | undefined {
  if (whole.amount.fen <= 0) return undefined;
  const j = judgeRate(f.fig.printed, operand(part.fig.amount!), { ...operand(whole.amount), ...(whole.tolerance !== undefined ? { tolerance: whole.tolerance } : {}) });
  const v = rateVerdict(j.status);
  if (!v.report) return undefined;
  return narrativeFinding(ctx, f.at, {
    messageId: j.status === 'rounding' ? 'share-rounding' : 'share-mismatch',
    message: `占比 ${f.fig.printed} 与 ${part.fig.printed} ÷ ${whole.label} = ${withPercent(j.expected!)} ${v.words}`,
    evidence: phraseOf(ctx.sentence, f, /占/),
    expected: withPercent(j.expected!),
    ...(v.severity ? { severity: v.severity } : {}),
    data: { actual: f.fig.printed, part: part.fig.printed, whole: whole.label },
    related: [{ role: 'part', at: part.at, evidence: part.fig.printed }, { role: 'whole', at: whole.at }],
  });
}

const normName = (name: string) => name.normalize('NFKC').replace(/[\s“”"'‘’]/g, '');

/**
 * A whole named in words only ('占“三公”经费的 18.85%', the 三公 total stated nowhere): when the
 * paragraph gives every part of it — two or more amounts, each with its share of that whole, the
 * shares adding up to 100% — the whole is the sum of those parts.
 */
function wholeOfParts(ctx: SentenceContext, name: string): Whole | undefined {
  const key = normName(name);
  const parts: LocatedFigure[] = [];
  const shares: LocatedFigure[] = [];
  for (const s of ctx.paragraph.sentences) {
    const figs = locateFigures(s);
    figs.forEach((f, i) => {
      if (f.fig.kind !== 'percent' || f.role !== 'share') return;
      const n = namedWhole(f.cue);
      if (!n || normName(n) !== key) return;
      const part = findBefore(figs, i, (g) => g.fig.kind === 'amount' || g.fig.kind === 'percent');
      if (part?.fig.amount && part.role === 'value') { parts.push(part); shares.push(f); }
    });
  }
  if (parts.length < 2) return undefined;
  const printed = shares.map((f) => Number(/[\d.]+/.exec(f.fig.printed.normalize('NFKC'))?.[0] ?? NaN));
  const total = printed.reduce((a, b) => a + b, 0);
  const decimals = Math.max(...shares.map((f) => (/\.(\d+)/.exec(f.fig.printed)?.[1]?.length ?? 0)));
  if (!Number.isFinite(total) || Math.abs(total - 100) > shares.length * 0.5 * 10 ** -decimals + 1e-9) return undefined;
  const first = parts[0]!.fig.amount!;
  const fen = parts.reduce((sum, p) => sum + p.fig.amount!.fen, 0);
  const tolerance = parts.reduce((sum, p) => sum + operand(p.fig.amount!).tolerance, 0);
  return { amount: { ...first, fen }, at: parts[0]!.at, label: `${name}（${parts.map((p) => p.fig.printed.trim()).join(' + ')}）`, tolerance };
}

function checkSentence(d: Disclosure, ctx: SentenceContext, seen: Seen): RawFinding[] {
  const figs = locateFigures(ctx.sentence);
  const out: RawFinding[] = [];
  figs.forEach((f, i) => {
    if (f.fig.kind !== 'percent' || f.role !== 'share' || /分别|^\s*[、,，]\s*$/.test(f.cue)) return;
    const part = findBefore(figs, i, (g) => g.fig.kind === 'amount' || g.fig.kind === 'percent');
    if (!part?.fig.amount || part.role !== 'value') return;
    const name = namedWhole(f.cue);
    const whole = name ? resolveNamed(d, name, seen) ?? wholeOfParts(ctx, name) : wholeInSentence(ctx, figs, part) ?? (part === figs.find(hasRole('value')) ? wholeInParagraph(ctx) : undefined);
    const found = whole && judgeShare(ctx, f, part, whole);
    if (found) out.push(found);
  });
  const subjects = subjectsOf(ctx.sentence, figs);
  figs.forEach((f, i) => {
    if (hasRole('value')(f) && subjects[i]) seen.set(subjects[i]!, { amount: f.fig.amount!, at: f.at, label: f.fig.printed });
  });
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-share',
    family: 'narrative',
    title: { zh: '占比与分项、总额不符', en: 'Stated share differs from part ÷ whole' },
    description: 'Every 占 x% equals the amount stated before it divided by the whole — the total its sentence opens with, or the total it names (stated earlier or printed in the tables) — at the printed precision.',
    severity: 'error',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['部门决算情况说明模板：收入决算情况说明（…万元，占…%）、支出决算情况说明、一般公共预算财政拨款支出决算结构情况', '财预〔2016〕143号 第十条', 'domain.md §4 item 12'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    const seen: Seen = new Map();
    return sentencesOf(rc.disclosure).flatMap((ctx) => checkSentence(rc.disclosure, ctx, seen));
  },
});

export default rule;
