/**
 * The 部门预算情况说明 (编制说明) in the national template's wording: each table explained, every
 * figure taken from the composed tables, every change stated against the prior year's budget —
 * 比上年预算增加/减少 x 万元，增长/下降 y%; 与上年预算持平; a budget that grows from zero says so
 * and prints no rate (a rate of nothing is undefined, never an empty “%”).
 */
import type { Fen, Figure } from '../../model/index.js';
import { add, fen0, inputFen, percent } from '../amounts.js';
import type { CodeTableFigures } from '../code-table.js';
import type { ThreePublicItem } from '../figures.js';
import { VEHICLE_CATEGORIES } from '../input-schema.js';
import type { Para } from '../narrative/para.js';
import type { DocumentWriter } from '../narrative/writer.js';
import { chineseOrdinal, VEHICLE_LABELS } from '../standard-lists.js';
import { B_INCOME_SUMMANDS, INCOME_LABELS, type BudgetFigures } from './figures.js';

export interface BudgetNarrativeContext {
  fig: BudgetFigures;
  w: DocumentWriter;
  /** 部门 or 单位. */
  org: string;
  year: number;
}

const priorFen = (ctx: BudgetNarrativeContext, v: string | undefined): Fen | null => inputFen(v, ctx.fig.unit);

/**
 * A change against the prior year's budget: `{lead}增加/减少 x，增长/下降 y%`, `{flat}` when equal,
 * and a growth from a zero budget stated as such without a rate. Returns the direction, or null when
 * there is no prior figure.
 */
export function budgetChange(
  p: Para, current: Fen, prior: Fen | null, subject: string,
  words: { lead?: string; flat?: string } = {},
): Figure['direction'] | null {
  if (prior === null) return null;
  const diff = current - prior;
  if (diff === 0) {
    p.say(words.flat ?? '与上年预算持平');
    return 'flat';
  }
  const up = diff > 0;
  const dir = up ? 'increase' : 'decrease';
  p.say(`${words.lead ?? '比上年预算'}${up ? '增加' : '减少'}`).amount(Math.abs(diff) as Fen, subject, 'change', dir);
  if (prior === 0) p.say('（上年预算数为零，本年新增）');
  else p.say(`，${up ? '增长' : '下降'}`).pct(percent(Math.abs(diff), Math.abs(prior))!, subject, 'change-rate', dir);
  return dir;
}

function reasonFor(ctx: BudgetNarrativeContext, p: Para, key: string, changed: boolean): void {
  if (changed) p.reason(ctx.fig.input.reasons[key]);
}

/** `其中：A x，占 y%；B …。` over the non-zero parts (the first always). */
function listParts(p: Para, parts: [string, Fen][], whole: Fen, wholeName: string, always?: string): void {
  const shown = parts.filter(([label, v]) => v !== 0 || label === always);
  shown.forEach(([label, v], i) => {
    p.say(`${i ? '；' : '其中：'}${label}`).amount(v, label);
    if (whole !== 0) p.say('，').share(v, whole, label, `占${wholeName}的`);
  });
  p.end();
}

export function explainBudgetOverview(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, w, year } = ctx;
  w.heading(1, `${chineseOrdinal(n)}、`, '收支预算总体情况说明', 'income-expenditure-overview');
  const s = fig.summary;
  const p = w.newPara().say(`${year}年收、支预算总计均为`).amount(s.grandTotal, '收支总计').end();
  p.say('收入预算中，本年收入').amount(s.incomeTotal, '本年收入合计');
  if (s.carryover !== 0) p.say('，上年结转').amount(s.carryover, '上年结转');
  p.say('；支出预算中，本年支出').amount(s.expenditureTotal, '本年支出合计');
  if (s.carryoverEnd !== 0) p.say('，结转下年').amount(s.carryoverEnd, '结转下年');
  p.end();
  const before = priorFen(ctx, fig.input.prior.grandTotal);
  const dir = budgetChange(p, s.grandTotal, before, '收支总计', { lead: '与上年预算相比，收、支预算总计各', flat: '收、支预算总计与上年预算持平' });
  if (dir) p.end();
  reasonFor(ctx, p, 'total', dir === 'increase' || dir === 'decrease');
  w.para(p);
}

export function explainBudgetIncome(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, w, year } = ctx;
  w.heading(1, `${chineseOrdinal(n)}、`, '收入预算情况说明', 'income');
  const s = fig.summary;
  const p = w.newPara().say(`${year}年本年收入预算`).amount(s.incomeTotal, '本年收入合计');
  if (s.incomeTotal === 0) p.end();
  else {
    p.say('，');
    listParts(p, B_INCOME_SUMMANDS.map((k) => [INCOME_LABELS[k], s.sources[k]] as [string, Fen]), s.incomeTotal, '本年收入', INCOME_LABELS.generalBudget);
  }
  if (s.carryover !== 0) p.say('另有上年结转').amount(s.carryover, '上年结转').end();
  const before = priorFen(ctx, fig.input.prior.incomeTotal);
  if (before !== null) {
    p.say('本年收入预算');
    const dir = budgetChange(p, s.incomeTotal, before, '本年收入合计');
    p.end();
    reasonFor(ctx, p, 'income', dir !== 'flat');
  }
  w.para(p);
}

export function explainBudgetExpenditure(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, w, year } = ctx;
  w.heading(1, `${chineseOrdinal(n)}、`, '支出预算情况说明', 'expenditure');
  const t = fig.expenditure.total;
  const total = fig.summary.expenditureTotal;
  const p = w.newPara().say(`${year}年本年支出预算`).amount(total, '本年支出合计');
  if (total === 0) p.end();
  else {
    p.say('，');
    listParts(p, [['基本支出', t.basic!], ['项目支出', t.project!], ['事业单位经营支出', t.business!], ['上缴上级支出', t.remittance!], ['对附属单位补助支出', t.subsidy!]], total, '本年支出', '基本支出');
  }
  const pr = fig.input.prior;
  for (const [label, cur, before, key] of [['本年支出预算', total, pr.expenditureTotal, 'expenditure'], ['基本支出', t.basic!, pr.basic, 'basic'], ['项目支出', t.project!, pr.project, 'project']] as const) {
    const b = priorFen(ctx, before);
    if (b === null) continue;
    p.say(label);
    const dir = budgetChange(p, cur, b, label === '本年支出预算' ? '本年支出合计' : label);
    p.end();
    reasonFor(ctx, p, key, dir !== 'flat');
  }
  w.para(p);
}

export function explainBudgetFiscal(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, w, year } = ctx;
  w.heading(1, `${chineseOrdinal(n)}、`, '财政拨款收支预算总体情况说明', 'fiscal-overview');
  const f = fig.fiscal;
  const p = w.newPara().say(`${year}年财政拨款收、支预算总计均为`).amount(f.grandTotal, '财政拨款收支总计').end();
  p.say('收入包括：本年一般公共预算拨款').amount(f.income.generalBudget, '一般公共预算拨款收入')
    .say('、政府性基金预算拨款').amount(f.income.governmentFund, '政府性基金预算拨款收入')
    .say('、国有资本经营预算拨款').amount(f.income.stateCapital, '国有资本经营预算拨款收入');
  if (f.carryover.total !== 0) p.say('，上年财政拨款结转').amount(f.carryover.total, '上年财政拨款结转');
  p.say('；支出包括：一般公共预算支出').amount(f.expenditure.generalBudget, '一般公共预算支出')
    .say('、政府性基金预算支出').amount(f.expenditure.governmentFund, '政府性基金预算支出')
    .say('、国有资本经营预算支出').amount(f.expenditure.stateCapital, '国有资本经营预算支出');
  if (f.carryoverEnd.total !== 0) p.say('，结转下年').amount(f.carryoverEnd.total, '结转下年');
  p.end();
  const before = priorFen(ctx, fig.input.prior.fiscalGrandTotal);
  const dir = budgetChange(p, f.grandTotal, before, '财政拨款收支总计', { lead: '与上年预算相比，财政拨款收、支预算总计各', flat: '财政拨款收、支预算总计与上年预算持平' });
  if (dir) p.end();
  reasonFor(ctx, p, 'fiscal', dir === 'increase' || dir === 'decrease');
  w.para(p);
}

/** 类 of a code table with their amounts, shares and (when the prior year's 类 is given) changes. */
function byClass(ctx: BudgetNarrativeContext, p: Para, t: CodeTableFigures, total: Fen, priorByCategory?: Record<string, string>): void {
  const cats = t.rows.filter((r) => r.level === 'category');
  // One sentence per 类, so that a change worded for one is never read as another's.
  cats.forEach((r, i) => {
    if (i) p.end();
    p.say(i ? '' : '主要用于以下方面：').say(r.name).amount(r.values.total!, r.name);
    if (total !== 0) p.say('，').share(r.values.total!, total, r.name);
    const b = priorFen(ctx, priorByCategory?.[r.code]);
    if (b !== null) {
      p.say('，');
      budgetChange(p, r.values.total!, b, r.name);
    }
  });
  p.end();
}

export function explainBudgetGeneral(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, w, year } = ctx;
  const total = fig.generalBudget.total.total!;
  w.heading(1, `${chineseOrdinal(n)}、`, '一般公共预算支出预算情况说明', 'general-budget');
  w.heading(2, '（一）', '一般公共预算支出预算总体情况', 'general-budget-overview');
  const p = w.newPara().say(`${year}年一般公共预算支出预算`).amount(total, '一般公共预算支出');
  if (fig.summary.expenditureTotal !== 0) p.say('，').share(total, fig.summary.expenditureTotal, '一般公共预算支出', '占本年支出合计的');
  p.end();
  const before = priorFen(ctx, fig.input.prior.generalBudgetExpenditure);
  if (before !== null) {
    p.say('一般公共预算支出预算');
    const dir = budgetChange(p, total, before, '一般公共预算支出');
    p.end();
    reasonFor(ctx, p, 'generalBudget', dir !== 'flat');
  }
  w.para(p);
  w.heading(2, '（二）', '一般公共预算支出预算结构情况', 'general-budget-structure');
  const s = w.newPara().say(`${year}年一般公共预算支出预算`).amount(total, '一般公共预算支出');
  if (total === 0) s.end();
  else {
    s.say('，');
    byClass(ctx, s, fig.generalBudget, total, fig.input.prior.byCategory);
  }
  w.para(s);
  w.heading(2, '（三）', '一般公共预算基本支出预算情况', 'basic-expenditure');
  const e = fig.economic;
  const q = w.newPara().say(`${year}年一般公共预算基本支出预算`).amount(e.total, '一般公共预算基本支出');
  if (e.total === 0) q.end();
  else {
    const items = (block: 'personnel' | 'public') => e.rows.filter((r) => !r.isClass && r[block] !== 0).map((r) => r.name).join('、');
    q.say('，其中：人员经费').amount(e.personnel, '人员经费');
    if (e.personnel !== 0) q.say(`，主要包括${items('personnel')}`);
    q.say('；公用经费').amount(e.public, '公用经费');
    if (e.public !== 0) q.say(`，主要包括${items('public')}`);
    q.end();
  }
  for (const [label, cur, before, key] of [['人员经费', e.personnel, fig.input.prior.personnel, 'personnel'], ['公用经费', e.public, fig.input.prior.public, 'public']] as const) {
    const b = priorFen(ctx, before);
    if (b === null) continue;
    q.say(label);
    const dir = budgetChange(q, cur, b, label);
    q.end();
    reasonFor(ctx, q, key, dir !== 'flat');
  }
  w.para(q);
}

function explainFund(ctx: BudgetNarrativeContext, n: number, heading: string, topic: string, subject: string, t: CodeTableFigures, priorTotal: string | undefined, reasonKey: string, none: string): void {
  const { w, year } = ctx;
  w.heading(1, `${chineseOrdinal(n)}、`, heading, topic);
  const total = t.total.total!;
  const before = priorFen(ctx, priorTotal);
  if (total === 0 && (before === null || before === 0)) {
    w.text(none);
    return;
  }
  const p = w.newPara().say(`${year}年${subject}预算`).amount(total, subject);
  if (total === 0) p.end();
  else {
    p.say('，');
    byClass(ctx, p, t, total);
  }
  if (before !== null) {
    p.say(`${subject}预算`);
    const dir = budgetChange(p, total, before, subject);
    p.end();
    reasonFor(ctx, p, reasonKey, dir !== 'flat');
  }
  w.para(p);
}

export function explainBudgetFunds(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, org, year } = ctx;
  explainFund(ctx, n, '政府性基金预算支出预算情况说明', 'government-fund', '政府性基金预算支出', fig.governmentFund, fig.input.prior.governmentFund, 'governmentFund',
    `本${org}${year}年没有使用政府性基金预算拨款安排的支出。`);
  explainFund(ctx, n + 1, '国有资本经营预算支出预算情况说明', 'state-capital', '国有资本经营预算支出', fig.stateCapital, fig.input.prior.stateCapital, 'stateCapital',
    `本${org}${year}年没有使用国有资本经营预算拨款安排的支出。`);
}

const TP_LABELS: Record<ThreePublicItem, string> = {
  abroad: '因公出国（境）费', vehiclePurchase: '公务用车购置费', vehicleOperation: '公务用车运行维护费', reception: '公务接待费',
};

export function explainBudgetThreePublic(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, w, year } = ctx;
  const v = fig.threePublic;
  const pt = fig.input.prior.threePublic;
  const u = fig.unit;
  w.heading(1, `${chineseOrdinal(n)}、`, '“三公”经费预算情况说明', 'three-public');
  const p = w.newPara().say(`${year}年一般公共预算“三公”经费预算`).amount(v.total, '“三公”经费', 'budget');
  const priorTotal = pt ? add(...(['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const).map((k) => fen0(pt[k], u))) : null;
  let dir: Figure['direction'] | null = null;
  if (priorTotal !== null) {
    p.say('，');
    dir = budgetChange(p, v.total, priorTotal, '“三公”经费');
  }
  p.end();
  reasonFor(ctx, p, 'threePublic', dir === 'increase' || dir === 'decrease');
  if (v.total !== 0 || priorTotal !== null) {
    // One sentence per item, so that a change worded for one is never read as another's.
    const item = (label: string, cur: Fen, before: Fen | null, first: boolean) => {
      if (!first) p.end();
      p.say(`${first ? '其中，' : ''}${label}预算`).amount(cur, label, 'budget');
      if (v.total !== 0) p.say('，').share(cur, v.total, label);
      if (before !== null) {
        p.say('，');
        budgetChange(p, cur, before, label);
      }
    };
    const pf = (k: ThreePublicItem) => (pt ? fen0(pt[k], u) : null);
    item(TP_LABELS.abroad, v.abroad, pf('abroad'), true);
    item('公务用车购置及运行维护费', v.vehicle, pt ? add(pf('vehiclePurchase')!, pf('vehicleOperation')!) : null, false);
    item(TP_LABELS.reception, v.reception, pf('reception'), false);
    p.end();
    // The vehicle breakdown in a sentence of its own, so that no list of parts nests in another.
    p.say('公务用车购置及运行维护费预算中，公务用车购置费').amount(v.vehiclePurchase, TP_LABELS.vehiclePurchase, 'budget')
      .say('，公务用车运行维护费').amount(v.vehicleOperation, TP_LABELS.vehicleOperation, 'budget').end();
  }
  w.para(p);
}

export function explainBudgetOperating(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, w, year, org } = ctx;
  w.heading(1, `${chineseOrdinal(n)}、`, '机关运行经费预算情况说明', 'operating-expense');
  const op = fig.operatingExpense;
  if (op === null) {
    w.text(`本${org}为事业单位，不涉及机关运行经费。`);
    return;
  }
  const p = w.newPara().say(`${year}年本${org}机关运行经费预算`).amount(op, '机关运行经费', 'budget');
  const before = priorFen(ctx, fig.input.prior.operatingExpense);
  let dir: Figure['direction'] | null = null;
  if (before !== null) {
    p.say('，');
    dir = budgetChange(p, op, before, '机关运行经费');
  }
  p.end();
  reasonFor(ctx, p, 'operatingExpense', dir === 'increase' || dir === 'decrease');
  w.para(p);
}

export function explainBudgetProcurement(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, w, year, org } = ctx;
  w.heading(1, `${chineseOrdinal(n)}、`, '政府采购预算情况说明', 'procurement');
  const pr = fig.procurement;
  const before = priorFen(ctx, fig.input.prior.procurement);
  if (!pr || pr.total === 0) {
    const p = w.newPara().say(`${year}年本${org}无政府采购预算`);
    if (before !== null && before !== 0) p.say('，上年政府采购预算').amount(before, '上年政府采购预算', 'prior');
    w.para(p.end());
    return;
  }
  const p = w.newPara().say(`${year}年本${org}政府采购预算总额`).amount(pr.total, '政府采购预算总额')
    .say('，其中：政府采购货物预算').amount(pr.goods, '政府采购货物预算')
    .say('、政府采购工程预算').amount(pr.works, '政府采购工程预算')
    .say('、政府采购服务预算').amount(pr.services, '政府采购服务预算').end();
  if (before !== null) {
    p.say('政府采购预算总额');
    const dir = budgetChange(p, pr.total, before, '政府采购预算总额');
    p.end();
    reasonFor(ctx, p, 'procurement', dir !== 'flat');
  }
  w.para(p);
}

export function explainBudgetAssets(ctx: BudgetNarrativeContext, n: number): boolean {
  const { fig, w, year, org } = ctx;
  const a = fig.input.assets;
  w.heading(1, `${chineseOrdinal(n)}、`, '国有资产占用情况', 'assets');
  if (!a) {
    w.text(`本${org}${year}年预算无需要说明的国有资产占用情况。`);
    return true;
  }
  const vehicles = VEHICLE_CATEGORIES.map((k) => [k, a.vehicles[k] ?? 0] as const);
  const total = vehicles.reduce((s, [, c]) => s + c, 0);
  const p = w.newPara().say(`截至${year - 1}年12月31日，本${org}共有车辆`).count(total, '辆', '车辆');
  const held = vehicles.filter(([, c]) => c !== 0);
  held.forEach(([k, c], i) => p.say(i ? '、' : '，其中，').say(VEHICLE_LABELS[k]!).count(c, '辆', VEHICLE_LABELS[k]!));
  p.end().say('单价100万元（含）以上设备').count(a.equipmentOver1m, '台（套）', '单价100万元以上设备').end();
  w.para(p);
  return true;
}

export function explainBudgetPerformance(ctx: BudgetNarrativeContext, n: number): boolean {
  const { fig, w, org, year } = ctx;
  w.heading(1, `${chineseOrdinal(n)}、`, '预算绩效目标设置情况', 'performance-targets');
  if (!fig.input.performanceTargets.length) w.text(`本${org}${year}年无纳入绩效目标管理的项目。`);
  for (const t of fig.input.performanceTargets) w.text(t);
  return true;
}

export function explainBudgetOther(ctx: BudgetNarrativeContext, n: number): void {
  const { fig, w, org } = ctx;
  w.heading(1, `${chineseOrdinal(n)}、`, '其他需要说明的情况', 'other');
  if (!fig.input.otherNotes.length) w.text(`本${org}无其他需要说明的情况。`);
  for (const note of fig.input.otherNotes) w.text(note);
}

const GLOSSARY: { term: string; text: string; when?: (f: BudgetFigures) => boolean }[] = [
  { term: '财政拨款收入', text: '指本级财政当年拨付的资金，包括一般公共预算拨款、政府性基金预算拨款和国有资本经营预算拨款。' },
  { term: '财政专户管理资金收入', text: '指缴入财政专户、实行专项管理的教育收费等资金收入。', when: (f) => f.summary.sources.specialAccount !== 0 },
  { term: '事业收入', text: '指事业单位开展专业业务活动及其辅助活动取得的收入。', when: (f) => f.summary.sources.operational !== 0 },
  { term: '事业单位经营收入', text: '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。', when: (f) => f.summary.sources.business !== 0 },
  { term: '上级补助收入', text: '指事业单位从主管部门和上级单位取得的非财政补助收入。', when: (f) => f.summary.sources.superiorSubsidy !== 0 },
  { term: '附属单位上缴收入', text: '指事业单位附属独立核算单位按有关规定上缴的收入。', when: (f) => f.summary.sources.subordinate !== 0 },
  { term: '其他收入', text: '指除上述收入以外的各项收入。', when: (f) => f.summary.sources.other !== 0 },
  { term: '上年结转', text: '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。' },
  { term: '基本支出', text: '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。' },
  { term: '项目支出', text: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
  { term: '“三公”经费', text: '指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。' },
  { term: '机关运行经费', text: '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。', when: (f) => f.operatingExpense !== null },
];

export function writeBudgetGlossary(w: DocumentWriter, fig: BudgetFigures, partNumber: string): void {
  w.heading(0, partNumber, '名词解释', 'glossary');
  GLOSSARY.filter((t) => !t.when || t.when(fig)).forEach((t, i) => w.text(`${chineseOrdinal(i + 1)}、${t.term}：${t.text}`));
}
