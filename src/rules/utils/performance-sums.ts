/**
 * The parts of a 绩效自评表 that add up: 分值 and 得分 of the execution row, of each indicator, and of
 * 一级 blocks that print their own 分值/得分 (湖南 form). Each part keeps its printed precision.
 */
import type { Cell, PerformanceEvaluation } from '../../model/index.js';
import { add, halfUlp, parsePrinted, ratio, type Printed, type Ratio } from './performance-decimal.js';
import { cellNumber, decimalRatio, totalFunding } from './performance-values.js';

export interface Part {
  value: Ratio;
  decimals: number;
  cell?: Cell;
  label: string;
}

function part(cell: Cell | undefined, label: string): Part | undefined {
  const p = cellNumber(cell);
  return p ? { value: p.value, decimals: p.decimals, cell: cell!, label } : undefined;
}

function blockLevels(ev: PerformanceEvaluation, key: 'weight' | 'score'): Set<string> {
  return new Set((ev.blocks ?? []).filter((b) => b[key]?.text).map((b) => b.level1));
}

/** 得分 parts: execution score, block scores, then indicator scores (blank scores count as absent). */
export function scoreParts(ev: PerformanceEvaluation): { parts: Part[]; missing: number } {
  const parts: Part[] = [];
  const exec = part(totalFunding(ev)?.score, '预算执行率');
  if (exec) parts.push(exec);
  const lifted = blockLevels(ev, 'score');
  for (const b of ev.blocks ?? []) {
    const p = part(b.score, b.text);
    if (p) parts.push(p);
  }
  let missing = 0;
  for (const ind of ev.indicators) {
    const p = part(ind.score, ind.level3);
    if (p) parts.push(p);
    else if (!lifted.has(ind.level1)) missing++;
  }
  return { parts, missing };
}

/** 分值 parts: execution weight, block weights, indicator weights (cell, else '（10分）' in the name). */
export function weightParts(ev: PerformanceEvaluation): { parts: Part[]; missing: number } {
  const parts: Part[] = [];
  const exec = part(totalFunding(ev)?.weight, '预算执行率');
  if (exec) parts.push(exec);
  const lifted = blockLevels(ev, 'weight');
  for (const b of ev.blocks ?? []) {
    const p = part(b.weight, b.text);
    if (p) parts.push(p);
  }
  let missing = 0;
  for (const ind of ev.indicators) {
    if (lifted.has(ind.level1)) continue;
    const p = part(ind.weight, ind.level3);
    if (p) parts.push(p);
    else if (ind.declaredWeight !== undefined) parts.push({ value: decimalRatio(ind.declaredWeight), decimals: 0, label: ind.level3 });
    else missing++;
  }
  return { parts, missing };
}

export function sumParts(parts: readonly Part[]): Ratio {
  return parts.reduce((s, p) => add(s, p.value), ratio(0));
}

/** Σ half-ulp of every printed figure taking part (the parts and the printed total). */
export function tolerance(parts: readonly Part[], total: Printed): Ratio {
  return [...parts.map((p) => p.decimals), total.decimals].reduce((s, d) => add(s, halfUlp(d)), ratio(0));
}

export function printedOf(cell: Cell | undefined): Printed | null {
  return cell ? parsePrinted(cell.text) : null;
}
