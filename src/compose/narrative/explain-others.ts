/**
 * 情况说明 九 … 十三: 三公经费, 机关运行经费, 政府采购, 国有资产占用, 其他需要说明的情况.
 */
import type { Fen } from '../../model/index.js';
import { add, fen0, percent } from '../amounts.js';
import type { ThreePublicItem } from '../figures.js';
import { VEHICLE_CATEGORIES } from '../input-schema.js';
import { VEHICLE_LABELS } from '../standard-lists.js';
import { prior, type NarrativeContext } from './explain-tables.js';
import type { Para } from './para.js';

export const THREE_PUBLIC_LABELS: Record<ThreePublicItem, string> = {
  abroad: '因公出国（境）费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  reception: '公务接待费',
};

/** 全年预算为B，支出决算为A，完成全年预算的p%。决算数大于/小于全年预算数的主要原因是…。 */
function againstBudget(p: Para, actual: Fen, budget: Fen, subject: string, reason: string | undefined): void {
  p.say('全年预算为').amount(budget, subject, 'budget').say('，支出决算为').amount(actual, subject);
  if (budget !== 0) p.say('，完成全年预算的').pct(percent(actual, budget)!, subject, 'completion');
  p.end();
  p.deviation(actual, budget, '全年预算数', reason);
}

export function explainThreePublic(ctx: NarrativeContext): void {
  const { fig, w, year } = ctx;
  const { budget, actual } = fig.t09;
  const reasons = fig.input.reasons;
  const counts = fig.input.threePublic?.counts ?? {};
  w.heading(1, '九、', '财政拨款“三公”经费支出决算情况说明', 'three-public');
  w.heading(2, '（一）', '“三公”经费财政拨款支出决算总体情况说明', 'three-public-overview');
  const p = w.newPara().say(`${year}年度“三公”经费财政拨款支出`);
  againstBudget(p, actual.total, budget.total, '“三公”经费', reasons['threePublic.budget']);
  const pt = fig.input.prior.threePublic;
  if (pt) {
    const before = add(...(['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const).map((k) => fen0(pt[k], fig.unit)));
    p.say('“三公”经费财政拨款支出决算').amount(actual.total, '“三公”经费').say('，');
    p.change(actual.total, before, '“三公”经费');
    p.end().reason(before !== actual.total ? reasons['threePublic.change'] : undefined);
  }
  w.para(p);
  w.heading(2, '（二）', '“三公”经费财政拨款支出决算具体情况说明', 'three-public-detail');
  const s = w.newPara().say(`${year}年度“三公”经费财政拨款支出决算中，`);
  (['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const).forEach((k, i) => {
    s.say(`${i ? '；' : ''}${THREE_PUBLIC_LABELS[k]}支出决算`).amount(actual[k], THREE_PUBLIC_LABELS[k]);
    if (actual.total !== 0) s.say('，').share(actual[k], actual.total, THREE_PUBLIC_LABELS[k]);
  });
  w.para(s.end());
  const item = (k: ThreePublicItem, n: string) => {
    const q = w.newPara().say(`${n}${THREE_PUBLIC_LABELS[k]}`);
    againstBudget(q, actual[k], budget[k], THREE_PUBLIC_LABELS[k], reasons[`threePublic.${k}.budget`]);
    return q;
  };
  const a = item('abroad', '1. ');
  a.say('全年安排因公出国（境）团组').count(counts.abroadGroups ?? 0, '个', '因公出国（境）团组').say('，累计').count(counts.abroadPeople ?? 0, '人次', '因公出国（境）人次').end();
  w.para(a);
  const v = item('vehiclePurchase', '2. 公务用车购置及运行维护费中，');
  v.say('本年购置公务用车').count(counts.vehiclesPurchased ?? 0, '辆', '公务用车购置数').end();
  w.para(v);
  const o = item('vehicleOperation', '其中，');
  o.say(`截至${year}年12月31日，公务用车保有量`).count(counts.vehiclesHeld ?? 0, '辆', '公务用车保有量').end();
  w.para(o);
  const r = item('reception', '3. ');
  r.say('国内公务接待').count(counts.receptionBatches ?? 0, '批次', '国内公务接待批次').count(counts.receptionPeople ?? 0, '人次', '国内公务接待人次')
    .say('，其中外事接待').count(counts.foreignReceptionBatches ?? 0, '批次', '外事接待批次').count(counts.foreignReceptionPeople ?? 0, '人次', '外事接待人次')
    .say('；国（境）外公务接待').count(counts.abroadReceptionBatches ?? 0, '批次', '国（境）外公务接待批次').count(counts.abroadReceptionPeople ?? 0, '人次', '国（境）外公务接待人次').end();
  w.para(r);
}

export function explainOperating(ctx: NarrativeContext): void {
  const { fig, w, year, org } = ctx;
  w.heading(1, '十、', '机关运行经费支出情况说明', 'operating-expense');
  const op = fig.operatingExpense;
  if (op === null) w.text(`本${org}为事业单位，不涉及机关运行经费。`);
  else {
    const p = w.newPara().say(`${year}年度本${org}机关运行经费支出`).amount(op, '机关运行经费');
    const before = prior(ctx, fig.input.prior.operatingExpense);
    if (before !== null) p.say('，').change(op, before, '机关运行经费');
    p.end();
    if (before !== null && before !== op) p.reason(fig.input.reasons.operatingExpense);
    w.para(p);
  }
  const mt = fig.input.meetingAndTraining;
  if (!mt) return;
  const q = w.newPara();
  for (const [label, cur, before] of [['会议费', mt.meeting, mt.priorMeeting], ['培训费', mt.training, mt.priorTraining]] as const) {
    q.say(`本年度${label}支出`).amount(fen0(cur, fig.unit), label);
    const b = prior(ctx, before);
    if (b !== null) q.say('，').change(fen0(cur, fig.unit), b, label);
    q.end();
  }
  w.para(q);
}

export function explainProcurement(ctx: NarrativeContext): void {
  const { fig, w, year, org } = ctx;
  w.heading(1, '十一、', '政府采购支出情况说明', 'procurement');
  const pr = fig.input.procurement;
  const u = fig.unit;
  const [goods, works, services] = [fen0(pr?.goods, u), fen0(pr?.works, u), fen0(pr?.services, u)];
  const total = add(goods, works, services);
  if (total === 0) {
    w.text(`${year}年度本${org}无政府采购支出。`);
    return;
  }
  const p = w.newPara().say(`${year}年度本${org}政府采购支出总额`).amount(total, '政府采购支出总额')
    .say('，其中：政府采购货物支出').amount(goods, '政府采购货物支出').say('、政府采购工程支出').amount(works, '政府采购工程支出')
    .say('、政府采购服务支出').amount(services, '政府采购服务支出').end();
  const sme = fen0(pr?.smeAwarded, u);
  const small = fen0(pr?.smallMicroAwarded, u);
  p.say('授予中小企业合同金额').amount(sme, '授予中小企业合同金额').say('，').share(sme, total, '授予中小企业合同金额', '占政府采购支出总额的')
    .say('，其中：授予小微企业合同金额').amount(small, '授予小微企业合同金额').say('，').share(small, total, '授予小微企业合同金额', '占政府采购支出总额的').end();
  w.para(p);
}

export function explainAssets(ctx: NarrativeContext): void {
  const { fig, w, year, org } = ctx;
  w.heading(1, '十二、', '国有资产占用情况说明', 'assets');
  const a = fig.input.assets;
  const vehicles = VEHICLE_CATEGORIES.map((k) => [k, a?.vehicles[k] ?? 0] as const);
  const total = vehicles.reduce((s, [, n]) => s + n, 0);
  const p = w.newPara().say(`截至${year}年12月31日，本${org}共有车辆`).count(total, '辆', '车辆');
  vehicles.forEach(([k, n], i) => p.say(i ? '、' : '，其中，').say(VEHICLE_LABELS[k]!).count(n, '辆', VEHICLE_LABELS[k]!));
  p.end().say('单价100万元（含）以上设备').count(a?.equipmentOver1m ?? 0, '台（套）', '单价100万元以上设备').end();
  w.para(p);
}

export function explainOther(ctx: NarrativeContext): void {
  const { fig, w, org } = ctx;
  w.heading(1, '十三、', '其他需要说明的情况', 'other');
  if (!fig.input.otherNotes.length) w.text(`本${org}无其他需要说明的情况。`);
  for (const note of fig.input.otherNotes) w.text(note);
}
