/**
 * factsFromText: the key figures the narrative states (juesuan.facts/1 keys), for documents that
 * print no tables (a 决算公开说明 whose tables are attached elsewhere, a 部门整体支出绩效自评报告).
 * A key is filled only from a figure the text states with that subject and role — never derived —
 * and the first statement wins. Figures the sentence dates to another year ('2021年“三公”经费预算
 * 2.49万元' in a 2023 report) are not this year's and are skipped.
 */
import { functionCategoryByName } from '../catalog/function-codes.js';
import type { Disclosure, Figure, FigureRole, Section, Sentence } from '../model/index.js';
import { fenToYuanString } from '../model/money.js';
import type { AmountKey, Facts, ThreePublicKey } from './types.js';

export type { Facts } from './types.js';

/** A money figure stated in the text, with where it stands. */
export interface StatedAmount {
  figure: Figure;
  /** The subject normalised: NFKC, no blanks, no quotes. */
  subject: string;
  role: FigureRole;
  /** Topics of the section and its ancestors. */
  topics: string[];
}

interface AmountRule {
  key: AmountKey;
  role: FigureRole;
  /** Subject patterns in order of preference. */
  subjects: readonly RegExp[];
}

const AMOUNT_RULES: readonly AmountRule[] = [
  { key: 'incomeTotal', role: 'value', subjects: [/^(部门|单位)?(本年)?收入合计$/, /^本年收入$/, /^(当年|本年度)收入$/, /^收入实际完成$/] },
  { key: 'expenditureTotal', role: 'value', subjects: [/^(部门|单位)?(本年)?支出合计$/, /^本年支出$/, /^(当年|本年度)支出$/, /^实际支出$/] },
  { key: 'grandTotal', role: 'value', subjects: [/^(部门|单位|全年)?收、?支总计$/, /^(部门|单位|全年)?收入总计$/, /^(部门|单位|全年)?支出总计$/] },
  { key: 'carryoverBegin', role: 'value', subjects: [/^年初结转(和|及|与)?结余$/] },
  { key: 'carryoverEnd', role: 'value', subjects: [/^年末结转(和|及|与)?结余$/] },
  { key: 'fiscalIncome', role: 'value', subjects: [/^(本年)?财政拨款收入$/] },
  { key: 'generalBudgetIncome', role: 'value', subjects: [/^(本年)?一般公共预算财政拨款收入$/] },
  { key: 'otherIncome', role: 'value', subjects: [/^其他收入$/] },
  { key: 'basicExpenditure', role: 'value', subjects: [/^基本支出$/] },
  { key: 'projectExpenditure', role: 'value', subjects: [/^项目支出$/] },
  { key: 'generalBudgetExpenditure', role: 'value', subjects: [/^(本年)?一般公共预算财政拨款支出$/] },
  { key: 'generalBudgetInitialBudget', role: 'budget', subjects: [/^一般公共预算财政拨款支出$/, /^一般公共预算财政拨款(收入)?$/] },
  { key: 'personnelExpense', role: 'value', subjects: [/^人员经费(支出)?$/] },
  { key: 'publicExpense', role: 'value', subjects: [/^(日常)?公用经费(支出)?$/] },
  { key: 'operatingExpense', role: 'value', subjects: [/^(本部门|本单位)?机关运行经费(支出)?$/, /机关运行经费(支出)?$/] },
  { key: 'procurementTotal', role: 'value', subjects: [/^政府采购支出(总额|合计|总计)?$/, /^政府采购(总额|合计|金额)$/] },
];

const THREE_PUBLIC: readonly [ThreePublicKey, RegExp][] = [
  ['total', /^三公经费$/],
  ['abroad', /^因公出国\(境\)(费|费用)$/],
  ['vehicle', /^公务用车购置及运行(维护)?(费|费用)$/],
  ['vehiclePurchase', /^公务用车购置(费|费用)$/],
  ['vehicleOperation', /^公务用车运行(维护)?(费|费用)$/],
  ['reception', /^公务接待(费|费用)$/],
];

/** Sections where the 类 breakdown of expenditure is stated. */
const BY_FUNCTION_TOPICS = ['general-budget-expenditure', 'expenditure'];

export function factsFromText(d: Disclosure): Partial<Facts> {
  const stated = statedAmounts(d.sections, d.meta.year);
  const out: Partial<Facts> = {};
  const amounts: Facts['amounts'] = {};
  for (const rule of AMOUNT_RULES) {
    const hit = firstMatch(stated, rule.role, rule.subjects);
    if (hit) amounts[rule.key] = yuan(hit);
  }
  if (Object.keys(amounts).length) out.amounts = amounts;
  const byFunction = expenditureByFunction(stated);
  if (Object.keys(byFunction).length) out.expenditureByFunction = byFunction;
  const threePublic = threePublicOf(stated);
  if (threePublic) out.threePublic = onlyReception(threePublic, d);
  return out;
}

const NO_VEHICLE_RE = /无(?:公务用?车|公车)|没有(?:保留的)?公务用?车/;
const NO_ABROAD_RE = /无因公出国|没有(?:发生)?因公出国/;

/**
 * When the text says the unit has no official car and no trips abroad, its whole "三公" budget is the
 * reception budget: '“三公”经费年初预算0.89万元…（其中：公务接待费支出0.89万元，本单位无公车，无因公出国费用）'.
 */
function onlyReception(tp: NonNullable<Facts['threePublic']>, d: Disclosure): NonNullable<Facts['threePublic']> {
  const b = tp.budget;
  const a = tp.actual;
  if (!b?.total || b.reception !== undefined || !a?.reception || a.reception !== a.total) return tp;
  const text = d.lines.map((l) => l.text).join('\n');
  if (!NO_VEHICLE_RE.test(text) || !NO_ABROAD_RE.test(text)) return tp;
  return { ...tp, budget: { ...b, reception: b.total } };
}

function yuan(s: StatedAmount): string {
  return fenToYuanString(s.figure.amount!.fen);
}

function firstMatch(stated: StatedAmount[], role: FigureRole, subjects: readonly RegExp[]): StatedAmount | undefined {
  for (const re of subjects) {
    const hit = stated.find((s) => s.role === role && re.test(s.subject));
    if (hit) return hit;
  }
  return undefined;
}

function expenditureByFunction(stated: StatedAmount[]): Record<string, string> {
  const out: Record<string, string> = {};
  const preferred = stated.filter((s) => s.topics.some((t) => BY_FUNCTION_TOPICS.includes(t)));
  for (const s of preferred.length ? preferred : stated) {
    if (s.role !== 'value' || /[(（]款[)）]|[(（]项[)）]/.test(s.subject)) continue;
    const code = functionCategoryByName(s.subject);
    if (code && !(code in out)) out[code] = yuan(s);
  }
  return out;
}

function threePublicOf(stated: StatedAmount[]): Facts['threePublic'] | undefined {
  const budget: Partial<Record<ThreePublicKey, string>> = {};
  const actual: Partial<Record<ThreePublicKey, string>> = {};
  for (const s of stated) {
    if (s.role !== 'budget' && s.role !== 'value') continue;
    const name = s.subject.replace(/^(财政拨款|一般公共预算财政拨款)/, '').replace(/(支出)?(决算|预算)?(数)?$/, '').replace(/^(.+费)支出$/, '$1');
    const key = THREE_PUBLIC.find(([, re]) => re.test(name))?.[0];
    if (!key) continue;
    const target = s.role === 'budget' ? budget : actual;
    target[key] ??= yuan(s);
  }
  const out: Facts['threePublic'] = {};
  if (Object.keys(budget).length) out.budget = budget;
  if (Object.keys(actual).length) out.actual = actual;
  return out.budget || out.actual ? out : undefined;
}

/** Every amount figure of the narrative (with an amount and a subject), in document order. */
export function statedAmounts(sections: readonly Section[], year?: number): StatedAmount[] {
  const out: StatedAmount[] = [];
  const walk = (s: Section, topics: string[]) => {
    const here = s.topic ? [...topics, s.topic] : topics;
    for (const p of s.paragraphs) for (const sentence of p.sentences) collect(sentence, here, year, out);
    for (const c of s.children) walk(c, here);
  };
  for (const s of sections) walk(s, []);
  return out;
}

function collect(sentence: Sentence, topics: string[], year: number | undefined, out: StatedAmount[]): void {
  let datedYear: string | undefined;
  for (const f of sentence.figures) {
    if (f.kind === 'year') {
      datedYear = f.value;
      continue;
    }
    if (f.kind !== 'amount' || !f.amount || !f.subject || !f.role) continue;
    if (year !== undefined && datedYear !== undefined && Number(datedYear) !== year) continue;
    out.push({ figure: f, subject: normalizeSubject(f.subject), role: f.role, topics });
  }
}

export function normalizeSubject(subject: string): string {
  return subject.normalize('NFKC').replace(/[\s“”"'‘’]/g, '');
}
