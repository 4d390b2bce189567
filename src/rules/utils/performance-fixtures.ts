/**
 * Performance fixtures for rule tests, on top of the shared `evaluation()` literal builder: the
 * parts that builder does not cover (一级 blocks with declared points, points in 三级指标 names,
 * 填报时间, grade bands, completion cells), placed on the evaluation's own lines.
 *
 *   perfDoc([project({ project: '医疗救助', funding: [...], indicators: [...], blocks: [['产出指标（40分）']] })])
 */
import type { Cell, Disclosure, GradeBand, IndicatorBlock, PerformanceEvaluation } from '../../model/index.js';
import { disclosure, evaluation } from './fixtures.js';
import type { EvaluationSpec } from './fixture-performance.js';
import { parseCellValue } from './cell-value.js';

export interface PerfSpec extends EvaluationSpec {
  /** Block header cells as printed, with an optional block 分值 and 得分: ['产出指标（50分）', '50', '50']. */
  blocks?: readonly (readonly string[])[];
  filledDate?: string;
  gradeBands?: GradeBand[];
  /** 完成率 per indicator, by index. */
  completion?: Record<number, string>;
  /** Indicator subtotal row (分值, 得分). */
  subtotal?: readonly [string, string];
}

const LEVEL1 = /^(产出|效益|满意度|成本)/;

function numberCell(text: string, line: number, cell: number): Cell {
  return { text, value: parseCellValue(text, '万元', 'number'), prov: { line, cell } };
}

function block(spec: readonly string[], line: number): IndicatorBlock {
  const [text = '', weight, score] = spec;
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(text);
  const b: IndicatorBlock = { level1: `${LEVEL1.exec(text)?.[1] ?? ''}指标`, text, prov: { line, cell: 1 } };
  if (m) b.declaredWeight = Number(m[1]);
  if (weight !== undefined) b.weight = numberCell(weight, line, 2);
  if (score !== undefined) b.score = numberCell(score, line, 3);
  return b;
}

/** An evaluation with the extra parts; points in 三级指标 names become declaredWeight, blank 分值 cells are dropped. */
export function project(spec: PerfSpec): PerformanceEvaluation {
  const ev = evaluation(spec);
  let line = ev.endLine;
  for (const [i, ind] of ev.indicators.entries()) {
    const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(ind.level3);
    if (m) ind.declaredWeight = Number(m[1]);
    if (ind.weight?.text === '') delete ind.weight;
    if (ind.score?.text === '') delete ind.score;
    const c = spec.completion?.[i];
    if (c !== undefined) ind.completion = numberCell(c, ind.prov.line, 9);
  }
  if (spec.blocks) ev.blocks = spec.blocks.map((b) => block(b, ev.indicators[0]?.prov.line ?? ev.prov.line));
  if (spec.subtotal) ev.indicatorTotal = { weight: numberCell(spec.subtotal[0], ++line, 1), score: numberCell(spec.subtotal[1], line, 2), prov: { line } };
  if (spec.filledDate) {
    const m = /(\d{4})\D+(\d{1,2})\D+(\d{1,2})/.exec(spec.filledDate);
    ev.filledDate = { text: spec.filledDate, prov: { line: 1, cell: 1 }, ...(m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : {}) };
  }
  if (spec.gradeBands) ev.gradeBands = spec.gradeBands;
  ev.endLine = line;
  return ev;
}

export function perfDoc(evals: PerformanceEvaluation[], year?: number): Disclosure {
  return disclosure({ performance: evals, ...(year ? { year } : {}) });
}

/** A consistent 云南-style table: 10 for execution, 90 over five indicators, total 93.46 优. */
export function consistentProject(overrides: Partial<PerfSpec> = {}): PerformanceEvaluation {
  return project({
    project: '医疗救助补助资金', year: 2021,
    funding: [['total', '年度资金总额', '50.40', '940.68', '325.04', '10', '34.55', '3.46']],
    indicators: [
      ['产出指标', '数量指标', '资助参保人数', '>=', '6000', '人次', '7119', '20.00', '20.00'],
      ['产出指标', '数量指标', '救助人次', '>=', '1800', '人次', '2066', '20.00', '20.00'],
      ['产出指标', '质量指标', '住院医疗费用救助比例', '>=', '70', '%', '70', '20.00', '20.00'],
      ['效益指标', '社会效益指标', '政策知晓率', '>=', '90', '%', '93', '20.00', '20.00'],
      ['满意度指标', '服务对象满意度指标', '服务对象满意度', '>=', '90', '%', '91', '10.00', '10.00'],
    ],
    totalWeight: '100', totalScore: '93.46', grade: '优',
    ...overrides,
  });
}
