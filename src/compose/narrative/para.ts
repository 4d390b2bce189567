/**
 * Writes a paragraph sentence by sentence and records, for each figure it prints, what it is
 * (subject, role, direction) and where it stands (offset in the line), so the composed model's
 * narrative is as checkable as a read one. Changes and shares are worded here, once.
 */
import type { Fen, Figure, FigureRole, Paragraph, Provenance, Sentence, Unit } from '../../model/index.js';
import { amountOf, percent, textAmount } from '../amounts.js';

export class Para {
  private text = '';
  private sentenceStart = 0;
  private figures: Figure[] = [];
  private readonly sentences: Sentence[] = [];
  readonly provs: Provenance[] = [];

  constructor(readonly unit: Unit) {}

  say(s: string): this {
    this.text += s;
    return this;
  }

  amount(fen: Fen, subject: string, role: FigureRole = 'value', direction?: Figure['direction']): this {
    const value = textAmount(fen, this.unit);
    const printed = `${value}${this.unit}`;
    return this.figure({ kind: 'amount', printed, amount: { ...amountOf(fen, this.unit, false), printed: value }, unitText: this.unit, subject, role, ...(direction && { direction }) });
  }

  pct(value: string, subject: string, role: FigureRole, direction?: Figure['direction']): this {
    const decimals = value.includes('.') ? value.split('.')[1]!.length : 0;
    return this.figure({ kind: 'percent', printed: `${value}%`, value, decimals, subject, role, ...(direction && { direction }) });
  }

  count(n: number, unitText: string, subject: string): this {
    return this.figure({ kind: 'count', printed: `${n}${unitText}`, value: String(n), unitText, subject, role: 'count' });
  }

  private figure(f: Omit<Figure, 'prov'>): this {
    const prov: Provenance = { line: 0, offset: this.text.length };
    this.provs.push(prov);
    this.figures.push({ ...f, prov });
    this.text += f.printed;
    return this;
  }

  /** Closes the sentence (with 。 unless it already ends with a stop). */
  end(stop = '。'): this {
    if (this.text.length === this.sentenceStart) return this;
    if (!/[。；！？：]$/.test(this.text)) this.text += stop;
    const prov: Provenance = { line: 0, offset: this.sentenceStart };
    this.provs.push(prov);
    this.sentences.push({ text: this.text.slice(this.sentenceStart), prov, figures: this.figures });
    this.figures = [];
    this.sentenceStart = this.text.length;
    return this;
  }

  get empty(): boolean {
    return this.text.length === 0;
  }

  build(): Paragraph {
    this.end();
    const prov: Provenance = { line: 0 };
    this.provs.push(prov);
    return { text: this.text, sentences: this.sentences, prov };
  }

  // ---- wording of the official templates ----

  /**
   * A change against the prior year: 增加/减少 by sign with the rate, 持平 when equal, a growth from
   * zero stated as such (no rate: it is undefined). Returns the direction, or null without a prior.
   */
  change(current: Fen, prior: Fen | null, subject: string, lead = '较上年'): Figure['direction'] | null {
    if (prior === null) return null;
    const diff = current - prior;
    if (diff === 0) {
      this.say('与上年持平');
      return 'flat';
    }
    const up = diff > 0;
    const dir = up ? 'increase' : 'decrease';
    this.say(`${lead}${up ? '增加' : '减少'}`).amount(Math.abs(diff) as Fen, subject, 'change', dir);
    if (prior === 0) this.say('（上年无此项支出）');
    else this.say(`，${up ? '增长' : '下降'}`).pct(percent(Math.abs(diff), Math.abs(prior))!, subject, 'change-rate', dir);
    return dir;
  }

  /** 占 x% (omitted when the whole is zero: a share of nothing is undefined). */
  share(part: Fen, whole: Fen, subject: string, lead = '占'): this {
    const p = percent(part, whole);
    if (p !== null) this.say(lead).pct(p, subject, 'share');
    return this;
  }

  /**
   * 决算数大于/小于{against}的主要原因是…。 — or 决算数与{against}持平。 (without a reason, only the comparison).
   */
  deviation(actual: Fen, budget: Fen, against: string, reason: string | undefined): this {
    this.end();
    const word = comparisonWord(actual, budget);
    if (word === '持平') return this.say(`决算数与${against}持平`).end();
    if (!reason?.trim()) return this.say(`决算数${word}${against}`).end();
    return this.say(`决算数${word}${against}的主要原因是${clean(reason)}`).end();
  }

  /** 主要原因是…。 when a reason is given. */
  reason(text: string | undefined): this {
    if (!text) return this;
    this.end();
    return this.say(`主要原因是${clean(text)}`).end();
  }
}

function clean(reason: string): string {
  return reason.trim().replace(/(?<![。；，,.;\s])[。；，,.;\s]+$/, ''); // the trailing run from its start only: linear
}

/** 决算数大于/小于/与…持平: the comparison of an actual with its budget. */
export function comparisonWord(actual: Fen, budget: Fen): '大于' | '小于' | '持平' {
  return actual > budget ? '大于' : actual < budget ? '小于' : '持平';
}
