/**
 * Builds `Disclosure` values from small literals, for rule tests. Every part gets distinct, increasing
 * provenance lines and the `lines` array holds a plain-text rendering of them, so findings can be
 * located and quoted exactly as for a real document.
 *
 *   disclosure({ unit: '万元',
 *     tables: [table('T03', { columns: ['total', 'basic', 'project'],
 *       rows: [['total', '合计', '100.00', '60.00', '40.00'], ['2101501', '行政运行', '60.00', '60.00', '']] })],
 *     sections: [section('三、支出决算情况说明', ['2023 年度支出合计 100.00 万元,其中:基本支出 60.00 万元。'])] })
 *
 * A row literal is `[key, name, ...cells]` (cells in column order; a 3/5/7-digit key is a 功能/经济分类
 * code) or `{ key, code, name, side, cells }` with cells by column key. Figures in sentences come from
 * the narrative recognizer when it is installed (see fixture-figures.ts), or are given explicitly.
 */
import type {
  CodeLevel, Column, Disclosure, DisclosureMeta, Figure, PerformanceEvaluation, Row, Section,
  SourceLine, Table, TableKey, Unit,
} from '../../model/index.js';
import { parseCellValue, type CellKind } from './cell-value.js';
import { figuresOf, type FigureSpec, buildFigure } from './fixture-figures.js';
import { placeParts, registerLines } from './fixture-lines.js';

export { amountFigure, percentFigure, setFigureRecognizer } from './fixture-figures.js';
export type { FigureSpec } from './fixture-figures.js';
export { evaluation } from './fixture-performance.js';

export interface ColumnSpec { key: string; label?: string; kind?: CellKind }
export interface RowObject {
  key?: string;
  code?: string;
  name: string;
  side?: Row['side'];
  lineNo?: string;
  cells: readonly string[] | Record<string, string>;
}
export type RowSpec = readonly string[] | RowObject;

export interface TableSpec {
  title?: string;
  ordinal?: string;
  variant?: string;
  unit?: Unit;
  columns: readonly (string | ColumnSpec)[];
  rows: readonly RowSpec[];
  status?: Table['status'];
  notes?: string[];
}

const DEFAULT_TITLES: Record<TableKey, string> = {
  T01: '收入支出决算总表', T02: '收入决算表', T03: '支出决算表', T04: '财政拨款收入支出决算总表',
  T05: '一般公共预算财政拨款支出决算表', T06: '一般公共预算财政拨款基本支出决算表',
  T07: '政府性基金预算财政拨款收入支出决算表', T08: '国有资本经营预算财政拨款支出决算表',
  T09: '财政拨款"三公"经费支出决算表',
};

let tableCounter = 0;

/** The level of a classification code by its length (3 类, 5 款, 7 项), or undefined. */
export function codeLevelOf(code: string): CodeLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return ({ 3: 'category', 5: 'section', 7: 'item' } as Record<number, CodeLevel>)[code.length];
}

function normalizeColumns(cols: TableSpec['columns']): ColumnSpec[] {
  return cols.map((c) => (typeof c === 'string' ? { key: c } : c));
}

/** A table whose lines start at 1: title, header, then one line per row. `disclosure()` re-bases them. */
export function table(key: TableKey | undefined, spec: TableSpec): Table {
  const unit = spec.unit ?? '万元';
  const columns = normalizeColumns(spec.columns);
  const title = spec.title ?? (key ? DEFAULT_TITLES[key] : '表');
  const lines: SourceLine[] = [
    { line: 1, text: title },
    { line: 2, text: ['项目', ...columns.map((c) => c.label ?? c.key)].join('\t') },
  ];
  const rows = spec.rows.map((r, i) => buildRow(r, columns, unit, 3 + i, lines));
  const t: Table = {
    id: `tbl-${++tableCounter}`,
    ...(key ? { key } : {}),
    title,
    ...(spec.ordinal ? { ordinal: spec.ordinal } : {}),
    ...(spec.variant ? { variant: spec.variant } : {}),
    unit,
    unitSource: 'printed',
    columns: columns.map((c): Column => ({ key: c.key, label: c.label ?? c.key })),
    rows,
    status: spec.status ?? 'present',
    notes: spec.notes ?? [],
    prov: { line: 1 },
    endLine: 2 + rows.length,
  };
  registerLines(t, lines);
  return t;
}

function buildRow(spec: RowSpec, columns: ColumnSpec[], unit: Unit, line: number, lines: SourceLine[]): Row {
  const obj: RowObject = Array.isArray(spec)
    ? { key: spec[0] || undefined, name: spec[1] ?? '', cells: spec.slice(2) }
    : (spec as RowObject);
  const code = obj.code ?? (obj.key && codeLevelOf(obj.key) ? obj.key : undefined);
  const texts: Record<string, string> = {};
  if (Array.isArray(obj.cells)) {
    (obj.cells as readonly string[]).forEach((text, i) => {
      const col = columns[i];
      if (!col) throw new Error(`fixture row "${obj.name}": more cells than columns`);
      texts[col.key] = text;
    });
  } else Object.assign(texts, obj.cells);
  const cells: Row['cells'] = {};
  const printed: string[] = [code ? `${code} ${obj.name}` : obj.name];
  columns.forEach((col, i) => {
    const text = texts[col.key];
    printed.push(text ?? '');
    if (text === undefined) return;
    cells[col.key] = { text, value: parseCellValue(text, unit, col.kind), prov: { line, cell: i + 1 } };
  });
  lines.push({ line, text: printed.join('\t') });
  const level = code ? codeLevelOf(code) : undefined;
  return {
    ...(obj.key ? { key: obj.key } : code ? { key: code } : {}),
    ...(code ? { code } : {}),
    ...(level ? { codeLevel: level } : {}),
    name: obj.name,
    ...(obj.side ? { side: obj.side } : {}),
    ...(obj.lineNo ? { lineNo: obj.lineNo } : {}),
    cells,
    prov: { line, cell: 0 },
  };
}

/** A paragraph literal: its text, or its text with the figures it states given explicitly. */
export type ParagraphSpec = string | { text: string; figures?: FigureSpec[] };

export interface SectionOptions {
  number?: string;
  level?: number;
  topic?: string;
  children?: Section[];
}

let sectionCounter = 0;
const SENTENCE_RE = /[^。！？!?]+[。！？!?]?/g;

/**
 * A headed section: the heading line, then one line per paragraph, then the children. A heading such
 * as '三、支出决算情况说明' is split into number '三、' and heading. Sentences split at 。！？.
 */
export function section(heading: string, paragraphs: readonly ParagraphSpec[], opts: SectionOptions = {}): Section {
  const m = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])\s*(.*)$/.exec(heading);
  const number = opts.number ?? m?.[1];
  const text = m ? m[2]! : heading;
  const lines: SourceLine[] = [{ line: 1, text: heading }];
  const paras = paragraphs.map((p, i) => buildParagraph(p, 2 + i, lines));
  let next = 2 + paras.length;
  const children = (opts.children ?? []).map((child) => {
    const placed = placeParts([child], next);
    next += placed.lines.length;
    lines.push(...placed.lines);
    return placed.parts[0] as Section;
  });
  const s: Section = {
    id: `sec-${++sectionCounter}`,
    heading: text,
    ...(number ? { number } : {}),
    level: opts.level ?? levelOfNumber(number),
    ...(opts.topic ? { topic: opts.topic } : {}),
    paragraphs: paras,
    children,
    prov: { line: 1 },
  };
  registerLines(s, lines);
  return s;
}

function levelOfNumber(number: string | undefined): number {
  if (!number || number.startsWith('第')) return 0;
  if (/^[一二三四五六七八九十]+、$/.test(number)) return 1;
  if (/^[（(]/.test(number)) return 2;
  return 3;
}

function buildParagraph(spec: ParagraphSpec, line: number, lines: SourceLine[]): Section['paragraphs'][number] {
  const text = typeof spec === 'string' ? spec : spec.text;
  const explicit = typeof spec === 'string' ? undefined : spec.figures;
  lines.push({ line, text });
  const sentences = [...text.matchAll(SENTENCE_RE)].map((m) => {
    const stext = m[0];
    const offset = m.index ?? 0;
    const prov = { line, offset };
    const figures: Figure[] = explicit
      ? explicit.filter((f) => stext.includes(f.printed)).map((f) => buildFigure(f, stext, prov))
      : figuresOf(stext, prov);
    return { text: stext, prov, figures };
  });
  return { text, sentences, prov: { line } };
}

export interface DisclosureSpec extends Partial<Omit<DisclosureMeta, 'kind'>> {
  kind?: DisclosureMeta['kind'];
  tables?: Table[];
  sections?: Section[];
  performance?: PerformanceEvaluation[];
  notFound?: string[];
  sourceName?: string;
}

/** A whole disclosure: tables first, then sections, then performance tables, lines numbered in order. */
export function disclosure(spec: DisclosureSpec): Disclosure {
  const { tables = [], sections = [], performance = [], notFound = [], sourceName, kind, ...meta } = spec;
  const placed = placeParts([...tables, ...sections, ...performance], 1);
  const parts = placed.parts;
  return {
    meta: { kind: kind ?? 'final-accounts', ...meta },
    source: { format: 'text', ...(sourceName ? { name: sourceName } : {}) },
    toc: [],
    tables: parts.slice(0, tables.length) as Table[],
    sections: parts.slice(tables.length, tables.length + sections.length) as Section[],
    performance: parts.slice(tables.length + sections.length) as PerformanceEvaluation[],
    lines: placed.lines,
    ordinals: [],
    notFound,
    warnings: [],
  };
}
