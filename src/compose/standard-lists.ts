/**
 * The fixed rows the official forms print whatever the figures: the 类 lines of 收入支出决算总表 and
 * 财政拨款收入支出决算总表, and the economic 类/款 of 基本支出决算明细表. Names are those of the
 * 政府收支分类科目 (2023 edition).
 */

/** 支出功能分类 类 printed on T01/T04, in order (一 … 二十六). */
export const FUNCTION_CLASSES: readonly (readonly [string, string])[] = [
  ['201', '一般公共服务支出'], ['202', '外交支出'], ['203', '国防支出'], ['204', '公共安全支出'],
  ['205', '教育支出'], ['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'], ['211', '节能环保支出'], ['212', '城乡社区支出'], ['213', '农林水支出'],
  ['214', '交通运输支出'], ['215', '资源勘探工业信息等支出'], ['216', '商业服务业等支出'], ['217', '金融支出'],
  ['219', '援助其他地区支出'], ['220', '自然资源海洋气象等支出'], ['221', '住房保障支出'], ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'], ['224', '灾害防治及应急管理支出'], ['229', '其他支出'], ['231', '债务还本支出'],
  ['232', '债务付息支出'], ['234', '抗疫特别国债安排的支出'],
];

/** Other 类 a department may spend on, printed after the standard lines when used. */
export const EXTRA_FUNCTION_CLASSES: Readonly<Record<string, string>> = {
  '209': '社会保险基金支出',
  '230': '转移性支出',
  '233': '债务发行费用支出',
};

export function functionClassName(code: string): string | undefined {
  return FUNCTION_CLASSES.find(([c]) => c === code)?.[1] ?? EXTRA_FUNCTION_CLASSES[code];
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 26 → 二十六. */
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

export type EconomicBlock = 'personnel' | 'public';

/** 部门预算支出经济分类 类 of the basic-expenditure detail table, by block. */
export const ECONOMIC_CLASSES: Readonly<Record<string, { name: string; block: EconomicBlock }>> = {
  '301': { name: '工资福利支出', block: 'personnel' },
  '303': { name: '对个人和家庭的补助', block: 'personnel' },
  '302': { name: '商品和服务支出', block: 'public' },
  '307': { name: '债务利息及费用支出', block: 'public' },
  '310': { name: '资本性支出', block: 'public' },
  '312': { name: '对企业补助', block: 'public' },
  '399': { name: '其他支出', block: 'public' },
};

/** The 款 the national form prints under each 类 (zero rows included). */
export const ECONOMIC_SECTIONS: Readonly<Record<string, string>> = {
  '30101': '基本工资', '30102': '津贴补贴', '30103': '奖金', '30106': '伙食补助费', '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费', '30109': '职业年金缴费', '30110': '职工基本医疗保险缴费',
  '30111': '公务员医疗补助缴费', '30112': '其他社会保障缴费', '30113': '住房公积金', '30114': '医疗费',
  '30199': '其他工资福利支出',
  '30301': '离休费', '30302': '退休费', '30303': '退职（役）费', '30304': '抚恤金', '30305': '生活补助',
  '30306': '救济费', '30307': '医疗费补助', '30308': '助学金', '30309': '奖励金', '30310': '个人农业生产补贴',
  '30311': '代缴社会保险费', '30399': '其他对个人和家庭的补助',
  '30201': '办公费', '30202': '印刷费', '30203': '咨询费', '30204': '手续费', '30205': '水费', '30206': '电费',
  '30207': '邮电费', '30208': '取暖费', '30209': '物业管理费', '30211': '差旅费', '30212': '因公出国（境）费用',
  '30213': '维修（护）费', '30214': '租赁费', '30215': '会议费', '30216': '培训费', '30217': '公务接待费',
  '30218': '专用材料费', '30224': '被装购置费', '30225': '专用燃料费', '30226': '劳务费', '30227': '委托业务费',
  '30228': '工会经费', '30229': '福利费', '30231': '公务用车运行维护费', '30239': '其他交通费用',
  '30240': '税金及附加费用', '30299': '其他商品和服务支出',
  '30701': '国内债务付息', '30702': '国外债务付息',
  '31001': '房屋建筑物购建', '31002': '办公设备购置', '31003': '专用设备购置', '31005': '基础设施建设',
  '31006': '大型修缮', '31007': '信息网络及软件购置更新', '31008': '物资储备', '31009': '土地补偿',
  '31010': '安置补助', '31011': '地上附着物和青苗补偿', '31012': '拆迁补偿', '31013': '公务用车购置',
  '31019': '其他交通工具购置', '31021': '文物和陈列品购置', '31022': '无形资产购置', '31099': '其他资本性支出',
  '31201': '资本金注入', '31203': '政府投资基金股权投资', '31204': '费用补贴', '31205': '利息补贴',
  '31299': '其他对企业补助',
  '39907': '国家赔偿费用支出', '39908': '对民间非营利组织和群众性自治组织补贴', '39909': '经常性赠与',
  '39910': '资本性赠与', '39999': '其他支出',
};

/** 国有资产 vehicle categories, in the template's order. */
export const VEHICLE_LABELS: Readonly<Record<string, string>> = {
  leader: '副部（省）级及以上领导用车',
  mainLeader: '主要领导干部用车',
  confidential: '机要通信用车',
  emergency: '应急保障用车',
  lawEnforcement: '执法执勤用车',
  special: '特种专业技术用车',
  retired: '离退休干部用车',
  other: '其他用车',
};
