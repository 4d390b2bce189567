/**
 * The document's title and entity. The title is the first lines of the document (up to the 目录 or
 * the first numbered heading), joined when it wraps ('…（本级）2023 年度部' / '门决算公开说明'); the
 * entity is what the title prints before the year and the kind of document, else the value of the
 * '单位：' / '部门：' / '填报单位：' labels, else the subject of the first sentence ('XX局（以下简称…）').
 */
import type { Provenance } from '../../model/index.js';
import type { RawDocument, RawLine } from '../raw.js';
import { cleanLine } from './section-clean.js';
import { isTocMarker, parseHeading } from './section-headings.js';

export interface TitleInfo {
  text: string;
  entity?: string;
  year?: number;
  prov: Provenance;
}

const DOC_WORD = /决算|预算|绩效|自评|报告|公开/;
const TABLE_TITLE = /(决算|预算)?(总表|明细表|情况表|自评表|数据表|决算表)$/;
const HEAD_SCAN = 40;

function provOf(l: RawLine): Provenance {
  return { line: l.line, ...(l.page !== undefined && { page: l.page }) };
}

export function findTitle(raw: RawDocument): TitleInfo | undefined {
  const parts: { text: string; line: RawLine }[] = [];
  for (const l of raw.lines.slice(0, HEAD_SCAN)) {
    if (l.tabular && l.cells.filter((c) => c.trim()).length > 1) break;
    const c = cleanLine(l);
    if (!c.text) continue;
    const heading = parseHeading(c);
    if (isTocMarker(c.text) || (heading && !heading.style.startsWith('h')) || /[。；;，,：:]/.test(c.text) || c.text.length > 60) break;
    if (TABLE_TITLE.test(c.text.replace(/\s/g, ''))) break;
    parts.push({ text: c.text, line: l });
    if (parts.length >= 4) break;
  }
  const text = parts.map((p) => p.text).join('').replace(/\s+/g, ' ').trim();
  if (!parts.length || !DOC_WORD.test(text) || TABLE_TITLE.test(text.replace(/\s/g, ''))) return undefined;
  const info: TitleInfo = { text, prov: provOf(parts[0]!.line) };
  const year = /((?:19|20)\d\d)\s*年/.exec(text);
  if (year) info.year = Number(year[1]);
  const entity = entityInTitle(text);
  if (entity && !isRegionOnly(entity)) info.entity = entity;
  return info;
}

const ADMIN_SEGMENT = '[\\u4e00-\\u9fff]{1,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)';
const REGION_ONLY = new RegExp(`^(?:${ADMIN_SEGMENT})+(?:[省市区县]级|本级)?$`);
const ORG_WORD = /(局|委|办|厅|院|中心|站|所|队|馆|会|校|政府|处|部|社|团|公司|协会|街道|镇|乡)/;

/** '上海市普陀区区级', '江苏省省级', '上海市': an administrative area (and level), not a department. */
export function isRegionOnly(name: string): boolean {
  const n = name.replace(/\s+/g, '');
  if (/^[省市区县]级$/.test(n)) return true;
  return REGION_ONLY.test(n) && !ORG_WORD.test(n.replace(/(?:[省市区县]级|本级)$/, '').replace(/[省市区县州盟旗]/g, ''));
}

/** '乌鲁木齐市医疗保障局（本级）2023 年度部门决算公开说明' → '乌鲁木齐市医疗保障局（本级）'. */
export function entityInTitle(title: string): string | undefined {
  const t = title.replace(/\s+/g, '').replace(/(?:19|20)\d\d年度?/g, '').replace(/^[（(]?\d+[）)]?/, '').replace(/^关于/, '');
  const m = /^(.+?)(?:部门|单位)?(?:整体支出|整体)?(?:决算|预算|绩效|自评|公开)/.exec(t);
  const name = m?.[1]?.replace(/[　\s]+$/, '');
  return name && isEntityName(name) ? name : undefined;
}

function isEntityName(s: string): boolean {
  return s.length >= 2 && s.length <= 40 && /[\u4e00-\u9fff]/.test(s) && !/^(部门|单位|年度|本级)$/.test(s);
}

const LABEL = /^(?:部门|单位|编制单位|编制部门|填报单位|填报部门|单位名称|部门名称|预算单位|预算主管部门|主管部门|公开部门|报送单位|部门（单位）|部门\(单位\))(?:名称)?\s*[：:]\s*(.*)$/;

/** The most frequent value of the '单位：…' labels (tables print one each). */
export function entityFromLabels(raw: RawDocument): { text: string; prov: Provenance } | undefined {
  const found = new Map<string, { n: number; prov: Provenance }>();
  for (const l of raw.lines) {
    const cells = l.cells.length ? l.cells : [l.text];
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k]!;
      if (!cell.includes('：') && !cell.includes(':')) continue; // every label has its colon
      const m = LABEL.exec(cell.trim().replace(/^([部单])\s+([门位])/, '$1$2'));
      let value = m?.[1]?.split(/\s{2,}|\t/)[0]?.trim();
      if (m && !value) value = cells.slice(k + 1).find((c) => c.trim() !== '')?.trim(); // '部门：' | 'XX厅'
      if (!value || /^(万?元|千元)$/.test(value) || /单位\s*[：:]/.test(value) || !isEntityName(value) || isRegionOnly(value)) continue;
      const entry = found.get(value) ?? { n: 0, prov: provOf(l) };
      entry.n++;
      found.set(value, entry);
    }
  }
  let best: { text: string; prov: Provenance } | undefined;
  let n = 0;
  for (const [text, e] of found) if (e.n > n) [best, n] = [{ text, prov: e.prov }, e.n];
  return best;
}

const ORG = '(?:局|委员会|委|办公室|办|厅|院|中心|站|所|队|馆|学校|医院|政府|协会|社|处|部|会)';
const FIRST_SENTENCE = new RegExp(`^(?:[一二三四五六七八九十\\d]+[、.．]\\s*)?([\\u4e00-\\u9fff（）()]{2,30}?${ORG})(?:（以下简称|\\(以下简称|是|为|成立于|属于|属|贯彻|主要职责)`);

/** The subject of the first sentence that names an organisation. */
export function entityFromText(raw: RawDocument): { text: string; prov: Provenance } | undefined {
  for (const l of raw.lines) {
    if (l.tabular) continue;
    const m = FIRST_SENTENCE.exec(cleanLine(l).text);
    if (m?.[1]) return { text: m[1], prov: provOf(l) };
  }
  return undefined;
}
