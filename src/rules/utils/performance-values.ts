/**
 * Reading what performance rules need from the model: indicator values ('≥95%', '=256.11 万人'),
 * weights and scores, the 年度资金总额 row, and whether a quantitative indicator met its target.
 */
import type { Cell, FundingRow, IndicatorRow, PerformanceEvaluation } from '../../model/index.js';
import { parsePrinted, type Printed, type Ratio } from './performance-decimal.js';

export type Comparison = '>=' | '<=' | '=' | '>' | '<';

export interface IndicatorValue {
  cmp?: Comparison;
  number: Printed;
  /** Unit text after the number ('万人', '%', '元/人'), '' when none. */
  unit: string;
}

const CMP_RE = /^(>=|<=|≥|≤|＞=|＜=|=|＝|>|<|＞|＜|不低于|不少于|不高于|不超过|不多于|大于等于|小于等于)?/;

function normaliseCmp(text: string): Comparison | undefined {
  if (/^(>=|≥|＞=|不低于|不少于|大于等于|正向(指标)?)$/.test(text)) return '>=';
  if (/^(<=|≤|＜=|不高于|不超过|不多于|小于等于|反向(指标)?)$/.test(text)) return '<=';
  if (/^[=＝]$/.test(text)) return '=';
  if (/^[>＞]$/.test(text)) return '>';
  if (/^[<＜]$/.test(text)) return '<';
  return undefined;
}

/** A quantitative value: optional comparison, a number, a unit. Null for text, dates and ranges. */
export function parseIndicatorValue(text: string | undefined): IndicatorValue | null {
  if (!text) return null;
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (/\d+年\d+月|\d+月\d+日|日前|日内|以前|以后/.test(t)) return null;
  const m = CMP_RE.exec(t)!;
  const rest = t.slice(m[0].length);
  const num = /^([+-]?[\d,]+(?:\.\d+)?)(.*)$/.exec(rest);
  if (!num) return null;
  const unit = num[2]!;
  if (/\d/.test(unit) || unit.length > 8) return null;
  const number = parsePrinted(num[1]! + (unit === '%' ? '%' : ''));
  if (!number) return null;
  const cmp = m[1] ? normaliseCmp(m[1].normalize('NFKC')) : undefined;
  return cmp ? { cmp, number, unit } : { number, unit };
}

/** The indicator's 分值: the printed cell, else the points in its name '（10分）'. */
export function weightOf(ind: IndicatorRow): Ratio | undefined {
  const p = cellNumber(ind.weight);
  if (p) return p.value;
  return ind.declaredWeight !== undefined ? decimalRatio(ind.declaredWeight) : undefined;
}

export function cellNumber(cell: Cell | undefined): Printed | null {
  if (!cell || cell.text === '') return null;
  return parsePrinted(cell.text);
}

export function decimalRatio(n: number): Ratio {
  const p = parsePrinted(String(n));
  return p ? p.value : { n: 0n, d: 1n };
}

export function totalFunding(ev: PerformanceEvaluation): FundingRow | undefined {
  return ev.funding.find((f) => f.key === 'total') ?? (ev.funding.length === 1 ? ev.funding[0] : undefined);
}

/** The evaluations that are tables (summary rows left out). */
export function tablesOf(evals: readonly PerformanceEvaluation[]): PerformanceEvaluation[] {
  return evals.filter((e) => e.kind !== 'summary');
}

export interface Judged {
  target: IndicatorValue;
  actual: IndicatorValue;
  cmp: Comparison;
  /** The comparison was not printed: taken as '>=' (a positive indicator). */
  inferred: boolean;
  met: boolean;
}

const REVERSE_NAME = /成本|费用|支出|经费|价格|时间|时长|时限|天数|用时|投诉|差错|错误|违规|事故|超支/;

function sameUnit(a: string, b: string): boolean {
  return a === '' || b === '' || a === b;
}

/** Compares a quantitative indicator's actual value with its target; undefined when not comparable. */
export function judgeIndicator(ind: IndicatorRow): Judged | undefined {
  const target = parseIndicatorValue(ind.target?.text);
  const actual = parseIndicatorValue(ind.actual?.text);
  if (!target || !actual || !sameUnit(target.unit, actual.unit)) return undefined;
  if (target.number.percent !== actual.number.percent && target.unit !== '' && actual.unit !== '') return undefined;
  const printed = normaliseCmp(ind.nature ?? '') ?? target.cmp;
  if (!printed && REVERSE_NAME.test(ind.level3)) return undefined;
  const cmp: Comparison = printed ?? '>=';
  const c = compare(actual.number.value, target.number.value);
  const met = cmp === '>=' ? c >= 0 : cmp === '>' ? c > 0 : cmp === '<=' ? c <= 0 : cmp === '<' ? c < 0 : c === 0;
  return { target, actual, cmp, inferred: !printed, met };
}

function compare(a: Ratio, b: Ratio): number {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
}

/** The name without its '（10分）'. */
export function bareName(ind: IndicatorRow): string {
  return ind.level3.normalize('NFKC').replace(/[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$/, '').replace(/\s+/g, '');
}

/** The indicator's 分值 as printed (cell text, else the points in its name). */
export function formatWeight(ind: IndicatorRow): string {
  return ind.weight?.text || (ind.declaredWeight !== undefined ? String(ind.declaredWeight) : '');
}

/** A project name compared without spaces, brackets and the word 年/年度. */
export function projectKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s()（）【】[\]“”"'、·:：]/g, '').replace(/年度?/g, '');
}

/** The table a summary row stands for: same name, else the only table whose name contains it or is contained in it. */
export function tableFor(summary: PerformanceEvaluation, tables: readonly PerformanceEvaluation[]): PerformanceEvaluation | undefined {
  const key = projectKey(summary.project);
  const exact = tables.find((t) => projectKey(t.project) === key);
  if (exact) return exact;
  const near = tables.filter((t) => {
    const k = projectKey(t.project);
    return k.length >= 4 && (k.includes(key) || key.includes(k));
  });
  return near.length === 1 ? near[0] : undefined;
}
