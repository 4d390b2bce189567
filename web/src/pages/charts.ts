/**
 * Chart options for a document: income structure, expenditure by 支出功能分类 (类), 三公 budget vs
 * actual, performance. Amounts in the document's unit; the title on top, the legend under it and the
 * plot below both (they never overlap).
 */
import type { EChartsOption } from 'echarts';
import type { Facts } from '../../../src/facts/types';

const num = (y: string | undefined) => (y === undefined ? 0 : Number(y));
export type Unit = '元' | '万元';
const inUnit = (y: string | undefined, unit: Unit) => (unit === '万元' ? Math.round(num(y) / 100) / 100 : num(y));
const fmt = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

const TITLE = { left: 'center', top: 0, textStyle: { fontSize: 14 } } as const;
const LEGEND = { top: 26 } as const;
const GRID = { top: 72, left: 70, right: 24, bottom: 70 } as const;

export function incomeStructure(f: Facts, title: string, unit: Unit): EChartsOption | undefined {
  const parts = [['财政拨款收入', f.amounts.fiscalIncome ?? f.amounts.generalBudgetIncome], ['其他收入', f.amounts.otherIncome]] as const;
  const data = parts.filter(([, v]) => v !== undefined && num(v) > 0).map(([name, v]) => ({ name, value: inUnit(v, unit) }));
  if (!data.length) return undefined;
  return {
    title: { ...TITLE, text: title }, legend: LEGEND, tooltip: { valueFormatter: (v) => `${fmt(Number(v))} ${unit}` },
    series: [{ type: 'pie', top: 50, radius: ['35%', '65%'], data, label: { formatter: '{b}\n{d}%' } }],
  };
}

/** 本年支出 by function class (类), named from the catalogue: '208 社会保障和就业支出'. */
export function expenditureByFunction(f: Facts, title: string, names: Record<string, string>, unit: Unit): EChartsOption | undefined {
  const entries = Object.entries(f.expenditureByFunction ?? {}).filter(([, v]) => num(v) !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  if (!entries.length) return undefined;
  return {
    title: { ...TITLE, text: title }, tooltip: { valueFormatter: (v) => `${fmt(Number(v))} ${unit}` },
    grid: { ...GRID, top: 50, left: 170, right: 96, bottom: 40 },
    yAxis: { type: 'category', inverse: true, data: entries.map(([k]) => `${k} ${(names[k] ?? '').replace(/支出$/, '')}`), axisLabel: { width: 150, overflow: 'truncate' } },
    xAxis: { type: 'value', name: unit, splitNumber: 3, axisLabel: { hideOverlap: true, formatter: (v: number) => fmt(v) } },
    series: [{ type: 'bar', data: entries.map(([, v]) => inUnit(v, unit)), label: { show: true, position: 'right', formatter: (p) => fmt(Number(p.value)) } }],
  };
}

export function threePublic(f: Facts, title: string, budget: string, actual: string, unit: Unit): EChartsOption | undefined {
  if (!f.threePublic) return undefined;
  const items = [['total', '合计'], ['abroad', '因公出国（境）'], ['vehicle', '公务用车'], ['reception', '公务接待']] as const;
  return {
    title: { ...TITLE, text: title }, tooltip: { valueFormatter: (v) => `${fmt(Number(v))} ${unit}` }, legend: LEGEND, grid: GRID,
    xAxis: { type: 'category', data: items.map(([, n]) => n), axisLabel: { interval: 0 } }, yAxis: { type: 'value', name: unit },
    series: [
      { name: budget, type: 'bar', data: items.map(([k]) => inUnit(f.threePublic?.budget?.[k], unit)) },
      { name: actual, type: 'bar', data: items.map(([k]) => inUnit(f.threePublic?.actual?.[k], unit)) },
    ],
  };
}

export function performance(f: Facts, title: string, rate: string, score: string): EChartsOption | undefined {
  const p = f.performance ?? [];
  if (!p.length) return undefined;
  return {
    title: { ...TITLE, text: title }, tooltip: { trigger: 'axis' }, legend: LEGEND, grid: { ...GRID, bottom: 90 },
    xAxis: { type: 'category', data: p.map((x) => (x.project.length > 10 ? `${x.project.slice(0, 10)}…` : x.project)), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10) },
    series: [
      { name: rate, type: 'bar', data: p.map((x) => (x.executionRate === undefined ? null : Number(x.executionRate))) },
      { name: score, type: 'line', data: p.map((x) => (x.totalScore === undefined ? null : Number(x.totalScore))) },
    ],
  };
}
