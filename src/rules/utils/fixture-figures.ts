/**
 * Figures for fixture sentences. When the narrative recognizer (src/ingest/recognize/figures.ts) is
 * installed, fixtures ask it; otherwise a plain fallback finds amounts with their unit and
 * percentages (no subject or role). Tests that depend on subject/role give figures explicitly.
 */
import { parseAmount, type Figure, type Provenance, type Unit } from '../../model/index.js';

export type FigureSpec = Omit<Partial<Figure>, 'prov'> & { printed: string };
export type FigureRecognizer = (text: string, prov: Provenance) => Figure[];

let recognizer: FigureRecognizer | undefined = await loadRecognizer();

async function loadRecognizer(): Promise<FigureRecognizer | undefined> {
  const path = '../../ingest/recognize/figures.js';
  try {
    const mod = (await import(path)) as Record<string, unknown>;
    for (const name of ['recognizeFigures', 'extractFigures', 'findFigures', 'figuresOf']) {
      if (typeof mod[name] === 'function') return mod[name] as FigureRecognizer;
    }
  } catch {
    // not installed yet: the fallback below is used
  }
  return undefined;
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
