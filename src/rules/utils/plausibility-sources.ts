/**
 * Figures the plausibility rules compare, from the tables when printed, else from the 情况说明:
 * the 政府采购 total, 本年支出合计 and 人员经费. Each comes with its printed text and where it stands.
 */
import type { Amount, Disclosure, Provenance } from '../../model/index.js';
import { subjectOf } from './narrative-figures.js';
import { sectionLabel } from './narrative-walk.js';
import { amountOf, mainCell, presentTable, rowWithKey, tableName, totalRow } from './table-access.js';
import { runFigures, runSentences } from './run-cache.js';

export interface SourcedAmount {
  amount: Amount;
  at: Provenance;
  /** What the figure is, as the reader sees it: 'T01 本年支出合计' or the sentence's subject. */
  label: string;
  table?: string;
  section?: string;
}

/** The first stated amount (role value) whose subject matches `subject` and not `exclude`. */
export function narrativeAmount(d: Disclosure, subject: RegExp, exclude?: RegExp): SourcedAmount | undefined {
  for (const ctx of runSentences(d)) {
    for (const f of runFigures(d, ctx.sentence)) {
      const amount = f.fig.amount;
      if (f.fig.kind !== 'amount' || !amount || f.role !== 'value') continue;
      const subj = subjectOf(ctx.sentence, f);
      if (!subject.test(subj) || exclude?.test(subj)) continue;
      return { amount, at: f.fig.prov, label: subj, section: sectionLabel(ctx.section) };
    }
  }
  return undefined;
}

const PROCUREMENT = /政府采购(支出|合同)?(总额|合计|总计|金额|总金额)*$/;
const PROCUREMENT_PART = /货物|工程|服务|中小|小微|授予|预算|计划|监狱|残疾/;

/** The 政府采购 total the text states (政府采购支出总额 1,002.73 万元). */
export function procurementTotal(d: Disclosure): SourcedAmount | undefined {
  return narrativeAmount(d, PROCUREMENT, PROCUREMENT_PART);
}

/** 本年支出合计: T01, else T03 合计, else the text. */
export function expenditureTotal(d: Disclosure): SourcedAmount | undefined {
  const t01 = presentTable(d, 'T01');
  const row01 = t01 ? rowWithKey(t01, 'expenditureTotal') : undefined;
  const cell01 = row01 ? mainCell(row01) : undefined;
  const a01 = amountOf(cell01);
  if (t01 && cell01 && a01) return { amount: a01, at: cell01.prov, label: '本年支出合计', table: tableName(t01) };
  const t03 = presentTable(d, 'T03');
  const row03 = t03 ? totalRow(t03) : undefined;
  const cell03 = row03?.cells.total;
  const a03 = amountOf(cell03);
  if (t03 && cell03 && a03) return { amount: a03, at: cell03.prov, label: '本年支出合计', table: tableName(t03) };
  return narrativeAmount(d, /^(本年度?|当年|本部门|本单位)?支出(合计|总计|总额)?$/, /一般公共预算|财政拨款|基本|项目|三公|政府性基金/);
}

/** 人员经费: T06 人员经费合计, else the text. */
export function personnelExpense(d: Disclosure): SourcedAmount | undefined {
  const t06 = presentTable(d, 'T06');
  const row = t06 ? rowWithKey(t06, 'personnelTotal') : undefined;
  const cell = row ? mainCell(row) : undefined;
  const a = amountOf(cell);
  if (t06 && cell && a) return { amount: a, at: cell.prov, label: '人员经费合计', table: tableName(t06) };
  return narrativeAmount(d, /人员经费(合计|支出)?$/, /公用|机关运行|增加|减少/);
}
