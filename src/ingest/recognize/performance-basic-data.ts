/**
 * 部门整体支出绩效评价基础数据表 (湖南 and other provinces print it beside the 部门整体支出绩效自评表, often
 * as 附件1-1): 财政供养人员情况 (编制数 / 实际在职人数 / 控制率), 经费控制情况 by year column (2022年决算数 /
 * 2023年预算数 / 2023年决算数) with rows 一、部门基本支出, 三公经费, 公务接待, 公用经费, 政府采购金额 …, and
 * 厉行节约保障措施. It becomes a department evaluation (`basicData: true`) whose rows are kept as printed in
 * `extraRows`: the header rows too, each cell with its line and cell index, so the year columns can be
 * matched to the figures below them. Found by its title, or by its content where it is printed untitled.
 */
import type { Cell, PerformanceEvaluation, Unit } from '../../model/index.js';
import type { RawLine } from '../raw.js';
import { numberOf, toCell, type CellKind } from './performance-cells.js';
import { memoByText } from './performance-memo.js';
import { fieldsIn, filledDateIn, isYearLine, ordinalIn, titleKind, unitIn, yearIn } from './performance-meta.js';
import { cleanCell, filled, squash, toRows, type PRow } from './performance-rows.js';

export const BASIC_DATA_TITLE = '部门整体支出绩效评价基础数据表';

const TITLE_RE = /绩效(?:评价|自评)?基础数据表$|整体支出基础数据表$/;
const ORDINAL_PREFIX_RE = /^((?:附件|附表)[:：]?\d+(?:-\d+)?|公开\d{1,2}表)[、.．:：]?/;
const NOTE_RE = /^(备注|注[:：\d]|说明|填表人|填报人|审核人|单位负责人|联系电话|财务负责人)/;
const ANCHOR_RE = /^(财政供养人员情况|经费控制情况|人员控制情况|经费支出情况)$/;
const MONEY_HEADER_RE = /预算|决算|执行|支出|金额|万元/;
const MAX_SKIPPED = 3;

export interface BasicDataTitle {
  index: number;
  text: string;
  /** The title's whole cell as printed (with its ordinal and a bracketed year). */
  printed: string;
  ordinal?: string;
}

function lineText(line: RawLine): string {
  return line.cells.map(cleanCell).filter(Boolean).join('');
}

/** The title a text names after its ordinal ('附件1-1   部门整体支出绩效评价基础数据表'), with that ordinal. */
const titleOf = memoByText(function titleOf(text: string): Readonly<{ text: string; ordinal?: string }> | undefined {
  let t = squash(text.replace(/<\/?[a-z][^>]*>/gi, '')).replace(/^#+/, '');
  const m = ORDINAL_PREFIX_RE.exec(t);
  if (m) t = t.slice(m[0].length);
  const body = t.replace(/[（(][^（()）]{0,30}[)）]$/, '');
  if (body.length > 40 || /[，。；]/.test(body) || /详见|见附|附后/.test(body) || !TITLE_RE.test(body)) return undefined;
  const ordinal = m ? m[1]!.replace(/[:：]/, '') : undefined;
  return Object.freeze(ordinal ? { text: body, ordinal } : { text: body });
});

function isCompanion(text: string): boolean {
  return !!ordinalIn(text) || isYearLine(text) || !!unitIn(text);
}

/** A 基础数据表 title on this line (alone, or beside an ordinal, a year or a unit). */
export function basicDataTitleAt(lines: readonly RawLine[], index: number): BasicDataTitle | undefined {
  const cells = lines[index]!.cells.map(cleanCell).filter(Boolean);
  const at = cells.findIndex((c) => titleOf(c));
  if (at < 0 || cells.some((c, i) => i !== at && !isCompanion(c))) return undefined;
  const found = titleOf(cells[at]!)!;
  const ordinal = found.ordinal ?? cells.map((c) => ordinalIn(c)).find(Boolean) ?? ordinalBefore(lines, index);
  return { index, text: found.text, printed: cells[at]!, ...(ordinal ? { ordinal } : {}) };
}

function ordinalBefore(lines: readonly RawLine[], index: number): string | undefined {
  for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
    const t = lineText(lines[i]!);
    if (t) return ordinalIn(t);
  }
  return undefined;
}

/** A line where the region of a 基础数据表 ends: another table's title or ordinal. */
function endsRegion(lines: readonly RawLine[], i: number): boolean {
  const line = lines[i]!;
  const t = lineText(line);
  if (!t) return false;
  if (titleKind(t) || basicDataTitleAt(lines, i) || ordinalIn(t)) return true;
  const s = squash(t);
  return line.cells.filter((c) => cleanCell(c)).length === 1 && s.length <= 40 && /表$/.test(s) && !NOTE_RE.test(s);
}

/** The lines of the table from `from`: up to the next title, ordinal or consumed line. */
export function basicDataRegion(lines: readonly RawLine[], from: number, used: ReadonlySet<number>): RawLine[] {
  const out: RawLine[] = [];
  for (let i = from; i < lines.length; i++) {
    if (used.has(lines[i]!.line) || endsRegion(lines, i)) break;
    out.push(lines[i]!);
  }
  return out;
}

/** Untitled tables: a 财政供养人员情况 / 经费控制情况 row outside every table (with a 填报 row just above). */
export function untitledBasicDataStarts(lines: readonly RawLine[], used: ReadonlySet<number>): number[] {
  const out: number[] = [];
  lines.forEach((line, i) => {
    const first = line.cells.map(cleanCell).find(Boolean) ?? '';
    if (used.has(line.line) || !line.tabular || !ANCHOR_RE.test(squash(first))) return;
    const prev = lines[i - 1];
    const [row] = prev && !used.has(prev.line) ? toRows([prev]) : [];
    out.push(row && (filledDateIn(row) || fieldsIn(row).length) ? i - 1 : i);
  });
  return out;
}

interface State {
  ev: PerformanceEvaluation;
  kind: CellKind;
  body: boolean;
  notes: boolean;
  /** Rows skipped before the body (a heading, a paragraph): more than a few and this is no table. */
  skipped: number;
}

/** A header row: two or more cells beside the label, none of them a number (编制数 | 2023年预算数 …). */
function headerKind(row: PRow): CellKind | undefined {
  const rest = filled(row).filter((c) => c !== row.cells[0]);
  if (rest.length < 2 || rest.some((c) => numberOf(c.text))) return undefined;
  if (!rest.some((c) => /(?:19|20)\d{2}年|数$|率$/.test(squash(c.text)))) return undefined;
  return rest.some((c) => MONEY_HEADER_RE.test(c.text)) ? 'amount' : 'number';
}

function keepRow(row: PRow, st: State, kind: CellKind): void {
  const [first, ...rest] = row.cells;
  const cells: Cell[] = rest.filter((c) => c.text !== '').map((c) => toCell(c, st.ev.unit, kind));
  st.ev.extraRows ??= [];
  st.ev.extraRows.push({ label: first?.text ?? '', cells, prov: first ? { ...first.prov } : { line: row.line } });
}

/** Reads one row; false when the table has ended. */
function readRow(row: PRow, st: State): boolean {
  const cells = filled(row);
  const date = filledDateIn(row);
  if (date && !st.ev.filledDate) st.ev.filledDate = date;
  if (cells.length && NOTE_RE.test(squash(cells[0]!.text))) {
    st.ev.remarks.push(cells.map((c) => c.text).join(' '));
    st.notes = true;
    return true;
  }
  if (date || fieldsIn(row).length || (cells.length === 1 && (unitIn(cells[0]!.text) || isYearLine(cells[0]!.text)))) return true;
  if (!row.tabular || st.notes) return !st.body && ++st.skipped <= MAX_SKIPPED;
  const header = headerKind(row);
  if (header) st.kind = header;
  keepRow(row, st, header ? 'text' : st.kind);
  st.body = true;
  return true;
}

/** Enough of the form's content: a year-column or staff header and some rows naming the form's items. */
function looksLikeBasicData(ev: PerformanceEvaluation): boolean {
  const rows = ev.extraRows ?? [];
  const anchored = rows.some((r) => ANCHOR_RE.test(squash(r.label)));
  const yearCols = rows.some((r) => r.cells.filter((c) => /(?:19|20)\d{2}年.*(预算|决算|执行)/.test(squash(c.text))).length >= 2);
  const items = rows.filter((r) => /三公|公用经费|基本支出|项目支出|公务接待|政府采购|在职人数|编制数/.test(squash(r.label))).length;
  return rows.length >= 3 && (anchored || yearCols) && (items >= 1 || anchored);
}

export interface BasicDataStart {
  line: RawLine;
  title?: BasicDataTitle;
}

/** Reads the table from the lines of its region; undefined when they do not hold one. */
export function readBasicData(start: BasicDataStart, region: readonly RawLine[], unit: Unit | undefined, id: string): PerformanceEvaluation | undefined {
  const { line, title } = start;
  const ev: PerformanceEvaluation = {
    id, kind: 'department', basicData: true, project: '部门整体支出', title: title?.text ?? '', unit: unit ?? '万元',
    unitSource: unit ? 'printed' : 'assumed', funding: [], indicators: [], remarks: [],
    prov: { line: line.line, ...(line.page !== undefined ? { page: line.page } : {}) }, endLine: line.line,
  };
  if (title?.ordinal) ev.ordinal = title.ordinal;
  const year = title ? yearIn(title.printed) : undefined;
  if (year !== undefined) ev.year = year;
  const st: State = { ev, kind: 'number', body: false, notes: false, skipped: 0 };
  for (const row of toRows(region)) {
    if (!readRow(row, st)) break;
    ev.endLine = row.endLine;
  }
  if (!looksLikeBasicData(ev)) return undefined;
  const columnYear = latestColumnYear(ev);
  if (ev.year === undefined && columnYear !== undefined) ev.year = columnYear;
  return ev;
}

/** The latest year a header cell names (2022年决算数 | 2023年预算数 | 2023年决算数 → 2023): the year evaluated. */
function latestColumnYear(ev: PerformanceEvaluation): number | undefined {
  const years = (ev.extraRows ?? []).flatMap((r) => r.cells)
    .filter((c) => c.value.kind === 'text')
    .map((c) => /^((?:19|20)\d{2})年度?(?:年初|全年|调整后)?(?:预算|决算|执行|实际)/.exec(squash(c.text))?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number);
  return years.length ? Math.max(...years) : undefined;
}

/** The unit printed above the table body ('单位：万元'), if any. */
export function basicDataUnit(region: readonly RawLine[]): Unit | undefined {
  for (const line of region.slice(0, 8)) {
    for (const c of line.cells) {
      const u = unitIn(cleanCell(c));
      if (u) return u;
    }
  }
  return undefined;
}
