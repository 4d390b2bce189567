/** The vocabulary of performance tables: 一级/二级指标 names, header columns, funding rows, grades. */
import { memoByText } from './performance-memo.js';
import { squash } from './performance-rows.js';

const WEIGHT_SUFFIX = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/;

/** Points declared in brackets at the end of a name: '产出指标（40分）' → 40. */
export const declaredWeightOf = memoByText(function declaredWeightOf(text: string): number | undefined {
  const m = WEIGHT_SUFFIX.exec(squash(text));
  return m ? Number(m[1]) : undefined;
});

export function withoutWeight(text: string): string {
  return squash(text).replace(WEIGHT_SUFFIX, '');
}

const LEVEL1_RE = /^(产出|效益|满意度|成本|效果|影响)(?:指标)?$/;
const LEVEL2_RE =
  /^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|环境效益|可持续影响|服务对象满意度|社会公众或服务对象满意度|社会公众满意度|满意度)(?:指标)?(?:等)?$/;

/** Canonical 一级指标 for a printed 一级 cell ('产出 指标 （50分）' → '产出指标'), or undefined. */
export const level1Of = memoByText(function level1Of(text: string): string | undefined {
  const m = LEVEL1_RE.exec(withoutWeight(text));
  return m ? `${m[1]}指标` : undefined;
});

export const isLevel2 = memoByText(function isLevel2(text: string): boolean {
  return LEVEL2_RE.test(withoutWeight(text));
});

/** The 一级指标 a 二级指标 belongs to, when that is unambiguous ('成本指标' is not: 产出 in older forms). */
export function level1OfLevel2(text: string): string | undefined {
  const t = withoutWeight(text).replace(/指标等?$/, '');
  if (/^(数量|质量|时效)$/.test(t)) return '产出指标';
  if (/^(经济成本|社会成本|生态环境成本)$/.test(t)) return '成本指标';
  if (/效益$|^可持续影响$/.test(t)) return '效益指标';
  if (/满意度$/.test(t)) return '满意度指标';
  return undefined;
}

/** Cells that label the indicator block as a whole ('绩效指标', '年度绩效指标完成情况'). */
export const isBlockLabel = memoByText(function isBlockLabel(text: string): boolean {
  return /^(年度)?绩效指标(完成情况)?$/.test(squash(text));
});

export type IndicatorKey =
  | 'level1' | 'level2' | 'level3' | 'nature' | 'target' | 'unitText' | 'actual' | 'completion' | 'weight' | 'score' | 'deviation';

/** The indicator column a header cell names. Order matters: 实际完成值 before 指标值, 完成率 before 完成值. */
export const indicatorColumnOf = memoByText(function indicatorColumnOf(text: string): IndicatorKey | undefined {
  const t = squash(text).replace(/[(（][A-Z/]+[)）]/g, '');
  if (/^一级指标/.test(t)) return 'level1';
  if (/^二级指标/.test(t)) return 'level2';
  if (/^三级指标/.test(t)) return 'level3';
  if (/指标性质/.test(t)) return 'nature';
  if (/完成率|完成比例|完成程度/.test(t)) return 'completion';
  if (/实际(完成)?值|^完成值|实际完成情况/.test(t)) return 'actual';
  if (/指标值|目标值/.test(t)) return 'target';
  if (/[度计]量单位|^单位$/.test(t)) return 'unitText';
  if (/^(分值|权重|标准分)/.test(t)) return 'weight';
  if (/^(得分|自评得分)/.test(t)) return 'score';
  if (/原因|改进措施|备注/.test(t)) return 'deviation';
  return undefined;
});

export type FundingKey = 'initialBudget' | 'annualBudget' | 'executed' | 'weight' | 'rate' | 'score';

export const fundingColumnOf = memoByText(function fundingColumnOf(text: string): FundingKey | undefined {
  const t = squash(text).replace(/[(（][A-Z/]+[)）]/g, '');
  if (/^年初(预算|批复)数?/.test(t)) return 'initialBudget';
  if (/^(全年|调整后|年度|批复)?(预算|批复)(数|金额|资金)?$|^全年(预算|批复)数?|^调整后预算数?/.test(t)) return 'annualBudget';
  if (/执行率/.test(t)) return 'rate';
  if (/执行数|实际支出|支出数|执行金额|^决算数$/.test(t)) return 'executed';
  if (/^分值/.test(t)) return 'weight';
  if (/^得分/.test(t)) return 'score';
  return undefined;
});

/** Canonical key of a funding row label, or undefined when the text is not one. */
export const fundingRowKey = memoByText(function fundingRowKey(text: string): string | undefined {
  const t = squash(text).replace(/[:：]$/, '');
  if (/^(年度)?资金总额|^(合计|总计)$/.test(t)) return 'total';
  if (/当年财政拨款|^其中[:：]?财政拨款/.test(t)) return 'fiscal';
  if (/中央财政资金|中央补助/.test(t)) return 'central';
  if (/上年结转/.test(t)) return 'carryover';
  if (/^(其中[:：]?)?地方资金/.test(t)) return 'local';
  if (/^(其中[:：]?)?其他资金/.test(t)) return 'other';
  if (/^其中[:：]/.test(t)) return t.replace(/^其中[:：]/, '');
  if (t.length <= 16 && /(资金|拨款|经费|收入)$/.test(t)) return t;
  return undefined;
});

const GRADE_RE = /^(优秀?|良好?|中等?|差|较差|合格|不合格|一般)$/;

export const isGradeWord = memoByText(function isGradeWord(text: string): boolean {
  return GRADE_RE.test(squash(text));
});
