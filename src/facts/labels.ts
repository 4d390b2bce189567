/**
 * Chinese names of the fact keys (comparisons in the web UI and exports): fact keys ('incomeTotal'),
 * function classes ('fn:208' → '208 社会保障和就业支出') and “三公” figures ('threePublic.actual.abroad'
 * → '“三公”经费决算·因公出国（境）费'), from the glossary and the 科目 catalogue — never the raw key.
 */
import { allFunctionCodes, lookupFunctionCode } from '../catalog/function-codes.js';
import { zhFor } from '../catalog/glossary.js';

const AMOUNT_NAMES: Record<string, string> = {
  generalBudgetInitialBudget: '一般公共预算财政拨款年初预算数',
  procurementTotal: '政府采购支出',
  operatingExpense: '机关运行经费',
};

const THREE_PUBLIC: Record<string, string> = {
  total: '合计', abroad: '因公出国（境）费', vehicle: '公务用车购置及运行维护费', vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费', reception: '公务接待费',
};

/** The Chinese name of one comparison key; the key itself only when nothing names it. */
export function factLabel(key: string): string {
  const fn = /^fn:(\d{3,7})$/.exec(key);
  if (fn) {
    const c = lookupFunctionCode(fn[1]!);
    return c ? `${c.code} ${c.name}` : `${fn[1]} 支出功能分类`;
  }
  const tp = /^threePublic\.(budget|actual)\.(\w+)$/.exec(key);
  if (tp) return `“三公”经费${tp[1] === 'budget' ? '预算' : '决算'}·${THREE_PUBLIC[tp[2]!] ?? tp[2]}`;
  return AMOUNT_NAMES[key] ?? zhFor(key) ?? key;
}

export function factLabels(keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, factLabel(k)]));
}

/** 类-level function classes of the catalogue: code → name ('208' → '社会保障和就业支出'). */
export function functionClassNames(): Record<string, string> {
  return Object.fromEntries(allFunctionCodes().filter((c) => c.code.length === 3).map((c) => [c.code, c.name]));
}
