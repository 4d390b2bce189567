/**
 * Checks a compose input before anything is written: the schema, then amounts and codes, then the
 * figures' consistency, the reasons the template requires and the performance scores. Each problem
 * is located in the input (JSON path, or sheet and cell for a workbook).
 */
import type { z } from 'zod';
import { hasExtraDecimals } from './amounts.js';
import { ComposeInputSchema, type ComposeInput } from './input-schema.js';
import { functionCodeName } from './names.js';
import { jsonPath } from './json-path.js';
import { zodIssueZh } from './zod-zh.js';
import { checkFigures } from './validate-figures.js';
import { isBudgetInput, type BudgetInput } from './budget/input-schema.js';
import { validateBudgetInput } from './budget/validate.js';

export { jsonPath };

export interface ComposeProblem {
  severity: 'error' | 'warning';
  /** JSON path in the input ('$.income[3].fiscal'). */
  path: string;
  message: string;
  /** For a workbook input: the sheet and A1 cell the path was read from. */
  sheet?: string;
  cell?: string;
}

export type Locate = (path: string) => { sheet: string; cell: string } | undefined;

export interface ValidationResult {
  problems: ComposeProblem[];
  /** The parsed input (defaults applied) when the schema accepted it. */
  input?: ComposeInput | BudgetInput;
  ok: boolean;
}


function fromZod(issues: z.core.$ZodIssue[]): ComposeProblem[] {
  return issues.map((i) => ({ severity: 'error', path: jsonPath(i.path), message: zodIssueZh(i) }));
}

const LEAF_TABLES = ['income', 'expenditure', 'generalBudget', 'governmentFund', 'stateCapital'] as const;
const TABLE_NAMES: Record<(typeof LEAF_TABLES)[number], string> = {
  income: '收入决算表', expenditure: '支出决算表', generalBudget: '一般公共预算财政拨款支出决算表', governmentFund: '政府性基金预算财政拨款收入支出决算表', stateCapital: '国有资本经营预算财政拨款支出决算表',
};

/** Every amount string of the input with its path. */
function* amountsOf(value: unknown, path: (string | number)[] = []): Generator<[string, (string | number)[]]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* amountsOf(value[i], [...path, i]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* amountsOf(v, [...path, k]);
  } else if (typeof value === 'string' && /^-?[0-9][0-9,]*(\.[0-9]+)?$/.test(value) && !isTextField(path)) yield [value, path];
}

const TEXT_FIELDS = new Set(['target', 'actual', 'weight', 'executionWeight', 'code', 'name', 'entity', 'filledDate', 'level1', 'level2', 'level3', 'unit', 'deviation']);
function isTextField(path: (string | number)[]): boolean {
  const last = path[path.length - 1];
  if (path[0] === 'reasons' || path[0] === 'functionNames' || path[0] === 'overview' || path[0] === 'otherNotes') return true;
  return typeof last === 'string' && TEXT_FIELDS.has(last) && !(path[0] === 'performance' && path[2] === 'funding');
}

function checkAmounts(input: ComposeInput): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  for (const [s, path] of amountsOf(input)) {
    if (s.trim().startsWith('-')) out.push({ severity: 'error', path: jsonPath(path), message: `负数金额 ${s}：此处金额不能为负` });
    else if (hasExtraDecimals(s)) out.push({ severity: 'warning', path: jsonPath(path), message: `金额 ${s} 超过两位小数，按四舍五入保留到 0.01 ${input.unit}` });
  }
  return out;
}

function checkCodes(input: ComposeInput): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  for (const t of LEAF_TABLES) {
    const seen = new Map<string, number>();
    input[t].forEach((row, i) => {
      const path = jsonPath([t, i, 'code']);
      if (seen.has(row.code)) out.push({ severity: 'error', path, message: `${TABLE_NAMES[t]}中科目 ${row.code} 重复（另见第 ${seen.get(row.code)! + 1} 行）` });
      seen.set(row.code, i);
      for (const code of [row.code.slice(0, 3), row.code.slice(0, 5), row.code]) {
        const n = functionCodeName(code, input.year, input.functionNames, code === row.code ? row.name : undefined);
        if (!n.name) out.push({ severity: 'error', path: code === row.code ? jsonPath([t, i, 'name']) : jsonPath(['functionNames', code]), message: `科目 ${code} 不在科目目录中，也没有填写名称：请填写名称` });
        else if (!n.known && code === row.code) out.push({ severity: 'warning', path, message: `科目 ${code}（${n.name}）不在 ${input.year} 年科目目录中` });
      }
    });
  }
  return out;
}

/** Validates an input (any JSON value): the schema first; the figures only when the schema accepts it. */
export function validateComposeInput(raw: unknown, opts: { locate?: Locate } = {}): ValidationResult {
  const parsed = ComposeInputSchema.safeParse(raw);
  let problems: ComposeProblem[];
  let input: ComposeInput | BudgetInput | undefined;
  if (isBudgetInput(raw)) {
    const b = validateBudgetInput(raw);
    problems = b.problems;
    input = b.input;
  } else if (!parsed.success) problems = fromZod(parsed.error.issues);
  else {
    input = parsed.data;
    const codes = checkCodes(input);
    problems = [...checkAmounts(input), ...codes];
    // Figures are checked unless codes are unusable (duplicates or nameless codes would mislead the sums).
    if (!codes.some((p) => p.severity === 'error')) problems.push(...checkFigures(input));
  }
  if (opts.locate) {
    for (const p of problems) {
      const at = opts.locate(p.path);
      if (at) Object.assign(p, { sheet: at.sheet, cell: at.cell });
    }
  }
  return { problems, ...(input && { input }), ok: !problems.some((p) => p.severity === 'error') };
}

/** One line per problem: '错误 $.income[2].fiscal: …' or '错误 T02 收入!D7: …'. */
export function formatProblems(problems: readonly ComposeProblem[]): string {
  return problems
    .map((p) => `${p.severity === 'error' ? '错误' : '警告'} ${p.sheet ? `${p.sheet}!${p.cell}` : p.path}: ${p.message}`)
    .join('\n');
}
