/** Building findings about performance tables: located at the cell, quoting its printed text. */
import type { RawFinding, RuleContext } from '../../check/types.js';
import type { Cell, IndicatorRow, PerformanceEvaluation, Provenance } from '../../model/index.js';
import { tablesOf } from './performance-values.js';

/** References shared by the performance rules (the clauses quoted, not numbered). */
export const REF_METHOD = '财预〔2020〕10号《项目支出绩效评价管理办法》';
export const REF_SCORING = `${REF_METHOD}：单位自评采用定量与定性评价相结合的比较法，总分由各项指标得分汇总形成`;
export const REF_QUANT = `${REF_METHOD}：定量指标与年初指标值相比，完成指标值的，记该指标所赋全部分值；未完成指标值的，按照完成值与指标值的比例记分`;
export const REF_QUAL = `${REF_METHOD}：定性指标根据完成情况分为达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差三档，分别按该指标分值的100-80%（含）、80-60%（含）、60-0%记分`;
export const REF_WEIGHTS = `${REF_METHOD}：原则上预算执行率和一级指标权重统一设置为产出指标50%、效益指标30%、服务对象满意度指标10%、预算执行率10%`;
export const REF_GRADES = `${REF_METHOD}：总分一般设置为100分，等级划分为四档，90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、60分以下为差`;
export const REF_FORM_NOTES = '项目支出绩效自评表 表下备注（分值：原则上预算执行率10分，产出指标总分50分，效益指标总分30分，满意度指标总分10分；自评等级：划分为4档，100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差）';
export const REF_DOMAIN = 'domain.md §5';

/** The evaluation tables of the document, or a skip when there are none. */
export function evaluationTables(ctx: RuleContext): PerformanceEvaluation[] {
  const evs = tablesOf(ctx.disclosure.performance);
  if (!evs.length) ctx.skip('无绩效自评表 (no performance self-evaluation tables)');
  return evs;
}

export function tableName(ev: PerformanceEvaluation): string {
  return ev.title || '绩效自评表';
}

/** '「项目名」' for messages. */
export function projectLabel(ev: PerformanceEvaluation): string {
  return ev.project ? `“${ev.project}”` : `“${tableName(ev)}”`;
}

export function indicatorAt(ind: IndicatorRow, cell?: Cell): Provenance {
  return cell?.prov ?? ind.level3Prov ?? ind.prov;
}

interface FindingParts {
  messageId: string;
  message: string;
  at: Provenance;
  evidence?: string;
  expected?: string;
  row?: string;
  column?: string;
  severity?: RawFinding['severity'];
  related?: RawFinding['related'];
  data?: RawFinding['data'];
}

export function perfFinding(ev: PerformanceEvaluation, p: FindingParts): RawFinding {
  const f: RawFinding = { messageId: p.messageId, message: p.message, at: p.at, table: tableName(ev) };
  if (p.evidence !== undefined && p.evidence !== '') f.evidence = p.evidence;
  if (p.expected !== undefined) f.expected = p.expected;
  f.row = p.row ?? ev.project;
  if (p.column !== undefined) f.column = p.column;
  if (p.severity !== undefined) f.severity = p.severity;
  if (p.related?.length) f.related = p.related;
  if (p.data) f.data = p.data;
  return f;
}
