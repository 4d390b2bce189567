/**
 * The standard tables of a 部门预算 / 单位预算 disclosure, mapped to T01–T09 as the facts contract says
 * (../shared/contracts/README.md, budget section): the national template's names and the regional forms
 * seen (上海 区级 2023–2025: 部门财务收支预算总表 …; 江苏 省级 2017–2019: twelve tables numbered 表一…表十二 or
 * 公开01…12表), with the column rules of their headers and the row labels of their two-sided tables.
 *
 * Differences from the final-accounts tables that the rules below encode:
 * - expenditure has a third category beside 基本支出 and 项目支出: 单位预留机动经费 ('reserve');
 * - the 三公 table prints budget figures only (keys 'budget.*'), often with no 预算数 word in its header,
 *   and may add 会议费 / 培训费 (then its 合计 includes them: 'budget.totalAll') and 机关运行经费;
 * - the summary tables print 当年收入小计 / 上年结转资金 / 收入合计 (合计 then being the balancing total).
 * Other budget tables (机关运行经费, 政府采购, 项目绩效目标 …) are recognised by their titles and kept in the
 * model without a key.
 */
import type { ColumnRule, TableDef } from './tables.js';

const r = (key: string, match: RegExp, label: string): ColumnRule => ({ key, match, label });

/** The variant every budget title and form announces starts with this prefix ('budget:national', 'budget:shanghai', …). */
export const BUDGET_VARIANT = 'budget:';

export function isBudgetVariant(variant: string | undefined): boolean {
  return variant !== undefined && variant.startsWith(BUDGET_VARIANT);
}

const AMOUNT = r('amount', /预算数|金额|合计|小计|总计|预算$/, '预算数');

/** 收入预算总表 columns (上海: 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入; national: 上年结转 …). */
const INCOME_RULES = [
  r('carryoverBegin', /上年结转/, '上年结转'),
  r('generalBudget', /一般公共预算/, '一般公共预算拨款收入'),
  r('governmentFund', /政府性基金/, '政府性基金预算拨款收入'),
  r('stateCapital', /国有资本/, '国有资本经营预算拨款收入'),
  r('fiscalSpecialAccount', /财政专户/, '财政专户管理资金收入'),
  r('superiorSubsidy', /上级补助/, '上级补助收入'),
  r('subordinate', /附属单位/, '附属单位上缴收入'),
  r('fiscal', /财政拨款/, '财政拨款收入'),
  r('business', /经营收入/, '事业单位经营收入'),
  r('operational', /事业收入/, '事业收入'),
  r('other', /其他收入|其他资金/, '其他收入'),
  r('total', /合计|总计|小计|金额|预算数/, '合计'),
];

/** 支出预算总表 columns: 合计 | 基本支出 | 项目支出 (| 单位预留机动经费 | 结转下年资金 | 事业单位经营支出 …). */
const EXPENDITURE_RULES = [
  r('personnel', /人员经费/, '基本支出/人员经费'),
  r('public', /公用经费/, '基本支出/公用经费'),
  r('basic', /基本支出/, '基本支出'),
  r('project', /项目支出/, '项目支出'),
  r('reserve', /预留机动/, '单位预留机动经费'),
  r('carryoverEnd', /结转下年/, '结转下年资金'),
  r('business', /经营支出/, '事业单位经营支出'),
  r('subsidy', /对附属单位补助|对下级单位补助/, '对附属单位补助支出'),
  r('remittance', /上缴上级/, '上缴上级支出'),
  r('total', /合计|小计|总计|金额|预算数|支出$/, '合计'),
];

/** 财政拨款收支预算总表, expenditure side: 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算. */
const FISCAL_RULES = [
  r('generalBudget', /一般公共预算/, '一般公共预算'),
  r('governmentFund', /政府性基金/, '政府性基金预算'),
  r('stateCapital', /国有资本/, '国有资本经营预算'),
  r('total', /合计|小计|总计/, '合计'),
  r('amount', /金额|预算数/, '金额'),
];

/** 三公 items of a budget table: the header need not say 预算数 (every figure is a budget one). */
const THREE_PUBLIC_BUDGET_RULES = [
  r('budget.operatingExpense', /机关运行经费/, '机关运行经费预算数'),
  r('budget.meeting', /会议费/, '会议费'),
  r('budget.training', /培训费/, '培训费'),
  r('budget.vehiclePurchase', /购置费$|购置$/, '公务用车购置费'),
  r('budget.vehicle', /购置及运行(?:维护)?费(?:小计|合计)?$|公务用车.*(?:小计|合计)$/, '公务用车购置及运行维护费'),
  r('budget.vehicleOperation', /运行(?:维护)?费$|运维费$/, '公务用车运行维护费'),
  r('budget.abroad', /因公出国/, '因公出国（境）费'),
  r('budget.reception', /公务接待/, '公务接待费'),
  r('budget.total', /三公经费.*(?:合计|小计|总计|预算数?)$|三公经费$/, '“三公”经费合计'),
  r('budget.totalAll', /^(?:合计|总计|小计)$|^预算数?(?:合计|总计)$/, '合计（含会议费、培训费）'),
];

const THREE_PUBLIC_ITEMS = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];

/** Row labels of the budget summary tables (compact, enumerator removed) → row key. */
export const BUDGET_SUMMARY_ROWS: Readonly<Record<string, string>> = {
  财政拨款收入: 'income:fiscal', 财政拨款: 'income:fiscal', 财政拨款资金: 'income:fiscal',
  一般公共预算资金: 'income:generalBudget', 一般公共预算: 'income:generalBudget', 一般公共预算拨款收入: 'income:generalBudget',
  一般公共预算财政拨款: 'income:generalBudget', 一般公共预算财政拨款收入: 'income:generalBudget',
  政府性基金: 'income:governmentFund', 政府性基金预算: 'income:governmentFund', 政府性基金预算拨款收入: 'income:governmentFund',
  政府性基金预算财政拨款: 'income:governmentFund', 政府性基金预算资金: 'income:governmentFund',
  国有资本经营预算: 'income:stateCapital', 国有资本经营预算拨款收入: 'income:stateCapital',
  国有资本经营预算财政拨款: 'income:stateCapital', 国有资本经营预算资金: 'income:stateCapital',
  财政专户管理资金: 'income:fiscalSpecialAccount', 财政专户管理资金收入: 'income:fiscalSpecialAccount',
  事业收入: 'income:operational', 事业单位经营收入: 'income:business', 经营收入: 'income:business',
  上级补助收入: 'income:superiorSubsidy', 附属单位上缴收入: 'income:subordinate',
  其他收入: 'income:other', 其他资金: 'income:other',
  本年收入合计: 'incomeTotal', 当年收入小计: 'incomeTotal', 本年收入小计: 'incomeTotal', 收入预算合计: 'incomeTotal',
  上年结转: 'carryoverBegin', 上年结转资金: 'carryoverBegin', 上年结转和结余: 'carryoverBegin', 上年结转结余: 'carryoverBegin',
  年初结转和结余: 'carryoverBegin', 用事业基金弥补收支差额: 'useNonFiscalSurplus',
  收入总计: 'grandTotal', 支出总计: 'grandTotal', 总计: 'grandTotal', 收入合计: 'grandTotal', 支出合计: 'grandTotal',
  本年支出合计: 'expenditureTotal', 当年支出小计: 'expenditureTotal', 本年支出小计: 'expenditureTotal', 支出预算合计: 'expenditureTotal',
  结转下年: 'carryoverEnd', 结转下年资金: 'carryoverEnd', 年末结转和结余: 'carryoverEnd',
  基本支出: 'expenditure:basic', 项目支出: 'expenditure:project', 单位预留机动经费: 'expenditure:reserve',
  事业单位经营支出: 'expenditure:business', 上缴上级支出: 'expenditure:remittance', 对附属单位补助支出: 'expenditure:subsidy',
};

const CODE_FORMS_3 = [{ variant: 'budget:national', columns: ['total', 'basic', 'project'] }];

export const BUDGET_TABLES: readonly TableDef[] = [
  {
    key: 'T01', kind: 'budget', title: '收支预算总表', shape: 'two-sided',
    titles: {
      收支预算总表: 'budget:national', 财务收支预算总表: 'budget:shanghai', 部门收支总表: 'budget:national', 收入支出预算总表: 'budget:national',
      部门收支预算总表: 'budget:national', 单位收支总表: 'budget:national', 收支总表: 'budget:national',
    },
    columnRules: [AMOUNT],
    forms: [{ variant: 'budget:national', columns: ['amount'] }],
    rows: BUDGET_SUMMARY_ROWS,
  },
  {
    key: 'T02', kind: 'budget', title: '收入预算总表', shape: 'code-rows',
    titles: { 收入预算总表: 'budget:national', 部门收入总表: 'budget:national', 单位收入总表: 'budget:national', 收入预算表: 'budget:national', 收入总表: 'budget:national' },
    columnRules: INCOME_RULES,
    forms: [
      { variant: 'budget:shanghai', columns: ['total', 'fiscal', 'operational', 'business', 'other'] },
      { variant: 'budget:national', columns: ['total'] },
    ],
  },
  {
    key: 'T03', kind: 'budget', title: '支出预算总表', shape: 'code-rows',
    titles: { 支出预算总表: 'budget:national', 部门支出总表: 'budget:national', 单位支出总表: 'budget:national', 支出总表: 'budget:national' },
    columnRules: EXPENDITURE_RULES,
    forms: [...CODE_FORMS_3, { variant: 'budget:jiangsu', columns: ['total', 'basic', 'project', 'reserve', 'carryoverEnd'] }],
  },
  {
    key: 'T04', kind: 'budget', title: '财政拨款收支预算总表', shape: 'two-sided',
    titles: {
      财政拨款收支预算总表: 'budget:national', 财政拨款收支总表: 'budget:national', 财政拨款收入支出预算总表: 'budget:national', 财政拨款收支预算表: 'budget:national',
    },
    columnRules: FISCAL_RULES,
    forms: [{ variant: 'budget:national', columns: ['total', 'generalBudget', 'governmentFund', 'stateCapital'] }],
    rows: BUDGET_SUMMARY_ROWS,
  },
  {
    key: 'T05', kind: 'budget', title: '一般公共预算支出功能分类预算表', shape: 'code-rows',
    titles: {
      一般公共预算支出功能分类预算表: 'budget:shanghai', 一般公共预算支出预算表: 'budget:jiangsu', 一般公共预算支出表: 'budget:national',
      一般公共预算财政拨款支出功能分类预算表: 'budget:national', 一般公共预算拨款支出预算表: 'budget:national', 一般公共预算支出功能分类表: 'budget:national',
    },
    columnRules: EXPENDITURE_RULES,
    forms: [...CODE_FORMS_3, { variant: 'budget:single', columns: ['total'] }],
  },
  {
    key: 'T06', kind: 'budget', title: '一般公共预算基本支出部门预算经济分类预算表', shape: 'economic-blocks',
    titles: {
      一般公共预算基本支出部门预算经济分类预算表: 'budget:shanghai', 一般公共预算基本支出经济分类预算表: 'budget:national',
      一般公共预算基本支出预算表: 'budget:jiangsu', 一般公共预算基本支出表: 'budget:national', 一般公共预算财政拨款基本支出预算表: 'budget:national',
    },
    columnRules: [r('personnel', /人员经费/, '人员经费'), r('public', /公用经费/, '公用经费'), r('amount', /预算数|金额|合计|小计/, '合计')],
    forms: [{ variant: 'budget:national', columns: ['amount'] }, { variant: 'budget:by-code', columns: ['amount', 'personnel', 'public'] }],
  },
  {
    key: 'T07', kind: 'budget', title: '政府性基金预算支出功能分类预算表', shape: 'code-rows',
    titles: {
      政府性基金预算支出功能分类预算表: 'budget:shanghai', 政府性基金支出预算表: 'budget:jiangsu', 政府性基金预算支出表: 'budget:national',
      政府性基金预算支出预算表: 'budget:national', 财政拨款政府性基金支出预算表: 'budget:jiangsu', 政府性基金财政拨款支出预算表: 'budget:jiangsu',
      政府性基金预算财政拨款支出预算表: 'budget:national', 政府性基金预算财政拨款支出表: 'budget:national',
    },
    columnRules: EXPENDITURE_RULES,
    forms: [...CODE_FORMS_3, { variant: 'budget:single', columns: ['total'] }],
  },
  {
    key: 'T08', kind: 'budget', title: '国有资本经营预算支出功能分类预算表', shape: 'code-rows',
    titles: {
      国有资本经营预算支出功能分类预算表: 'budget:shanghai', 国有资本经营预算支出表: 'budget:national', 国有资本经营预算支出预算表: 'budget:national',
      国有资本经营预算财政拨款支出预算表: 'budget:national', 国有资本经营预算财政拨款支出表: 'budget:national',
    },
    columnRules: EXPENDITURE_RULES,
    forms: [...CODE_FORMS_3, { variant: 'budget:single', columns: ['total'] }],
  },
  {
    key: 'T09', kind: 'budget', title: '“三公”经费预算表', shape: 'three-public',
    titles: {
      三公经费和机关运行经费预算表: 'budget:shanghai', 三公经费及机关运行经费预算表: 'budget:shanghai',
      '三公经费、会议费、培训费支出预算表': 'budget:jiangsu', '一般公共预算三公经费、会议费、培训费支出预算表': 'budget:jiangsu',
      三公经费会议费培训费支出预算表: 'budget:jiangsu', 三公经费支出预算表: 'budget:national', 三公经费预算表: 'budget:national',
      一般公共预算三公经费支出表: 'budget:national', 一般公共预算三公经费支出预算表: 'budget:national', 财政拨款三公经费支出预算表: 'budget:national',
      三公经费预算情况表: 'budget:national',
    },
    columnRules: THREE_PUBLIC_BUDGET_RULES,
    forms: [
      { variant: 'budget:national', columns: THREE_PUBLIC_ITEMS.map((k) => `budget.${k}`) },
      { variant: 'budget:shanghai', columns: ['budget.total', 'budget.abroad', 'budget.reception', 'budget.vehicle', 'budget.vehiclePurchase', 'budget.vehicleOperation', 'budget.operatingExpense'] },
      {
        variant: 'budget:jiangsu',
        columns: ['budget.totalAll', 'budget.total', 'budget.abroad', 'budget.vehicle', 'budget.vehiclePurchase', 'budget.vehicleOperation', 'budget.reception', 'budget.meeting', 'budget.training'],
      },
    ],
  },
];

/** The variant of the other budget tables (read with these generic columns, kept without a key). */
export const BUDGET_OTHER_VARIANT = 'budget:other';

export const BUDGET_OTHER_DEF: TableDef = {
  key: 'T05', kind: 'budget', title: '', shape: 'code-rows', titles: {},
  columnRules: [
    r('operatingExpense', /机关运行经费/, '机关运行经费'),
    r('personnel', /人员经费/, '人员经费'), r('public', /公用经费/, '公用经费'),
    r('basic', /基本支出/, '基本支出'), r('project', /项目支出/, '项目支出'),
    r('total', /合计|总计|小计|金额|预算数/, '合计'),
  ],
  forms: [],
};

/**
 * Titles of the other tables a budget disclosure prints (recognised, read, kept without a key). Compact
 * form (see normalizeTitle); a title ending with one of these is such a table.
 */
export const BUDGET_OTHER_TABLE_TITLES: readonly string[] = [
  '财政拨款支出预算表', '财政拨款基本支出预算表', '财政拨款项目支出预算表', '一般公共预算财政拨款支出预算表',
  '一般公共预算机关运行经费支出预算表', '机关运行经费支出预算表', '机关运行经费预算表',
  '政府采购支出预算表', '政府采购预算表', '政府购买服务预算表', '项目支出预算表',
  '项目支出绩效目标表', '项目绩效目标表', '项目支出绩效目标填报表', '财政项目支出绩效目标填报表', '部门整体支出绩效目标表',
  '整体支出绩效目标表', '绩效目标申报表',
];
