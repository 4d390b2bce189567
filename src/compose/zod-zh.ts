/**
 * Schema problems of a compose input in Chinese words a finance officer understands ('必填：部门（单位）
 * 名称' rather than 'Invalid input: expected string, received undefined'), naming the field by its
 * printed label. Used for the JSON input and the workbook (where the problem is also placed at a cell).
 */
import type { z } from 'zod';

/** Field labels by the last key of the path (the context key first: 'threePublic.abroad'). */
const LABELS: Record<string, string> = {
  entity: '部门（单位）名称', year: '年度', scope: '公开范围', entityKind: '单位类型', unit: '金额单位', variant: '表式', kind: '公开类型',
  code: '科目代码', name: '科目名称', fiscal: '财政拨款', superiorSubsidy: '上级补助收入', operational: '事业收入', educationFees: '教育收费',
  business: '经营收入/支出', subordinate: '附属单位上缴收入', other: '其他', basic: '基本支出', project: '项目支出', remittance: '上缴上级支出',
  subsidy: '对附属单位补助支出', initialBudget: '年初预算数', carryoverBegin: '年初结转和结余', income: '本年收入', amount: '金额',
  begin: '年初结转和结余', nonFiscalSurplusUsed: '使用非财政拨款结余', surplusDistribution: '结余分配', generalBudget: '一般公共预算',
  governmentFund: '政府性基金预算', stateCapital: '国有资本经营预算', initialBudgetTotal: '年初预算合计', operatingExpense: '机关运行经费',
  abroad: '因公出国（境）费', vehiclePurchase: '公务用车购置费', vehicleOperation: '公务用车运行维护费', reception: '公务接待费',
  meeting: '会议费', training: '培训费', goods: '政府采购货物', works: '政府采购工程', services: '政府采购服务', smeAwarded: '授予中小企业合同金额',
  smallMicroAwarded: '授予小微企业合同金额', equipmentOver1m: '单价100万元以上设备', project_: '项目名称', level1: '一级指标', level2: '二级指标',
  level3: '三级指标', nature: '指标性质', target: '指标值', actual: '实际完成值', weight: '分值', achievement: '完成程度', executionWeight: '执行率分值',
  filledDate: '填报时间', indicators: '绩效指标', expected: '预期目标', duties: '部门职责', organization: '机构设置', reasons: '原因说明',
  grandTotal: '收支总计', incomeTotal: '本年收入合计', expenditureTotal: '本年支出合计', fiscalGrandTotal: '财政拨款收支总计',
  generalBudgetExpenditure: '一般公共预算财政拨款支出', personnel: '人员经费', public: '公用经费', table: '表', column: '列',
};

function label(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys.at(-1);
  if (!last) return undefined;
  if (last === 'project' && keys[0] === 'performance') return LABELS.project_;
  return LABELS[last];
}

const TYPE_WORDS: Record<string, string> = { string: '文字', number: '数字', int: '整数', array: '列表', object: '一组项目', boolean: '是/否' };

function formatWords(issue: z.core.$ZodIssue): string {
  const pattern = 'pattern' in issue ? String(issue.pattern) : '';
  if (pattern.includes('[0-9]{7}')) return '应为 7 位“项”级科目代码，如 2080505';
  if (pattern.includes('[0-9]{5}')) return '应为 5 位经济分类“款”级代码，如 30101';
  if (pattern.includes('[0-9]{3}')) return '应为 3、5 或 7 位科目代码';
  if (pattern.includes('[0-9]{4}-')) return '日期应写成 YYYY-MM-DD，如 2025-03-31';
  if (pattern.includes('[0-9,]*')) return '金额应为数字（可带千分位逗号和小数点），如 2502.70';
  if (pattern.includes('{1,2}')) return '应为数字，最多两位小数';
  return '格式不对';
}

/** One issue in words: '部门（单位）名称：必填，尚未填写'. */
export function zodIssueZh(issue: z.core.$ZodIssue): string {
  const what = label(issue.path);
  let msg: string;
  switch (issue.code) {
    case 'invalid_type':
      msg = /received undefined/.test(issue.message) ? '必填，尚未填写' : `应为${TYPE_WORDS[issue.expected] ?? issue.expected}`;
      break;
    case 'invalid_value':
      msg = `应为以下之一：${issue.values.map(String).join('、')}`;
      break;
    case 'invalid_format':
      msg = formatWords(issue);
      break;
    case 'too_small':
      msg = issue.origin === 'string' ? '不能为空' : issue.origin === 'array' ? `至少填写 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`;
      break;
    case 'too_big':
      msg = issue.origin === 'string' ? `不能超过 ${issue.maximum} 个字` : issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`;
      break;
    case 'unrecognized_keys':
      msg = `不认识的项目：${issue.keys.join('、')}（请对照模板或 schemas/compose-input.schema.json）`;
      break;
    default:
      msg = '填写有误';
  }
  return what ? `${what}：${msg}` : msg;
}
