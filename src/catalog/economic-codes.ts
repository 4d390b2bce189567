/**
 * 支出经济分类科目 (政府收支分类科目, 2018 reform, in force through 2024): 类 (3 digits) and 款
 * (5 digits) of the 部门预算支出经济分类 (3xx, printed by T06: 人员经费 = 301 + 303, 公用经费 = 302 +
 * 307 + 310 + 312 + 399), and the 类 with the better-known 款 of the 政府预算支出经济分类 (5xx), which
 * some regions print instead.
 */
import type { CodeLevel } from '../model/index.js';
import { compareCodeName, normalizeCodeName, section, type CodeTuple, type NameMatch } from './code-names.js';

export const ECONOMIC_CODE_LIST_YEAR = 2024;

const TUPLES: readonly CodeTuple[] = [
  ...section('301', '工资福利支出', {
    '01': '基本工资', '02': '津贴补贴', '03': '奖金', '06': '伙食补助费', '07': '绩效工资',
    '08': '机关事业单位基本养老保险缴费', '09': '职业年金缴费', '10': '职工基本医疗保险缴费',
    '11': '公务员医疗补助缴费', '12': '其他社会保障缴费', '13': '住房公积金', '14': '医疗费',
    '99': '其他工资福利支出',
  }),
  ...section('302', '商品和服务支出', {
    '01': '办公费', '02': '印刷费', '03': '咨询费', '04': '手续费', '05': '水费', '06': '电费', '07': '邮电费',
    '08': '取暖费', '09': '物业管理费', '11': '差旅费', '12': ['因公出国（境）费用', ['因公出国（境）费']],
    '13': '维修（护）费', '14': '租赁费', '15': '会议费', '16': '培训费', '17': '公务接待费', '18': '专用材料费',
    '24': '被装购置费', '25': '专用燃料费', '26': '劳务费', '27': '委托业务费', '28': '工会经费', '29': '福利费',
    '31': '公务用车运行维护费', '39': '其他交通费用', '40': '税金及附加费用', '99': '其他商品和服务支出',
  }),
  ...section('303', '对个人和家庭的补助', {
    '01': '离休费', '02': '退休费', '03': '退职（役）费', '04': '抚恤金', '05': '生活补助', '06': '救济费',
    '07': '医疗费补助', '08': '助学金', '09': '奖励金', '10': '个人农业生产补贴', '11': '代缴社会保险费',
    '99': ['其他对个人和家庭的补助', ['其他对个人和家庭的补助支出']],
  }),
  ...section('307', '债务利息及费用支出', {
    '01': '国内债务付息', '02': '国外债务付息', '03': '国内债务发行费用', '04': '国外债务发行费用',
  }),
  ...section('309', '资本性支出（基本建设）', {
    '01': '房屋建筑物购建', '02': '办公设备购置', '03': '专用设备购置', '05': '基础设施建设', '06': '大型修缮',
    '07': '信息网络及软件购置更新', '08': '物资储备', '13': '公务用车购置', '19': '其他交通工具购置',
    '21': '文物和陈列品购置', '22': '无形资产购置', '99': '其他基本建设支出',
  }),
  ...section('310', '资本性支出', {
    '01': '房屋建筑物购建', '02': '办公设备购置', '03': '专用设备购置', '05': '基础设施建设', '06': '大型修缮',
    '07': '信息网络及软件购置更新', '08': '物资储备', '09': '土地补偿', '10': '安置补助',
    '11': '地上附着物和青苗补偿', '12': '拆迁补偿', '13': '公务用车购置', '19': '其他交通工具购置',
    '21': '文物和陈列品购置', '22': '无形资产购置', '99': '其他资本性支出',
  }),
  ...section('311', '对企业补助（基本建设）', { '01': '资本金注入', '99': '其他对企业补助' }),
  ...section('312', '对企业补助', {
    '01': '资本金注入', '03': '政府投资基金股权投资', '04': '费用补贴', '05': '利息补贴', '99': '其他对企业补助',
  }),
  ...section('313', '对社会保障基金补助', {
    '02': '对社会保险基金补助', '03': '补充全国社会保障基金', '04': '对机关事业单位职业年金的补助',
  }),
  ...section('399', '其他支出', {
    '06': '赠与', '07': '国家赔偿费用支出', '08': '对民间非营利组织和群众性自治组织补贴', '09': '经常性赠与',
    '10': '资本性赠与', '99': '其他支出',
  }),
];

/** 政府预算支出经济分类 (5xx). */
const GOVERNMENT_TUPLES: readonly CodeTuple[] = [
  ...section('501', '机关工资福利支出', {
    '01': '工资奖金津补贴', '02': '社会保障缴费', '03': '住房公积金', '99': '其他工资福利支出',
  }),
  ...section('502', '机关商品和服务支出', {
    '01': '办公经费', '02': '会议费', '03': '培训费', '04': '专用材料购置费', '05': '委托业务费', '06': '公务接待费',
    '07': '因公出国（境）费用', '08': '公务用车运行维护费', '09': '维修（护）费', '99': '其他商品和服务支出',
  }),
  ['503', '机关资本性支出（一）'], ['504', '机关资本性支出（二）'],
  ...section('505', '对事业单位经常性补助', { '01': '工资福利支出', '02': '商品和服务支出', '99': '其他对事业单位补助' }),
  ['506', '对事业单位资本性补助'], ['507', '对企业补助'], ['508', '对企业资本性支出'],
  ...section('509', '对个人和家庭的补助', {
    '01': '社会福利和救助', '02': '助学金', '03': '个人农业生产补贴', '05': '离退休费',
  }),
  ['510', '对社会保障基金补助'], ['511', '债务利息及费用支出'], ['512', '债务还本支出'], ['513', '转移性支出'],
  ['514', '预备费及预留'], ['599', '其他支出'],
];

export interface EconomicCode {
  code: string;
  name: string;
  level: CodeLevel;
  aliases?: string[];
}

const BY_CODE: ReadonlyMap<string, EconomicCode> = new Map(
  [...TUPLES, ...GOVERNMENT_TUPLES].map(([code, name, aliases]) => {
    const level: CodeLevel = code.length === 3 ? 'category' : 'section';
    const entry: EconomicCode = aliases?.length ? { code, name, level, aliases: [...aliases] } : { code, name, level };
    return [code, entry] as const;
  }),
);

/** The catalogue entry of an economic code ('30217', '302'), or undefined when not listed. */
export function lookupEconomicCode(code: string): EconomicCode | undefined {
  return BY_CODE.get(code.normalize('NFKC').trim());
}

/** Every economic code, in code order. */
export function allEconomicCodes(): EconomicCode[] {
  return [...BY_CODE.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The 类 (3-digit) codes of the 部门预算支出经济分类 (301 … 399) in order. */
export const ECONOMIC_CATEGORIES: readonly EconomicCode[] = allEconomicCodes().filter((c) => c.level === 'category' && c.code.startsWith('3'));

/** The 类 (3-digit) codes of the 政府预算支出经济分类 (501 … 599) in order. */
export const GOVERNMENT_ECONOMIC_CATEGORIES: readonly EconomicCode[] = allEconomicCodes().filter((c) => c.level === 'category' && c.code.startsWith('5'));

/** 类 of 人员经费 and of 公用经费 in the T06 form. */
export const PERSONNEL_ECONOMIC_CATEGORIES: readonly string[] = ['301', '303'];
export const PUBLIC_ECONOMIC_CATEGORIES: readonly string[] = ['302', '307', '309', '310', '311', '312', '313', '399'];

/** 类 name → code; the 部门 list wins where both lists use a name (对个人和家庭的补助 → 303). */
const CATEGORY_BY_NAME: ReadonlyMap<string, string> = new Map(
  [...GOVERNMENT_ECONOMIC_CATEGORIES, ...ECONOMIC_CATEGORIES].map((c) => [normalizeCodeName(c.name), c.code] as const),
);

/** The 类 code of a printed economic 类 name ('工资福利支出' → '301', '机关工资福利支出' → '501'), tolerant to brackets and spacing. */
export function economicCategoryByName(name: string): string | undefined {
  return CATEGORY_BY_NAME.get(normalizeCodeName(name));
}

/** Compares a printed name with the catalogue name of an economic code; undefined when unknown. */
export function matchEconomicCodeName(code: string, printed: string): NameMatch | undefined {
  const entry = lookupEconomicCode(code);
  return entry ? compareCodeName(printed, entry.name, entry.aliases) : undefined;
}
