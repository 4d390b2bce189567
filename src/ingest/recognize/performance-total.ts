/** 总分 / 总分值 / 自评等级 rows and the grade bands printed in a table's notes. */
import type { GradeBand, PerformanceEvaluation } from '../../model/index.js';
import { numberOf, toCell } from './performance-cells.js';
import { isGradeWord } from './performance-labels.js';
import { filled, squash, type PCell, type PRow } from './performance-rows.js';

type TotalKey = 'totalWeight' | 'totalScore' | 'grade';

function totalLabel(text: string): TotalKey | 'total' | undefined {
  const t = squash(text).replace(/[:：]$/, '');
  if (/^总分值$|^满分$/.test(t)) return 'totalWeight';
  if (/^(总得分|自评得分|综合得分|评价得分)$/.test(t)) return 'totalScore';
  if (/^(自评|综合评定|评价|综合评价|绩效)等级$/.test(t)) return 'grade';
  if (/^(总分|合计得分|总计|合计)$/.test(t)) return 'total';
  return undefined;
}

/** A row that states the total (or heads the total's values on the next row). */
export function isTotalRow(row: PRow): boolean {
  const first = filled(row)[0];
  return first !== undefined && totalLabel(first.text) !== undefined && !/^合计$/.test(squash(first.text));
}

/** Column heads of a total row whose values are on the next row (云南: 总分 | 总分值 | 总得分 | 自评等级). */
export function totalHeadOf(row: PRow): Map<number, TotalKey> | undefined {
  const heads = new Map<number, TotalKey>();
  row.cells.forEach((c, i) => {
    const k = c.text ? totalLabel(c.text) : undefined;
    if (k && k !== 'total') heads.set(i, k);
  });
  const numbers = filled(row).filter((c) => numberOf(c.text));
  return heads.size >= 2 && numbers.length === 0 ? heads : undefined;
}

function set(ev: PerformanceEvaluation, key: TotalKey, cell: PCell): void {
  if (key === 'grade') ev.grade = toCell(cell, ev.unit, 'text');
  else ev[key] = toCell(cell, ev.unit, 'number');
}

/** Values under a total head row, by column (one cell of tolerance either side). */
export function readTotalValues(ev: PerformanceEvaluation, heads: Map<number, TotalKey>, row: PRow): boolean {
  let found = false;
  for (const [col, key] of heads) {
    const cell = [col, col + 1, col - 1].map((i) => row.cells[i]).find((c) => c?.text);
    if (!cell) continue;
    if (key === 'grade' ? numberOf(cell.text) : !numberOf(cell.text)) continue;
    set(ev, key, cell);
    found = true;
  }
  return found;
}

/**
 * A total row with its values inline: '总分 | 97.63', '总分 | 100 | 57.16 分' (分值, 得分),
 * '综合评定等级 | 优秀 | 总分 | 100 | 99'.
 */
export function readInlineTotal(ev: PerformanceEvaluation, row: PRow): void {
  const cells = filled(row);
  for (let i = 0; i < cells.length; i++) {
    const key = totalLabel(cells[i]!.text);
    if (!key) continue;
    const after: PCell[] = [];
    for (let j = i + 1; j < cells.length && !totalLabel(cells[j]!.text); j++) after.push(cells[j]!);
    if (key === 'grade') {
      const g = after.find((c) => !numberOf(c.text));
      if (g) set(ev, 'grade', g);
      continue;
    }
    const nums = after.filter((c) => numberOf(c.text));
    if (key === 'total' && nums.length >= 2) {
      set(ev, 'totalWeight', nums[0]!);
      set(ev, 'totalScore', nums[1]!);
    } else if (nums.length) set(ev, key === 'totalWeight' ? 'totalWeight' : 'totalScore', nums[0]!);
    const grade = after.find((c) => isGradeWord(c.text));
    if (grade) set(ev, 'grade', grade);
  }
}

const RANGE_RE = /(\d+(?:\.\d+)?)\s*[-－~～至]\s*(\d+(?:\.\d+)?)\s*[（(]含[)）]\s*分?\s*(?:为|的为|评为)\s*[“"]?([^、，,；;。\s”"]+)/g;
const BELOW_RE = /(\d+(?:\.\d+)?)\s*分?以下(?:[（(]不含[)）])?\s*(?:为|的为|评为)\s*[“"]?([^、，,；;。\s”"]+)/g;
const SYMBOL_RE = /([^\s、，,；;。（(：:]+)\s*[（(]\s*(?:(\d+(?:\.\d+)?)\s*([＞>≥]=?)\s*)?S\s*(?:([≥>＞<＜≤]=?)\s*(\d+(?:\.\d+)?))?\s*[)）]/g;

/** Grade bands stated in notes: '100-90（含）分为优、…、60分以下为差', '优秀（S≥90）、良好（90＞S≥80）…'. */
export function gradeBandsIn(text: string): GradeBand[] {
  const t = text.normalize('NFKC');
  const bands: GradeBand[] = [];
  for (const m of t.matchAll(RANGE_RE)) {
    const [hi, lo] = [Number(m[1]), Number(m[2])];
    bands.push({ grade: m[3]!, min: Math.min(hi, lo), minInclusive: true, max: Math.max(hi, lo), maxInclusive: false, text: m[0] });
  }
  for (const m of t.matchAll(BELOW_RE)) bands.push({ grade: m[2]!, min: 0, minInclusive: true, max: Number(m[1]), maxInclusive: false, text: m[0] });
  if (!bands.length) for (const m of t.matchAll(SYMBOL_RE)) bands.push(symbolBand(m));
  fixTopBand(bands);
  return bands;
}

function symbolBand(m: RegExpMatchArray): GradeBand {
  const band: GradeBand = { grade: m[1]!.replace(/^\d+[.、．]?/, '').replace(/^.*分为/, ''), min: 0, minInclusive: true, text: m[0] };
  if (m[2] !== undefined) Object.assign(band, { max: Number(m[2]), maxInclusive: m[3]!.includes('=') || m[3] === '≥' });
  const op = m[4];
  if (op !== undefined) {
    const v = Number(m[5]);
    if (/[≥>＞]/.test(op)) Object.assign(band, { min: v, minInclusive: op.includes('=') || op === '≥' });
    else Object.assign(band, { max: v, maxInclusive: op.includes('=') || op === '≤' });
  }
  return band;
}

/** The band with the highest upper bound includes it (100 is 优). */
function fixTopBand(bands: GradeBand[]): void {
  const top = bands.reduce<GradeBand | undefined>((a, b) => (!a || (b.max ?? Infinity) > (a.max ?? Infinity) ? b : a), undefined);
  if (top && top.max !== undefined) top.maxInclusive = true;
}
