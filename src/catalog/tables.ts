/**
 * The nine standard tables of a 部门决算公开: titles and their aliases across years and regions,
 * canonical column keys with the header patterns that print them, the canonical leaf order of each
 * known form, and canonical row keys (T01, T04, T09). Ordinals (公开01表, 表一) are display data only.
 */
import type { Cell, Table, TableKey } from '../model/table.js';
import { BUDGET_OTHER_DEF, BUDGET_OTHER_TABLE_TITLES, BUDGET_OTHER_VARIANT, BUDGET_TABLES, isBudgetVariant } from './budget-tables.js';

export { BUDGET_OTHER_VARIANT, BUDGET_TABLES, isBudgetVariant } from './budget-tables.js';

export type TableShape = 'two-sided' | 'code-rows' | 'economic-blocks' | 'three-public' | 'three-public-legacy';

/** A header pattern → canonical column key. Patterns are tried in order on the compact header path. */
export interface ColumnRule {
  key: string;
  match: RegExp;
  label: string;
}

export interface TableForm {
  /** 'national', 'yunnan-2021', 'three-public-legacy', … */
  variant: string;
  /** Canonical leaf columns (value columns only, left to right) of the printed form. */
  columns: string[];
}

export interface TableDef {
  key: TableKey;
  /** The modern national title. */
  title: string;
  /** Title aliases (compact form, see normalizeTitle) → the variant they announce. */
  titles: Record<string, string>;
  shape: TableShape;
  columnRules: ColumnRule[];
  forms: TableForm[];
  /** 'budget' for the tables of a 部门预算/单位预算 (src/catalog/budget-tables.ts); absent: final accounts. */
  kind?: 'budget';
  /** Row labels of a two-sided table → row key, when they differ from T01_ROWS / T04_ROWS. */
  rows?: Readonly<Record<string, string>>;
}

const r = (key: string, match: RegExp, label: string): ColumnRule => ({ key, match, label });

const T02_RULES = [
  r('operationalEducation', /教育收费/, '其中：教育收费'),
  r('superiorSubsidy', /上级补助/, '上级补助收入'),
  r('subordinate', /附属单位/, '附属单位上缴收入'),
  r('fiscal', /财政拨款/, '财政拨款收入'),
  r('operational', /事业收入/, '事业收入'),
  r('business', /经营收入/, '经营收入'),
  r('other', /其他收入/, '其他收入'),
  r('total', /合计|总计/, '本年收入合计'),
];
const T03_RULES = [
  r('subsidy', /对附属单位补助/, '对附属单位补助支出'),
  r('remittance', /上缴上级/, '上缴上级支出'),
  r('business', /经营支出/, '经营支出'),
  r('basic', /基本支出/, '基本支出'),
  r('project', /项目支出/, '项目支出'),
  r('total', /合计|小计|总计/, '本年支出合计'),
];
/** Columns of the 年初/本年收入/本年支出/年末 forms (T05 older form, T07, T08 older form). */
const FLOW_RULES = [
  r('carryoverBegin.basic', /年初.*基本/, '年初结转和结余/基本支出结转'),
  r('carryoverBegin.project', /年初.*项目/, '年初结转和结余/项目支出结转和结余'),
  r('carryoverBegin.carryover', /年初结转和结余结转$/, '年初结转和结余/结转'),
  r('carryoverBegin.surplus', /年初结转和结余结余$/, '年初结转和结余/结余'),
  r('carryoverBegin', /年初/, '年初结转和结余'),
  r('income.basic', /本年收入.*基本/, '本年收入/基本支出'),
  r('income.project', /本年收入.*项目/, '本年收入/项目支出'),
  r('income', /本年收入/, '本年收入'),
  r('carryoverEnd.basic', /年末.*基本/, '年末结转和结余/基本支出结转'),
  r('carryoverEnd.projectCarryover', /年末.*项目.*项目支出结转$/, '年末结转和结余/项目支出结转'),
  r('carryoverEnd.projectSurplus', /年末.*项目.*项目支出结余$/, '年末结转和结余/项目支出结余'),
  r('carryoverEnd.project', /年末.*项目/, '年末结转和结余/项目支出结转和结余'),
  r('carryoverEnd.carryover', /年末结转和结余结转$/, '年末结转和结余/结转'),
  r('carryoverEnd.surplus', /年末结转和结余结余$/, '年末结转和结余/结余'),
  r('carryoverEnd', /年末/, '年末结转和结余'),
  r('personnel', /人员经费/, '本年支出/基本支出/人员经费'),
  r('public', /公用经费/, '本年支出/基本支出/公用经费'),
  r('basic', /基本支出/, '本年支出/基本支出'),
  r('project', /项目支出/, '本年支出/项目支出'),
  r('total', /合计|小计|总计|本年支出|决算数/, '本年支出/合计'),
];
const T04_EXPENDITURE_RULES = [
  r('generalBudget.basic', /一般公共预算.*基本支出/, '一般公共预算财政拨款/基本支出'),
  r('generalBudget.project', /一般公共预算.*项目支出/, '一般公共预算财政拨款/项目支出'),
  r('governmentFund.basic', /政府性基金.*基本支出/, '政府性基金预算财政拨款/基本支出'),
  r('governmentFund.project', /政府性基金.*项目支出/, '政府性基金预算财政拨款/项目支出'),
  r('generalBudget', /一般公共预算/, '一般公共预算财政拨款'),
  r('governmentFund', /政府性基金/, '政府性基金预算财政拨款'),
  r('stateCapital', /国有资本/, '国有资本经营预算财政拨款'),
  r('total', /合计|小计|总计/, '合计'),
  r('amount', /金额|决算数|本年数/, '金额'),
];
/** 三公 items (without the 预算数/决算数 level), for forms that print 预算数 and 决算数 as rows. */
export const THREE_PUBLIC_ITEMS = [
  r('vehiclePurchase', /购置费$/, '公务用车购置费'),
  r('vehicleOperation', /运行维护费$/, '公务用车运行维护费'),
  r('vehicle', /公务用车.*小计$|公务用车购置及运行维护费$/, '公务用车购置及运行维护费/小计'),
  r('abroad', /因公出国/, '因公出国（境）费'),
  r('reception', /公务接待/, '公务接待费'),
  r('total', /合计$|小计$|总计$/, '合计'),
];
const T09_RULES = [
  ...THREE_PUBLIC_ITEMS.map((x) => r(`budget.${x.key}`, new RegExp(`预算.*(?:${x.match.source})`), `预算数/${x.label}`)),
  ...THREE_PUBLIC_ITEMS.map((x) => r(`actual.${x.key}`, new RegExp(`决算.*(?:${x.match.source})`), `决算数/${x.label}`)),
];
const THREE_PUBLIC_KEYS = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];
/** The 2021 云南 form of T05/T07: 年初结转和结余 | 本年收入 | 本年支出 (基本: 人员/公用) | 年末结转和结余. */
const YUNNAN_FLOW = ['carryoverBegin', 'carryoverBegin.basic', 'carryoverBegin.project', 'income', 'income.basic', 'income.project',
  'total', 'basic', 'personnel', 'public', 'project', 'carryoverEnd', 'carryoverEnd.basic', 'carryoverEnd.project',
  'carryoverEnd.projectCarryover', 'carryoverEnd.projectSurplus'];

export const TABLES: readonly TableDef[] = [
  {
    key: 'T01', title: '收入支出决算总表', shape: 'two-sided',
    titles: { 收入支出决算总表: 'national', 部门收入支出决算总表: 'national', 收支决算总表: 'national' },
    columnRules: [r('amount', /金额|决算数|本年数/, '金额')],
    forms: [{ variant: 'national', columns: ['amount'] }],
  },
  {
    key: 'T02', title: '收入决算表', shape: 'code-rows',
    titles: { 收入决算表: 'national', 部门收入决算表: 'national' },
    columnRules: T02_RULES,
    forms: [
      { variant: 'national', columns: ['total', 'fiscal', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'] },
      { variant: 'national-education', columns: ['total', 'fiscal', 'superiorSubsidy', 'operational', 'operationalEducation', 'business', 'subordinate', 'other'] },
    ],
  },
  {
    key: 'T03', title: '支出决算表', shape: 'code-rows',
    titles: { 支出决算表: 'national', 部门支出决算表: 'national' },
    columnRules: T03_RULES,
    forms: [{ variant: 'national', columns: ['total', 'basic', 'project', 'remittance', 'business', 'subsidy'] }],
  },
  {
    key: 'T04', title: '财政拨款收入支出决算总表', shape: 'two-sided',
    titles: { 财政拨款收入支出决算总表: 'national', 财政拨款收支决算总表: 'national' },
    columnRules: T04_EXPENDITURE_RULES,
    forms: [{ variant: 'national', columns: ['total', 'generalBudget', 'governmentFund', 'stateCapital'] }],
  },
  {
    key: 'T05', title: '一般公共预算财政拨款支出决算表', shape: 'code-rows',
    titles: {
      一般公共预算财政拨款支出决算表: 'national',
      一般公共预算财政拨款支出决算明细表: 'national',
      一般公共预算支出决算表: 'national',
      一般公共预算财政拨款收入支出决算表: 'yunnan-2021',
    },
    columnRules: FLOW_RULES,
    forms: [
      { variant: 'national', columns: ['total', 'basic', 'project'] },
      { variant: 'yunnan-2021', columns: YUNNAN_FLOW },
      { variant: 'yunnan-2021-short', columns: YUNNAN_FLOW.slice(0, 14) },
    ],
  },
  {
    key: 'T06', title: '一般公共预算财政拨款基本支出决算表', shape: 'economic-blocks',
    titles: {
      一般公共预算财政拨款基本支出决算表: 'national',
      一般公共预算财政拨款基本支出决算明细表: 'national',
      一般公共预算基本支出决算表: 'national',
      一般公共预算基本支出决算明细表: 'national',
      一般公共预算财政拨款基本支出决算表经济分类: 'national',
    },
    columnRules: [r('personnel', /人员经费/, '人员经费'), r('public', /公用经费/, '公用经费'), r('amount', /决算数|金额|合计/, '决算数')],
    forms: [{ variant: 'national', columns: ['amount'] }, { variant: 'by-code', columns: ['amount', 'personnel', 'public'] }],
  },
  {
    key: 'T07', title: '政府性基金预算财政拨款收入支出决算表', shape: 'code-rows',
    titles: { 政府性基金预算财政拨款收入支出决算表: 'national', 政府性基金预算财政拨款支出决算表: 'national' },
    columnRules: FLOW_RULES,
    forms: [
      { variant: 'national', columns: ['carryoverBegin', 'income', 'total', 'basic', 'project', 'carryoverEnd'] },
      { variant: 'yunnan-2021', columns: YUNNAN_FLOW },
    ],
  },
  {
    key: 'T08', title: '国有资本经营预算财政拨款支出决算表', shape: 'code-rows',
    titles: { 国有资本经营预算财政拨款支出决算表: 'national', 国有资本经营预算财政拨款收入支出决算表: 'with-carryover' },
    columnRules: FLOW_RULES,
    forms: [
      { variant: 'national', columns: ['total', 'basic', 'project'] },
      {
        variant: 'with-carryover',
        columns: ['carryoverBegin', 'carryoverBegin.carryover', 'carryoverBegin.surplus', 'income', 'total',
          'carryoverEnd', 'carryoverEnd.carryover', 'carryoverEnd.surplus'],
      },
    ],
  },
  {
    key: 'T09', title: '财政拨款“三公”经费支出决算表', shape: 'three-public',
    titles: {
      财政拨款三公经费支出决算表: 'national',
      一般公共预算财政拨款三公经费支出决算表: 'national',
      三公经费支出决算表: 'national',
      财政拨款三公经费支出决算情况表: 'national',
      '三公经费、行政参公单位机关运行经费情况表': 'three-public-legacy',
      三公经费行政参公单位机关运行经费情况表: 'three-public-legacy',
      三公经费及机关运行经费情况表: 'three-public-legacy',
    },
    columnRules: T09_RULES,
    forms: [
      { variant: 'national', columns: [...THREE_PUBLIC_KEYS.map((k) => `budget.${k}`), ...THREE_PUBLIC_KEYS.map((k) => `actual.${k}`)] },
      { variant: 'actual-only', columns: THREE_PUBLIC_KEYS.map((k) => `actual.${k}`) },
    ],
  },
];

/**
 * The definition of a standard table: the budget one when `variant` is a budget variant (every budget
 * title announces one, see BUDGET_VARIANT), else the final-accounts one.
 */
export function tableDef(key: TableKey, variant?: string): TableDef {
  if (variant === BUDGET_OTHER_VARIANT) return BUDGET_OTHER_DEF;
  if (isBudgetVariant(variant)) return BUDGET_TABLES.find((t) => t.key === key)!;
  return TABLES.find((t) => t.key === key)!;
}

/** Compact form of a title for matching: NFKC, no spaces, no quotes or book-title marks. */
export function normalizeTitle(text: string): string {
  return text.normalize('NFKC').replace(/[\s“”"'‘’「」『』《》〈〉]/g, '');
}

/** Every (alias, table, variant), longest alias first (so that 财政拨款收入支出决算总表 wins over 支出决算表). */
export const TITLE_ALIASES: readonly { alias: string; key: TableKey; variant: string }[] = [...TABLES, ...BUDGET_TABLES].flatMap((t) =>
  Object.entries(t.titles).map(([alias, variant]) => ({ alias: normalizeTitle(alias), key: t.key, variant })),
).sort((a, b) => b.alias.length - a.alias.length);

/**
 * Titles of tables that are not among the nine but look like them (宁夏 2021 adds a project-expenditure
 * table; performance tables follow the nine). They end a standard table and are never one.
 */
export const OTHER_TABLE_TITLES: readonly string[] = [
  '一般公共预算财政拨款项目支出决算表', '项目支出决算表', '政府采购情况表', '政府采购支出表', '机关运行经费支出表',
  '国有资产占用情况表', '绩效自评表', '绩效评价基础数据表', '绩效目标表', '部门整体支出绩效', '项目支出绩效',
  ...BUDGET_OTHER_TABLE_TITLES,
];

/** T01 row labels (compact, ordinal removed) → key; side follows from the column the label is in. */
export const T01_ROWS: Readonly<Record<string, string>> = {
  一般公共预算财政拨款收入: 'income:generalBudget', 一般公共预算财政拨款: 'income:generalBudget',
  财政拨款收入: 'income:fiscal', 政府性基金预算财政拨款收入: 'income:governmentFund',
  政府性基金预算财政拨款: 'income:governmentFund', 国有资本经营预算财政拨款收入: 'income:stateCapital',
  国有资本经营预算财政拨款: 'income:stateCapital', 上级补助收入: 'income:superiorSubsidy', 事业收入: 'income:operational',
  经营收入: 'income:business', 附属单位上缴收入: 'income:subordinate', 其他收入: 'income:other',
  本年收入合计: 'incomeTotal', 收入合计: 'incomeTotal', 使用非财政拨款结余: 'useNonFiscalSurplus',
  使用非财政拨款结余含专用结余: 'useNonFiscalSurplus', 用事业基金弥补收支差额: 'useNonFiscalSurplus',
  年初结转和结余: 'carryoverBegin', 本年支出合计: 'expenditureTotal', 支出合计: 'expenditureTotal',
  结余分配: 'surplusDistribution', 年末结转和结余: 'carryoverEnd', 总计: 'grandTotal', 收入总计: 'grandTotal', 支出总计: 'grandTotal',
  上年结转: 'carryoverBegin', 上年结转和结余: 'carryoverBegin', 本年收入: 'incomeTotal', 本年支出: 'expenditureTotal',
  基本支出: 'expenditure:basic', 项目支出: 'expenditure:project', 上缴上级支出: 'expenditure:remittance',
  经营支出: 'expenditure:business', 对附属单位补助支出: 'expenditure:subsidy',
};

/** T04 row labels → key. Fund lines after 年初/年末 are that carry-over's breakdown (key prefixed). */
export const T04_ROWS: Readonly<Record<string, string>> = {
  一般公共预算财政拨款: 'income:generalBudget', 一般公共预算财政拨款收入: 'income:generalBudget',
  政府性基金预算财政拨款: 'income:governmentFund', 政府性基金预算财政拨款收入: 'income:governmentFund',
  国有资本经营预算财政拨款: 'income:stateCapital', 国有资本经营预算财政拨款收入: 'income:stateCapital',
  本年收入合计: 'incomeTotal', 收入合计: 'incomeTotal', 年初财政拨款结转和结余: 'carryoverBegin', 年初结转和结余: 'carryoverBegin',
  本年支出合计: 'expenditureTotal', 支出合计: 'expenditureTotal', 年末财政拨款结转和结余: 'carryoverEnd',
  年末结转和结余: 'carryoverEnd', 总计: 'grandTotal', 收入总计: 'grandTotal', 支出总计: 'grandTotal',
  上年结转: 'carryoverBegin', 上年结转和结余: 'carryoverBegin', 本年收入: 'incomeTotal', 本年支出: 'expenditureTotal',
};

/** Old 三公 form rows (“三公”经费、行政参公单位机关运行经费情况表) → key (units like （个） removed). */
export const T09_LEGACY_ROWS: Readonly<Record<string, string>> = {
  三公经费支出: 'section:threePublic', 支出合计: 'total', 合计: 'total', '因公出国(境)费': 'abroad',
  公务用车购置及运行维护费: 'vehicle', 公务用车购置费: 'vehiclePurchase', 公务用车运行维护费: 'vehicleOperation',
  公务接待费: 'reception', 国内接待费: 'receptionDomestic', 外事接待费: 'receptionForeignAffairs',
  '国(境)外接待费': 'receptionAbroad', 相关统计数: 'section:counts', '因公出国(境)团组数': 'count.abroadGroups',
  '因公出国(境)人次': 'count.abroadPersons', 公务用车购置数: 'count.vehiclesPurchased', 公务用车保有量: 'count.vehiclesHeld',
  国内公务接待批次: 'count.receptionBatches', 外事接待批次: 'count.foreignAffairsBatches',
  国内公务接待人次: 'count.receptionPersons', 外事接待人次: 'count.foreignAffairsPersons',
  '国(境)外公务接待批次': 'count.abroadReceptionBatches', '国(境)外公务接待人次': 'count.abroadReceptionPersons',
  机关运行经费: 'operatingExpense', 行政单位: 'operatingExpense.admin',
  参照公务员法管理事业单位: 'operatingExpense.civilServantManaged', 参公管理事业单位: 'operatingExpense.civilServantManaged',
};

/** Column headers of the old 三公 form. */
export const T09_LEGACY_COLUMNS = [r('budget', /预算/, '预算数'), r('actual', /决算|统计数|实际/, '决算统计数')];

/** Phrases of a note that says a table has nothing to report (its status is then 'empty'). */
export const EMPTY_TABLE_NOTES: readonly RegExp[] = [
  /本表无数据/, /故本表为空/, /本表为空/, /为空表/, /不涉及/, /没有相关数据/, /无相关数据/, /无此项/, /本表无内容/, /无数据/,
];

/** A catalogue lookup by printed text that never returns inherited properties ('valueOf', 'constructor'). */
export function lookupLabel(table: Readonly<Record<string, string>>, label: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, label) ? table[label] : undefined;
}

/**
 * The cell of `column` in the row with `rowKey` (and `side`), or in the first row that has that
 * column when no row key is given. T09 keys ('actual.reception') are unique within the table in
 * every form, so `findCell(t09, 'actual.reception')` works on the modern, old and transposed forms.
 */
export function findCell(table: Table, column: string, rowKey?: string, side?: string): Cell | undefined {
  for (const row of table.rows) {
    if (rowKey !== undefined && row.key !== rowKey) continue;
    if (side !== undefined && row.side !== side) continue;
    const cell = row.cells[column];
    if (cell) return cell;
  }
  return undefined;
}
