/**
 * The compose input: one JSON document with the leaf figures of a disclosure. Every parent row,
 * total, share, change and score is computed from it; the reasons for changes are the only free
 * text. Amounts are decimal strings in the input's `unit` (元 or 万元).
 */
import { z } from 'zod';

export const COMPOSE_INPUT_SCHEMA_ID = 'juesuan.compose-input/1';

/** A decimal amount in the input unit ("2502.70", "1,877.00"); the sign is allowed where it makes sense. */
const amount = z
  .string()
  .regex(/^-?[0-9][0-9,]*(\.[0-9]+)?$/, 'an amount: digits with an optional decimal point, e.g. "2502.70"')
  .describe('amount in the input unit');
const optAmount = amount.optional();
const functionItem = z.string().regex(/^[0-9]{7}$/, 'a 7-digit function code (项), e.g. "2101501"');
const economicSection = z.string().regex(/^[0-9]{5}$/, 'a 5-digit economic code (款), e.g. "30101"');
const name = z.string().min(1).optional().describe('name as printed; taken from the catalogue when omitted');
const count = z.number().int().min(0);

export const IncomeRowSchema = z
  .object({
    code: functionItem,
    name,
    fiscal: optAmount.describe('财政拨款收入'),
    superiorSubsidy: optAmount.describe('上级补助收入'),
    operational: optAmount.describe('事业收入'),
    educationFees: optAmount.describe('事业收入 其中：教育收费'),
    business: optAmount.describe('经营收入'),
    subordinate: optAmount.describe('附属单位上缴收入'),
    other: optAmount.describe('其他收入'),
  })
  .strict();

export const ExpenditureRowSchema = z
  .object({
    code: functionItem,
    name,
    basic: optAmount.describe('基本支出'),
    project: optAmount.describe('项目支出'),
    remittance: optAmount.describe('上缴上级支出'),
    business: optAmount.describe('经营支出'),
    subsidy: optAmount.describe('对附属单位补助支出'),
  })
  .strict();

export const GeneralBudgetRowSchema = z
  .object({
    code: functionItem,
    name,
    basic: optAmount,
    project: optAmount,
    initialBudget: optAmount.describe('年初预算数 of this 项'),
  })
  .strict();

export const EconomicRowSchema = z.object({ code: economicSection, name, amount }).strict();

export const FundRowSchema = z
  .object({
    code: functionItem,
    name,
    carryoverBegin: optAmount.describe('年初结转和结余'),
    income: optAmount.describe('本年收入'),
    basic: optAmount,
    project: optAmount,
  })
  .strict();

const threePublicItems = z
  .object({ abroad: optAmount, vehiclePurchase: optAmount, vehicleOperation: optAmount, reception: optAmount })
  .strict();

export const ThreePublicSchema = z
  .object({
    budget: threePublicItems.describe('预算数 (全年预算数)'),
    actual: threePublicItems.describe('决算数'),
    counts: z
      .object({
        abroadGroups: count.optional(),
        abroadPeople: count.optional(),
        vehiclesPurchased: count.optional(),
        vehiclesHeld: count.optional(),
        receptionBatches: count.optional(),
        receptionPeople: count.optional(),
        foreignReceptionBatches: count.optional(),
        foreignReceptionPeople: count.optional(),
        abroadReceptionBatches: count.optional(),
        abroadReceptionPeople: count.optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export const PriorYearSchema = z
  .object({
    grandTotal: optAmount.describe('上年收支总计'),
    incomeTotal: optAmount,
    expenditureTotal: optAmount,
    fiscalGrandTotal: optAmount.describe('上年财政拨款收支总计'),
    generalBudgetExpenditure: optAmount.describe('上年一般公共预算财政拨款支出'),
    byCategory: z.record(z.string().regex(/^[0-9]{3}$/), amount).optional().describe('上年支出 by 类'),
    basic: optAmount,
    project: optAmount,
    personnel: optAmount,
    public: optAmount,
    threePublic: threePublicItems.optional(),
    operatingExpense: optAmount,
  })
  .strict();

export const ProcurementSchema = z
  .object({
    goods: optAmount,
    works: optAmount,
    services: optAmount,
    smeAwarded: optAmount.describe('授予中小企业合同金额'),
    smallMicroAwarded: optAmount.describe('其中：授予小微企业合同金额'),
  })
  .strict();

export const VEHICLE_CATEGORIES = ['leader', 'mainLeader', 'confidential', 'emergency', 'lawEnforcement', 'special', 'retired', 'other'] as const;

export const AssetsSchema = z
  .object({
    vehicles: z.object(Object.fromEntries(VEHICLE_CATEGORIES.map((k) => [k, count.optional()])) as Record<(typeof VEHICLE_CATEGORIES)[number], z.ZodOptional<z.ZodNumber>>).strict().default({}),
    equipmentOver1m: count.default(0).describe('单价100万元（含）以上设备 台（套）'),
  })
  .strict();

const fundingLine = z.object({ initialBudget: optAmount, annualBudget: optAmount, executed: optAmount }).strict();

export const IndicatorSchema = z
  .object({
    level1: z.string().min(1),
    level2: z.string().min(1),
    level3: z.string().min(1),
    nature: z.enum(['>=', '<=', '=', 'qualitative']),
    target: z.string().min(1).describe('指标值: a number for >= <= =, text for qualitative'),
    unit: z.string().default(''),
    actual: z.string().min(1),
    weight: z.string().regex(/^[0-9]+(\.[0-9]{1,2})?$/),
    achievement: z.number().min(0).max(100).optional().describe('qualitative: percent of the weight earned (bands 100–80 / 80–60 / 60–0)'),
    deviation: z.string().optional(),
  })
  .strict();

export const PerformanceSchema = z
  .object({
    kind: z.enum(['project', 'department']).default('project'),
    project: z.string().min(1),
    department: z.string().optional(),
    implementer: z.string().optional(),
    funding: z.object({ fiscal: fundingLine, carryover: fundingLine.optional(), other: fundingLine.optional() }).strict(),
    executionWeight: z.string().regex(/^[0-9]+(\.[0-9]{1,2})?$/).default('10'),
    goals: z.object({ expected: z.string(), actual: z.string() }).strict().optional(),
    indicators: z.array(IndicatorSchema).min(1),
    filledDate: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/).optional(),
  })
  .strict();

export const ComposeInputSchema = z
  .object({
    schema: z.literal(COMPOSE_INPUT_SCHEMA_ID).optional(),
    kind: z.literal('final-accounts').optional().describe('final accounts (部门决算), the default; a budget says kind: "budget" (see BudgetInput)'),
    entity: z.string().min(1).describe('部门/单位名称'),
    year: z.number().int().min(2000).max(2100),
    scope: z.enum(['department', 'unit', 'own-office']).default('department'),
    entityKind: z.enum(['administrative', 'civil-service-managed', 'public-institution']).default('administrative')
      .describe('行政单位 / 参照公务员法管理事业单位 / 事业单位 (机关运行经费 applies to the first two)'),
    unit: z.enum(['元', '万元']).default('万元'),
    variant: z.enum(['national', 'yunnan-2021', 'shanghai']).default('national'),
    overview: z.object({ duties: z.array(z.string()).default([]), organization: z.array(z.string()).default([]) }).strict().default({ duties: [], organization: [] }),
    functionNames: z.record(z.string().regex(/^[0-9]{3}([0-9]{2}){0,2}$/), z.string().min(1)).default({})
      .describe('names of 类/款/项 codes the catalogue lacks (or to override it)'),
    income: z.array(IncomeRowSchema).default([]).describe('收入决算表 leaf rows (项)'),
    expenditure: z.array(ExpenditureRowSchema).default([]).describe('支出决算表 leaf rows (项)'),
    generalBudget: z.array(GeneralBudgetRowSchema).default([]).describe('一般公共预算财政拨款支出决算表 leaf rows (项)'),
    basicByEconomic: z
      .object({ personnel: z.array(EconomicRowSchema).default([]), public: z.array(EconomicRowSchema).default([]) })
      .strict()
      .default({ personnel: [], public: [] }),
    governmentFund: z.array(FundRowSchema).default([]),
    stateCapital: z.array(FundRowSchema).default([]),
    carryover: z
      .object({
        begin: optAmount.describe('年初结转和结余'),
        nonFiscalSurplusUsed: optAmount.describe('使用非财政拨款结余'),
        surplusDistribution: optAmount.describe('结余分配'),
        fiscalBegin: z.object({ generalBudget: optAmount, governmentFund: optAmount, stateCapital: optAmount }).strict().default({}),
      })
      .strict()
      .default({ fiscalBegin: {} }),
    statedTotals: z
      .array(
        z.object({
          table: z.enum(['income', 'expenditure', 'generalBudget', 'governmentFund', 'stateCapital']),
          code: z.string().regex(/^([0-9]{3}|[0-9]{5}|[0-9]{7})?$/).describe("the 类/款 code, or '' for 合计"),
          column: z.string().min(1).describe('column key: total, fiscal, basic, project, …'),
          amount,
        }).strict(),
      )
      .default([])
      .describe('parent rows and totals as the officer typed them: checked against the sums of the leaves'),
    initialBudgetTotal: optAmount.describe('一般公共预算财政拨款支出 年初预算数 (stated; must equal the sum per 项 when those are given)'),
    prior: PriorYearSchema.default({}),
    reasons: z.record(z.string(), z.string().min(1)).default({}).describe('the reasons for changes, by key (see examples/README.md)'),
    threePublic: ThreePublicSchema.optional(),
    operatingExpense: optAmount.describe('机关运行经费 (defaults to 公用经费 for administrative units)'),
    meetingAndTraining: z.object({ meeting: optAmount, training: optAmount, priorMeeting: optAmount, priorTraining: optAmount }).strict().optional(),
    procurement: ProcurementSchema.optional(),
    assets: AssetsSchema.optional(),
    performance: z.array(PerformanceSchema).default([]),
    otherNotes: z.array(z.string()).default([]),
  })
  .strict();

export type ComposeInput = z.output<typeof ComposeInputSchema>;
export type ComposeInputDraft = z.input<typeof ComposeInputSchema>;
export type IncomeRow = z.output<typeof IncomeRowSchema>;
export type ExpenditureRow = z.output<typeof ExpenditureRowSchema>;
export type GeneralBudgetRow = z.output<typeof GeneralBudgetRowSchema>;
export type FundRow = z.output<typeof FundRowSchema>;
export type PerformanceInput = z.output<typeof PerformanceSchema>;
export type IndicatorInput = z.output<typeof IndicatorSchema>;
export type Variant = ComposeInput['variant'];
