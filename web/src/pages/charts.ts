/** Chart options for a document: income structure, expenditure by function, 三公 budget vs actual, performance. */
import type { EChartsOption } from 'echarts';
import type { Facts } from '../../../src/facts/types';

const num = (y: string | undefined) => (y === undefined ? 0 : Number(y));

export function incomeStructure(f: Facts, title: string): EChartsOption | undefined {
  const parts = [['财政拨款收入', f.amounts.fiscalIncome ?? f.amounts.generalBudgetIncome], ['其他收入', f.amounts.otherIncome]] as const;
  const data = parts.filter(([, v]) => v !== undefined && num(v) > 0).map(([name, v]) => ({ name, value: num(v) }));
  if (!data.length) return undefined;
  return { title: { text: title, textStyle: { fontSize: 13 } }, tooltip: {}, series: [{ type: 'pie', radius: ['35%', '65%'], data }] };
}

export function expenditureByFunction(f: Facts, title: string, names: Record<string, string>): EChartsOption | undefined {
  const entries = Object.entries(f.expenditureByFunction ?? {});
  const basic = num(f.amounts.basicExpenditure);
  const project = num(f.amounts.projectExpenditure);
  if (!entries.length && !basic && !project) return undefined;
  return {
    title: { text: title, textStyle: { fontSize: 13 } }, tooltip: {},
    xAxis: { type: 'category', data: entries.length ? entries.map(([k]) => names[k] ?? k) : ['基本支出', '项目支出'], axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', name: '元' },
    series: [{ type: 'bar', data: entries.length ? entries.map(([, v]) => num(v)) : [basic, project] }],
  };
}

export function threePublic(f: Facts, title: string, budget: string, actual: string): EChartsOption | undefined {
  if (!f.threePublic) return undefined;
  const items = [['total', '合计'], ['abroad', '因公出国（境）'], ['vehicle', '公务用车'], ['reception', '公务接待']] as const;
  return {
    title: { text: title, textStyle: { fontSize: 13 } }, tooltip: {}, legend: { top: 24 }, grid: { top: 70 },
    xAxis: { type: 'category', data: items.map(([, n]) => n), axisLabel: { interval: 0 } }, yAxis: { type: 'value', name: '元' },
    series: [
      { name: budget, type: 'bar', data: items.map(([k]) => num(f.threePublic?.budget?.[k])) },
      { name: actual, type: 'bar', data: items.map(([k]) => num(f.threePublic?.actual?.[k])) },
    ],
  };
}

export function performance(f: Facts, title: string, rate: string, score: string): EChartsOption | undefined {
  const p = f.performance ?? [];
  if (!p.length) return undefined;
  return {
    title: { text: title, textStyle: { fontSize: 13 } }, tooltip: {}, legend: { top: 24 }, grid: { top: 70 },
    xAxis: { type: 'category', data: p.map((x) => x.project.slice(0, 10)), axisLabel: { interval: 0, rotate: 25 } },
    yAxis: { type: 'value', max: 100 },
    series: [
      { name: rate, type: 'bar', data: p.map((x) => (x.executionRate === undefined ? null : Number(x.executionRate))) },
      { name: score, type: 'line', data: p.map((x) => (x.totalScore === undefined ? null : Number(x.totalScore))) },
    ],
  };
}

export const CATEGORY_NAMES: Record<string, string> = {
  '201': '一般公共服务', '204': '公共安全', '205': '教育', '206': '科学技术', '207': '文化旅游体育与传媒', '208': '社会保障和就业',
  '210': '卫生健康', '211': '节能环保', '212': '城乡社区', '213': '农林水', '214': '交通运输', '220': '自然资源海洋气象', '221': '住房保障', '224': '灾害防治及应急管理',
};
