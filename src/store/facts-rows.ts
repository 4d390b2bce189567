/** Flattens juesuan.facts/1 into (key, 分) rows for comparisons, and back. */
import type { Facts } from '../facts/types.js';

function yuanToFen(y: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(y);
  if (!m) throw new Error(`not a yuan amount: ${y}`);
  const n = Number(m[2]) * 100 + Number(m[3]);
  return m[1] ? -n : n;
}

export function factsToRows(f: Facts): { key: string; fen: number }[] {
  const rows: { key: string; fen: number }[] = [];
  for (const [k, v] of Object.entries(f.amounts)) if (v) rows.push({ key: k, fen: yuanToFen(v) });
  for (const [k, v] of Object.entries(f.expenditureByFunction ?? {})) rows.push({ key: `fn:${k}`, fen: yuanToFen(v) });
  for (const side of ['budget', 'actual'] as const) {
    for (const [k, v] of Object.entries(f.threePublic?.[side] ?? {})) if (v) rows.push({ key: `threePublic.${side}.${k}`, fen: yuanToFen(v) });
  }
  return rows;
}

/** Department type from the entity name: the administrative function its name ends with. */
export function departmentTypeOf(entity: string | undefined): string | null {
  if (!entity) return null;
  const m = /(医疗保障|教育|卫生健康|财政|民政|人力资源和社会保障|公安|司法|交通运输|水利|农业农村|自然资源|住房和城乡建设|生态环境|文化|体育|审计|统计|税务|应急管理|市场监督管理|林业|商务|发展和改革|科学技术|工业和信息化|退役军人事务|人民政府|街道办事处)/.exec(entity);
  if (m) return m[1]!;
  const tail = /([\u4e00-\u9fa5]{2,6}(?:局|委员会|委|办公室|办|中心|院|所|站|馆|政府|街道办事处|镇|乡))$/.exec(entity);
  return tail ? tail[1]! : null;
}

/** Region from the entity name: the administrative area it begins with (…省, …市, …县, …区, …旗). */
export function regionOf(entity: string | undefined): string | null {
  if (!entity) return null;
  const m = /^((?:[\u4e00-\u9fa5]{2,8}?(?:自治区|省|自治州|地区|盟))?(?:[\u4e00-\u9fa5]{1,8}?(?:市|自治县|县|区|旗)))/.exec(entity);
  return m ? m[1]! : null;
}
