/**
 * The whole document in the template's order: title, 概况, the nine tables, the 情况说明, 预算绩效
 * 情况说明, 名词解释 and the performance tables as 附件 — blocks for the writers and the model parts.
 */
import type { PerformanceEvaluation, Section, Table, TableKey } from '../model/index.js';
import type { ComposedDocument } from './blocks.js';
import { computeFigures, type Figures } from './figures.js';
import type { ComposeInput } from './input-schema.js';
import { explainAssets, explainOperating, explainOther, explainProcurement, explainThreePublic } from './narrative/explain-others.js';
import {
  explainBasic, explainExpenditure, explainFiscalOverview, explainFunds, explainGeneralBudget, explainIncome, explainOverview, type NarrativeContext,
} from './narrative/explain-tables.js';
import { writeGlossary } from './narrative/glossary.js';
import { writePerformanceText } from './narrative/performance-text.js';
import { DocumentWriter } from './narrative/writer.js';
import { buildPerformance } from './performance/table.js';
import { buildT02, buildT03, buildT05, buildT07, buildT08, type Built, type TableContext } from './tables/code-tables.js';
import { buildT06, buildT09 } from './tables/detail-tables.js';
import { tableOrder } from './tables/layouts.js';
import { buildT01, buildT04 } from './tables/summary-tables.js';

export interface ComposedParts {
  doc: ComposedDocument;
  figures: Figures;
  tables: Table[];
  sections: Section[];
  performance: PerformanceEvaluation[];
}

const BUILDERS: Record<TableKey, (ctx: TableContext) => Built> = {
  T01: buildT01, T02: buildT02, T03: buildT03, T04: buildT04, T05: buildT05, T06: buildT06, T07: buildT07, T08: buildT08, T09: buildT09,
};

export function documentTitle(input: ComposeInput): string {
  return `${input.entity}${input.year}年度${input.scope === 'department' ? '部门' : '单位'}决算`;
}

export function composeParts(input: ComposeInput): ComposedParts {
  const figures = computeFigures(input);
  const org = input.scope === 'department' ? '部门' : '单位';
  const year = input.year;
  const w = new DocumentWriter(input.unit);
  const title = documentTitle(input);
  w.heading(0, '', title, 'title');
  w.closeAll();
  w.heading(0, '第一部分 ', `${org}概况`, 'overview');
  w.heading(1, '一、', `${org}职责`, 'duties');
  for (const t of input.overview.duties.length ? input.overview.duties : [`${input.entity}的职责详见本${org}“三定”规定。`]) w.text(t);
  w.heading(1, '二、', '机构设置', 'organization');
  for (const t of input.overview.organization.length ? input.overview.organization : [`${input.entity}为${input.scope === 'department' ? '一级预算部门' : '预算单位'}。`]) w.text(t);
  w.heading(0, '第二部分 ', `${year}年度${org}决算表`, 'tables');
  const ctx: TableContext = { fig: figures, variant: input.variant, unit: input.unit, entity: input.entity };
  const tables: Table[] = [];
  for (const key of tableOrder(input.variant)) {
    const built = BUILDERS[key](ctx);
    w.table(built.block);
    tables.push(built.table);
  }
  w.heading(0, '第三部分 ', `${year}年度${org}决算情况说明`, 'explanations');
  const nctx: NarrativeContext = { fig: figures, w, org, year };
  for (const explain of [explainOverview, explainIncome, explainExpenditure, explainFiscalOverview, explainGeneralBudget, explainBasic, explainFunds, explainThreePublic, explainOperating, explainProcurement, explainAssets, explainOther]) explain(nctx);
  const perf = input.performance.map((p, i) => ({ input: p, ...buildPerformance(p, i, { entity: input.entity, year, unit: input.unit, grades: input.variant === 'shanghai' ? 'shanghai' : 'national' }) }));
  writePerformanceText(w, perf, { year, org, partNumber: '第四部分 ' });
  writeGlossary(w, figures, '第五部分 ');
  if (perf.length) {
    w.heading(0, '第六部分 ', '附件', 'annex');
    for (const p of perf) w.table(p.block);
  }
  return {
    doc: { title, entity: input.entity, year, unit: input.unit, blocks: w.blocks },
    figures,
    tables,
    sections: w.sections,
    performance: perf.map((p) => p.evaluation),
  };
}
