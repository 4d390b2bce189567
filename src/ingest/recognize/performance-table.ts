/** Reads one performance self-evaluation table (项目 / 部门整体 / 转移支付) from the rows of its region. */
import type { PerformanceEvaluation, Unit } from '../../model/index.js';
import { toCell } from './performance-cells.js';
import { fundingHeaderOf, isFundingBreakdown, readFundingRow, type FundingHeader } from './performance-funding.js';
import {
  isIndicatorHeader, isUpperHeader, liftBlockScores, makeHeader, readIndicatorRow, type IndicatorState,
} from './performance-indicators.js';
import { fieldsIn, filledDateIn, isYearLine, ordinalIn, unitIn, yearIn } from './performance-meta.js';
import { filled, squash, type PCell, type PRow } from './performance-rows.js';
import { gradeBandsIn, isTotalRow, readInlineTotal, readTotalValues, totalHeadOf } from './performance-total.js';

type Mode = 'start' | 'funding' | 'breakdown' | 'goals' | 'indicators' | 'afterTotal';

interface Ctx {
  ev: PerformanceEvaluation;
  mode: Mode;
  funding?: FundingHeader;
  indicators?: IndicatorState;
  upper?: PRow;
  totalHeads?: ReturnType<typeof totalHeadOf>;
  structured: boolean;
  /** The previous row was a note (备注：…), so an untabbed '2. …' line continues it. */
  prevNote: boolean;
  lastNote: boolean;
  end: number;
}

const NOTE_RE = /^(备注|注[:：]|说明[:：]|填表人|填报人|审核人|单位负责人|联系电话|财务负责人)/;
const HEADING_RE = /^(#{1,6}\s|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/;

/** The unit printed anywhere in the region (a '单位：万元' line or a '项目资金（万元）' header cell). */
export function regionUnit(rows: readonly PRow[]): Unit | undefined {
  for (const row of rows) {
    const cells = filled(row);
    if (cells.length > 3 && !fundingHeaderOf(row)) continue;
    for (const c of cells) {
      const u = unitIn(c.text);
      if (u) return u;
    }
  }
  return undefined;
}

function isNote(row: PRow, ctx: Ctx): boolean {
  const cells = filled(row);
  if (cells.length !== 1) return false;
  const t = cells[0]!.text;
  if (NOTE_RE.test(t)) return true;
  return ctx.prevNote && !row.tabular && /^(\d+[.、．]|[（(]?\d+[)）]|[^\s]{1,20}[）)。]$)/.test(t);
}

/** A 项目名称 row once the table has rows: the next project's table, printed under the same title. */
function startsNextProject(row: PRow, ctx: Ctx): boolean {
  return (ctx.ev.funding.length > 0 || ctx.ev.indicators.length > 0) && fieldsIn(row).some((f) => f.key === 'project');
}

function shouldStop(row: PRow, ctx: Ctx): boolean {
  const cells = filled(row);
  const single = cells.length === 1 && !row.tabular ? cells[0]!.text : undefined;
  // the parts of a department form (一、部门年度目标 / 二、部门年度重点工作任务 / 三、部门整体支出绩效指标)
  // head its own sections when a reader prints them as lines of text
  const formPart = /(年度目标|重点工作任务|绩效指标)$/.test(squash(single ?? ''));
  if (single !== undefined && (row.heading || HEADING_RE.test(single)) && !/指标表/.test(single) && !formPart) return ctx.structured;
  if (single !== undefined && !ctx.structured && single.length > 80) return true;
  if (ctx.mode === 'afterTotal' && !ctx.totalHeads) {
    const signature = NOTE_RE.test(cells[0]?.text ?? '') || filledDateIn(row) !== undefined;
    return !isNote(row, ctx) && !signature && !/^\d{1,3}$/.test(single ?? '');
  }
  return false;
}

/** Meta rows: labelled fields, 填报时间, unit, year and ordinal lines. True when the row was one. */
function readMeta(row: PRow, ctx: Ctx): boolean {
  const ev = ctx.ev;
  let hit = false;
  const date = filledDateIn(row);
  if (date) { ev.filledDate = date; hit = true; }
  for (const { key, value } of fieldsIn(row)) {
    hit = true;
    if (key === 'project') { ev.project = value.text; ev.projectProv = value.prov; }
    else if (key === 'department') ev.department ??= value.text;
    else if (key === 'implementer') ev.implementer = value.text;
    else ev.department ??= value.text;
  }
  if (hit) return true;
  const cells = filled(row);
  if (cells.length > 2) return false;
  const text = cells.map((c) => c.text).join('');
  if (cells.some((c) => unitIn(c.text)) && !fundingHeaderOf(row)) return true;
  if (isYearLine(text)) { ev.year ??= yearIn(text); return true; }
  const ordinal = ordinalIn(text);
  if (ordinal) { ev.ordinal ??= ordinal; return true; }
  return /^(项目支出绩效指标表|绩效指标表)$/.test(squash(text).replace(/^#+/, ''));
}

function readStructure(row: PRow, ctx: Ctx): boolean {
  const funding = fundingHeaderOf(row);
  if (funding) return enter(ctx, 'funding', () => { ctx.funding = funding; });
  if (isFundingBreakdown(row)) return enter(ctx, 'breakdown', () => keep(row, ctx));
  if (row.cells.some((c) => isGoalsLabel(c.text))) {
    enter(ctx, 'goals', () => undefined);
    if (filled(row).some((c) => !isGoalsLabel(c.text) && !/完成情况$/.test(c.text))) readGoals(row, ctx);
    return true;
  }
  if (isUpperHeader(row)) { ctx.upper = row; return true; }
  if (isIndicatorHeader(row)) {
    const header = makeHeader(row, ctx.upper);
    return enter(ctx, 'indicators', () => { ctx.indicators = { header }; });
  }
  const sumLabel = /^(合计|总计|合计得分)$/.test(squash(filled(row)[0]?.text ?? ''));
  if (isTotalRow(row) || (ctx.mode === 'indicators' && sumLabel)) {
    const heads = totalHeadOf(row);
    if (heads) ctx.totalHeads = heads;
    else readInlineTotal(ctx.ev, row);
    return enter(ctx, 'afterTotal', () => undefined);
  }
  return false;
}

function isGoalsLabel(text: string): boolean {
  const t = squash(text).replace(/[（(]设定[)）]/, '');
  return t.length <= 12 && /^(年度)?总体(绩效)?目标(完成情况)?$|预期目标$/.test(t);
}

function enter(ctx: Ctx, mode: Mode, init: () => void): true {
  init();
  ctx.mode = mode;
  ctx.structured = true;
  return true;
}

function keep(row: PRow, ctx: Ctx): void {
  const cells = filled(row);
  if (!cells.length) return;
  const [label, ...rest] = cells;
  keepCells(label!.text, rest, row, ctx);
}

/** Keeps cells that fit no field as an extra row (nothing printed is dropped). */
function keepCells(label: string, cells: readonly PCell[], row: PRow, ctx: Ctx): void {
  ctx.ev.extraRows ??= [];
  ctx.ev.extraRows.push({ label, cells: cells.map((c) => toCell(c, ctx.ev.unit, 'text')), prov: { line: row.line } });
}

function readGoals(row: PRow, ctx: Ctx): void {
  const texts = filled(row).filter((c) => !isGoalsLabel(c.text) && !/^(目标)?实际完成情况$|^全年实际完成情况$/.test(squash(c.text)));
  if (texts.length) ctx.ev.goals = { expected: texts[0]!.text, actual: texts[1]?.text ?? '', prov: { line: row.line } };
  if (texts.length > 2) keepCells('年度总体目标', texts.slice(2), row, ctx);
  ctx.mode = 'start';
}

function readByMode(row: PRow, ctx: Ctx): boolean {
  const ev = ctx.ev;
  if (ctx.totalHeads && readTotalValues(ev, ctx.totalHeads, row)) { ctx.totalHeads = undefined; return true; }
  if (ctx.mode === 'funding' && ctx.funding) {
    const f = readFundingRow(row, ctx.funding, ev.unit);
    if (f) {
      ev.funding.push(f.funding);
      if (f.rest.length) keepCells(f.funding.label, f.rest, row, ctx);
      return true;
    }
  }
  if (ctx.mode === 'goals') { readGoals(row, ctx); return true; }
  if (ctx.mode === 'indicators' && ctx.indicators) return readIndicatorRow(ev, ctx.indicators, row, ev.unit);
  return false;
}

function readRemark(row: PRow, ctx: Ctx): boolean {
  const cells = filled(row);
  const first = cells[0];
  if (!first) return true;
  if (/^其他需(要)?说明的?事项/.test(squash(first.text))) {
    const text = cells.slice(1).map((c) => c.text).join(' ');
    if (text) ctx.ev.remarks.push(text);
    return true;
  }
  if (!isNote(row, ctx)) return false;
  ctx.ev.remarks.push(first.text);
  ctx.lastNote = true;
  return true;
}

/**
 * Reads the rows after a title into `ev`. Returns the last line that belongs to the table and, when
 * another project's table follows under the same title, the index of its first row.
 */
export function readEvaluation(ev: PerformanceEvaluation, rows: readonly PRow[]): { end: number; next?: number } {
  const ctx: Ctx = { ev, mode: 'start', structured: false, prevNote: false, lastNote: false, end: ev.prov.line };
  let next: number | undefined;
  for (const [i, row] of rows.entries()) {
    ctx.prevNote = ctx.lastNote;
    ctx.lastNote = false;
    if (startsNextProject(row, ctx)) { next = i; break; }
    if (shouldStop(row, ctx)) break;
    if (!row.tabular && /^\d{1,3}$/.test(row.text.trim())) continue; // a page number
    const handled = readMeta(row, ctx) || readStructure(row, ctx) || readRemark(row, ctx) || readByMode(row, ctx);
    if (!handled) keep(row, ctx);
    ctx.end = row.endLine;
  }
  liftBlockScores(ev);
  const bands = gradeBandsIn(ev.remarks.join(''));
  if (bands.length) ev.gradeBands = bands;
  return next === undefined ? { end: ctx.end } : { end: ctx.end, next };
}
