/**
 * The budget disclosure in the national template's order: title, 第一部分 概况, 第二部分 the nine
 * budget tables, 第三部分 预算情况说明 (编制说明), 第四部分 名词解释 — blocks for the writers and the
 * model (kind 'budget') built together.
 */
import type { Disclosure, Table } from '../../model/index.js';
import type { ComposedDocument } from '../blocks.js';
import { assembleDisclosure } from '../assemble.js';
import { DocumentWriter } from '../narrative/writer.js';
import { computeBudgetFigures, type BudgetFigures } from './figures.js';
import { BudgetInputSchema, type BudgetInput, type BudgetInputDraft } from './input-schema.js';
import {
  explainBudgetAssets, explainBudgetExpenditure, explainBudgetFiscal, explainBudgetFunds, explainBudgetGeneral, explainBudgetIncome,
  explainBudgetOperating, explainBudgetOther, explainBudgetOverview, explainBudgetPerformance, explainBudgetProcurement, explainBudgetThreePublic,
  writeBudgetGlossary, type BudgetNarrativeContext,
} from './narrative.js';
import { BUDGET_BUILDERS, BUDGET_TABLE_ORDER, type BudgetTableContext } from './tables.js';

export function budgetOrg(input: Pick<BudgetInput, 'scope'>): string {
  return input.scope === 'unit' ? '单位' : '部门';
}

export function budgetTitle(input: Pick<BudgetInput, 'entity' | 'year' | 'scope'>): string {
  return `${input.entity}${input.year}年${budgetOrg(input)}预算`;
}

export interface ComposedBudgetParts {
  doc: ComposedDocument;
  figures: BudgetFigures;
  tables: Table[];
  sections: Disclosure['sections'];
}

export function composeBudgetParts(input: BudgetInput): ComposedBudgetParts {
  const figures = computeBudgetFigures(input);
  const org = budgetOrg(input);
  const year = input.year;
  const w = new DocumentWriter(input.unit);
  const title = budgetTitle(input);
  w.heading(0, '', title, 'title');
  w.closeAll();
  w.heading(0, '第一部分 ', `${org}概况`, 'overview');
  w.heading(1, '一、', '主要职能', 'duties');
  for (const t of input.overview.duties.length ? input.overview.duties : [`${input.entity}的主要职能详见本${org}“三定”规定。`]) w.text(t);
  w.heading(1, '二、', '机构设置', 'organization');
  for (const t of input.overview.organization.length ? input.overview.organization : [`${input.entity}为${input.scope === 'unit' ? '预算单位' : '一级预算部门'}。`]) w.text(t);
  w.heading(0, '第二部分 ', `${year}年${org}预算表`, 'tables');
  const ctx: BudgetTableContext = { fig: figures, unit: input.unit, entity: input.entity, org };
  const tables: Table[] = [];
  for (const key of BUDGET_TABLE_ORDER) {
    const built = BUDGET_BUILDERS[key](ctx);
    w.table(built.block);
    tables.push(built.table);
  }
  w.heading(0, '第三部分 ', `${year}年${org}预算情况说明`, 'explanations');
  const nctx: BudgetNarrativeContext = { fig: figures, w, org, year };
  let n = 1;
  explainBudgetOverview(nctx, n++);
  explainBudgetIncome(nctx, n++);
  explainBudgetExpenditure(nctx, n++);
  explainBudgetFiscal(nctx, n++);
  explainBudgetGeneral(nctx, n++);
  explainBudgetFunds(nctx, n);
  n += 2;
  explainBudgetThreePublic(nctx, n++);
  explainBudgetOperating(nctx, n++);
  explainBudgetProcurement(nctx, n++);
  if (explainBudgetAssets(nctx, n)) n++;
  if (explainBudgetPerformance(nctx, n)) n++;
  explainBudgetOther(nctx, n);
  writeBudgetGlossary(w, figures, '第四部分 ');
  return { doc: { title, entity: input.entity, year, unit: input.unit, blocks: w.blocks }, figures, tables, sections: w.sections };
}

/** Applies the budget schema's defaults (throws zod's error on a malformed input: validate first). */
export function parseBudgetInput(raw: BudgetInput | BudgetInputDraft | unknown): BudgetInput {
  return BudgetInputSchema.parse(raw);
}

export function composeBudgetDocument(raw: BudgetInput | BudgetInputDraft): { disclosure: Disclosure; document: ComposedDocument } {
  const input = parseBudgetInput(raw);
  return assembleDisclosure(composeBudgetParts(input), {
    entity: input.entity, year: input.year, kind: 'budget', scope: input.scope, unit: input.unit,
  });
}
