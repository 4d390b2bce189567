/** Inputs the tests share: the examples and a small department. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComposeInputDraft } from '../input-schema.js';
import type { BudgetInputDraft } from '../budget/input-schema.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');
const allExamples = (): { name: string; input: Record<string, unknown> }[] =>
  readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort().map((f) => ({ name: f, input: JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) }));

/** The final-accounts examples (examples/*.json without `kind: "budget"`). */
export const exampleInputs = (): { name: string; input: ComposeInputDraft }[] =>
  allExamples().filter((e) => e.input.kind !== 'budget') as { name: string; input: ComposeInputDraft }[];

/** The budget examples (examples/budget-*.json, `kind: "budget"`). */
export const budgetExampleInputs = (): { name: string; input: BudgetInputDraft }[] =>
  allExamples().filter((e) => e.input.kind === 'budget') as unknown as { name: string; input: BudgetInputDraft }[];

export const WAN = 1_000_000; // 分 per 万元

export const small: ComposeInputDraft = {
  entity: '某县某局', year: 2024, unit: '万元',
  income: [{ code: '2080505', name: '机关事业单位基本养老保险缴费支出', fiscal: '10.00' }, { code: '2101501', name: '行政运行', fiscal: '100.50', other: '1.25' }],
  expenditure: [{ code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: '10.00' }, { code: '2101501', name: '行政运行', basic: '80.50', project: '21.25' }],
  generalBudget: [{ code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: '10.00' }, { code: '2101501', name: '行政运行', basic: '80.50', project: '20.00' }],
  basicByEconomic: { personnel: [{ code: '30101', amount: '70.00' }], public: [{ code: '30201', amount: '20.50' }] },
};

