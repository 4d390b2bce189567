/** Inputs the tests share: the examples and a small department. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComposeInputDraft } from '../input-schema.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');
export const exampleInputs = (): { name: string; input: ComposeInputDraft }[] =>
  readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort().map((f) => ({ name: f, input: JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) }));

export const WAN = 1_000_000; // 分 per 万元

export const small: ComposeInputDraft = {
  entity: '某县某局', year: 2024, unit: '万元',
  income: [{ code: '2080505', name: '机关事业单位基本养老保险缴费支出', fiscal: '10.00' }, { code: '2101501', name: '行政运行', fiscal: '100.50', other: '1.25' }],
  expenditure: [{ code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: '10.00' }, { code: '2101501', name: '行政运行', basic: '80.50', project: '21.25' }],
  generalBudget: [{ code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: '10.00' }, { code: '2101501', name: '行政运行', basic: '80.50', project: '20.00' }],
  basicByEconomic: { personnel: [{ code: '30101', amount: '70.00' }], public: [{ code: '30201', amount: '20.50' }] },
};

