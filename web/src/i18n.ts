/** Chinese first, English on switch. Keys are English; missing English falls back to Chinese. */
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  appTitle: '决算公开审核', upload: '上传与审核', corpus: '决算库', compare: '对比', compose: '编制',
  dropHere: '把决算文件拖到这里（PDF、Excel、Word、网页或文本），或点击选择', uploading: '正在读取与审核…',
  findings: '审核发现', tables: '决算表', facts: '关键数据', charts: '图表', text: '情况说明', performance: '绩效自评',
  error: '错误', warning: '警告', info: '提示', noFindings: '未发现问题', skippedRules: '未执行的规则',
  entity: '单位', year: '年度', kind: '类型', region: '地区', departmentType: '部门类型', search: '搜索',
  documents: '份文件', open: '打开', evidence: '原文', expected: '应为', line: '行', page: '页',
  incomeStructure: '收入结构', expenditureByFunction: '支出功能分类', threePublic: '“三公”经费 预算与决算',
  performanceScores: '绩效自评：执行率与得分', budget: '预算数', actual: '决算数', executionRate: '执行率', score: '得分',
  byYear: '同一单位跨年度', byEntity: '同一年度跨单位', add: '添加', download: '下载',
  composeHelp: '上传填好的编制模板（Excel）或 JSON 输入，生成完整的决算公开文件。', template: '下载空白模板', format: '格式',
  unreadable: '无法读取', all: '全部', language: 'English', key: '项目', amount: '金额（元）', back: '返回',
  byBudget: '预算与决算（执行率）', totals: '收支总额', difference: '差额（决算−预算）', budgetDocument: '预算文件', actualDocument: '决算文件',
  noPairs: '库中没有同一单位同一年度的预算和决算', budgetTemplate: '下载空白预算模板（部门预算/单位预算）',
};
const en: Partial<typeof zh> = {
  appTitle: 'Final-accounts review', upload: 'Upload & check', corpus: 'Corpus', compare: 'Compare', compose: 'Compose',
  dropHere: 'Drop a disclosure here (PDF, Excel, Word, web page or text), or click to choose', uploading: 'Reading and checking…',
  findings: 'Findings', tables: 'Tables', facts: 'Key figures', charts: 'Charts', text: 'Explanation', performance: 'Performance',
  error: 'Error', warning: 'Warning', info: 'Info', noFindings: 'No findings', skippedRules: 'Rules not run',
  entity: 'Entity', year: 'Year', kind: 'Kind', region: 'Region', departmentType: 'Department type', search: 'Search',
  documents: 'documents', open: 'Open', evidence: 'Printed', expected: 'Expected', line: 'line', page: 'page',
  incomeStructure: 'Income structure', expenditureByFunction: 'Expenditure by function', threePublic: 'Three public: budget vs actual',
  performanceScores: 'Performance: execution and scores', budget: 'Budget', actual: 'Actual', executionRate: 'Execution', score: 'Score',
  byYear: 'One entity across years', byEntity: 'Entities in one year', add: 'Add', download: 'Download',
  composeHelp: 'Upload the filled template (Excel) or a JSON input to compose the complete disclosure.', template: 'Empty template', format: 'Format',
  unreadable: 'Unreadable', all: 'All', language: '中文', key: 'Item', amount: 'Amount (yuan)', back: 'Back',
  byBudget: 'Budget vs actual (execution)', totals: 'Totals', difference: 'Difference (actual − budget)', budgetDocument: 'Budget document', actualDocument: 'Final accounts',
  noPairs: 'No entity has both a budget and final accounts of one year in the corpus', budgetTemplate: 'Empty budget template',
};

export type MessageKey = keyof typeof zh;
export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => {} });

export function useT(): (k: MessageKey) => string {
  const { lang } = useContext(LangContext);
  return (k) => (lang === 'en' ? en[k] ?? zh[k] : zh[k]);
}

/** Names of fact keys, for tables and charts. */
export const FACT_NAMES: Record<string, string> = {
  incomeTotal: '本年收入合计', expenditureTotal: '本年支出合计', carryoverBegin: '年初结转和结余', carryoverEnd: '年末结转和结余',
  grandTotal: '总计', fiscalIncome: '财政拨款收入', generalBudgetIncome: '一般公共预算财政拨款收入', otherIncome: '其他收入',
  basicExpenditure: '基本支出', projectExpenditure: '项目支出', generalBudgetExpenditure: '一般公共预算财政拨款支出',
  generalBudgetInitialBudget: '一般公共预算年初预算', personnelExpense: '人员经费', publicExpense: '公用经费',
  operatingExpense: '机关运行经费', procurementTotal: '政府采购支出',
};

export const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  'final-accounts': { zh: '部门决算', en: 'Final accounts' },
  'performance-self-evaluation': { zh: '绩效自评', en: 'Performance self-evaluation' },
  budget: { zh: '部门预算', en: 'Budget' },
  other: { zh: '其他', en: 'Other' },
};
