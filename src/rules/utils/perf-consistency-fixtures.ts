/**
 * Test literals for the crosstable-perf-* rules: a 部门整体支出绩效自评表 whose rows beyond the funding
 * block are kept as printed (`extraRows`), as the performance recognizer keeps them:
 *
 *   departmentEvaluation({ funding: [['total', '年度资金总额', '231.11', '610.11', '610.11', '10', '100%', '10']],
 *     extra: [['任务名称', '项目级次', '', '批复金额（万元）'], ['甲任务', '本级', '', '100.00']] })
 *
 * An extra row literal is [label, cell1, cell2 …]; a cell's position is its provenance `cell`; blank
 * strings print as empty columns and are not cells.
 */
import type { Cell, FundingRow, PerformanceEvaluation, SourceLine, Unit } from '../../model/index.js';
import { parseCellValue } from './cell-value.js';
import { registerLines } from './fixture-lines.js';

export interface DepartmentSpec {
  title?: string;
  unit?: Unit;
  year?: number;
  funding?: readonly (readonly string[])[];
  extra?: readonly (readonly string[])[];
}

let counter = 0;

function cell(text: string | undefined, unit: Unit, kind: 'amount' | 'number', line: number, at: number): Cell | undefined {
  return text ? { text, value: parseCellValue(text, unit, kind), prov: { line, cell: at } } : undefined;
}

function fundingRow(r: readonly string[], unit: Unit, line: number): FundingRow {
  const [key = 'total', label = '', ini, ann, exe, weight, rate, score] = r;
  const cells: [keyof FundingRow, Cell | undefined][] = [
    ['initialBudget', cell(ini, unit, 'amount', line, 2)], ['annualBudget', cell(ann, unit, 'amount', line, 3)],
    ['executed', cell(exe, unit, 'amount', line, 4)], ['rate', cell(rate, unit, 'number', line, 5)],
    ['weight', cell(weight, unit, 'number', line, 6)], ['score', cell(score, unit, 'number', line, 7)],
  ];
  const row: FundingRow = { key, label, prov: { line, cell: 1 } };
  for (const [k, c] of cells) if (c) (row as unknown as Record<string, Cell>)[k] = c;
  return row;
}

/** A department-wide evaluation with funding rows and extra rows as printed. */
export function departmentEvaluation(spec: DepartmentSpec): PerformanceEvaluation {
  const unit = spec.unit ?? '万元';
  const title = spec.title ?? '部门整体支出绩效自评表';
  const lines: SourceLine[] = [{ line: 1, text: title }];
  let line = 2;
  const push = (text: string): number => { lines.push({ line, text }); return line++; };
  const funding = (spec.funding ?? []).map((r) => fundingRow(r, unit, push(['', ...r.slice(1)].join('\t'))));
  const extraRows = (spec.extra ?? []).map((r) => {
    const at = push(r.join('\t'));
    const cells = r.slice(1).flatMap((text, i) => (text ? [{ text, value: { kind: 'text' as const, text }, prov: { line: at, cell: i + 1 } }] : []));
    return { label: r[0] ?? '', cells, prov: { line: at } };
  });
  const ev: PerformanceEvaluation = {
    id: `dept-${++counter}`, kind: 'department', project: '部门整体支出', title, unit,
    ...(spec.year ? { year: spec.year } : {}),
    funding, indicators: [], remarks: [], extraRows, prov: { line: 1 }, endLine: line - 1,
  };
  registerLines(ev, lines);
  return ev;
}
