/** 绩效自评情况汇总表: one evaluation of kind 'summary' per project row (project, amounts, score, grade). */
import type { FundingRow, PerformanceEvaluation, Unit } from '../../model/index.js';
import { numberOf, toCell } from './performance-cells.js';
import { fundingColumnOf, type FundingKey } from './performance-labels.js';
import { filled, squash, type PCell, type PRow } from './performance-rows.js';

type SummaryKey = 'project' | 'score' | 'grade' | FundingKey;

function columnOf(text: string): SummaryKey | undefined {
  const t = squash(text);
  if (/^项目名称$|^项目$/.test(t)) return 'project';
  if (/得分|分数$/.test(t)) return 'score';
  if (/等级$/.test(t)) return 'grade';
  const f = fundingColumnOf(t);
  return f === 'weight' || f === 'score' ? undefined : f;
}

export interface SummaryHeader {
  cols: Map<number, SummaryKey>;
}

export function summaryHeaderOf(row: PRow): SummaryHeader | undefined {
  const cols = new Map<number, SummaryKey>();
  row.cells.forEach((c, i) => {
    const k = c.text ? columnOf(c.text) : undefined;
    if (k && ![...cols.values()].includes(k)) cols.set(i, k);
  });
  const keys = [...cols.values()];
  return keys.includes('project') && (keys.includes('score') || keys.includes('grade')) ? { cols } : undefined;
}

interface SummaryContext {
  title: string;
  titleLine: number;
  unit: Unit;
  unitSource: 'printed' | 'assumed';
  year?: number;
  nextId: () => string;
}

/** One summary row → an evaluation; undefined for group labels ('本级项目支出绩效自评'). */
export function readSummaryRow(row: PRow, header: SummaryHeader, ctx: SummaryContext): PerformanceEvaluation | undefined {
  const get = (key: SummaryKey): PCell | undefined => {
    for (const [col, k] of header.cols) if (k === key) return row.cells[col];
    return undefined;
  };
  const project = get('project');
  if (!project?.text || filled(row).length < 2) return undefined;
  const ev: PerformanceEvaluation = {
    id: ctx.nextId(), kind: 'summary', project: project.text, projectProv: project.prov, title: ctx.title,
    summaryTitle: ctx.title, unit: ctx.unit, unitSource: ctx.unitSource, funding: [], indicators: [], remarks: [],
    prov: { line: ctx.titleLine }, endLine: row.endLine,
  };
  if (ctx.year !== undefined) ev.year = ctx.year;
  const score = get('score');
  if (score?.text && numberOf(score.text)) ev.totalScore = toCell(score, ctx.unit, 'number');
  const grade = get('grade');
  if (grade?.text) ev.grade = toCell(grade, ctx.unit, 'text');
  const funding: FundingRow = { key: 'total', label: '合计', prov: { line: row.line } };
  let any = false;
  for (const key of ['initialBudget', 'annualBudget', 'executed', 'rate'] as const) {
    const c = get(key);
    if (!c?.text) continue;
    funding[key] = toCell(c, ctx.unit, key === 'rate' ? 'number' : 'amount');
    any = true;
  }
  if (any) ev.funding.push(funding);
  return ev;
}
