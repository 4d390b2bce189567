/**
 * Finds every performance self-evaluation table of a document: 项目支出绩效自评表, 部门整体支出绩效自评表,
 * 中央对地方转移支付项目绩效自评表 (kind 'project', transfer), and the rows of 绩效自评情况汇总表 (kind
 * 'summary', one evaluation per project row, no indicators). Amounts are in the table's printed unit;
 * when a table prints none they are taken as 万元 (the unit of these forms) with unitSource 'assumed'.
 */
import type { PerformanceEvaluation, Unit } from '../../model/index.js';
import type { RawDocument, RawLine } from '../raw.js';
import { recognizeBasicData } from './performance-basic-data-find.js';
import { fundingHeaderOf } from './performance-funding.js';
import { fieldsIn, isYearLine, ordinalIn, titleKind, yearIn, type TitleKind } from './performance-meta.js';
import { filled, squash, toRows, type PRow } from './performance-rows.js';
import { readSummaryRow, summaryHeaderOf } from './performance-summary.js';
import { readEvaluation, regionUnit } from './performance-table.js';

interface Title {
  index: number;
  kind: TitleKind;
  text: string;
  /** An ordinal printed on the title's own row (附表3). */
  ordinal?: string;
}

function lineText(line: RawLine): string {
  return line.cells.filter((c) => c.trim() !== '').join('');
}

/** Cells that may stand beside a title on its row: an ordinal, a unit, a year. */
function isTitleCompanion(text: string): boolean {
  return !!ordinalIn(text) || isYearLine(text) || /单位[:：]/.test(text) || squash(text).length <= 6;
}

function singleText(line: RawLine | undefined): string | undefined {
  const cells = line?.cells.map((c) => c.trim()).filter(Boolean) ?? [];
  return cells.length === 1 ? cells[0] : undefined;
}

/** The title wrapped over this line and the one before ('2023年度项目支出' / '绩效自评表'), if any. */
function wrappedTitle(lines: readonly RawLine[], index: number, own: string | undefined): Title | undefined {
  const prev = singleText(lines[index - 1]);
  if (own === undefined || prev === undefined || squash(own).length > 8 || titleKind(prev)) return undefined;
  if (ordinalIn(prev) || isYearLine(prev) || /[。：:；;]$/.test(prev) || prev.length > 30) return undefined;
  const joined = prev + own;
  const kind = titleKind(joined);
  return kind ? { index, kind, text: joined } : undefined;
}

/** A title on one row (with an ordinal, unit or year beside it), or wrapped over two lines. */
function titleAt(lines: readonly RawLine[], index: number): Title | undefined {
  const line = lines[index]!;
  const cells = line.cells.map((c) => c.trim()).filter(Boolean);
  const wrapped = wrappedTitle(lines, index, singleText(line));
  if (wrapped) return wrapped;
  const at = cells.findIndex((c) => titleKind(c));
  if (at < 0) return undefined;
  const text = cells[at]!;
  if (cells.some((c, i) => i !== at && c !== text && !isTitleCompanion(c))) return undefined;
  const ordinal = cells.map((c) => ordinalIn(c)).find(Boolean);
  const title: Title = { index, kind: titleKind(text)!, text: text.replace(/^#+\s*/, '').trim() };
  if (ordinal) title.ordinal = ordinal;
  return title;
}

function findTitles(lines: readonly RawLine[], consumed: Set<number>): Title[] {
  const out: Title[] = [];
  lines.forEach((line, index) => {
    if (consumed.has(line.line)) return;
    const title = titleAt(lines, index);
    if (title) out.push(title);
  });
  return out;
}

/**
 * Tables printed without a title: a 项目名称 row with a 项目资金 header within the next four lines,
 * outside every titled table. The region starts at the 项目名称 row.
 */
function untitledStarts(lines: readonly RawLine[], used: Set<number>): number[] {
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (used.has(line.line)) return;
    const [row] = toRows([line]);
    if (!row || !fieldsIn(row).some((f) => f.key === 'project')) return;
    const ahead = lines.slice(i + 1, i + 5).filter((l) => !used.has(l.line));
    if (toRows(ahead).some((r) => fundingHeaderOf(r))) out.push(i);
  });
  return out;
}

/** A short untabbed line naming some other table (附件1-1 …基础数据表): the region ends there. */
function isOtherTitle(line: RawLine): boolean {
  if (line.cells.filter((c) => c.trim()).length !== 1) return false;
  const t = squash(lineText(line)).replace(/^#+/, '');
  return t.length <= 40 && /表$/.test(t) && !/指标表$/.test(t) && !/^(注|备注|说明)/.test(t) && !ordinalIn(t);
}

function regionLines(lines: readonly RawLine[], from: number, to: number, consumed: Set<number>): RawLine[] {
  const out: RawLine[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (consumed.has(line.line) || isOtherTitle(line)) break;
    out.push(line);
  }
  return out;
}

function ordinalBefore(lines: readonly RawLine[], index: number): string | undefined {
  for (let i = index - 1; i >= Math.max(0, index - 3); i--) {
    const t = lineText(lines[i]!);
    if (t.trim()) return ordinalIn(t);
  }
  return undefined;
}

function newEvaluation(title: Title, line: { line: number; page?: number }, unit: Unit | undefined, id: string): PerformanceEvaluation {
  const department = title.kind === 'department';
  const ev: PerformanceEvaluation = {
    id, kind: department ? 'department' : 'project', project: department ? '部门整体支出' : '', title: title.text,
    unit: unit ?? '万元', unitSource: unit ? 'printed' : 'assumed', funding: [], indicators: [], remarks: [],
    prov: { line: line.line, ...(line.page !== undefined ? { page: line.page } : {}) }, endLine: line.line,
  };
  if (title.kind === 'transfer') ev.transfer = true;
  const year = yearIn(title.text);
  if (year !== undefined) ev.year = year;
  return ev;
}

function accepted(ev: PerformanceEvaluation): boolean {
  return ev.funding.length > 0 || ev.indicators.length > 0 || ev.totalScore !== undefined;
}

function readSummary(title: Title, rows: readonly PRow[], line: RawLine, nextId: () => string): { evs: PerformanceEvaluation[]; end: number } {
  const unit = regionUnit(rows);
  const ctx = { title: title.text, titleLine: line.line, unit: unit ?? '万元' as Unit, unitSource: unit ? 'printed' as const : 'assumed' as const, year: yearIn(title.text), nextId };
  const evs: PerformanceEvaluation[] = [];
  let header: ReturnType<typeof summaryHeaderOf>;
  let end = line.line;
  for (const row of rows) {
    if (!header) {
      header = summaryHeaderOf(row);
      if (header) end = row.endLine;
      continue;
    }
    if (!row.tabular && filled(row).length <= 1) break;
    const ev = readSummaryRow(row, header, ctx);
    if (ev) evs.push(ev);
    end = row.endLine;
  }
  return { evs, end };
}

/** The tables under one title: usually one; several when projects follow each other untitled. */
function readEvaluations(title: Title, line: RawLine, rows: readonly PRow[], nextId: () => string): PerformanceEvaluation[] {
  const out: PerformanceEvaluation[] = [];
  let rest = rows;
  let at: { line: number; page?: number } = { line: line.line, ...(line.page !== undefined ? { page: line.page } : {}) };
  while (rest.length) {
    const ev = newEvaluation(title, at, regionUnit(rest) ?? out[out.length - 1]?.unit, '');
    const r = readEvaluation(ev, rest);
    ev.endLine = r.end;
    if (accepted(ev)) { ev.id = nextId(); out.push(ev); }
    if (r.next === undefined || r.next === 0) break;
    rest = rest.slice(r.next);
    at = { line: rest[0]!.line };
  }
  return out;
}

export function recognizePerformance(raw: RawDocument, consumed: Set<number>): { evaluations: PerformanceEvaluation[]; consumed: Set<number> } {
  const lines = raw.lines;
  const data = recognizeBasicData(lines, consumed, 'titled');
  const titles = findTitles(lines, data.consumed);
  const evaluations: PerformanceEvaluation[] = [];
  const used = new Set(data.consumed);
  let n = 0;
  const nextId = (): string => `perf-${++n}`;
  const markUsed = (from: number, end: number): void => {
    for (let i = from; i < lines.length && lines[i]!.line <= end; i++) used.add(lines[i]!.line);
  };
  titles.forEach((title, k) => {
    const line = lines[title.index]!;
    const rows = toRows(regionLines(lines, title.index + 1, titles[k + 1]?.index ?? lines.length, data.consumed));
    const evs = title.kind === 'summary' ? readSummary(title, rows, line, nextId) : readTitled(title, lines, rows, nextId);
    if (!evs.evs.length) return;
    evaluations.push(...evs.evs);
    markUsed(title.index, evs.end);
  });
  for (const start of untitledStarts(lines, used)) {
    if (used.has(lines[start]!.line)) continue;
    const next = titles.find((t) => t.index > start)?.index ?? lines.length;
    const title: Title = { index: start, kind: 'project', text: '' };
    const evs = readEvaluations(title, lines[start]!, toRows(regionLines(lines, start, next, used)), nextId);
    if (!evs.length) continue;
    evaluations.push(...evs);
    markUsed(start, evs[evs.length - 1]!.endLine);
  }
  const untitled = recognizeBasicData(lines, used, 'untitled');
  for (const ev of [...data.evaluations, ...untitled.evaluations]) evaluations.push({ ...ev, id: nextId() });
  evaluations.sort((a, b) => a.prov.line - b.prov.line);
  return { evaluations, consumed: untitled.consumed };
}

function readTitled(title: Title, lines: readonly RawLine[], rows: readonly PRow[], nextId: () => string): { evs: PerformanceEvaluation[]; end: number } {
  const evs = readEvaluations(title, lines[title.index]!, rows, nextId);
  if (!evs.length) return { evs, end: 0 };
  const ordinal = evs[0]!.ordinal ?? title.ordinal ?? ordinalBefore(lines, title.index);
  if (ordinal !== undefined) evs[0]!.ordinal = ordinal;
  return { evs, end: evs[evs.length - 1]!.endLine };
}
