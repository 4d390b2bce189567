/**
 * Tables printed without their title (or under a generic one such as 附表1): recognised by what their
 * header and row labels say, for the tables whose content is unmistakable (T01–T04, T06, T09).
 */
import type { RawLine } from '../raw.js';
import type { Table, TableKey } from '../../model/table.js';
import type { Provenance } from '../../model/provenance.js';
import { compactText } from './cells.js';
import { isGridLine } from './table-region.js';
import { parseTable } from './table-parse.js';
import { isNoteLine } from './table-titles.js';
import type { InheritedUnit } from './table-unit.js';

const SIGNATURES: [TableKey, RegExp[]][] = [
  ['T04', [/本年收入合计/, /年初财政拨款结转和结余/, /一般公共预算财政拨款/]],
  ['T01', [/本年收入合计/, /本年支出合计/, /上级补助收入|事业收入/, /行次/]],
  ['T02', [/本年收入合计/, /财政拨款收入/, /上级补助收入/, /附属单位上缴收入/]],
  ['T03', [/本年支出合计/, /基本支出/, /项目支出/, /上缴上级支出/]],
  ['T06', [/人员经费/, /公用经费/, /科目(?:代码|编码)/, /工资福利支出|商品和服务支出/]],
  ['T09', [/因公出国/, /公务接待/, /公务用车购置/, /运行维护/, /预算|决算/]],
];

export function findUntitledTables(lines: RawLine[], consumed: Set<number>, found: Set<TableKey>, unit: InheritedUnit): Table[] {
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isGridLine(lines[i]!) || consumed.has(lines[i]!.line)) {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && isGridLine(lines[i]!) && !consumed.has(lines[i]!.line)) i++;
    const run = lines.slice(start, i);
    const key = run.length >= 3 ? identify(run, found) : undefined;
    if (!key) continue;
    found.add(key);
    const notes: string[] = [];
    while (i < lines.length && isNoteLine(lines[i]!) && notes.length < 4) notes.push(lines[i++]!.cells.join(' ').trim());
    for (let k = start; k < i; k++) consumed.add(lines[k]!.line);
    const prov: Provenance = { line: run[0]!.line };
    if (run[0]!.page !== undefined) prov.page = run[0]!.page;
    tables.push(parseTable({
      id: '', key, variant: 'national', title: '', unit: unit.unit, unitSource: unit.source,
      body: run, notes, prov, endLine: lines[i - 1]!.line,
    }));
  }
  return tables;
}

function identify(run: RawLine[], found: Set<TableKey>): TableKey | undefined {
  const text = compactText(run.map((l) => l.cells.join('')).join('|'));
  return SIGNATURES.find(([key, res]) => !found.has(key) && res.every((re) => re.test(text)))?.[0];
}
