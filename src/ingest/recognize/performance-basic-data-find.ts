/** Finds the 部门整体支出绩效评价基础数据表 of a document: by title, or (untitled) by its content. */
import type { PerformanceEvaluation } from '../../model/index.js';
import type { RawLine } from '../raw.js';
import {
  basicDataRegion, basicDataTitleAt, basicDataUnit, readBasicData, untitledBasicDataStarts, type BasicDataStart,
} from './performance-basic-data.js';

function titledStarts(lines: readonly RawLine[], used: ReadonlySet<number>): { index: number; start: BasicDataStart }[] {
  const out: { index: number; start: BasicDataStart }[] = [];
  lines.forEach((line, index) => {
    if (used.has(line.line)) return;
    const title = basicDataTitleAt(lines, index);
    if (title) out.push({ index: index + 1, start: { line, title } });
  });
  return out;
}

function untitledStarts(lines: readonly RawLine[], used: ReadonlySet<number>): { index: number; start: BasicDataStart }[] {
  return untitledBasicDataStarts(lines, used).map((index) => ({ index, start: { line: lines[index]! } }));
}

/**
 * The tables found ('titled': under a 基础数据表 title; 'untitled': from a 财政供养人员情况 / 经费控制情况 row
 * outside `consumed`), with ids left '' for the caller, and `consumed` grown by the lines they cover
 * (the title line included).
 */
export function recognizeBasicData(
  lines: readonly RawLine[], consumed: ReadonlySet<number>, mode: 'titled' | 'untitled',
): { evaluations: PerformanceEvaluation[]; consumed: Set<number> } {
  const used = new Set(consumed);
  const evaluations: PerformanceEvaluation[] = [];
  const starts = mode === 'titled' ? titledStarts(lines, used) : untitledStarts(lines, used);
  for (const { index, start } of starts) {
    if (used.has(start.line.line)) continue;
    const region = basicDataRegion(lines, index, used);
    const ev = readBasicData(start, region, basicDataUnit(region), '');
    if (!ev) continue;
    evaluations.push(ev);
    for (const line of lines) if (line.line >= start.line.line && line.line <= ev.endLine) used.add(line.line);
  }
  return { evaluations, consumed: used };
}
