/**
 * The input workbook's sheets: one per table in the official column order (the officer fills the
 * 项 rows; parent rows and totals are computed, or, when typed, checked), plus the sheets for what
 * is not a table (basic information, prior-year figures, reasons, 三公 counts, procurement and
 * assets, performance). Shared by the template writer and the reader.
 */

export interface LeafColumn {
  /** Input field; null for a computed column (a formula in the template, a stated total when read). */
  key: string | null;
  label: string;
}

export interface LeafSheet {
  name: string;
  title: string;
  table: 'income' | 'expenditure' | 'generalBudget' | 'governmentFund' | 'stateCapital';
  columns: LeafColumn[];
  /** Computed column key → summed input fields (for the template's formulas and stated-total checks). */
  computed: Record<string, string[]>;
}

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Rows the template prepares with formulas (科目 and the table sheets). */
export const TEMPLATE_ROWS = 120;
/** Rows prepared for free lists (部门概况, 科目名称, 上年 类, 绩效自评 projects). */
export const LIST_ROWS = 40;
/** Rows prepared for performance indicators. */
export const INDICATOR_ROWS = 200;

export const LEAF_SHEETS: LeafSheet[] = [
  {
    name: 'T02 收入决算表', title: '收入决算表', table: 'income',
    columns: [
      { key: null, label: '本年收入合计' }, { key: 'fiscal', label: '财政拨款收入' }, { key: 'superiorSubsidy', label: '上级补助收入' },
      { key: 'operational', label: '事业收入' }, { key: 'educationFees', label: '其中：教育收费' }, { key: 'business', label: '经营收入' },
      { key: 'subordinate', label: '附属单位上缴收入' }, { key: 'other', label: '其他收入' },
    ],
    computed: { total: ['fiscal', 'superiorSubsidy', 'operational', 'business', 'subordinate', 'other'] },
  },
  {
    name: 'T03 支出决算表', title: '支出决算表', table: 'expenditure',
    columns: [
      { key: null, label: '本年支出合计' }, { key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' },
      { key: 'remittance', label: '上缴上级支出' }, { key: 'business', label: '经营支出' }, { key: 'subsidy', label: '对附属单位补助支出' },
    ],
    computed: { total: ['basic', 'project', 'remittance', 'business', 'subsidy'] },
  },
  {
    name: 'T05 一般公共预算财政拨款支出', title: '一般公共预算财政拨款支出决算表', table: 'generalBudget',
    columns: [{ key: null, label: '小计' }, { key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }, { key: 'initialBudget', label: '年初预算数' }],
    computed: { total: ['basic', 'project'] },
  },
  {
    name: 'T07 政府性基金', title: '政府性基金预算财政拨款收入支出决算表', table: 'governmentFund',
    columns: [
      { key: 'carryoverBegin', label: '年初结转和结余' }, { key: 'income', label: '本年收入' }, { key: null, label: '本年支出小计' },
      { key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' },
    ],
    computed: { total: ['basic', 'project'] },
  },
  {
    name: 'T08 国有资本经营', title: '国有资本经营预算财政拨款支出决算表', table: 'stateCapital',
    columns: [{ key: 'income', label: '本年收入' }, { key: null, label: '本年支出合计' }, { key: 'basic', label: '基本支出' }, { key: 'project', label: '项目支出' }],
    computed: { total: ['basic', 'project'] },
  },
];

export const INFO_SHEET = '基本信息';
export const OVERVIEW_SHEET = '部门概况';
export const T06_SHEET = 'T06 基本支出明细';
export const T09_SHEET = 'T09 三公经费';
export const PRIOR_SHEET = '上年数';
export const REASONS_SHEET = '原因说明';
export const OTHER_SHEET = '政府采购及资产';
export const PERF_SHEET = '绩效自评-项目';
export const INDICATOR_SHEET = '绩效自评-指标';
export const NAMES_SHEET = '科目名称';
/** The 项 codes of every table, entered once: the table sheets refer to its rows by formula. */
export const CODES_SHEET = '科目';
/** The T05 column of the reason for an item's 决算数 differing from its 年初预算数 (reasons["completion.<code>"]). */
export const COMPLETION_REASON_LABEL = '决算数与年初预算数差异的主要原因';

/** 基本信息 rows: label → input path (dot-separated) and the allowed words for enums. */
export const INFO_ROWS: { label: string; path: string; choices?: Record<string, string> }[] = [
  { label: '部门（单位）名称', path: 'entity' },
  { label: '年度', path: 'year' },
  { label: '公开范围', path: 'scope', choices: { 部门: 'department', 单位: 'unit', 本级: 'own-office' } },
  { label: '单位类型', path: 'entityKind', choices: { 行政单位: 'administrative', 参照公务员法管理事业单位: 'civil-service-managed', 事业单位: 'public-institution' } },
  { label: '金额单位', path: 'unit', choices: { 元: '元', 万元: '万元' } },
  { label: '表式', path: 'variant', choices: { 全国通用: 'national', '云南2021': 'yunnan-2021', 上海: 'shanghai' } },
  { label: '一般公共预算财政拨款支出年初预算合计', path: 'initialBudgetTotal' },
  { label: '年初结转和结余', path: 'carryover.begin' },
  { label: '使用非财政拨款结余（含专用结余）', path: 'carryover.nonFiscalSurplusUsed' },
  { label: '结余分配', path: 'carryover.surplusDistribution' },
  { label: '年初财政拨款结转和结余：一般公共预算', path: 'carryover.fiscalBegin.generalBudget' },
  { label: '年初财政拨款结转和结余：政府性基金预算', path: 'carryover.fiscalBegin.governmentFund' },
  { label: '年初财政拨款结转和结余：国有资本经营预算', path: 'carryover.fiscalBegin.stateCapital' },
  { label: '机关运行经费（不填则取公用经费）', path: 'operatingExpense' },
  { label: '会议费', path: 'meetingAndTraining.meeting' },
  { label: '上年会议费', path: 'meetingAndTraining.priorMeeting' },
  { label: '培训费', path: 'meetingAndTraining.training' },
  { label: '上年培训费', path: 'meetingAndTraining.priorTraining' },
];

export const PRIOR_ROWS: { label: string; key: string }[] = [
  { label: '上年收支总计', key: 'grandTotal' }, { label: '上年本年收入合计', key: 'incomeTotal' }, { label: '上年本年支出合计', key: 'expenditureTotal' },
  { label: '上年财政拨款收支总计', key: 'fiscalGrandTotal' }, { label: '上年一般公共预算财政拨款支出', key: 'generalBudgetExpenditure' },
  { label: '上年基本支出', key: 'basic' }, { label: '上年项目支出', key: 'project' }, { label: '上年人员经费', key: 'personnel' },
  { label: '上年公用经费', key: 'public' }, { label: '上年机关运行经费', key: 'operatingExpense' },
];

export const THREE_PUBLIC_ROWS: { label: string; key: 'abroad' | 'vehiclePurchase' | 'vehicleOperation' | 'reception' }[] = [
  { label: '因公出国（境）费', key: 'abroad' }, { label: '公务用车购置费', key: 'vehiclePurchase' },
  { label: '公务用车运行维护费', key: 'vehicleOperation' }, { label: '公务接待费', key: 'reception' },
];

export const COUNT_ROWS: { label: string; key: string }[] = [
  { label: '因公出国（境）团组数（个）', key: 'abroadGroups' }, { label: '因公出国（境）人次（人）', key: 'abroadPeople' },
  { label: '公务用车购置数（辆）', key: 'vehiclesPurchased' }, { label: '公务用车保有量（辆）', key: 'vehiclesHeld' },
  { label: '国内公务接待批次（个）', key: 'receptionBatches' }, { label: '国内公务接待人次（人）', key: 'receptionPeople' },
  { label: '其中：外事接待批次（个）', key: 'foreignReceptionBatches' }, { label: '其中：外事接待人次（人）', key: 'foreignReceptionPeople' },
  { label: '国（境）外公务接待批次（个）', key: 'abroadReceptionBatches' }, { label: '国（境）外公务接待人次（人）', key: 'abroadReceptionPeople' },
];

export const OTHER_ROWS: { label: string; path: string }[] = [
  { label: '政府采购货物支出', path: 'procurement.goods' }, { label: '政府采购工程支出', path: 'procurement.works' },
  { label: '政府采购服务支出', path: 'procurement.services' }, { label: '授予中小企业合同金额', path: 'procurement.smeAwarded' },
  { label: '其中：授予小微企业合同金额', path: 'procurement.smallMicroAwarded' },
  { label: '副部（省）级及以上领导用车（辆）', path: 'assets.vehicles.leader' }, { label: '主要领导干部用车（辆）', path: 'assets.vehicles.mainLeader' },
  { label: '机要通信用车（辆）', path: 'assets.vehicles.confidential' }, { label: '应急保障用车（辆）', path: 'assets.vehicles.emergency' },
  { label: '执法执勤用车（辆）', path: 'assets.vehicles.lawEnforcement' }, { label: '特种专业技术用车（辆）', path: 'assets.vehicles.special' },
  { label: '离退休干部用车（辆）', path: 'assets.vehicles.retired' }, { label: '其他用车（辆）', path: 'assets.vehicles.other' },
  { label: '单价100万元（含）以上设备（台/套）', path: 'assets.equipmentOver1m' },
];

export const PERF_COLUMNS: { label: string; path: string }[] = [
  { label: '项目名称', path: 'project' }, { label: '类型（项目/部门整体）', path: 'kind' }, { label: '主管部门', path: 'department' },
  { label: '实施单位', path: 'implementer' },
  { label: '当年财政拨款 年初预算数', path: 'funding.fiscal.initialBudget' }, { label: '当年财政拨款 全年预算数', path: 'funding.fiscal.annualBudget' },
  { label: '当年财政拨款 全年执行数', path: 'funding.fiscal.executed' },
  { label: '上年结转 年初预算数', path: 'funding.carryover.initialBudget' }, { label: '上年结转 全年预算数', path: 'funding.carryover.annualBudget' },
  { label: '上年结转 全年执行数', path: 'funding.carryover.executed' },
  { label: '其他资金 年初预算数', path: 'funding.other.initialBudget' }, { label: '其他资金 全年预算数', path: 'funding.other.annualBudget' },
  { label: '其他资金 全年执行数', path: 'funding.other.executed' },
  { label: '执行率分值', path: 'executionWeight' }, { label: '预期目标', path: 'goals.expected' }, { label: '实际完成情况', path: 'goals.actual' },
  { label: '填报时间（YYYY-MM-DD）', path: 'filledDate' },
];

export const INDICATOR_COLUMNS: { label: string; path: string }[] = [
  { label: '项目名称', path: 'project' }, { label: '一级指标', path: 'level1' }, { label: '二级指标', path: 'level2' },
  { label: '三级指标', path: 'level3' }, { label: '指标性质（>= <= = 定性）', path: 'nature' }, { label: '指标值', path: 'target' },
  { label: '度量单位', path: 'unit' }, { label: '实际完成值', path: 'actual' }, { label: '分值', path: 'weight' },
  { label: '定性指标完成程度（%）', path: 'achievement' }, { label: '偏差原因分析及改进措施', path: 'deviation' },
];
