/**
 * Figures for fixture sentences. When the narrative recognizer (src/ingest/recognize/figures.ts) is
 * installed, fixtures ask it; otherwise a plain fallback finds amounts with their unit and
 * percentages (no subject or role). Tests that depend on subject/role give figures explicitly.
 */
import { parseAmount, type Figure, type Provenance, type Unit } from '../../model/index.js';

export type FigureSpec = Omit<Partial<Figure>, 'prov'> & { printed: string };
export type FigureRecognizer = (text: string, prov: Provenance) => Figure[];

let recognizer: FigureRecognizer | undefined = await loadRecognizer();

/** A token of src/ingest/recognize/figures.ts `findFigures` (offsets in the sentence). */
interface FigureToken {
  kind: Figure['kind'];
  start: number;
  printed: string;
  value?: string;
  decimals?: number;
  unitText?: string;
  amount?: Figure['amount'];
}

async function importOptional(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(path)) as Record<string, unknown>;
  } catch {
    return undefined; // not installed yet: the fallback below is used
  }
}

/**
 * The narrative recognizer, when installed: a sentence-level function that returns Figures with
 * subject and role (src/ingest/recognize/sentence-figures.ts or sections.ts), else the token finder
 * of figures.ts (no subject or role), else undefined.
 */
async function loadRecognizer(): Promise<FigureRecognizer | undefined> {
  for (const path of ['../../ingest/recognize/sentence-figures.js', '../../ingest/recognize/sections.js']) {
    const mod = await importOptional(path);
    for (const name of ['recognizeFigures', 'figuresOfSentence', 'sentenceFigures']) {
      if (typeof mod?.[name] === 'function') return mod[name] as FigureRecognizer;
    }
  }
  const tokens = await importOptional('../../ingest/recognize/figures.js');
  if (typeof tokens?.findFigures !== 'function') return undefined;
  const find = tokens.findFigures as (s: string) => FigureToken[];
  return (text, prov) => find(text).map((t) => {
    const { start, ...rest } = t;
    const fig: Figure = { kind: rest.kind, printed: rest.printed, prov: { ...prov, offset: (prov.offset ?? 0) + start } };
    for (const k of ['value', 'decimals', 'unitText', 'amount'] as const) if (rest[k] !== undefined) Object.assign(fig, { [k]: rest[k] });
    return fig;
  });
}

/** Replaces the recognizer used for sentences without explicit figures (undefined: the fallback). */
export function setFigureRecognizer(fn: FigureRecognizer | undefined): void {
  recognizer = fn;
}

const FALLBACK_RE = /([+-]?\d[\d,]*(?:\.\d+)?)\s*(万元|元|%|％)/g;

export function figuresOf(text: string, prov: Provenance): Figure[] {
  if (recognizer) {
    const found = recognizer(text, prov);
    if (Array.isArray(found)) return found;
  }
  return [...text.matchAll(FALLBACK_RE)].map((m) => buildFigure({ printed: m[0] }, text, prov));
}

const NUM_UNIT_RE = /([+-]?\d[\d,]*(?:\.\d+)?)\s*(万元|元|%|％)?/;

/** Completes a figure literal: kind, amount/value/decimals from its printed text, prov with offset. */
export function buildFigure(spec: FigureSpec, sentence: string, prov: Provenance): Figure {
  const m = NUM_UNIT_RE.exec(spec.printed.normalize('NFKC'));
  const number = m?.[1]?.replace(/,/g, '');
  const unitText = m?.[2];
  const isPercent = unitText === '%' || unitText === '％';
  const kind = spec.kind ?? (isPercent ? 'percent' : unitText ? 'amount' : number ? 'count' : 'placeholder');
  const idx = sentence.indexOf(spec.printed);
  const fig: Figure = {
    kind,
    printed: spec.printed,
    prov: { ...prov, offset: (prov.offset ?? 0) + Math.max(idx, 0) },
    ...(unitText ? { unitText } : {}),
  };
  if (kind === 'amount' && number && (unitText === '万元' || unitText === '元')) {
    const amount = parseAmount(number, unitText as Unit);
    if (amount) fig.amount = amount;
  }
  if ((kind === 'percent' || kind === 'count') && number) {
    fig.value = number;
    if (kind === 'percent') fig.decimals = number.split('.')[1]?.length ?? 0;
  }
  const { printed: _p, kind: _k, ...rest } = spec;
  return { ...fig, ...rest };
}

/** An explicit amount figure: amountFigure('100.00 万元', { subject: '支出合计', role: 'value' }). */
export function amountFigure(printed: string, extra: Omit<FigureSpec, 'printed'> = {}): FigureSpec {
  return { kind: 'amount', printed, ...extra };
}

/** An explicit percentage figure: percentFigure('60.00%', { role: 'share', subject: '基本支出' }). */
export function percentFigure(printed: string, extra: Omit<FigureSpec, 'printed'> = {}): FigureSpec {
  return { kind: 'percent', printed, ...extra };
}
