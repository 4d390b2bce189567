/** Titles, units, years, dates and labelled fields of performance tables. */
import type { Provenance, Unit } from '../../model/index.js';
import { memoByText } from './performance-memo.js';
import { filled, squash, type PCell, type PRow } from './performance-rows.js';

export type TitleKind = 'project' | 'department' | 'transfer' | 'summary';

const TITLE_RE = /绩效(?:目标)?自评(?:价)?(?:结果|情况)?(?:汇总)?表$|项目(?:支出)?绩效评价表$/;

/**
 * What kind of performance table a line titles, or null. A title is a short line (a heading, or a
 * paragraph) ending in …绩效自评表 / …自评情况汇总表 (or 项目支出绩效评价表), possibly numbered
 * (附件1-2、) and followed by a bracketed year; a sentence that mentions one is not a title.
 */
export const titleKind = memoByText(function titleKind(text: string): TitleKind | null {
  const t = squash(text.replace(/<\/?[a-z][^>]*>/gi, ''))
    .replace(/^#+/, '')
    .replace(/[（(][^（()）]{0,30}[)）]$/, '');
  if (t.length > 60 || /[，。；]/.test(t) || /详见|见附|附后/.test(t) || !TITLE_RE.test(t)) return null;
  if (/汇总表$/.test(t)) return 'summary';
  if (/转移支付/.test(t)) return 'transfer';
  if (/部门整体|整体支出/.test(t)) return 'department';
  return 'project';
});

const UNIT_RE = /(?:金额)?单位[:：]\s*(万元|元|万)\s*[)）]?$|[（(]\s*(万元|元)\s*[)）]/;

/** The unit a cell declares ('单位：万元', '金额单位：元', '单位：万' = 万元, '项目资金（万元）'), or null. */
export const unitIn = memoByText(function unitIn(text: string): Unit | null {
  const m = UNIT_RE.exec(squash(text));
  const u = m?.[1] ?? m?.[2];
  if (!u) return null;
  return u === '元' ? '元' : '万元';
});

/** The evaluated year printed in a title or a '(2024年度)' line. */
export const yearIn = memoByText(function yearIn(text: string): number | undefined {
  const m = /((?:19|20)\d{2})年度?/.exec(squash(text));
  return m ? Number(m[1]) : undefined;
});

export const isYearLine = memoByText(function isYearLine(text: string): boolean {
  return /^[（(]?(?:19|20)\d{2}年度?[)）]?$/.test(squash(text));
});

export interface FilledDate {
  text: string;
  year?: number;
  month?: number;
  day?: number;
  prov: Provenance;
}

const DATE_RE = /填[报表](?:时间|日期)[:：]?\s*((?:19|20)\d{2}\s*[.\-/年．]\s*\d{1,2}\s*[.\-/月．]\s*\d{1,2}\s*日?)/;

/** The date of an inline '填报时间：2024年3月1日' in a cell text. */
const inlineDateOf = memoByText((text: string): string | undefined => DATE_RE.exec(text.normalize('NFKC'))?.[1]);

/** 填报时间 in a row (inline 'label：value' or the value in the next cell). */
export function filledDateIn(row: PRow): FilledDate | undefined {
  const cells = filled(row);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const inline = inlineDateOf(c.text);
    const next = cells[i + 1];
    const text = inline ?? (/^填[报表](?:时间|日期)[:：]?$/.test(squash(c.text)) && next ? next.text : undefined);
    if (text === undefined) continue;
    const at = inline ? c : next!;
    const m = /((?:19|20)\d{2})\s*[.\-/年．]\s*(\d{1,2})\s*[.\-/月．]\s*(\d{1,2})/.exec(text.normalize('NFKC'));
    const d: FilledDate = { text: text.trim(), prov: at.prov };
    if (m) Object.assign(d, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
    return d;
  }
  return undefined;
}

export type FieldKey = 'project' | 'department' | 'implementer' | 'compiler';

const FIELD_RES: [RegExp, FieldKey][] = [
  [/^项目名称$/, 'project'],
  [/^(?:地方)?主管部门$/, 'department'],
  [/^中央主管部门$/, 'department'],
  [/^(?:项目)?实施单位$|^资金使用单位$/, 'implementer'],
  [/^(?:编制|填报|报送)单位(?:[（(]盖章[)）])?$|^部门(?:[（(]单位[)）])?(?:名称)?$/, 'compiler'],
];

const fieldKey = memoByText(function fieldKey(text: string): FieldKey | undefined {
  const t = squash(text).replace(/[:：]$/, '');
  for (const [re, key] of FIELD_RES) if (re.test(t)) return key;
  return undefined;
});

/** Labelled fields of a row: '项目名称 | | X', '编制单位：X' (inline), several per row. */
export function fieldsIn(row: PRow): { key: FieldKey; value: PCell }[] {
  const out: { key: FieldKey; value: PCell }[] = [];
  const cells = filled(row);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const key = fieldKey(c.text);
    const next = cells[i + 1];
    if (key && next && !fieldKey(next.text)) {
      out.push({ key, value: next });
      i++;
      continue;
    }
    const inline = /^((?:编制|填报|报送)单位(?:[（(]盖章[)）])?|部门[（(]单位[)）])[:：]\s*(.+?)(?:\s{2,}|\s*填[报表](?:时间|日期)|$)/.exec(c.text);
    if (inline?.[2]) out.push({ key: 'compiler', value: { text: inline[2].trim(), prov: c.prov } });
  }
  return out;
}

/** Printed table ordinal (公开12表, 附件1-2). */
export const ordinalIn = memoByText(function ordinalIn(text: string): string | undefined {
  const t = squash(text);
  const m = /^(公开\d{1,2}表|附件\d+(?:-\d+)?|附表\d+(?:-\d+)?|表[一二三四五六七八九十\d]+)$/.exec(t);
  return m?.[1];
});
