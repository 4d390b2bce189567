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
import { findOrdinal, findUnit, isMetaLine, isNoteLine } from './table-titles.js';
import type { InheritedUnit } from './table-unit.js';

const SIGNATURES: [TableKey, RegExp[]][] = [
  ['T04', [/本年收入合计/, /年初财政拨款结转和结余/, /一般公共预算财政拨款/]],
  ['T01', [/本年收入合计/, /本年支出合计/, /上级补助收入|事业收入/, /行次/]],
  ['T02', [/本年收入合计/, /财政拨款收入/, /上级补助收入/, /附属单位上缴收入/]],
  ['T03', [/本年支出合计/, /基本支出/, /项目支出/, /上缴上级支出/]],
  ['T06', [/人员经费/, /公用经费/, /科目(?:代码|编码)/, /工资福利支出|商品和服务支出/]],
  ['T09', [/因公出国/, /公务接待/, /公务用车购置/, /运行维护/, /预算|决算/]],
];

/** A generic title ('附表1', '表3', '附件2') or a unit/ordinal line just above the grid. */
function isLeadLine(l: RawLine): boolean {
  return isMetaLine(l) || /^(?:附表|附件|表)\s*[\d一二三四五六七八九十]+[-\d]*[：:、.]?$/.test(compactText(l.cells.join('')));
}

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
    let lead = start;
    while (lead > 0 && start - lead < 3 && isLeadLine(lines[lead - 1]!) && !consumed.has(lines[lead - 1]!.line)) lead--;
    const notes: string[] = [];
    while (i < lines.length && isNoteLine(lines[i]!) && notes.length < 4) notes.push(lines[i++]!.cells.join(' ').trim());
    for (let k = lead; k < i; k++) consumed.add(lines[k]!.line);
    tables.push(untitled(key, lines.slice(lead, start), run, notes, lines[i - 1]!.line, unit));
  }
  return tables;
}

function untitled(key: TableKey, lead: RawLine[], run: RawLine[], notes: string[], endLine: number, inherited: InheritedUnit): Table {
  const first = lead[0] ?? run[0]!;
  const prov: Provenance = { line: first.line };
  if (first.page !== undefined) prov.page = first.page;
  const leadText = lead.map((l) => l.cells.join(' '));
  const printed = [...leadText, ...run.slice(0, 2).map((l) => l.cells.join(' '))].map(findUnit).find((u) => u !== undefined);
  const ordinal = leadText.map(findOrdinal).find((o) => o !== undefined);
  return parseTable({
    id: '', key, variant: 'national', title: '', ...(ordinal ? { ordinal } : {}),
    unit: printed ?? inherited.unit, unitSource: printed ? 'printed' : inherited.source,
    body: run, notes, prov, endLine,
  });
}

function identify(run: RawLine[], found: Set<TableKey>): TableKey | undefined {
  const text = compactText(run.map((l) => l.cells.join('')).join('|'));
  return SIGNATURES.find(([key, res]) => !found.has(key) && res.every((re) => re.test(text)))?.[0];
}
