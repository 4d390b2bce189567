/** The key figures of one disclosure: the `juesuan.facts/1` contract (../shared/contracts/facts.schema.json). */
export type Yuan = string; // "-?[0-9]+.[0-9]{2}", always 元

export type AmountKey =
  | 'incomeTotal' | 'expenditureTotal' | 'carryoverBegin' | 'carryoverEnd' | 'grandTotal'
  | 'fiscalIncome' | 'generalBudgetIncome' | 'otherIncome' | 'basicExpenditure' | 'projectExpenditure'
  | 'generalBudgetExpenditure' | 'generalBudgetInitialBudget' | 'personnelExpense' | 'publicExpense'
  | 'operatingExpense' | 'procurementTotal';

export type ThreePublicKey = 'total' | 'abroad' | 'vehicle' | 'vehiclePurchase' | 'vehicleOperation' | 'reception';

export interface FactsPerformance {
  project: string;
  annualBudget?: Yuan;
  executed?: Yuan;
  executionRate?: string;
  totalScore?: string;
  grade?: string;
}

export interface Facts {
  schema: 'juesuan.facts/1';
  entity: string;
  year: number;
  kind: 'final-accounts' | 'performance-self-evaluation' | 'budget' | 'other';
  unit: '元' | '万元';
  tables: Record<string, 'present' | 'empty' | 'absent'>;
  amounts: Partial<Record<AmountKey, Yuan>>;
  expenditureByFunction?: Record<string, Yuan>;
  threePublic?: { budget?: Partial<Record<ThreePublicKey, Yuan>>; actual?: Partial<Record<ThreePublicKey, Yuan>> };
  performance?: FactsPerformance[];
}
