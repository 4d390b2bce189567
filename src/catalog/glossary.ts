/**
 * The glossary: every domain term the project uses, Chinese → English identifier (domain.md §7
 * and the terms of the forms, the 情况说明 and the performance tables). Identifiers are used for
 * row/column/fact keys; aliases are other printed forms of the same term.
 */
import { normalizeCodeName } from './code-names.js';

export interface GlossaryTerm {
  zh: string;
  id: string;
  aliases?: readonly string[];
}

type T = readonly [zh: string, id: string, aliases?: readonly string[]];

const MONEY: readonly T[] = [
  ['本年收入合计', 'incomeTotal', ['本年收入']], ['本年支出合计', 'expenditureTotal', ['本年支出']],
  ['年初结转和结余', 'carryoverBegin', ['年初财政拨款结转和结余']], ['年末结转和结余', 'carryoverEnd', ['年末财政拨款结转和结余']],
  ['总计', 'grandTotal'], ['合计', 'total'], ['小计', 'subtotal'],
  ['财政拨款收入', 'fiscalIncome', ['财政拨款']], ['一般公共预算财政拨款', 'generalBudget', ['一般公共预算']],
  ['一般公共预算财政拨款收入', 'generalBudgetIncome'], ['一般公共预算财政拨款支出', 'generalBudgetExpenditure'],
  ['一般公共预算财政拨款年初预算数', 'generalBudgetInitialBudget', ['一般公共预算财政拨款年初预算']],
  ['政府性基金预算', 'governmentFund', ['政府性基金预算财政拨款', '政府性基金预算财政拨款收入']],
  ['国有资本经营预算', 'stateCapital', ['国有资本经营预算财政拨款', '国有资本经营预算财政拨款收入']],
  ['上级补助收入', 'superiorSubsidyIncome'], ['事业收入', 'operationalIncome'], ['教育收费', 'educationFees'],
  ['经营收入', 'businessIncome'], ['附属单位上缴收入', 'subordinateRemittance'], ['其他收入', 'otherIncome'],
  ['使用非财政拨款结余', 'nonFiscalSurplusUsed', ['使用非财政拨款结余（含专用结余）']], ['结余分配', 'surplusDistribution'],
  ['基本支出', 'basicExpenditure'], ['项目支出', 'projectExpenditure'], ['上缴上级支出', 'remittanceToSuperior'],
  ['经营支出', 'businessExpenditure'], ['对附属单位补助支出', 'subsidyToSubordinates'],
  ['人员经费', 'personnelExpense'], ['公用经费', 'publicExpense'], ['人员经费合计', 'personnelExpenseTotal'],
  ['公用经费合计', 'publicExpenseTotal'], ['机关运行经费', 'operatingExpense'],
  ['预算数', 'budget'], ['决算数', 'actual', ['决算统计数']], ['上年决算数', 'priorActual'],
  ['年初预算数', 'initialBudget', ['年初预算']], ['全年预算数', 'annualBudget', ['调整预算数']], ['全年执行数', 'executed'],
  ['执行率', 'executionRate'], ['完成率', 'completionRate'],
];

const CLASSIFICATION: readonly T[] = [
  ['支出功能分类', 'functionClass', ['支出功能分类科目']], ['经济分类', 'economicClass', ['部门预算支出经济分类', '支出经济分类']],
  ['类', 'category'], ['款', 'section'], ['项', 'item'], ['科目编码', 'code'], ['科目名称', 'codeName'],
  ['项目', 'label'], ['行次', 'lineNo'], ['栏次', 'columnNo'], ['金额单位', 'unit'],
];

const TABLES: readonly T[] = [
  ['收入支出决算总表', 'incomeExpenditureSummary'], ['收入决算表', 'incomeStatement'], ['支出决算表', 'expenditureStatement'],
  ['财政拨款收入支出决算总表', 'fiscalIncomeExpenditureSummary'],
  ['一般公共预算财政拨款支出决算表', 'generalBudgetExpenditureTable', ['一般公共预算财政拨款收入支出决算表']],
  ['一般公共预算财政拨款基本支出决算表', 'generalBudgetBasicExpenditureTable', ['一般公共预算财政拨款基本支出决算明细表']],
  ['政府性基金预算财政拨款收入支出决算表', 'governmentFundIncomeExpenditure'],
  ['国有资本经营预算财政拨款支出决算表', 'stateCapitalExpenditure', ['国有资本经营预算财政拨款收入支出决算表']],
  ['财政拨款“三公”经费支出决算表', 'threePublicExpenditure', ['“三公”经费支出决算表', '一般公共预算财政拨款“三公”经费支出决算表']],
  ['项目支出绩效自评表', 'projectSelfEvaluation'], ['部门整体支出绩效自评表', 'departmentSelfEvaluation'],
];

const THREE_PUBLIC: readonly T[] = [
  ['三公经费', 'threePublic', ['“三公”经费', '“三公”经费支出']], ['因公出国（境）费', 'abroad', ['因公出国（境）费用']],
  ['公务用车购置及运行维护费', 'vehicle', ['公务用车购置及运行费']], ['公务用车购置费', 'vehiclePurchase'],
  ['公务用车运行维护费', 'vehicleOperation', ['公务用车运行费']], ['公务接待费', 'reception'],
  ['因公出国（境）团组数', 'abroadGroups', ['团组数']], ['因公出国（境）人次', 'abroadPersons'],
  ['公务用车购置数', 'vehiclesPurchased'], ['公务用车保有量', 'vehiclesHeld', ['保有量']],
  ['国内公务接待批次', 'receptionBatches', ['接待批次']], ['国内公务接待人次', 'receptionPersons', ['接待人次']],
  ['外事接待', 'foreignReception'], ['国（境）外公务接待', 'overseasReception'],
];

const PROCUREMENT_ASSETS: readonly T[] = [
  ['政府采购', 'procurement'], ['政府采购支出总额', 'procurementTotal', ['政府采购支出', '政府采购支出合计']], ['政府采购货物支出', 'procurementGoods', ['货物']],
  ['政府采购工程支出', 'procurementWorks', ['工程']], ['政府采购服务支出', 'procurementServices', ['服务']],
  ['授予中小企业合同金额', 'smeAwarded', ['中小企业']], ['授予小微企业合同金额', 'microAwarded', ['小微企业']],
  ['国有资产占用情况', 'stateAssets', ['国有资产']], ['车辆', 'vehicles'], ['领导干部用车', 'leaderVehicles', ['领导用车']],
  ['机要通信用车', 'confidentialVehicles'], ['应急保障用车', 'emergencyVehicles'], ['执法执勤用车', 'lawEnforcementVehicles'],
  ['特种专业技术用车', 'specialVehicles'], ['离退休干部服务用车', 'retiredCadreVehicles', ['离退休干部用车']],
  ['其他用车', 'otherVehicles'], ['单位价值100万元以上设备', 'equipmentOver1m', ['单价100万元以上设备', '单位价值100万元以上大型设备']],
];

const DOCUMENT: readonly T[] = [
  ['部门决算', 'finalAccounts'], ['部门预算', 'departmentBudget'], ['绩效自评', 'selfEvaluation'],
  ['部门', 'department'], ['单位', 'unitEntity'], ['本级', 'ownOffice'], ['部门职责', 'duties', ['主要职能', '主要职责']],
  ['机构设置', 'organization'], ['人员情况', 'staffing'], ['情况说明', 'explanation'], ['名词解释', 'glossary'],
  ['行政单位', 'administrativeUnit'], ['参照公务员法管理事业单位', 'civilServiceManagedUnit', ['参公单位']],
  ['事业单位', 'publicInstitution'], ['其他需要说明的情况', 'otherMatters'], ['预算绩效管理', 'performanceManagement'],
  ['目录', 'tableOfContents'], ['附表', 'attachedTables'],
];

const PERFORMANCE: readonly T[] = [
  ['项目名称', 'projectName'], ['主管部门', 'supervisingDepartment'], ['实施单位', 'implementer'],
  ['项目资金', 'projectFunds'], ['年度资金总额', 'fundsTotal'], ['当年财政拨款', 'currentFiscal'],
  ['上年结转资金', 'priorCarryover'], ['其他资金', 'otherFunds'], ['年度总体目标', 'annualGoal'],
  ['预期目标', 'expectedGoal'], ['实际完成情况', 'actualCompletion'], ['绩效指标', 'indicators'],
  ['一级指标', 'level1Indicator'], ['二级指标', 'level2Indicator'], ['三级指标', 'level3Indicator'],
  ['产出指标', 'outputIndicator'], ['效益指标', 'benefitIndicator'], ['满意度指标', 'satisfactionIndicator'],
  ['成本指标', 'costIndicator'], ['数量指标', 'quantityIndicator'], ['质量指标', 'qualityIndicator'],
  ['时效指标', 'timelinessIndicator'], ['经济效益指标', 'economicBenefit'], ['社会效益指标', 'socialBenefit'],
  ['生态效益指标', 'ecologicalBenefit'], ['可持续影响指标', 'sustainabilityIndicator'],
  ['服务对象满意度指标', 'beneficiarySatisfaction'], ['指标性质', 'indicatorNature'], ['指标值', 'targetValue', ['年度指标值']],
  ['度量单位', 'measureUnit'], ['实际完成值', 'actualValue'], ['偏差原因分析及改进措施', 'deviationReason', ['偏差原因']],
  ['分值', 'weight'], ['得分', 'score'], ['总分', 'totalScore'], ['自评等级', 'grade'], ['填报时间', 'filledDate'],
  ['定性指标', 'qualitativeIndicator'], ['定量指标', 'quantitativeIndicator'], ['正向指标', 'positiveIndicator'],
  ['反向指标', 'reverseIndicator'],
];

/** The review report (审核意见) a finance bureau sends back, and the input workbook (编制模板). */
const REVIEW: readonly T[] = [
  ['审核意见', 'reviewReport', ['审核意见书']], ['被审核单位', 'reviewedEntity'], ['审核日期', 'reviewDate'], ['审核单位', 'reviewingOffice'],
  ['整改情况', 'rectification', ['整改措施']], ['问题清单', 'findingsList'], ['审核规则及依据', 'ruleAndClause'],
  ['编制模板', 'inputWorkbook', ['决算编制模板', '预算编制模板']], ['填写说明', 'fillingInstructions'],
];

/** Every term, grouped in the order above. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  ...MONEY, ...CLASSIFICATION, ...TABLES, ...THREE_PUBLIC, ...PROCUREMENT_ASSETS, ...DOCUMENT, ...PERFORMANCE, ...REVIEW,
].map(([zh, id, aliases]) => (aliases ? { zh, id, aliases } : { zh, id }));

function buildIndexes(): { byZh: Map<string, string>; byId: Map<string, string> } {
  const byZh = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const t of GLOSSARY) {
    if (byId.has(t.id)) throw new Error(`glossary: duplicate identifier ${t.id}`);
    byId.set(t.id, t.zh);
    for (const zh of [t.zh, ...(t.aliases ?? [])]) {
      const key = normalizeCodeName(zh);
      if (!byZh.has(key)) byZh.set(key, t.id);
    }
  }
  return { byZh, byId };
}

const { byZh: BY_ZH, byId: BY_ID } = buildIndexes();

/** The identifier of a Chinese term as printed ('因公出国(境)费' → 'abroad'), tolerant to brackets, quotes, spaces. */
export function termFor(zh: string): string | undefined {
  return BY_ZH.get(normalizeCodeName(zh));
}

/** The Chinese term of an identifier ('basicExpenditure' → '基本支出'). */
export function zhFor(id: string): string | undefined {
  return BY_ID.get(id);
}
