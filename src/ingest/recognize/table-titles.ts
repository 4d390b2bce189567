/**
 * Line classification around the nine tables: titles (with their printed ordinal), the lines printed
 * between a title and its grid (ordinal, unit, 部门：…), notes, page artefacts, printed ordinals.
 */
import type { RawLine } from '../raw.js';
import type { TableKey } from '../../model/table.js';
import type { Unit } from '../../model/money.js';
import { BUDGET_OTHER_VARIANT, OTHER_TABLE_TITLES, TITLE_ALIASES, normalizeTitle } from '../../catalog/tables.js';
import { BUDGET_OTHER_TABLE_TITLES } from '../../catalog/budget-tables.js';
import { compactText } from './cells.js';
import { memoByText } from './performance-memo.js';

export interface TitleMatch {
  /** The standard table; absent for another budget table (机关运行经费, 政府采购 …, variant 'budget:other'). */
  key?: TableKey;
  variant: string;
  /** The title as printed (without markup). */
  title: string;
  ordinal?: string;
}

const ORDINAL_RE = /(公开\s*\d+\s*表|公开\s*表\s*[一二三四五六七八九十]+|附表\s*\d+(?:-\d+)?|表\s*[一二三四五六七八九十]+|表\s*\d+(?:-\d+)?)/;
const ORDINAL_ONLY_RE = new RegExp(`^[(（]?${ORDINAL_RE.source}[)）]?$`);
const LEADING_ENUM_RE = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|附件\s*\d*[-\d]*[：:、.]?)/;
const ENTITY_END_RE = /(局|厅|委|委员会|办公室|办|中心|院|所|站|处|队|馆|会|校|政府|单位|部门|本级|\)|）|社|团|协会|公司|年度|年)$/;
const SENTENCE_PUNCT_RE = /[。；;，,？?！!：:]/;

/** The printed ordinal inside a text ('公开01表', '表一'), normalised without spaces. */
export const findOrdinal = memoByText(function findOrdinal(text: string): string | undefined {
  const m = ORDINAL_RE.exec(text.normalize('NFKC'));
  return m ? m[1]!.replace(/\s+/g, '') : undefined;
});

export const isOrdinalOnly = memoByText(function isOrdinalOnly(text: string): boolean {
  return ORDINAL_ONLY_RE.test(compactText(text));
});

/** Strips enumerators, ordinals, a year and a unit note around a title; what is left is checked. */
const TRAILING_ORDINAL_RE = new RegExp(`[(（]?${ORDINAL_RE.source}[)）]?$`);
const LEADING_ORDINAL_RE = new RegExp(`^[(（]?${ORDINAL_RE.source}[)）]?[、.．:：]?`);
/** '2023年度部门决算公开表一：' before the title. */
const PREFIX_WITH_ORDINAL_RE = new RegExp(`^.{0,20}?${ORDINAL_RE.source}[、.．:：]`);

const titleCore = memoByText(function titleCore(text: string): string {
  let s = normalizeTitle(text);
  s = s.replace(TOC_PAGE_RE, '');
  s = s.replace(/[(（](?:金额)?单位[:：][^)）]*[)）]$/, '').replace(/(?:金额)?单位[:：](?:万元|元)$/, '');
  s = s.replace(TRAILING_ORDINAL_RE, '');
  s = s.replace(LEADING_ORDINAL_RE, '').replace(PREFIX_WITH_ORDINAL_RE, '');
  for (let k = 0; k < 3; k++) s = s.replace(LEADING_ENUM_RE, '');
  s = s.replace(/[(（]续[表]?[)）]$|续表$/, '');
  for (let k = 0; k < 2 && /表[(（][^()（）]{1,20}[)）]$/.test(s); k++) s = s.replace(/[(（][^()（）]{1,20}[)）]$/, '');
  return s;
});

/** A 目录 line's leader dots and page number ('收入支出决算总表……5', '收入支出决算总表 5'). */
const TOC_PAGE_RE = /(?<=表)[.．…·・\-—_]*(?:第)?\d{1,3}(?:页)?$/;

/** Recognises a line as the title of one of the nine tables. */
export function matchTitle(line: RawLine): TitleMatch | null {
  const text = line.cells.length === 1 ? line.cells[0]! : line.cells.filter((c) => c !== '').join('');
  const m = matchTitleText(text);
  return m ? { ...m } : null;
}

/** matchTitle on a line printing `text` alone, kept per text (matchTitle copies the result). */
export const matchTitleText = memoByText(function matchTitleText(text: string): Readonly<TitleMatch> | null {
  if (text.length > 70 || text.length < 4 || !text.includes('表')) return null;
  const core = titleCore(text);
  if (SENTENCE_PUNCT_RE.test(core.replace(/三公经费、/, ''))) return null;
  for (const a of TITLE_ALIASES) {
    if (!core.endsWith(a.alias)) continue;
    const prefix = core.slice(0, core.length - a.alias.length).replace(/^\d{4}年度?/, '');
    if (prefix !== '' && !ENTITY_END_RE.test(prefix)) return null;
    if (OTHER_TABLE_TITLES.some((o) => core.endsWith(o) && o.length > a.alias.length)) return null;
    const m: TitleMatch = { key: a.key, variant: a.variant, title: text.trim() };
    const ordinal = findOrdinal(text);
    if (ordinal) m.ordinal = ordinal;
    return m;
  }
  return null;
});

/** The title of another budget table (财政拨款支出预算表, 机关运行经费, 政府采购, 项目绩效目标 …), read and kept without a key. */
export const matchOtherBudgetTitleText = memoByText(function matchOtherBudgetTitleText(text: string): Readonly<TitleMatch> | null {
  if (text.length > 70 || text.length < 5 || !text.includes('表')) return null;
  const core = titleCore(text);
  if (SENTENCE_PUNCT_RE.test(core)) return null;
  const alias = BUDGET_OTHER_TABLE_TITLES.filter((o) => core.endsWith(o)).sort((a, b) => b.length - a.length)[0];
  if (!alias) return null;
  const prefix = core.slice(0, core.length - alias.length).replace(/^\d{4}年度?/, '');
  if (prefix !== '' && !ENTITY_END_RE.test(prefix) && !/^(?:部门|单位|预算单位)?$/.test(prefix)) return null;
  const m: TitleMatch = { variant: BUDGET_OTHER_VARIANT, title: text.trim() };
  const ordinal = findOrdinal(text);
  if (ordinal) m.ordinal = ordinal;
  return m;
});

/** A title of some other table (performance, procurement, 宁夏's project-expenditure table …). */
export function isOtherTableTitle(line: RawLine): boolean {
  return isOtherTableTitleText(line.cells.length === 1 ? line.cells[0]! : line.cells.filter((c) => c !== '').join(''));
}

/** isOtherTableTitle of a line printing `text` alone. */
export const isOtherTableTitleText = memoByText(function isOtherTableTitleText(text: string): boolean {
  if (text.length > 60 || !/表|情况/.test(text)) return false;
  const core = titleCore(text);
  return !SENTENCE_PUNCT_RE.test(core) && OTHER_TABLE_TITLES.some((o) => core.includes(o)) && /表|情况$/.test(core);
});

const UNIT_RE = /(?:金额)?单位\s*(?:[:：]|为|是)\s*(万元|元|万)(?![a-zA-Z\u4e00-\u9fa5])/;

/** The unit printed in a text ('金额单位：万元', '单位：元', '单位：万'). */
export const findUnit = memoByText(function findUnit(text: string): Unit | undefined {
  const m = UNIT_RE.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  return m[1] === '元' ? '元' : '万元';
});

const META_RE = /^(?:[(（]?万?元[)）]?$|(?:部门|单位|编制单位|编制部门|填报单位|填报部门|公开部门|主管部门|预算单位|部门名称|单位名称)(?:[(（][^)）]*[)）])?\s*[:：]|金额单位|单位\s*[:：]|[(（]?\s*\d{4}\s*年度?\s*[)）]?$|续表|[(（]续[表]?[)）]|表\s*\d+$)/;

/** A line printed between a title and its grid: ordinal, unit, 部门：…, the year, 续表. */
export function isMetaLine(line: RawLine): boolean {
  const cells = line.cells.filter((c) => c.trim() !== '');
  if (cells.length === 0) return false;
  return cells.every(isMetaCell);
}

const isMetaCell = memoByText(function isMetaCell(c: string): boolean {
  return isOrdinalOnly(c) || META_RE.test(c.normalize('NFKC').trim()) || (c.length <= 16 && findUnit(c) !== undefined);
});

const NOTE_RE = /^(?:注|说明|备注|注释|附注)\s*[:：\d]/;

export function isNoteLine(line: RawLine): boolean {
  return isNoteText(line.cells.find((c) => c.trim() !== '') ?? '');
}

const isNoteText = memoByText((text: string): boolean => NOTE_RE.test(text.normalize('NFKC').trim()));

/** A page artefact inside a table: a page number, '续表', a repeated ordinal or unit line. */
export function isPageArtefact(line: RawLine): boolean {
  const t = compactText(line.cells.join(''));
  return /^[-—–]*(?:第)?\d{1,3}(?:页)?[-—–]*$/.test(t) || /^第\d+页(?:共\d+页)?$/.test(t) || /^[(（]?续表?[)）]?$/.test(t) || isMetaLine(line);
}

/** A line that only lists the 目录. */
export function isTocHeading(line: RawLine): boolean {
  if (!line.text.includes('录') || line.text.length > 12) return false;
  return /^目录$/.test(compactText(line.cells.join('')));
}
