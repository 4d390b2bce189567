/**
 * The same quantity stated twice in the text with two different figures: one decrease of 28.4 from
 * 24.24 given as 53.94% in one part and 53.95% in another; 增拨 372.1 in one part and 372.09 in
 * another. Rates are grouped by (value, change); amounts by subject and role, when the two differ by
 * at most 1% (a larger gap is more likely two different things). A warning: one of them is wrong.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Disclosure } from '../model/index.js';
import { changeOperands } from './utils/narrative-change.js';
import { isAmount, locateFigures, type LocatedFigure } from './utils/narrative-figures.js';
import { judgeRate } from './utils/narrative-ratio.js';
import { located, narrativeFinding, phraseOf, requireNarrative } from './utils/narrative-report.js';
import { aboutOtherYear, subjectsOf } from './utils/narrative-subjects.js';
import { sectionLabel, sentencesOf, type SentenceContext } from './utils/narrative-walk.js';

interface Stated {
  ctx: SentenceContext;
  f: LocatedFigure;
  /** For rates: whether it agrees with its own operands. */
  agrees?: boolean;
}

function push(map: Map<string, Stated[]>, key: string, s: Stated): void {
  const list = map.get(key) ?? [];
  list.push(s);
  map.set(key, list);
}

interface StatedAmount extends Stated {
  subject: string;
  key: string;
}

function collect(d: Disclosure): { rates: Map<string, Stated[]>; amounts: StatedAmount[] } {
  const rates = new Map<string, Stated[]>();
  const amounts: StatedAmount[] = [];
  for (const ctx of sentencesOf(d)) {
    const figs = locateFigures(ctx.sentence);
    const subjects = subjectsOf(ctx.sentence, figs);
    figs.forEach((f, i) => {
      if (f.fig.kind === 'percent' && f.role === 'change-rate') {
        const op = changeOperands(ctx, figs, i);
        if (!op?.value?.fig.amount || !op.change?.fig.amount || op.base.fen <= 0) return;
        const agrees = judgeRate(f.fig.printed, op.num, op.base, { absolute: true }).status === 'match';
        push(rates, `${op.value.fig.amount.fen}|${op.direction}|${op.change.fig.amount.fen}`, { ctx, f, agrees });
      } else if (isAmount(f) && ['value', 'budget', 'change'].includes(f.role) && (subjects[i] ?? '').length >= 4
        && !aboutOtherYear(ctx.sentence, f, d.meta.year)) {
        amounts.push({ ctx, f, subject: subjects[i]!, key: `${f.role}|${f.direction ?? ''}` });
      }
    });
  }
  return { rates, amounts };
}

function finding(later: Stated, earlier: Stated, kind: 'rate' | 'amount'): RawFinding {
  const where = sectionLabel(earlier.ctx.section);
  return narrativeFinding(later.ctx, later.f.at, {
    messageId: kind === 'rate' ? 'rate-restated' : 'amount-restated',
    message: `同一${kind === 'rate' ? '变动' : '金额'}前后表述不一致：此处为 ${later.f.fig.printed}，“${where}”中为 ${earlier.f.fig.printed}`,
    evidence: kind === 'rate' ? phraseOf(later.ctx.sentence, later.f, /增长|下降|增加|减少|降低|上升/) : later.f.fig.printed,
    expected: earlier.f.fig.printed,
    related: [{ role: 'other-statement', at: earlier.f.at, evidence: earlier.f.fig.printed }],
  });
}

function percentValue(f: LocatedFigure): number {
  return Math.abs(Number((f.fig.value ?? f.fig.printed).replace(/[^\d.-]/g, '')));
}

function rateConflicts(group: Stated[]): RawFinding[] {
  const out: RawFinding[] = [];
  const distinct = [...new Map(group.map((s) => [percentValue(s.f), s])).values()];
  if (distinct.length < 2) return out;
  const reference = group.find((s) => s.agrees) ?? group[0]!;
  for (const s of group) {
    if (percentValue(s.f) !== percentValue(reference.f) && !s.agrees) out.push(finding(s, reference, 'rate'));
  }
  return out;
}

/** Same subject: equal, or one ends with the other and the shorter has at least 6 characters. */
function sameSubject(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 6 && long.endsWith(short);
}

/**
 * Earlier statements that can be of the same subject share the last six characters of the subject
 * (sameSubject: equal, or a suffix of at least six characters) — or the whole subject when shorter.
 */
function subjectBucket(subject: string): string {
  return subject.length < 6 ? subject : subject.slice(-6);
}

/** Distinct earlier statements kept per (role, unit, subject bucket): a disclosure states a few; more is not a text. */
const MAX_EARLIER = 256;

function amountConflicts(all: StatedAmount[]): RawFinding[] {
  const out: RawFinding[] = [];
  // The earlier statements of each key, each (section, subject, unit, amount) once: the test below
  // depends on nothing else, so the first of equal statements is the one a scan of all earlier ones
  // finds — and a text that repeats a statement many times no longer costs a scan per repetition
  // (quadratic: a fuzz case of repeated lines took 15 s). Grouped by unit and subject bucket and
  // bounded, so that thousands of distinct amounts (a shuffled 4 MB text: 13 s) cost no more.
  const earlierByKey = new Map<string, StatedAmount[]>();
  const seen = new Set<string>();
  const sectionIds = new Map<unknown, number>();
  for (const later of all) {
    const b = later.f.fig.amount!;
    const group = `${later.key}\u0000${b.unit}\u0000${subjectBucket(later.subject)}`;
    const candidates = earlierByKey.get(group) ?? [];
    const earlier = candidates.find((s) => {
      const a = s.f.fig.amount!;
      return s.ctx.section !== later.ctx.section && sameSubject(s.subject, later.subject)
        && a.fen !== b.fen && Math.abs(b.fen - a.fen) * 100 <= Math.max(Math.abs(a.fen), Math.abs(b.fen));
    });
    if (earlier) out.push(finding(later, earlier, 'amount'));
    let section = sectionIds.get(later.ctx.section);
    if (section === undefined) sectionIds.set(later.ctx.section, (section = sectionIds.size));
    const sig = `${group}\u0000${section}\u0000${later.subject}\u0000${b.fen}`;
    if (!seen.has(sig) && candidates.length < MAX_EARLIER) {
      seen.add(sig);
      candidates.push(later);
      earlierByKey.set(group, candidates);
    }
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'narrative-restated-figure',
    family: 'narrative',
    title: { zh: '同一数据在说明中前后表述不一致', en: 'The same quantity stated differently in two places' },
    description: 'A change (same value and change) stated with two different rates, or an amount of the same subject and role stated with two close but different figures in different places of the text.',
    severity: 'warning',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条（公开内容真实、准确）', 'domain.md §4 item 12'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    const { rates, amounts } = collect(rc.disclosure);
    return [...[...rates.values()].flatMap(rateConflicts), ...amountConflicts(amounts)];
  },
});

export default rule;
