/**
 * 情况说明 一 … 八: one explanation per table, worded as the official template words it, every
 * figure taken from the composed tables.
 */
import type { Fen } from '../../model/index.js';
import { add, inputFen, percent } from '../amounts.js';
import type { Figures } from '../figures.js';
import type { Para } from './para.js';
import type { DocumentWriter } from './writer.js';

export interface NarrativeContext {
  fig: Figures;
  w: DocumentWriter;
  /** 部门 or 单位. */
  org: string;
  year: number;
}

export const prior = (ctx: NarrativeContext, v: string | undefined): Fen | null => inputFen(v, ctx.fig.unit);
const reason = (ctx: NarrativeContext, key: string) => ctx.fig.input.reasons[key];

export function explainOverview(ctx: NarrativeContext): void {
  const { fig, w, year } = ctx;
  w.heading(1, '一、', '收入支出决算总体情况说明', 'income-expenditure-overview');
  const p = w.newPara().say(`${year}年度收、支总计均为`).amount(fig.t01.grandTotal, '收支总计').end();
  if (p.change(fig.t01.grandTotal, prior(ctx, fig.input.prior.grandTotal), '收支总计', '与上年相比，收、支总计各') !== null) p.end().reason(reason(ctx, 'total'));
  w.para(p);
}

function listParts(p: Para, parts: [string, Fen][], whole: Fen, always: string): void {
  const shown = parts.filter(([label, v]) => v !== 0 || label === always);
  shown.forEach(([label, v], i) => {
    p.say(`${i ? '；' : '其中：'}${label}`).amount(v, label).say('，').share(v, whole, label);
  });
  p.end();
}

export function explainIncome(ctx: NarrativeContext): void {
  const { fig, w, year } = ctx;
  w.heading(1, '二、', '收入决算情况说明', 'income');
  const t = fig.t02.total;
  const p = w.newPara().say(`${year}年度本年收入合计`).amount(fig.t01.incomeTotal, '本年收入合计');
  if (fig.t01.incomeTotal === 0) p.end();
  else {
    p.say('，');
    listParts(p, [['财政拨款收入', t.fiscal!], ['上级补助收入', t.superiorSubsidy!], ['事业收入', t.operational!], ['经营收入', t.business!], ['附属单位上缴收入', t.subordinate!], ['其他收入', t.other!]], fig.t01.incomeTotal, '财政拨款收入');
  }
  const before = prior(ctx, fig.input.prior.incomeTotal);
  if (before !== null) {
    p.say('本年收入合计').amount(fig.t01.incomeTotal, '本年收入合计').say('，');
    p.change(fig.t01.incomeTotal, before, '本年收入合计');
    p.end();
  }
  w.para(p);
}

export function explainExpenditure(ctx: NarrativeContext): void {
  const { fig, w, year } = ctx;
  w.heading(1, '三、', '支出决算情况说明', 'expenditure');
  const t = fig.t03.total;
  const p = w.newPara().say(`${year}年度本年支出合计`).amount(fig.t01.expenditureTotal, '本年支出合计');
  if (fig.t01.expenditureTotal === 0) p.end();
  else {
    p.say('，');
    listParts(p, [['基本支出', t.basic!], ['项目支出', t.project!], ['上缴上级支出', t.remittance!], ['经营支出', t.business!], ['对附属单位补助支出', t.subsidy!]], fig.t01.expenditureTotal, '基本支出');
  }
  const pr = fig.input.prior;
  for (const [label, cur, before] of [['本年支出合计', fig.t01.expenditureTotal, pr.expenditureTotal], ['基本支出', t.basic!, pr.basic], ['项目支出', t.project!, pr.project]] as const) {
    const before0 = prior(ctx, before);
    if (before0 === null) continue;
    p.say(label).amount(cur, label).say('，');
    p.change(cur, before0, label);
    p.end();
  }
  w.para(p);
}

export function explainFiscalOverview(ctx: NarrativeContext): void {
  const { fig, w, year } = ctx;
  w.heading(1, '四、', '财政拨款收入支出决算总体情况说明', 'fiscal-overview');
  const p = w.newPara().say(`${year}年度财政拨款收、支总计均为`).amount(fig.t04.grandTotal, '财政拨款收支总计').end();
  if (p.change(fig.t04.grandTotal, prior(ctx, fig.input.prior.fiscalGrandTotal), '财政拨款收支总计', '与上年相比，财政拨款收、支总计各') !== null) p.end().reason(reason(ctx, 'fiscal'));
  w.para(p);
}

export function explainGeneralBudget(ctx: NarrativeContext): void {
  const { fig, w, year } = ctx;
  const total = fig.t05.total.total!;
  w.heading(1, '五、', '一般公共预算财政拨款支出决算情况说明', 'general-budget');
  w.heading(2, '（一）', '一般公共预算财政拨款支出决算总体情况', 'general-budget-overview');
  const p = w.newPara().say(`${year}年度一般公共预算财政拨款支出`).amount(total, '一般公共预算财政拨款支出').say('，').share(total, fig.t01.expenditureTotal, '一般公共预算财政拨款支出', '占本年支出合计的').end();
  const before = prior(ctx, fig.input.prior.generalBudgetExpenditure);
  if (before !== null) {
    p.say('与上年相比，一般公共预算财政拨款支出');
    p.change(total, before, '一般公共预算财政拨款支出', '');
    p.end().reason(reason(ctx, 'generalBudget'));
  }
  w.para(p);
  w.heading(2, '（二）', '一般公共预算财政拨款支出决算结构情况', 'general-budget-structure');
  const s = w.newPara().say(`${year}年度一般公共预算财政拨款支出`).amount(total, '一般公共预算财政拨款支出');
  const cats = fig.t05.rows.filter((r) => r.level === 'category');
  if (!cats.length) s.end();
  cats.forEach((r, i) => {
    s.say(i ? '；' : '，主要用于以下方面：').say(r.name).amount(r.values.total!, r.name).say('，').share(r.values.total!, total, r.name);
    const before = prior(ctx, fig.input.prior.byCategory?.[r.code]);
    if (before !== null) s.say('，').change(r.values.total!, before, r.name);
  });
  w.para(s.end());
  explainCompletion(ctx);
}

function explainCompletion(ctx: NarrativeContext): void {
  const { fig, w, year } = ctx;
  const ib = fig.initialBudget;
  if (ib.total === null) return;
  const total = fig.t05.total.total!;
  w.heading(2, '（三）', '一般公共预算财政拨款支出决算具体情况', 'general-budget-detail');
  const p = w.newPara().say(`${year}年度一般公共预算财政拨款支出年初预算为`).amount(ib.total, '一般公共预算财政拨款支出', 'budget').say('，支出决算为').amount(total, '一般公共预算财政拨款支出');
  completion(p, total, ib.total, '一般公共预算财政拨款支出');
  if (ib.byItem.size) p.say('各项具体情况如下：');
  w.para(p);
  const items = fig.t05.rows.filter((r) => r.level === 'item');
  const codes = [...new Set([...items.map((r) => r.code), ...ib.byItem.keys()])].sort();
  codes.forEach((code, i) => {
    if (!ib.byItem.size) return;
    const path = [code.slice(0, 3), code.slice(0, 5), code].map((c, k) => `${fig.t05.rows.find((r) => r.code === c)?.name ?? fig.input.functionNames[c] ?? c}（${['类', '款', '项'][k]}）`).join('');
    const actual = items.find((r) => r.code === code)?.values.total ?? (0 as Fen);
    const budget = ib.byItem.get(code) ?? (0 as Fen);
    const subject = path.replace(/（[类款项]）/g, '');
    const q = w.newPara().say(`${i + 1}. ${path}：年初预算为`).amount(budget, subject, 'budget').say('，支出决算为').amount(actual, subject);
    completion(q, actual, budget, subject);
    q.deviation(actual, budget, '年初预算数', fig.input.reasons[`completion.${code}`]);
    w.para(q);
  });
}

/** ，完成年初预算的 z%。 (no percentage against a zero budget). */
function completion(p: Para, actual: Fen, budget: Fen, subject: string): void {
  if (budget !== 0) {
    p.say('，').say('完成年初预算的');
    p.pct(percent(actual, budget)!, subject, 'completion');
  }
  p.end();
}

export function explainBasic(ctx: NarrativeContext): void {
  const { fig, w, year } = ctx;
  const { personnelTotal, publicTotal, personnel, public: pub } = fig.t06;
  w.heading(1, '六、', '一般公共预算财政拨款基本支出决算情况说明', 'basic-expenditure');
  const p = w.newPara().say(`${year}年度一般公共预算财政拨款基本支出`).amount(add(personnelTotal, publicTotal), '基本支出').say('，其中：人员经费').amount(personnelTotal, '人员经费').say('，公用经费').amount(publicTotal, '公用经费').end();
  for (const [label, v, before, key, rows] of [['人员经费', personnelTotal, fig.input.prior.personnel, 'personnel', personnel], ['公用经费', publicTotal, fig.input.prior.public, 'public', pub]] as const) {
    const b = prior(ctx, before);
    if (b !== null) {
      p.say(label).amount(v, label).say('，');
      p.change(v, b, label);
      p.end().reason(fig.input.reasons[key]);
    }
    const used = rows.filter((r) => !r.isClass && r.amount !== 0).map((r) => r.name);
    if (used.length) p.say(`${label}主要包括：${used.join('、')}`).end();
  }
  w.para(p);
}

export function explainFunds(ctx: NarrativeContext): void {
  const { fig, w, year, org } = ctx;
  w.heading(1, '七、', '政府性基金预算财政拨款收入支出决算情况说明', 'government-fund');
  const g = fig.t07.total;
  if (!fig.t07.rows.length) w.text(`本${org}${year}年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。`);
  else w.para(w.newPara().say(`${year}年度政府性基金预算财政拨款年初结转和结余`).amount(g.carryoverBegin!, '政府性基金年初结转和结余').say('，本年收入').amount(g.income!, '政府性基金本年收入').say('，本年支出').amount(g.total!, '政府性基金预算财政拨款支出').say('，年末结转和结余').amount(g.carryoverEnd!, '政府性基金年末结转和结余').end());
  w.heading(1, '八、', '国有资本经营预算财政拨款支出决算情况说明', 'state-capital');
  if (!fig.t08.rows.length) w.text(`本${org}${year}年度没有使用国有资本经营预算财政拨款安排的支出。`);
  else w.para(w.newPara().say(`${year}年度国有资本经营预算财政拨款支出`).amount(fig.t08.total.total!, '国有资本经营预算财政拨款支出').end());
}
