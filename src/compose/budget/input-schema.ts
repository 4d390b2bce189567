/**
 * The compose input of a budget disclosure (部门预算 / 单位预算): `kind: "budget"`, the leaf rows
 * (项 of the function classification, 款 of the economic one) of the national budget template's
 * tables, the prior year's budget figures the 编制说明 compares against, and the reasons for changes.
 * Every 类/款 row, total, share and change is computed. Amounts are decimal strings in `unit`.
 */
import { z } from 'zod';
import { AssetsSchema, EconomicRowSchema } from '../input-schema.js';

const amount = z
  .string()
  .regex(/^-?[0-9][0-9,]*(\.[0-9]+)?$/, 'an amount: digits with an optional decimal point, e.g. "2502.70"')
  .describe('amount in the input unit');
const optAmount = amount.optional();
const functionItem = z.string().regex(/^[0-9]{7}$/, 'a 7-digit function code (项), e.g. "2101501"');
const name = z.string().min(1).optional().describe('name as printed; taken from the catalogue when omitted');

export const BudgetIncomeRowSchema = z
  .object({
    code: functionItem,
    name,
    carryover: optAmount.describe('上年结转'),
    generalBudget: optAmount.describe('一般公共预算拨款收入'),
    governmentFund: optAmount.describe('政府性基金预算拨款收入'),
    stateCapital: optAmount.describe('国有资本经营预算拨款收入'),
    specialAccount: optAmount.describe('财政专户管理资金收入'),
    operational: optAmount.describe('事业收入'),
    business: optAmount.describe('事业单位经营收入'),
    superiorSubsidy: optAmount.describe('上级补助收入'),
    subordinate: optAmount.describe('附属单位上缴收入'),
    other: optAmount.describe('其他收入'),
  })
  .strict();

export const BudgetExpenditureRowSchema = z
  .object({
    code: functionItem,
    name,
    basic: optAmount.describe('基本支出'),
    project: optAmount.describe('项目支出'),
    business: optAmount.describe('事业单位经营支出'),
    remittance: optAmount.describe('上缴上级支出'),
    subsidy: optAmount.describe('对附属单位补助支出'),
  })
  .strict();

export const BudgetFundRowSchema = z
  .object({ code: functionItem, name, basic: optAmount.describe('基本支出'), project: optAmount.describe('项目支出') })
  .strict();

const threePublicItems = z
  .object({ abroad: optAmount, vehiclePurchase: optAmount, vehicleOperation: optAmount, reception: optAmount })
  .strict();

export const BudgetPriorSchema = z
  .object({
    grandTotal: optAmount.describe('上年收支预算总计'),
    incomeTotal: optAmount.describe('上年收入预算合计'),
    expenditureTotal: optAmount.describe('上年支出预算合计'),
    fiscalGrandTotal: optAmount.describe('上年财政拨款收支预算总计'),
    generalBudgetExpenditure: optAmount.describe('上年一般公共预算支出预算'),
    byCategory: z.record(z.string().regex(/^[0-9]{3}$/), amount).optional().describe('上年一般公共预算支出预算 by 类'),
    basic: optAmount,
    project: optAmount,
    personnel: optAmount,
    public: optAmount,
    governmentFund: optAmount.describe('上年政府性基金预算支出预算'),
    stateCapital: optAmount.describe('上年国有资本经营预算支出预算'),
    threePublic: threePublicItems.optional(),
    operatingExpense: optAmount,
    procurement: optAmount.describe('上年政府采购预算总额'),
  })
  .strict();

export const BudgetInputSchema = z
  .object({
    schema: z.literal('juesuan.compose-input/1').optional(),
    kind: z.literal('budget').describe('a budget disclosure (部门预算 / 单位预算)'),
    entity: z.string().min(1).describe('部门/单位名称'),
    year: z.number().int().min(2000).max(2100).describe('the budget year'),
    scope: z.enum(['department', 'unit', 'own-office']).default('department').describe('部门预算 / 单位预算 / 本级'),
    entityKind: z.enum(['administrative', 'civil-service-managed', 'public-institution']).default('administrative'),
    unit: z.enum(['元', '万元']).default('万元'),
    overview: z.object({ duties: z.array(z.string()).default([]), organization: z.array(z.string()).default([]) }).strict().default({ duties: [], organization: [] }),
    functionNames: z.record(z.string().regex(/^[0-9]{3}([0-9]{2}){0,2}$/), z.string().min(1)).default({}),
    income: z.array(BudgetIncomeRowSchema).default([]).describe('收入预算总表 leaf rows (项)'),
    expenditure: z.array(BudgetExpenditureRowSchema).default([]).describe('支出预算总表 leaf rows (项)'),
    generalBudget: z.array(BudgetFundRowSchema).default([]).describe('一般公共预算支出功能分类预算表 leaf rows (项)'),
    basicByEconomic: z
      .object({ personnel: z.array(EconomicRowSchema).default([]), public: z.array(EconomicRowSchema).default([]) })
      .strict()
      .default({ personnel: [], public: [] })
      .describe('一般公共预算基本支出 by 经济分类 款: 人员经费 and 公用经费'),
    governmentFund: z.array(BudgetFundRowSchema).default([]).describe('政府性基金预算支出 leaf rows (项)'),
    stateCapital: z.array(BudgetFundRowSchema).default([]).describe('国有资本经营预算支出 leaf rows (项)'),
    fiscalCarryover: z
      .object({ generalBudget: optAmount, governmentFund: optAmount, stateCapital: optAmount })
      .strict()
      .default({})
      .describe('上年结转 of 财政拨款, by budget (part of the 上年结转 column of 收入预算总表)'),
    prior: BudgetPriorSchema.default({}).describe('the prior year\'s budget figures (上年预算数)'),
    reasons: z.record(z.string(), z.string().min(1)).default({}).describe('reasons for changes against the prior-year budget: total, fiscal, generalBudget, threePublic, operatingExpense, …'),
    threePublic: threePublicItems.optional().describe('“三公”经费 预算数 of the budget year'),
    operatingExpense: optAmount.describe('机关运行经费 预算 (defaults to 公用经费 for administrative units)'),
    procurement: z.object({ goods: optAmount, works: optAmount, services: optAmount }).strict().optional().describe('政府采购预算'),
    assets: AssetsSchema.optional(),
    performanceTargets: z.array(z.string()).default([]).describe('预算绩效目标 paragraphs'),
    otherNotes: z.array(z.string()).default([]),
  })
  .strict();

export type BudgetInput = z.output<typeof BudgetInputSchema>;
export type BudgetInputDraft = z.input<typeof BudgetInputSchema>;
export type BudgetIncomeRow = z.output<typeof BudgetIncomeRowSchema>;

/** True for a value that announces itself as a budget input (`kind: "budget"`). */
export function isBudgetInput(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && (raw as { kind?: unknown }).kind === 'budget';
}
