/**
 * A 绩效自评表 from literals, for rule tests:
 *   evaluation({ project: '医疗救助', funding: [['total', '年度资金总额', '50.40', '940.68', '325.04', '10', '34.55%', '3.46']],
 *     indicators: [['产出指标', '数量指标', '救助人次', '>=', '1000', '人次', '1200', '20', '20']], totalScore: '93.46', grade: '优' })
 * Funding cells: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分. Indicator cells: 一级, 二级, 三级,
 * 指标性质, 指标值, 度量单位, 实际完成值, 分值, 得分, 偏差原因.
 */
import type { Cell, FundingRow, IndicatorRow, PerformanceEvaluation, SourceLine, Unit } from '../../model/index.js';
import { parseCellValue, type CellKind } from './cell-value.js';
import { registerLines } from './fixture-lines.js';

export interface EvaluationSpec {
  project: string;
  kind?: PerformanceEvaluation['kind'];
  title?: string;
  ordinal?: string;
  year?: number;
  department?: string;
  implementer?: string;
  unit?: Unit;
  funding?: readonly (readonly string[])[];
  goals?: { expected: string; actual: string };
  indicators?: readonly (readonly string[])[];
  totalScore?: string;
  totalWeight?: string;
  grade?: string;
  remarks?: string[];
}

let evaluationCounter = 0;

function mkCell(text: string | undefined, unit: Unit, kind: CellKind, line: number, cell: number): Cell | undefined {
  if (text === undefined) return undefined;
  return { text, value: parseCellValue(text, unit, kind), prov: { line, cell } };
}

function opt<K extends string>(key: K, c: Cell | undefined): Partial<Record<K, Cell>> {
  return c ? ({ [key]: c } as Record<K, Cell>) : {};
}

function fundingRow(r: readonly string[], unit: Unit, line: number): FundingRow {
  const [key = 'total', label = '', ini, ann, exe, weight, rate, score] = r;
  return {
    key, label,
    ...opt('initialBudget', mkCell(ini, unit, 'amount', line, 2)),
    ...opt('annualBudget', mkCell(ann, unit, 'amount', line, 3)),
    ...opt('executed', mkCell(exe, unit, 'amount', line, 4)),
    ...opt('weight', mkCell(weight, unit, 'number', line, 5)),
    ...opt('rate', mkCell(rate, unit, 'number', line, 6)),
    ...opt('score', mkCell(score, unit, 'number', line, 7)),
    prov: { line, cell: 1 },
  };
}

function indicatorRow(r: readonly string[], unit: Unit, line: number): IndicatorRow {
  const [level1 = '', level2 = '', level3 = '', nature, target, unitText, actual, weight, score, deviation] = r;
  return {
    level1, level2, level3,
    ...(nature ? { nature } : {}),
    ...opt('target', mkCell(target, unit, 'text', line, 4)),
    ...(unitText ? { unitText } : {}),
    ...opt('actual', mkCell(actual, unit, 'text', line, 6)),
    ...opt('weight', mkCell(weight, unit, 'number', line, 7)),
    ...opt('score', mkCell(score, unit, 'number', line, 8)),
    ...(deviation ? { deviation } : {}),
    prov: { line, cell: 0 },
  };
}

export function evaluation(spec: EvaluationSpec): PerformanceEvaluation {
  const unit = spec.unit ?? '万元';
  const title = spec.title ?? (spec.kind === 'department' ? '部门整体支出绩效自评表' : '项目支出绩效自评表');
  const lines: SourceLine[] = [{ line: 1, text: title }, { line: 2, text: `项目名称\t${spec.project}` }];
  let line = 3;
  const push = (text: string): number => { lines.push({ line, text }); return line++; };
  const funding = (spec.funding ?? []).map((r) => fundingRow(r, unit, push(r.slice(1).join('\t'))));
  const goalsLine = spec.goals ? push(`${spec.goals.expected}\t${spec.goals.actual}`) : 0;
  const indicators = (spec.indicators ?? []).map((r) => indicatorRow(r, unit, push(r.join('\t'))));
  const totalLine = spec.totalScore !== undefined || spec.totalWeight !== undefined
    ? push(['总分', spec.totalWeight ?? '', spec.totalScore ?? ''].join('\t')) : 0;
  const gradeLine = spec.grade !== undefined ? push(`自评等级\t${spec.grade}`) : 0;
  const ev: PerformanceEvaluation = {
    id: `eval-${++evaluationCounter}`,
    kind: spec.kind ?? 'project',
    project: spec.project,
    title,
    ...(spec.ordinal ? { ordinal: spec.ordinal } : {}),
    ...(spec.year ? { year: spec.year } : {}),
    ...(spec.department ? { department: spec.department } : {}),
    ...(spec.implementer ? { implementer: spec.implementer } : {}),
    unit,
    funding,
    ...(spec.goals ? { goals: { ...spec.goals, prov: { line: goalsLine } } } : {}),
    indicators,
    ...opt('totalWeight', mkCell(spec.totalWeight, unit, 'number', totalLine, 1)),
    ...opt('totalScore', mkCell(spec.totalScore, unit, 'number', totalLine, 2)),
    ...opt('grade', mkCell(spec.grade, unit, 'text', gradeLine, 1)),
    remarks: spec.remarks ?? [],
    prov: { line: 1 },
    endLine: line - 1,
  };
  registerLines(ev, lines);
  return ev;
}
