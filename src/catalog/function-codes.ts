/**
 * 支出功能分类 (政府收支分类科目): the catalogue of expenditure function codes — 类 (3 digits),
 * 款 (5) and the 项 (7) departments use — with lookups by code and by 类 name.
 * The list is revised every year; a code missing here is "not in the catalogue", not an error.
 */
import type { CodeLevel } from '../model/index.js';
import { codeLevel, compareCodeName, normalizeCodeName, type CodeTuple, type NameMatch } from './code-names.js';
import { FUNCTION_CODES_201_209 } from './function-codes-201-209.js';
import { FUNCTION_CODES_210_234 } from './function-codes-210-234.js';

export { codeLevel, splitFunctionCode, joinCodeParts, normalizeCodeName, compareCodeName } from './code-names.js';
export type { NameMatch } from './code-names.js';

/** Year of the 政府收支分类科目 list the names follow; aliases cover names of 2019–2023. */
export const FUNCTION_CODE_LIST_YEAR = 2024;

export interface FunctionCode {
  code: string;
  name: string;
  level: CodeLevel;
  /** Names the same code carried in earlier lists (or common official variants). */
  aliases?: string[];
}

const ALL: readonly CodeTuple[] = [...FUNCTION_CODES_201_209, ...FUNCTION_CODES_210_234];

const BY_CODE: ReadonlyMap<string, FunctionCode> = buildIndex(ALL);

function buildIndex(tuples: readonly CodeTuple[]): Map<string, FunctionCode> {
  const map = new Map<string, FunctionCode>();
  for (const [code, name, aliases] of tuples) {
    const level = codeLevel(code);
    if (!level) throw new Error(`catalogue: malformed function code ${code}`);
    if (map.has(code)) throw new Error(`catalogue: duplicate function code ${code}`);
    map.set(code, aliases?.length ? { code, name, level, aliases: [...aliases] } : { code, name, level });
  }
  return map;
}

/** The catalogue entry of a function code ('2101501', '21015', '210'), or undefined when not listed. */
export function lookupFunctionCode(code: string): FunctionCode | undefined {
  return BY_CODE.get(code.normalize('NFKC').trim());
}

/** Every catalogue entry, in code order. */
export function allFunctionCodes(): FunctionCode[] {
  return [...BY_CODE.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Direct children of a 类 or 款 in the catalogue, in code order. */
export function functionCodeChildren(code: string): FunctionCode[] {
  const want = code.length === 3 ? 5 : code.length === 5 ? 7 : 0;
  if (!want) return [];
  return allFunctionCodes().filter((c) => c.code.length === want && c.code.startsWith(code));
}

/**
 * Compares a printed name with the catalogue name of its code. Undefined when the code is not in
 * the catalogue.
 */
export function matchFunctionCodeName(code: string, printed: string): NameMatch | undefined {
  const entry = lookupFunctionCode(code);
  return entry ? compareCodeName(printed, entry.name, entry.aliases) : undefined;
}

export interface FunctionCategory {
  code: string;
  name: string;
  /** Ordinal in the standard T01/T04 expenditure list ('一' … '二十六'); absent for 类 the form does not list. */
  ordinal?: string;
  /** The label as the standard form prints it: '一、一般公共服务支出'; the bare name when it has no ordinal. */
  label: string;
  aliases?: string[];
}

/** 类 that the standard 部门决算 T01/T04 lists, in order (二十六 lines). */
const T01_CATEGORY_CODES = [
  '201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '217',
  '219', '220', '221', '222', '223', '224', '229', '231', '232', '234',
] as const;

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → '一', 10 → '十', 14 → '十四', 26 → '二十六' (1–99). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${CHINESE_DIGITS[n % 10]}`;
}

function buildCategories(): FunctionCategory[] {
  const cats = allFunctionCodes().filter((c) => c.level === 'category');
  return cats.map((c) => {
    const idx = (T01_CATEGORY_CODES as readonly string[]).indexOf(c.code);
    const ordinal = idx >= 0 ? chineseOrdinal(idx + 1) : undefined;
    const label = ordinal ? `${ordinal}、${c.name}` : c.name;
    const base: FunctionCategory = ordinal ? { code: c.code, name: c.name, ordinal, label } : { code: c.code, name: c.name, label };
    return c.aliases ? { ...base, aliases: c.aliases } : base;
  });
}

/** Every 类 of the list in code order (201 … 234), with the T01 ordinal label where the form lists it. */
export const FUNCTION_CATEGORIES: readonly FunctionCategory[] = buildCategories();

const CATEGORY_BY_NAME: ReadonlyMap<string, string> = new Map(
  FUNCTION_CATEGORIES.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((n) => [normalizeCodeName(n), c.code] as const)),
);

/**
 * The 类 code of a printed 类 name: tolerant to an ordinal ('九、'), a '（类）' suffix, spaces and
 * bracket forms and a dropped '支出' (卫生健康 → 210); accepts earlier names (医疗卫生与计划生育支出 → 210).
 * Undefined when not a 类 name.
 */
export function functionCategoryByName(name: string): string | undefined {
  const n = normalizeCodeName(name);
  if (!n) return undefined;
  const exact = CATEGORY_BY_NAME.get(n);
  // '卫生健康' for 卫生健康支出; short words ('其他', '国防') are too ambiguous to complete.
  return exact ?? (n.length >= 4 && !n.endsWith('支出') ? CATEGORY_BY_NAME.get(`${n}支出`) : undefined);
}

