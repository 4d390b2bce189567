/**
 * Checks a budget compose input before anything is written: the schema, amounts and codes, then
 * the figures' consistency (收支平衡 per fund, 基本支出 = 人员经费 + 公用经费, fiscal spending within
 * the department's spending per 项) and the reasons the 编制说明 asks for. Each problem is located by
 * JSON path (or sheet and cell for a workbook).
 */
import type { z } from 'zod';
import type { Fen } from '../../model/index.js';
import { add, fen0, hasExtraDecimals, inputFen, tableAmount } from '../amounts.js';
import { jsonPath } from '../json-path.js';
import { zodIssueZh } from '../zod-zh.js';
import { functionCodeName } from '../names.js';
import type { ComposeProblem } from '../validate.js';
import { computeBudgetFigures, FUNDS, type BudgetFigures } from './figures.js';
import { BudgetInputSchema, type BudgetInput } from './input-schema.js';

const err = (path: (string | number)[], message: string): ComposeProblem => ({ severity: 'error', path: jsonPath(path), message });
const warn = (path: (string | number)[], message: string): ComposeProblem => ({ severity: 'warning', path: jsonPath(path), message });

const LEAF_TABLES = ['income', 'expenditure', 'generalBudget', 'governmentFund', 'stateCapital'] as const;
const TABLE_NAMES: Record<(typeof LEAF_TABLES)[number], string> = {
  income: '收入预算总表', expenditure: '支出预算总表', generalBudget: '一般公共预算支出功能分类预算表',
  governmentFund: '政府性基金预算支出功能分类预算表', stateCapital: '国有资本经营预算支出功能分类预算表',
};
const FUND_LABEL = { generalBudget: '一般公共预算', governmentFund: '政府性基金预算', stateCapital: '国有资本经营预算' } as const;

const TEXT_KEYS = new Set(['code', 'name', 'entity', 'kind', 'schema', 'unit', 'scope', 'entityKind']);

function* amountsOf(value: unknown, path: (string | number)[] = []): Generator<[string, (string | number)[]]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* amountsOf(value[i], [...path, i]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* amountsOf(v, [...path, k]);
  } else if (typeof value === 'string' && /^-?[0-9][0-9,]*(\.[0-9]+)?$/.test(value)) {
    const last = path[path.length - 1];
    const text = ['reasons', 'functionNames', 'overview', 'otherNotes', 'performanceTargets'].includes(String(path[0])) || (typeof last === 'string' && TEXT_KEYS.has(last));
    if (!text) yield [value, path];
  }
}

function checkAmounts(input: BudgetInput): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  for (const [s, path] of amountsOf(input)) {
    if (s.trim().startsWith('-')) out.push(err(path, `负数金额 ${s}：此处金额不能为负`));
    else if (hasExtraDecimals(s)) out.push(warn(path, `金额 ${s} 超过两位小数，按四舍五入保留到 0.01 ${input.unit}`));
  }
  return out;
}

function checkCodes(input: BudgetInput): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  for (const t of LEAF_TABLES) {
    const seen = new Map<string, number>();
    input[t].forEach((row, i) => {
      if (seen.has(row.code)) out.push(err([t, i, 'code'], `${TABLE_NAMES[t]}中科目 ${row.code} 重复（另见第 ${seen.get(row.code)! + 1} 行）`));
      seen.set(row.code, i);
      for (const code of [row.code.slice(0, 3), row.code.slice(0, 5), row.code]) {
        const n = functionCodeName(code, input.year, input.functionNames, code === row.code ? row.name : undefined);
        if (!n.name) out.push(err(code === row.code ? [t, i, 'name'] : ['functionNames', code], `科目 ${code} 不在科目目录中，也没有填写名称：请填写名称`));
        else if (!n.known && code === row.code) out.push(warn([t, i, 'code'], `科目 ${code}（${n.name}）不在科目目录中`));
      }
    });
  }
  for (const block of ['personnel', 'public'] as const) {
    const seen = new Set<string>();
    input.basicByEconomic[block].forEach((r, i) => {
      if (seen.has(r.code)) out.push(err(['basicByEconomic', block, i, 'code'], `经济分类科目 ${r.code} 重复`));
      seen.add(r.code);
    });
  }
  return out;
}

function checkFigures(input: BudgetInput, f: BudgetFigures): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  const u = f.unit;
  const basic = f.generalBudget.total.basic!;
  if (basic !== f.economic.total) {
    out.push(err(['basicByEconomic'], `基本支出经济分类：人员经费 ${tableAmount(f.economic.personnel, u)} + 公用经费 ${tableAmount(f.economic.public, u)} = ${tableAmount(f.economic.total, u)}，与一般公共预算基本支出 ${tableAmount(basic, u)} 不符`));
  }
  if (f.summary.carryoverEnd < 0) out.push(err(['expenditure'], `本年支出合计 ${tableAmount(f.summary.expenditureTotal, u)} 超过收入总计 ${tableAmount(f.summary.grandTotal, u)}：收支预算不平衡`));
  for (const fund of FUNDS) {
    if (f.fiscal.carryoverEnd[fund] < 0) {
      out.push(err([fund === 'generalBudget' ? 'generalBudget' : fund], `${FUND_LABEL[fund]}支出 ${tableAmount(f.fiscal.expenditure[fund], u)} 超过${FUND_LABEL[fund]}拨款收入 ${tableAmount(f.fiscal.income[fund], u)} 与上年结转 ${tableAmount(f.fiscal.carryover[fund], u)} 之和`));
    }
  }
  if (f.fiscal.carryover.total > f.summary.carryover) out.push(err(['fiscalCarryover'], `上年财政拨款结转 ${tableAmount(f.fiscal.carryover.total, u)} 大于收入预算总表的上年结转 ${tableAmount(f.summary.carryover, u)}`));
  // Fiscal spending of a 项 within the department's spending of that 项 (支出预算总表).
  const all = new Map(f.expenditure.rows.filter((r) => r.level === 'item').map((r) => [r.code, r.values]));
  const fiscal = new Map<string, { basic: number; project: number; at: (string | number)[] }>();
  for (const table of ['generalBudget', 'governmentFund', 'stateCapital'] as const) {
    input[table].forEach((r, i) => {
      const cur = fiscal.get(r.code) ?? { basic: 0, project: 0, at: [table, i, 'code'] };
      fiscal.set(r.code, { basic: cur.basic + fen0(r.basic, u), project: cur.project + fen0(r.project, u), at: cur.at });
    });
  }
  for (const [code, v] of fiscal) {
    const a = all.get(code);
    if (!a) {
      if (v.basic + v.project !== 0) out.push(err(v.at, `科目 ${code} 有财政拨款支出预算，但支出预算总表中没有此科目`));
      continue;
    }
    for (const col of ['basic', 'project'] as const) {
      if (v[col] > a[col]!) out.push(err(v.at, `科目 ${code} 财政拨款${col === 'basic' ? '基本' : '项目'}支出 ${tableAmount(v[col] as Fen, u)} 大于支出预算总表的 ${tableAmount(a[col]!, u)}`));
    }
  }
  const op = inputFen(input.operatingExpense, u);
  if (op !== null && input.entityKind === 'public-institution') out.push(warn(['operatingExpense'], '事业单位不涉及机关运行经费：此数不会写入'));
  // Reasons the 编制说明 gives for changes against the prior year's budget.
  const pr = input.prior;
  const changed = (cur: Fen, prior: string | undefined) => {
    const b = inputFen(prior, u);
    return b !== null && b !== cur;
  };
  const tpPrior = pr.threePublic ? add(...(['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const).map((k) => fen0(pr.threePublic![k], u))) : null;
  const needs: [string, boolean, string][] = [
    ['total', changed(f.summary.grandTotal, pr.grandTotal), '收支预算总计与上年预算相比有变化'],
    ['fiscal', changed(f.fiscal.grandTotal, pr.fiscalGrandTotal), '财政拨款收支预算总计与上年预算相比有变化'],
    ['generalBudget', changed(f.generalBudget.total.total!, pr.generalBudgetExpenditure), '一般公共预算支出预算与上年预算相比有变化'],
    ['threePublic', tpPrior !== null && tpPrior !== f.threePublic.total, '“三公”经费预算与上年预算相比有变化'],
    ['operatingExpense', f.operatingExpense !== null && changed(f.operatingExpense, pr.operatingExpense), '机关运行经费预算与上年预算相比有变化'],
  ];
  if (!input.assets) out.push(warn(['assets'], '没有填写国有资产占用情况：编制说明将写“无需要说明的国有资产占用情况”'));
  if (!input.performanceTargets.length) out.push(warn(['performanceTargets'], '没有填写预算绩效目标：编制说明将写“无纳入绩效目标管理的项目”'));
  for (const [key, need, what] of needs) {
    if (need && !input.reasons[key]?.trim()) out.push(warn(['reasons', key], `${what}，请说明主要原因`));
  }
  return out;
}

export interface BudgetValidation {
  problems: ComposeProblem[];
  input?: BudgetInput;
  ok: boolean;
}

export function validateBudgetInput(raw: unknown): BudgetValidation {
  const parsed = BudgetInputSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i: z.core.$ZodIssue) => ({ severity: 'error' as const, path: jsonPath(i.path), message: zodIssueZh(i) }));
    return { problems, ok: false };
  }
  const input = parsed.data;
  const codes = checkCodes(input);
  const problems = [...checkAmounts(input), ...codes];
  if (!codes.some((p) => p.severity === 'error') && !problems.some((p) => p.severity === 'error')) problems.push(...checkFigures(input, computeBudgetFigures(input)));
  return { problems, input, ok: !problems.some((p) => p.severity === 'error') };
}
