/**
 * Consistency of the input's figures (leaves that contradict a stated total, impossible
 * remainders), the reasons the template requires, and the performance evaluations.
 */
import type { Fen } from '../model/index.js';
import { add, decimalToScaled, fen0, inputFen, tableAmount } from './amounts.js';
import { computeFigures, THREE_PUBLIC_ITEMS, type Figures } from './figures.js';
import type { ComposeInput } from './input-schema.js';
import { THREE_PUBLIC_LABELS } from './narrative/explain-others.js';
import { points } from './performance/score.js';
import type { ComposeProblem } from './validate.js';
import { jsonPath } from './json-path.js';

const err = (path: (string | number)[], message: string): ComposeProblem => ({ severity: 'error', path: jsonPath(path), message });
const warn = (path: (string | number)[], message: string): ComposeProblem => ({ severity: 'warning', path: jsonPath(path), message });

function fundsWithinExpenditure(input: ComposeInput, f: Figures): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  const t03 = new Map(f.t03.rows.filter((r) => r.level === 'item').map((r) => [r.code, r.values]));
  const fiscal = new Map<string, { basic: number; project: number; at: (string | number)[] }>();
  for (const [table, rows] of [['generalBudget', f.t05], ['governmentFund', f.t07], ['stateCapital', f.t08]] as const) {
    rows.rows.filter((r) => r.level === 'item').forEach((r) => {
      const i = input[table].findIndex((x) => x.code === r.code);
      // placed at the amount typed (the cell to correct), not at the code
      const row = input[table][i] as { basic?: string; project?: string } | undefined;
      const col = row?.basic !== undefined ? 'basic' : row?.project !== undefined ? 'project' : 'code';
      const cur = fiscal.get(r.code) ?? { basic: 0, project: 0, at: [table, i, col] };
      fiscal.set(r.code, { basic: cur.basic + r.values.basic!, project: cur.project + r.values.project!, at: cur.at });
    });
  }
  for (const [code, v] of fiscal) {
    const all = t03.get(code);
    if (!all) {
      out.push(err(v.at, `科目 ${code} 有财政拨款支出，但支出决算表中没有此科目`));
      continue;
    }
    for (const col of ['basic', 'project'] as const) {
      if (v[col] > all[col]!) out.push(err([...v.at.slice(0, 2), col], `科目 ${code} 财政拨款${col === 'basic' ? '基本' : '项目'}支出 ${tableAmount(v[col] as Fen, f.unit)} 大于支出决算表的 ${tableAmount(all[col]!, f.unit)}`));
    }
  }
  return out;
}

function totals(input: ComposeInput, f: Figures): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  const u = f.unit;
  const basic = f.t05.total.basic!;
  const t06 = add(f.t06.personnelTotal, f.t06.publicTotal);
  if (basic !== t06) out.push(err(['basicByEconomic'], `基本支出明细：人员经费 ${tableAmount(f.t06.personnelTotal, u)} + 公用经费 ${tableAmount(f.t06.publicTotal, u)} = ${tableAmount(t06, u)}，与一般公共预算财政拨款基本支出 ${tableAmount(basic, u)} 不符`));
  const items = [...f.initialBudget.byItem.values()];
  const stated = inputFen(input.initialBudgetTotal, u);
  if (stated !== null && items.length && add(...items) !== stated) out.push(err(['initialBudgetTotal'], `年初预算合计 ${tableAmount(stated, u)} 与各项年初预算之和 ${tableAmount(add(...items), u)} 不符`));
  if (f.t04.income.generalBudget < 0) out.push(err(['income'], `财政拨款收入 ${tableAmount(f.t02.total.fiscal!, u)} 小于政府性基金与国有资本经营预算收入之和：一般公共预算财政拨款收入不能为负`));
  // an overspent year is placed at the expenditure row that spends most beyond its own income (the cell to correct), not at the carry-over
  if (f.t01.carryoverEnd < 0) out.push(err(overspentAt(input, f), `年末结转和结余为 ${tableAmount(f.t01.carryoverEnd, u)}：支出决算表的本年支出 ${tableAmount(f.t03.total.total!, u)} 超过了收入决算表的本年收入 ${tableAmount(f.t02.total.total!, u)} 与年初结转和结余 ${tableAmount(f.t01.carryoverBegin, u)} 之和`));
  for (const fund of ['generalBudget', 'governmentFund', 'stateCapital'] as const) {
    if (f.t04.end[fund] < 0) out.push(err(fundOverspentAt(input, fund), `${FUND_LABEL[fund]}年末结转和结余为 ${tableAmount(f.t04.end[fund], u)}：支出超过了本年收入与年初结转之和`));
  }
  if (f.t04.begin.total > f.t01.carryoverBegin) out.push(warn(['carryover', 'begin'], `年初财政拨款结转和结余 ${tableAmount(f.t04.begin.total, u)} 大于年初结转和结余 ${tableAmount(f.t01.carryoverBegin, u)}`));
  const op = inputFen(input.operatingExpense, u);
  if (op !== null && input.entityKind !== 'public-institution' && op !== f.t06.publicTotal) out.push(warn(['operatingExpense'], `机关运行经费 ${tableAmount(op, u)} 与公用经费 ${tableAmount(f.t06.publicTotal, u)} 不同（口径不同时可以不同，请确认）`));
  const pr = input.procurement;
  if (pr) {
    const total = add(fen0(pr.goods, u), fen0(pr.works, u), fen0(pr.services, u));
    if (fen0(pr.smeAwarded, u) > total) out.push(err(['procurement', 'smeAwarded'], '授予中小企业合同金额大于政府采购支出总额'));
    if (fen0(pr.smallMicroAwarded, u) > fen0(pr.smeAwarded, u)) out.push(err(['procurement', 'smallMicroAwarded'], '授予小微企业合同金额大于授予中小企业合同金额'));
  }
  return out;
}

/** The 支出决算表 row whose expenditure most exceeds the income of the same 项 (its first amount), or the table. */
function overspentAt(input: ComposeInput, f: Figures): (string | number)[] {
  const income = new Map(f.t02.rows.filter((r) => r.level === 'item').map((r) => [r.code, r.values.total!]));
  let best: { i: number; excess: number } | undefined;
  f.t03.rows.filter((r) => r.level === 'item').forEach((r) => {
    const i = input.expenditure.findIndex((x) => x.code === r.code);
    const excess = r.values.total! - (income.get(r.code) ?? 0);
    if (i >= 0 && excess > 0 && (!best || excess > best.excess)) best = { i, excess };
  });
  if (!best) return ['expenditure'];
  const row = input.expenditure[best.i]!;
  const col = (['basic', 'project', 'remittance', 'business', 'subsidy'] as const).find((k) => row[k] !== undefined);
  return ['expenditure', best.i, col ?? 'code'];
}

/** The row of a fund's expenditure table with the largest expenditure (its first amount), or the carry-over it began with. */
function fundOverspentAt(input: ComposeInput, fund: 'generalBudget' | 'governmentFund' | 'stateCapital'): (string | number)[] {
  const rows = input[fund] as { basic?: string; project?: string }[];
  let best = -1;
  let most = -1;
  rows.forEach((r, i) => {
    const v = fen0(r.basic, input.unit) + fen0(r.project, input.unit);
    if (v > most) { most = v; best = i; }
  });
  if (best < 0) return ['carryover', 'fiscalBegin', fund];
  return [fund, best, rows[best]!.basic !== undefined ? 'basic' : 'project'];
}

const FUND_LABEL = { generalBudget: '一般公共预算财政拨款', governmentFund: '政府性基金预算财政拨款', stateCapital: '国有资本经营预算财政拨款' } as const;

/** The reasons the template asks for: every change against the prior year and every deviation from a budget. */
export function requiredReasons(input: ComposeInput, f: Figures): { key: string; what: string }[] {
  const u = f.unit;
  const out: { key: string; what: string }[] = [];
  const differs = (cur: number, prior: string | undefined) => prior !== undefined && inputFen(prior, u) !== cur;
  if (differs(f.t01.grandTotal, input.prior.grandTotal)) out.push({ key: 'total', what: '收支总计与上年相比的变化' });
  if (differs(f.t04.grandTotal, input.prior.fiscalGrandTotal)) out.push({ key: 'fiscal', what: '财政拨款收支总计与上年相比的变化' });
  if (differs(f.t05.total.total!, input.prior.generalBudgetExpenditure)) out.push({ key: 'generalBudget', what: '一般公共预算财政拨款支出与上年相比的变化' });
  if (f.initialBudget.byItem.size) {
    const items = new Map(f.t05.rows.filter((r) => r.level === 'item').map((r) => [r.code, r.values.total!]));
    for (const code of new Set([...items.keys(), ...f.initialBudget.byItem.keys()])) {
      if ((items.get(code) ?? 0) !== (f.initialBudget.byItem.get(code) ?? 0)) out.push({ key: `completion.${code}`, what: `科目 ${code} 决算数与年初预算数的差异` });
    }
  }
  if (differs(f.t06.personnelTotal, input.prior.personnel)) out.push({ key: 'personnel', what: '人员经费与上年相比的变化' });
  if (differs(f.t06.publicTotal, input.prior.public)) out.push({ key: 'public', what: '公用经费与上年相比的变化' });
  const { budget, actual } = f.t09;
  if (actual.total !== budget.total) out.push({ key: 'threePublic.budget', what: '“三公”经费决算数与预算数的差异' });
  for (const k of THREE_PUBLIC_ITEMS) if (actual[k] !== budget[k]) out.push({ key: `threePublic.${k}.budget`, what: `${THREE_PUBLIC_LABELS[k]}决算数与预算数的差异` });
  const pt = input.prior.threePublic;
  if (pt && add(...THREE_PUBLIC_ITEMS.map((k) => fen0(pt[k], u))) !== actual.total) out.push({ key: 'threePublic.change', what: '“三公”经费与上年相比的变化' });
  if (f.operatingExpense !== null && differs(f.operatingExpense, input.prior.operatingExpense)) out.push({ key: 'operatingExpense', what: '机关运行经费与上年相比的变化' });
  return out;
}

/** A reason key in words: 'completion.2101501' → '科目 2101501 决算数与年初预算数差异'. */
function reasonWords(key: string): string {
  const code = /^completion\.(\d+)$/.exec(key)?.[1];
  if (code) return `科目 ${code} 决算数与年初预算数差异`;
  return `“${key}”`;
}

function reasons(input: ComposeInput, f: Figures): ComposeProblem[] {
  const required = requiredReasons(input, f);
  const out = required.filter((r) => !input.reasons[r.key]?.trim()).map((r) => err(['reasons', r.key], `缺少原因说明：${r.what}（模板要求说明主要原因）`));
  const needed = new Set(required.map((r) => r.key));
  for (const key of Object.keys(input.reasons)) if (!needed.has(key)) out.push(warn(['reasons', key], `${reasonWords(key)}的原因不会被使用：对应的数字没有变化或没有填写上年数`));
  return out;
}

function performance(input: ComposeInput): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  input.performance.forEach((p, i) => {
    const weights = points(p.executionWeight) + p.indicators.reduce((s, x) => s + points(x.weight), 0);
    if (weights !== 10000) out.push(err(['performance', i, 'indicators'], `分值合计为 ${(weights / 100).toFixed(2)}，应为 100（执行率分值 + 各指标分值）`));
    for (const line of ['fiscal', 'carryover', 'other'] as const) {
      const l = p.funding[line];
      if (l && fen0(l.annualBudget, input.unit) === 0 && fen0(l.executed, input.unit) > 0) out.push(err(['performance', i, 'funding', line, 'annualBudget'], '全年预算数为 0 但有执行数：执行率无法计算'));
    }
    p.indicators.forEach((ind, j) => {
      const at = ['performance', i, 'indicators', j];
      if (ind.nature === 'qualitative') {
        if (ind.achievement === undefined) out.push(err([...at, 'achievement'], '定性指标需要填写完成程度（百分比，100–80 / 80–60 / 60–0 三档）'));
      } else {
        if (decimalToScaled(ind.target, 6) === null) out.push(err([...at, 'target'], `定量指标的指标值“${ind.target}”不是数字`));
        if (decimalToScaled(ind.actual, 6) === null) out.push(err([...at, 'actual'], `定量指标的实际完成值“${ind.actual}”不是数字`));
      }
    });
    if (p.filledDate && Number(p.filledDate.slice(0, 4)) <= input.year) out.push(warn(['performance', i, 'filledDate'], `填报时间 ${p.filledDate} 早于被评价年度结束`));
  });
  return out;
}

const STATED_TABLES = { income: 't02', expenditure: 't03', generalBudget: 't05', governmentFund: 't07', stateCapital: 't08' } as const;

/** Parent rows and totals the officer typed must equal the sums of the leaves. */
function statedTotals(input: ComposeInput, f: Figures): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  input.statedTotals.forEach((s, i) => {
    const table = f[STATED_TABLES[s.table]];
    const values = s.code === '' ? table.total : table.rows.find((r) => r.code === s.code)?.values;
    const stated = inputFen(s.amount, f.unit)!;
    const at = ['statedTotals', i, 'amount'];
    if (!values) out.push(err(at, `填写了科目 ${s.code} 的合计 ${s.amount}，但没有属于它的明细科目`));
    else if (!(s.column in values)) out.push(err(['statedTotals', i, 'column'], `没有“${s.column}”这一列`));
    else if (values[s.column] !== stated) out.push(err(at, `${s.code || '合计'}（${s.column}）填写为 ${tableAmount(stated, f.unit)}，明细之和为 ${tableAmount(values[s.column]!, f.unit)}`));
  });
  return out;
}

export function checkFigures(input: ComposeInput): ComposeProblem[] {
  const f = computeFigures(input);
  return [...statedTotals(input, f), ...fundsWithinExpenditure(input, f), ...totals(input, f), ...reasons(input, f), ...performance(input)];
}
