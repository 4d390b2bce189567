/**
 * Gives each figure of a sentence its subject and role. The sentence is cut into clauses at ，：；;
 * the words between the clause start (or the previous figure) and a figure are its lead, read by
 * `readCue`. A figure whose lead names nothing takes the subject in force: the last item named in the
 * sentence, else (for a change, a share, a budget …) the paragraph's last subject — so
 * '…住房保障支出年初预算数为 18.57 万元,支出决算为 24.25 万元,完成年初预算的 130.53%' gives all three figures
 * the subject 住房保障支出.
 */
import type { FigureRole } from '../../model/index.js';
import { cleanSubject, isItemName, isMeaningfulSubject, readCue, REASON_RE, type Direction } from './figures-cues.js';
import { findFigures, type FigureToken } from './figures.js';
import { charTable } from './section-clean.js';

export interface DescribedFigure extends FigureToken {
  subject?: string;
  role: FigureRole;
  direction?: Direction;
  cue?: string;
}

/** What a paragraph carries from one sentence to the next. */
export interface SubjectContext {
  subject?: string;
  /** The item the section's heading names, the last resort. */
  heading?: string;
}

/** Clause breaks ，,：:；;。！!？? and the tab, as a table by code unit (the scan runs over every character). */
const CLAUSE_BREAKS = charTable('，,：:；;。！!？?\t');
/** Closing punctuation noteClause drops from a clause. */
const CLAUSE_END = '，,：:；;。！!？?';
/** The characters an item name can end with (ITEM_END): a clause with none of them names no item. */
const ITEM_LAST_CHAR = /[出费入金目助体计)）]/;

interface SentenceState {
  /** The item named last in this sentence. */
  local?: string;
  reason: boolean;
  figuresSeen: number;
  /** The item the last count named ('国内公务接待 9 批次 101 人'). */
  lastCount?: string;
  previousKind?: string;
}

export function describeSentence(sentence: string, ctx: SubjectContext): DescribedFigure[] {
  const tokens = findFigures(sentence);
  const out: DescribedFigure[] = [];
  const state: SentenceState = { reason: false, figuresSeen: 0 };
  // the tokens come sorted by start: each clause takes the next run of them (a filter of all the
  // tokens per clause was quadratic: 20,000 one-figure clauses took seconds)
  let next = 0;
  for (const [start, end] of clauses(sentence)) {
    const clause = sentence.slice(start, end);
    while (next < tokens.length && tokens[next]!.start < start) next++;
    let last = next;
    while (last < tokens.length && tokens[last]!.start < end) last++;
    const inClause = tokens.slice(next, last);
    next = last;
    const named = inClause.filter((t) => t.kind !== 'year');
    if (!named.length) {
      noteClause(clause, state, ctx);
    } else {
      let leadStart = start;
      for (const t of named) {
        out.push(describe(t, sentence.slice(leadStart, t.anchor), state, ctx));
        leadStart = t.end;
      }
    }
    if (REASON_RE.test(clause)) state.reason = true;
    for (const t of inClause) if (t.kind === 'year') out.push(described(t, 'other'));
  }
  return out.sort((a, b) => a.start - b.start);
}

function clauses(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    if (CLAUSE_BREAKS[sentence.charCodeAt(i)] !== 1) continue;
    out.push([start, i + 1]);
    start = i + 1;
  }
  if (start < sentence.length) out.push([start, sentence.length]);
  return out;
}

/** A clause without figures may name the item the next figures are about. */
function noteClause(clause: string, state: SentenceState, ctx: SubjectContext): void {
  if (state.reason) return;
  if (!ITEM_LAST_CHAR.test(clause)) return;
  const last = clause[clause.length - 1];
  const name = cleanSubject(last !== undefined && CLAUSE_END.includes(last) ? clause.slice(0, -1) : clause);
  if (!isItemName(name)) return;
  state.local = name;
  ctx.subject = name;
}

function describe(t: FigureToken, lead: string, state: SentenceState, ctx: SubjectContext): DescribedFigure {
  const reading = readCue(lead, t.kind, t.unitText);
  const own = cleanSubject(reading.rest);
  let subject: string | undefined;
  if (isMeaningfulSubject(own)) {
    subject = own;
    if (t.kind === 'count') state.lastCount = own;
    else state.local = own;
    if (!state.reason && t.kind !== 'count') ctx.subject = own;
  } else {
    const named = reading.selfNaming && reading.cue ? (own + reading.cue).replace(/(为|是)$/, '') : undefined;
    const fromParagraph = state.figuresSeen === 0 && named ? undefined : ctx.subject;
    const counted = t.kind === 'count' && state.previousKind === 'count' ? state.lastCount : undefined;
    subject = counted ?? state.local ?? fromParagraph ?? ctx.heading ?? named ?? (own || undefined);
  }
  state.figuresSeen++;
  state.previousKind = t.kind;
  const figure = described(t, reading.role);
  if (subject) figure.subject = subject;
  if (reading.direction) figure.direction = reading.direction;
  if (reading.cue) figure.cue = reading.cue;
  return figure;
}

/**
 * The token with its role. Copied field by field rather than spread: tokens come in several shapes,
 * and spreading them made this the hottest allocation of the recognizer. Keep in step with FigureToken.
 */
function described(t: FigureToken, role: FigureRole): DescribedFigure {
  const f: DescribedFigure = { kind: t.kind, start: t.start, end: t.end, printed: t.printed, anchor: t.anchor, role };
  if (t.value !== undefined) f.value = t.value;
  if (t.decimals !== undefined) f.decimals = t.decimals;
  if (t.unitText !== undefined) f.unitText = t.unitText;
  if (t.amount !== undefined) f.amount = t.amount;
  if (t.word !== undefined) f.word = t.word;
  return f;
}
