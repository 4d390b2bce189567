/**
 * The 项目支出绩效自评表 / 部门整体支出绩效自评表 of one evaluation: a ten-column grid in the official
 * layout (项目资金 block, 年度总体目标, 绩效指标, 总分/自评等级), and its model PerformanceEvaluation
 * made from the same cells.
 */
import { performanceLayout } from '../../catalog/layouts.js';
import type { Cell, FundingRow, IndicatorRow, PerformanceEvaluation, Provenance, Unit } from '../../model/index.js';
import { amountCell, blankProv, numberCell, tableAmount, textCell } from '../amounts.js';
import type { GridCell, GridRow, TableBlock } from '../blocks.js';
import type { PerformanceInput } from '../input-schema.js';
import { evaluationName } from '../narrative/performance-text.js';
import { printPoints, printRate, scorePerformance, type GradeScale, type PerformanceFigures } from './score.js';

const WIDTH = 10;

class Rows {
  readonly body: GridRow[] = [];
  add(cells: GridCell[], provs: Provenance[] = [], strong = false): number {
    while (cells.length < WIDTH) cells.push({ text: '' });
    this.body.push({ cells, provs, ...(strong && { strong }) });
    return this.body.length - 1;
  }
}

const t = (text: string): GridCell => ({ text });
const at = (cell: Cell, idx: number): Cell => ((cell.prov = { line: 0, cell: idx }), cell);

function fundingRows(rows: Rows, fig: PerformanceFigures, unit: Unit): FundingRow[] {
  rows.add([t('项目资金'), t(''), t('年初预算数'), t('全年预算数'), t('全年执行数'), t('分值'), t('执行率'), t('得分')]);
  const first = rows.body.length;
  const ref = (_r: number, _c: number, f: (x: (row: number, col: number) => string) => string) => ({ terms: [], formula: f });
  return fig.funding.map((f, i) => {
    const isTotal = f.key === 'total';
    const r = first + i;
    const sumParts = (col: number) => ({ terms: [1, 2, 3].map((k) => ({ row: first + k, col, sign: 1 as const })) });
    const money = (fen: typeof f.executed, col: number): GridCell => ({ text: tableAmount(fen, unit), fen, ...(isTotal && { calc: sumParts(col) }) });
    const rate = printRate(f.rate);
    const cells: GridCell[] = [t(''), t(f.label), money(f.initialBudget, 2), money(f.annualBudget, 3), money(f.executed, 4),
      isTotal ? { text: printPoints(fig.executionWeight), num: fig.executionWeight / 100 } : t('—'),
      rate === '' ? t('') : { text: rate, num: f.rate! / 100, calc: ref(r, 6, (x) => `ROUND(${x(r, 4)}/${x(r, 3)}*100,2)`) },
      isTotal ? { text: printPoints(fig.executionScore), num: fig.executionScore / 100, calc: ref(r, 7, (x) => `ROUND(MIN(${x(r, 6)},100)*${x(r, 5)}/100,2)`) } : t('—')];
    const row: FundingRow = {
      key: f.key, label: f.label,
      initialBudget: at(amountCell(f.initialBudget, unit), 2), annualBudget: at(amountCell(f.annualBudget, unit), 3), executed: at(amountCell(f.executed, unit), 4),
      weight: at(isTotal ? numberCell(printPoints(fig.executionWeight)) : textCell('—'), 5),
      rate: at(rate === '' ? textCell('') : numberCell(rate, true), 6),
      score: at(isTotal ? numberCell(printPoints(fig.executionScore)) : textCell('—'), 7),
      prov: blankProv(),
    };
    rows.add(cells, [row.prov, ...[row.initialBudget, row.annualBudget, row.executed, row.weight, row.rate, row.score].map((c) => c!.prov)], isTotal);
    return row;
  });
}

function indicatorRows(rows: Rows, fig: PerformanceFigures): IndicatorRow[] {
  rows.add(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].map(t));
  return fig.indicators.map(({ input: ind, weight, score }) => {
    const nature = ind.nature === 'qualitative' ? '定性' : ind.nature;
    const r = rows.body.length;
    const tNum = Number(ind.target.replace(/[,%]/g, ''));
    const aNum = Number(ind.actual.replace(/[,%]/g, ''));
    const numeric = ind.nature !== 'qualitative' && Number.isFinite(tNum) && Number.isFinite(aNum);
    const scoreCalc = numeric && tNum > 0 && aNum > 0
      ? { terms: [], formula: (x: (row: number, col: number) => string) => ind.nature === '>=' ? `ROUND(MIN(${x(r, 6)}/${x(r, 4)},1)*${x(r, 7)},2)` : ind.nature === '<=' ? `ROUND(MIN(${x(r, 4)}/${x(r, 6)},1)*${x(r, 7)},2)` : `ROUND(MIN(${x(r, 6)}/${x(r, 4)},${x(r, 4)}/${x(r, 6)})*${x(r, 7)},2)` }
      : undefined;
    const cells: GridCell[] = [t(ind.level1), t(ind.level2), t(ind.level3), t(nature),
      numeric ? { text: ind.target, num: tNum } : t(ind.target), t(ind.unit), numeric ? { text: ind.actual, num: aNum } : t(ind.actual),
      { text: printPoints(weight), num: weight / 100 }, { text: printPoints(score), num: score / 100, ...(scoreCalc && { calc: scoreCalc }) }, t(ind.deviation ?? '')];
    const row: IndicatorRow = {
      level1: ind.level1, level2: ind.level2, level3: ind.level3, nature,
      target: at(textCell(ind.target), 4), ...(ind.unit && { unitText: ind.unit }), actual: at(textCell(ind.actual), 6),
      weight: at(numberCell(printPoints(weight)), 7), score: at(numberCell(printPoints(score)), 8),
      ...(ind.deviation && { deviation: ind.deviation }), prov: blankProv(),
    };
    rows.add(cells, [row.prov, row.target!.prov, row.actual!.prov, row.weight!.prov, row.score!.prov]);
    return row;
  });
}

export interface BuiltPerformance {
  block: TableBlock;
  evaluation: PerformanceEvaluation;
  figures: PerformanceFigures;
}

export function buildPerformance(p: PerformanceInput, index: number, ctx: { entity: string; year: number; unit: Unit; grades?: GradeScale }): BuiltPerformance {
  const fig = scorePerformance(p, ctx.unit, ctx.grades);
  const rows = new Rows();
  rows.add([t(p.kind === 'department' ? '部门名称' : '项目名称'), t(p.kind === 'department' ? p.department ?? ctx.entity : p.project)]);
  rows.add([t('主管部门'), t(p.department ?? ctx.entity), t(''), t(''), t('实施单位'), t(p.implementer ?? ctx.entity)]);
  const funding = fundingRows(rows, fig, ctx.unit);
  let goalsProv: Provenance | undefined;
  if (p.goals) {
    rows.add([t('年度总体目标'), t('预期目标'), t(''), t(''), t(''), t('实际完成情况')]);
    goalsProv = blankProv();
    rows.add([t(''), t(p.goals.expected), t(''), t(''), t(''), t(p.goals.actual)], [goalsProv]);
  }
  const indicators = indicatorRows(rows, fig);
  rows.add([t('总分'), t(''), t(''), t(''), t(''), t(''), t(''), t('总分值'), t('总得分'), t('自评等级')]);
  const totalWeight = at(numberCell(printPoints(fig.totalWeight)), 7);
  const totalScore = at(numberCell(printPoints(fig.totalScore)), 8);
  const grade = at(textCell(fig.grade), 9);
  const r = rows.body.length;
  const indicatorScoreRefs = indicators.map((_, i) => ({ row: r - indicators.length - 1 + i, col: 8, sign: 1 as const }));
  rows.add([t(''), t(''), t(''), t(''), t(''), t(''), t(''), { text: totalWeight.text, num: fig.totalWeight / 100 },
    { text: totalScore.text, num: fig.totalScore / 100, calc: { terms: [{ row: 3, col: 7, sign: 1 }, ...indicatorScoreRefs] } },
    t(fig.grade)], [totalWeight.prov, totalScore.prov, grade.prov], true);
  const title = `${ctx.year}年度${p.kind === 'department' ? '部门整体支出' : '项目支出'}绩效自评表`;
  const evaluation: PerformanceEvaluation = {
    id: `perf-${index + 1}`, kind: p.kind, project: evaluationName(p), title, year: ctx.year,
    department: p.department ?? ctx.entity, implementer: p.implementer ?? ctx.entity, unit: ctx.unit,
    funding, ...(p.goals && goalsProv && { goals: { expected: p.goals.expected, actual: p.goals.actual, prov: goalsProv } }),
    indicators, totalScore, totalWeight, grade,
    ...(p.filledDate && { filledDate: filled(p.filledDate) }),
    remarks: [], prov: blankProv(), endLine: 0,
  };
  const block: TableBlock = {
    kind: 'table', id: `P${index + 1}`, title, preLines: [`编制单位：${ctx.entity}`, `金额单位：${ctx.unit}`], header: [], body: rows.body,
    notes: p.filledDate ? [`填报时间：${p.filledDate}`] : [], unit: ctx.unit, provs: [evaluation.prov], onEnd: (line) => { evaluation.endLine = line; }, wide: true,
    layout: performanceLayout(`P${index + 1}`),
  };
  return { block, evaluation, figures: fig };
}

function filled(date: string): NonNullable<PerformanceEvaluation['filledDate']> {
  const [y, m, d] = date.split('-').map(Number);
  return { text: `填报时间：${date}`, year: y!, month: m!, day: d!, prov: blankProv() };
}
