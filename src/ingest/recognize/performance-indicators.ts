/** The 绩效指标 part of a performance table: header, indicator rows, 一级 blocks, subtotal rows. */
import type { IndicatorBlock, IndicatorRow, PerformanceEvaluation, Unit } from '../../model/index.js';
import { numberOf, toCell } from './performance-cells.js';
import {
  declaredWeightOf, indicatorColumnOf, isBlockLabel, isLevel2, level1Of, level1OfLevel2, type IndicatorKey,
} from './performance-labels.js';
import { squash, type PCell, type PRow } from './performance-rows.js';
import { align, leftovers, type ColumnSpec } from './performance-shift.js';

export interface IndicatorHeader {
  /** Column of each key; value keys are those after 三级指标. */
  cols: Partial<Record<IndicatorKey, number>>;
  values: ColumnSpec<IndicatorKey>[];
}

const LEVEL_KEYS: IndicatorKey[] = ['level1', 'level2', 'level3'];

/** Columns already found per row: readStructure asks several header questions of each row. */
const headerCache = new WeakMap<PRow, Partial<Record<IndicatorKey, number>>>();

/** The columns a header row names (empty when it names no indicator column). Read-only: shared. */
export function headerColumns(row: PRow): Readonly<Partial<Record<IndicatorKey, number>>> {
  const known = headerCache.get(row);
  if (known) return known;
  const cols: Partial<Record<IndicatorKey, number>> = {};
  row.cells.forEach((c, i) => {
    const key = c.text ? indicatorColumnOf(c.text) : undefined;
    if (key && cols[key] === undefined) cols[key] = i;
  });
  headerCache.set(row, cols);
  return cols;
}

/** A row that heads the indicator rows: names 三级指标, or 一级 and 二级指标. */
export function isIndicatorHeader(row: PRow): boolean {
  const cols = headerColumns(row);
  return cols.level3 !== undefined || (cols.level1 !== undefined && cols.level2 !== undefined);
}

/** The first line of a two-line header ('绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分'). */
export function isUpperHeader(row: PRow): boolean {
  const cols = headerColumns(row);
  return !isIndicatorHeader(row) && cols.target !== undefined && cols.actual !== undefined;
}

type Extent = { x0: number; x1: number };
const mid = (x: Extent): number => (x.x0 + x.x1) / 2;

/** Two header cells stand over the same column: either's centre lies within the other. */
function covers(a: Extent, b: Extent): boolean {
  return (mid(a) >= b.x0 && mid(a) <= b.x1) || (mid(b) >= a.x0 && mid(b) <= a.x1);
}

/** The header of `row`, with the columns of an upper header line filling what it does not name. */
export function makeHeader(row: PRow, upper?: PRow): IndicatorHeader {
  const lower = headerColumns(row);
  const cols: Partial<Record<IndicatorKey, number>> = {};
  const taken = new Set<number>();
  for (const [k, i] of Object.entries(lower) as [IndicatorKey, number][]) { cols[k] = i; taken.add(i); }
  const extra: ColumnSpec<IndicatorKey>[] = [];
  if (upper) {
    const byX = row.cells.some((c) => c.x) && upper.cells.some((c) => c.x);
    for (const [k, i] of Object.entries(headerColumns(upper)) as [IndicatorKey, number][]) {
      if (cols[k] !== undefined) continue;
      const x = upper.cells[i]?.x;
      if (byX && x && !row.cells.some((c) => c.x && c.text && covers(c.x, x))) {
        extra.push({ key: k, col: row.cells.length + extra.length, x });
      } else if (!byX && !taken.has(i)) cols[k] = i;
    }
  }
  const values = (Object.entries(cols) as [IndicatorKey, number][])
    .filter(([k]) => !LEVEL_KEYS.includes(k))
    .map(([key, col]): ColumnSpec<IndicatorKey> => {
      const x = (taken.has(col) ? row : upper)?.cells[col]?.x;
      return x ? { key, col, x } : { key, col };
    })
    .concat(extra)
    .sort((a, b) => a.col - b.col);
  return { cols, values };
}

function fit(key: IndicatorKey, text: string): number {
  const n = numberOf(text);
  if (key === 'weight' || key === 'score') return n && !n.percent ? 2 : -2;
  if (key === 'completion') return n ? 1 : -1;
  if (key === 'nature') return /^(>=|<=|=|>|<|≥|≤|＞|＜|＝|定性|定量|正向|反向)/.test(squash(text)) ? 1 : -1;
  if (key === 'unitText') return text.length <= 6 ? 0 : -1;
  return 0;
}

/** Parsing state carried from row to row within one table. */
export interface IndicatorState {
  header: IndicatorHeader;
  level1?: string;
  level2?: string;
}

interface Labels {
  l1?: PCell;
  l2?: PCell;
  level3Index: number;
}

function labelsOf(row: PRow, header: IndicatorHeader): Labels {
  let l1: PCell | undefined;
  let l2: PCell | undefined;
  const level2Col = header.cols.level2 ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < row.cells.length; i++) {
    const c = row.cells[i]!;
    if (c.text === '' || isBlockLabel(c.text)) continue;
    const asL1 = level1Of(c.text) !== undefined;
    const asL2 = isLevel2(c.text);
    const weighted = declaredWeightOf(c.text) !== undefined;
    if (asL1 && !l1 && !l2 && (weighted || !asL2 || i < level2Col)) l1 = c;
    else if (asL2 && !l2) l2 = c;
    else return { l1, l2, level3Index: i };
  }
  return { l1, l2, level3Index: -1 };
}

function registerBlock(ev: PerformanceEvaluation, cell: PCell, level1: string): void {
  ev.blocks ??= [];
  const weight = declaredWeightOf(cell.text);
  const known = ev.blocks.find((b) => b.level1 === level1);
  if (!known) {
    const block: IndicatorBlock = { level1, text: cell.text, prov: cell.prov };
    if (weight !== undefined) block.declaredWeight = weight;
    ev.blocks.push(block);
  } else if (known.declaredWeight === undefined && weight !== undefined) {
    Object.assign(known, { text: cell.text, prov: cell.prov, declaredWeight: weight });
  }
}

/** Resolves the row's 一级/二级 from its own cells, its 二级, or the rows above. */
function resolveLevels(ev: PerformanceEvaluation, st: IndicatorState, labels: Labels): { level1: string; inferred: boolean } {
  const own = labels.l1 ? level1Of(labels.l1.text) : undefined;
  if (labels.l1 && own) registerBlock(ev, labels.l1, own);
  if (own && own !== st.level1) st.level2 = undefined;
  if (labels.l2) st.level2 = labels.l2.text;
  const fromL2 = labels.l2 ? level1OfLevel2(labels.l2.text) : undefined;
  const level1 = own ?? fromL2 ?? (st.level2 ? level1OfLevel2(st.level2) : undefined) ?? st.level1 ?? '';
  st.level1 = level1;
  return { level1, inferred: own === undefined };
}

/** Reads one data row into an indicator (or a block label / subtotal row). Returns false when it is neither. */
export function readIndicatorRow(ev: PerformanceEvaluation, st: IndicatorState, row: PRow, unit: Unit): boolean {
  const labels = labelsOf(row, st.header);
  if (labels.level3Index < 0) {
    if (!labels.l1 && !labels.l2) return false;
    resolveLevels(ev, st, labels);
    return true;
  }
  const name = row.cells[labels.level3Index]!;
  if (/^(小计|合计|总计)$/.test(squash(name.text))) return false;
  if (!labels.l1 && !labels.l2 && numberOf(name.text) && readSubtotal(ev, st, row)) return true;
  const aligned = align(row.cells, st.header.values, labels.level3Index, fit);
  const hasValue = Object.values(aligned.cells).some((c) => c?.text);
  if (!hasValue && !labels.l1 && !labels.l2 && declaredWeightOf(name.text) === undefined) return false;
  const { level1, inferred } = resolveLevels(ev, st, labels);
  const ind: IndicatorRow = { level1, level2: st.level2 ?? '', level3: name.text, prov: { line: row.line }, level3Prov: name.prov };
  if (inferred) ind.level1Inferred = true;
  if (!labels.l2) ind.level2Inferred = true;
  const declared = declaredWeightOf(name.text);
  if (declared !== undefined) ind.declaredWeight = declared;
  fillValues(ind, aligned.cells, unit);
  const rest = leftovers(row.cells, aligned, labels.level3Index);
  if (rest.length) ind.deviation = [ind.deviation, ...rest.map((c) => c.text)].filter(Boolean).join(' ');
  ev.indicators.push(ind);
  return true;
}

function fillValues(ind: IndicatorRow, cells: Partial<Record<IndicatorKey, PCell>>, unit: Unit): void {
  const c = cells;
  if (c.nature?.text) ind.nature = normaliseNature(c.nature.text);
  if (c.target) ind.target = toCell(c.target, unit, 'text');
  if (c.unitText?.text) { ind.unitText = c.unitText.text; ind.unitProv = c.unitText.prov; }
  if (c.actual) ind.actual = toCell(c.actual, unit, 'text');
  if (c.completion) ind.completion = toCell(c.completion, unit, 'number');
  if (c.weight) ind.weight = toCell(c.weight, unit, 'number');
  if (c.score) ind.score = toCell(c.score, unit, 'number');
  if (c.deviation?.text) ind.deviation = c.deviation.text;
  if (!ind.nature && ind.target) {
    const inline = /^\s*(>=|<=|≥|≤|＞=|＜=|=|＝|>|<|＞|＜)/.exec(ind.target.text);
    if (inline) ind.nature = normaliseNature(inline[1]!);
  }
}

/** '≥' → '>=', '≤' → '<=', '＝' → '='; other printed natures (定性) as printed. */
export function normaliseNature(text: string): string {
  const t = squash(text);
  if (/^(>=|≥|＞=|不低于|不少于|正向)/.test(t)) return '>=';
  if (/^(<=|≤|＜=|不高于|不超过|不多于|反向)/.test(t)) return '<=';
  if (/^[=＝]/.test(t)) return '=';
  if (/^[>＞]/.test(t)) return '>';
  if (/^[<＜]/.test(t)) return '<';
  return text;
}

/** A row with no names and numbers under 分值/得分 only: the indicators' subtotal (云南: 90.00 | 88.00). */
function readSubtotal(ev: PerformanceEvaluation, st: IndicatorState, row: PRow): boolean {
  if (ev.indicators.length) return false;
  const aligned = align(row.cells, st.header.values, -1, fit);
  const placed = (Object.entries(aligned.cells) as [IndicatorKey, PCell][]).filter(([, c]) => c.text);
  if (!placed.length || placed.some(([k]) => k !== 'weight' && k !== 'score') || leftovers(row.cells, aligned, -1).length) return false;
  ev.indicatorTotal = { prov: { line: row.line } };
  const { weight, score } = aligned.cells;
  if (weight?.text) ev.indicatorTotal.weight = toCell(weight, ev.unit, 'number');
  if (score?.text) ev.indicatorTotal.score = toCell(score, ev.unit, 'number');
  return true;
}

/**
 * Forms that print one 分值/得分 per 一级 block on the block's first row (湖南 department form):
 * moves them from that indicator to the block.
 */
export function liftBlockScores(ev: PerformanceEvaluation): void {
  for (const block of ev.blocks ?? []) {
    const rows = ev.indicators.filter((i) => i.level1 === block.level1);
    if (rows.length < 2) continue;
    const [first, ...rest] = rows;
    if (!first!.weight?.text || rest.some((r) => r.weight?.text || r.score?.text)) continue;
    const w = first!.weight.value.kind === 'number' ? Number(first!.weight.value.value) : NaN;
    if (block.declaredWeight !== undefined && w !== block.declaredWeight) continue;
    block.weight = first!.weight;
    if (first!.score) block.score = first!.score;
    delete first!.weight;
    delete first!.score;
  }
}
