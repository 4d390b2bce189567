/**
 * Header analysis of a table grid: where the header ends and the data begins, the 栏次 numbering
 * line, and each column's header path (levels joined, split cells re-joined: '公务用车购 置费').
 */
import { compactText, isIntegerText, isNumberText } from './cells.js';
import type { GridRow } from './table-grid.js';
import { cellText } from './table-grid.js';

const NUMBERING_WORDS = /^(栏次|档次|行次|类|款|项|科目名称|科目编码|科目代码|合计|项目|金额|支出功能分类科目编码)$/;
/** 合计 and its forms; '收入总计' heads a 收入预算总表 listed by source (its 小计 rows are the groups'). */
const TOTAL_LABEL = /^(合计|总计|小计|本年合计|(?:本年)?(?:收入|支出)(?:合计|总计))$/;

/** Columns of a 栏次 line (1, 2, 3 … in order) as column indexes; null when the row is not one. */
export function numberingColumns(row: GridRow): number[] | null {
  const cols: number[] = [];
  let expected = 1;
  for (let c = 0; c < row.cells.length; c++) {
    const t = compactText(cellText(row, c));
    if (t === '') continue;
    if (isIntegerText(t) && Number(t) === expected) {
      cols.push(c);
      expected++;
    } else if (!NUMBERING_WORDS.test(t)) return null;
  }
  return cols.length >= 2 ? cols : null;
}

/** A cell holding a classification code (3, 5 or 7 digits), possibly followed by the name. */
export const CODE_CELL_RE = /^(\d{3}(?:\d{2}){0,2})(?:\s*([^\d\s].*))?$/;

/** An amount as printed in a data row: has a decimal point or thousands separator. */
export function isAmountLike(text: string): boolean {
  const t = text.trim();
  return isNumberText(t) && /[.,，．]/.test(t);
}

export function isTotalLabel(text: string): boolean {
  return TOTAL_LABEL.test(compactText(text));
}

/**
 * True when the row holds data (not header): an amount, a code in the leading cells, a 合计 label,
 * or a label the caller knows as a row of this table.
 */
export function isDataRow(row: GridRow, knownLabel: (text: string, index: number) => boolean): boolean {
  if (numberingColumns(row)) return false;
  const cells = row.cells.map((c) => c.text);
  if (cells.some(isAmountLike)) return true;
  if (cells.some((t) => HEADER_WORD.test(compactText(t)))) return false;
  if (cells.filter((t) => isNumberText(t) && !CODE_CELL_RE.test(t.trim())).length >= 2) return true;
  const lead = cells.slice(0, 4);
  if (lead.some((t) => CODE_CELL_RE.test(t.trim()) && !isIntegerSmall(t))) return true;
  if (cells.some((t, i) => t !== '' && knownLabel(t, i))) return true;
  return isTotalRow(cells);
}

/** Words only a header prints. */
const HEADER_WORD = /^(项目|项目\(.*\)|行次|金额|决算数|预算数|科目代码|科目编码|科目名称|功能分类科目编码|支出功能分类科目编码|经济分类科目编码)$/;

/** A 合计 row: the total label is the only text, apart from a 栏次 label ('栏 次 | 合 计' rows). */
function isTotalRow(cells: string[]): boolean {
  const texts = cells.map(compactText).filter((t) => t !== '' && !isNumberText(t));
  return texts.some((t) => /^(合计|总计)$/.test(t)) && texts.every((t) => TOTAL_LABEL.test(t) || /^(栏次|档次)$/.test(t));
}

/** 1–99 printed alone is a 行次 or 栏次 rather than a code. */
function isIntegerSmall(t: string): boolean {
  return /^\d{1,2}$/.test(t.trim());
}

export interface HeaderSplit {
  header: GridRow[];
  /** The 栏次 line with the most numbered columns, when printed. */
  numbering?: number[];
  dataStart: number;
}

export function splitHeader(grid: GridRow[], knownLabel: (text: string, index: number) => boolean): HeaderSplit {
  let dataStart = grid.findIndex((r) => isDataRow(r, knownLabel));
  if (dataStart < 0) dataStart = grid.length;
  // A row printing header words (项目 | 预算数) just below the first "data" row: that row was a header
  // level whose labels are also row labels (本年收入 | 本年支出, 财政拨款收入 | 财政拨款支出).
  const labelsOnly = (k: number): boolean => !grid[k]!.cells.some((c) => isAmountLike(c.text));
  for (let k = dataStart + 1; k < Math.min(grid.length, dataStart + 3) && labelsOnly(k - 1); k++) {
    if (labelsOnly(k) && grid[k]!.cells.some((c) => HEADER_WORD.test(compactText(c.text)))) dataStart = k + 1;
  }
  const header = grid.slice(0, dataStart);
  let numbering: number[] | undefined;
  for (const h of header) {
    const n = numberingColumns(h);
    if (n && (!numbering || n.length > numbering.length)) numbering = n;
  }
  const out: HeaderSplit = { header, dataStart };
  if (numbering) out.numbering = numbering;
  return out;
}

/**
 * Header path of every column: the labels of each header level joined with '/'. A blank cell takes
 * the label on its left (a horizontally merged cell) when the column has a label further down.
 */
export function headerPaths(header: GridRow[], width: number): string[] {
  const rows = header.filter((h) => !numberingColumns(h));
  const labels = rows.map((h) => Array.from({ length: width }, (_, c) => headerLabel(cellText(h, c))));
  // The last row with a label, per column (rows below r are not yet changed when row r is: the
  // answer is that of the original labels). Rescanning the rows below for every cell was cubic in
  // a header of many rows (a fuzzed page: 13 s).
  const lastLabelled = Array.from({ length: width }, (_, c) => {
    for (let r = labels.length - 1; r >= 0; r--) if (labels[r]![c] !== '') return r;
    return -1;
  });
  const hasBelow = (r: number, c: number): boolean => lastLabelled[c]! > r;
  for (let r = 0; r < labels.length; r++) {
    for (let c = 1; c < width; c++) {
      if (labels[r]![c] !== '' || !hasBelow(r, c)) continue;
      const left = labels[r]![c - 1]!;
      const sameParent = r === 0 || labels[r - 1]![c] === labels[r - 1]![c - 1];
      if (left !== '' && sameParent && !looksLikeLabelColumn(left)) labels[r]![c] = left;
    }
  }
  return Array.from({ length: width }, (_, c) => joinPath(labels.map((l) => l[c]!)));
}

/** A header cell's label; unit and unit-like notes printed in the header are not labels. */
function headerLabel(text: string): string {
  const t = compactText(text);
  return /单位[:：]/.test(t) ? '' : t;
}

function looksLikeLabelColumn(label: string): boolean {
  return /^(项目|科目|科目名称|科目编码|科目代码|功能分类科目编码|支出功能分类科目编码|类|款|项|行次|栏次)$/.test(label) || /^项目/.test(label);
}

/** Joins levels, dropping repeats, and re-joins a word split over two levels ('公务用车购' + '置费'). */
function joinPath(levels: string[]): string {
  const out: string[] = [];
  for (const l of levels) {
    if (l === '' || out[out.length - 1] === l) continue;
    const splitTail = out.length > 0 && l.length <= 2 && !/^(小计|合计|结转|结余|类|款|项|金额)$/.test(l);
    if (splitTail) out[out.length - 1] += l;
    else out.push(l);
  }
  return out.join('/');
}
