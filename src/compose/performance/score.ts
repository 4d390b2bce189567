/**
 * Scoring of a performance self-evaluation (domain.md §5), exact: amounts in 分, scores and rates
 * as integers of hundredths. 执行率 is printed to two decimals and the execution score is computed
 * from the printed rate (325.04 / 940.68 → 34.55% → 3.46), so a reader recomputing them agrees.
 */
import type { Fen, Unit } from '../../model/index.js';
import { add, decimalToScaled, fen0, scaledToString } from '../amounts.js';
import type { IndicatorInput, PerformanceInput } from '../input-schema.js';

export interface FundingFigures {
  key: 'total' | 'fiscal' | 'carryover' | 'other';
  label: string;
  initialBudget: Fen;
  annualBudget: Fen;
  executed: Fen;
  /** Hundredths of a percent (3455 = 34.55%), null when the annual budget is zero. */
  rate: number | null;
}

export interface IndicatorFigures {
  input: IndicatorInput;
  /** Hundredths of a point. */
  weight: number;
  score: number;
}

export interface PerformanceFigures {
  funding: FundingFigures[];
  executionWeight: number;
  executionScore: number;
  indicators: IndicatorFigures[];
  totalWeight: number;
  totalScore: number;
  grade: string;
}

const HUNDRED = 10000; // 100.00 in hundredths

/** Rate in hundredths of a percent, rounded half up; null when the budget is zero. */
export function executionRate(executed: Fen, budget: Fen): number | null {
  if (budget <= 0) return null;
  return Number((BigInt(executed) * 20000n + BigInt(budget)) / (2n * BigInt(budget)));
}

/** min(rate, 100%) × weight, from the printed rate, to hundredths (half up). */
export function executionScore(rate: number | null, weight: number): number {
  if (rate === null) return 0;
  const r = Math.min(Math.max(rate, 0), HUNDRED);
  return Math.floor((r * weight) / HUNDRED + 0.5);
}

const SCALE = 6;
const big = (s: string) => decimalToScaled(s, SCALE);

/** weight × num / den to hundredths, half up (all non-negative). */
function proportion(weight: number, num: bigint, den: bigint): number {
  if (den <= 0n) return weight;
  const v = (BigInt(weight) * num * 2n + den) / (2n * den);
  return Math.min(weight, Number(v));
}

/** Full points when met; otherwise actual/target (≥), target/actual (≤), the smaller ratio (=); qualitative by its achievement. */
export function indicatorScore(ind: IndicatorInput, weight: number): number {
  if (ind.nature === 'qualitative') return Math.floor((weight * (ind.achievement ?? 0)) / 100 + 0.5);
  const t = big(ind.target);
  const a = big(ind.actual);
  if (t === null || a === null) return 0;
  if (a < 0n || t < 0n) return 0;
  if (ind.nature === '>=') return a >= t ? weight : proportion(weight, a, t);
  if (ind.nature === '<=') return a <= t ? weight : proportion(weight, t, a);
  if (a === t) return weight;
  return a < t ? proportion(weight, a, t) : proportion(weight, t, a);
}

/** The grade words: 优/良/中/差 (national), 优/良/合格/不合格 (Shanghai). */
export type GradeScale = 'national' | 'shanghai';
const GRADES: Record<GradeScale, [string, string, string, string]> = { national: ['优', '良', '中', '差'], shanghai: ['优', '良', '合格', '不合格'] };

/** ≥ 90, 80–<90, 60–<80, < 60 (scores in hundredths). */
export function gradeOf(totalScore: number, scale: GradeScale = 'national'): string {
  const [a, b, c, d] = GRADES[scale];
  if (totalScore >= 9000) return a;
  if (totalScore >= 8000) return b;
  if (totalScore >= 6000) return c;
  return d;
}

export const points = (s: string): number => Number(decimalToScaled(s, 2) ?? 0n);
export const printPoints = (n: number): string => scaledToString(BigInt(n), 2);
export const printRate = (n: number | null): string => (n === null ? '' : scaledToString(BigInt(n), 2));

function fundingLine(key: FundingFigures['key'], label: string, l: { initialBudget?: string | undefined; annualBudget?: string | undefined; executed?: string | undefined } | undefined, unit: Unit): FundingFigures {
  const initialBudget = fen0(l?.initialBudget, unit);
  const annualBudget = fen0(l?.annualBudget, unit);
  const executed = fen0(l?.executed, unit);
  return { key, label, initialBudget, annualBudget, executed, rate: executionRate(executed, annualBudget) };
}

export function scorePerformance(p: PerformanceInput, unit: Unit, scale: GradeScale = 'national'): PerformanceFigures {
  const parts = [
    fundingLine('fiscal', '其中：当年财政拨款', p.funding.fiscal, unit),
    fundingLine('carryover', '上年结转资金', p.funding.carryover, unit),
    fundingLine('other', '其他资金', p.funding.other, unit),
  ];
  const sum = (k: 'initialBudget' | 'annualBudget' | 'executed') => add(...parts.map((x) => x[k]));
  const total: FundingFigures = { key: 'total', label: '年度资金总额', initialBudget: sum('initialBudget'), annualBudget: sum('annualBudget'), executed: sum('executed'), rate: executionRate(sum('executed'), sum('annualBudget')) };
  const executionWeight = points(p.executionWeight);
  const executionScoreValue = executionScore(total.rate, executionWeight);
  const indicators = p.indicators.map((input) => {
    const weight = points(input.weight);
    return { input, weight, score: indicatorScore(input, weight) };
  });
  const totalScore = executionScoreValue + indicators.reduce((s, i) => s + i.score, 0);
  return {
    funding: [total, ...parts],
    executionWeight,
    executionScore: executionScoreValue,
    indicators,
    totalWeight: executionWeight + indicators.reduce((s, i) => s + i.weight, 0),
    totalScore,
    grade: gradeOf(totalScore, scale),
  };
}
