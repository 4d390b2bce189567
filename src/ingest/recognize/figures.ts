/**
 * Finds the figures printed in a sentence: amounts with their unit (2502.70 万元, 1,016.01 万元, 610.1元),
 * percentages (66.95%, -26.35%), counts with a measure word (9 批次, 101 人, 0 辆), years (2023 年) and
 * empty placeholders ('下降%', '增加万元'). Offsets are in the sentence text; the unit is kept as printed.
 */
import { parseAmount, type Amount } from '../../model/money.js';

export type FigureKind = 'amount' | 'percent' | 'count' | 'year' | 'placeholder';

export interface FigureToken {
  kind: FigureKind;
  /** Offset of the first printed character in the sentence, and one past the last. */
  start: number;
  end: number;
  printed: string;
  /** The number normalised: ASCII digits, no separators, sign kept ('-26.35'). */
  value?: string;
  decimals?: number;
  unitText?: string;
  amount?: Amount;
  /** Where the words that describe the figure end (the number's start; for a placeholder, its unit). */
  anchor: number;
  /** For a placeholder: the word printed before the missing number ('下降'). */
  word?: string;
}

/** Measure words of counts, longest first so '人次' wins over '人' and '批次' over '批'. */
const MEASURES = [
  '个百分点', '百分点', '台（套）', '台(套)', '万人次', '平方米', '人次', '批次', '团组', '个次', '万人', '万户', '万份', '小时',
  '人', '辆', '个', '批', '次', '团', '组', '台', '套', '项', '家', '户', '件', '名', '所', '条', '份', '篇', '场', '期', '天', '分', '张', '本', '册', '处', '座', '间', '架', '艘', '株', '亩', '公里', '千米', '米',
];
/** A measure word followed by these is the start of another word ('2024项目', '5人员'): no count. */
const NOT_A_MEASURE: Record<string, RegExp> = {
  项: /^目/, 人: /^[员民口均]/, 个: /^[人体]/, 次: /^性/, 家: /^庭/, 名: /^[称单义]/, 件: /^事/, 期: /^[间末初]/,
  天: /^然/, 分: /^[类配别析钟之]/, 所: /^[属有在]/, 条: /^[件例]/, 台: /^账/, 本: /^[级年单部]/, 处: /^[室理]/,
  场: /^所/, 组: /^[织成]/, 团: /^体/, 户: /^籍/, 米: /^面/, 间: /^[隔距]/,
};
const AMOUNT_UNITS = ['万元', '亿元', '千元', '元'];
const PERCENT_UNITS = ['%', '％'];
/** Amount units may wrap between their characters ('万\n元'): the unit is matched across blanks. */
const UNIT_ALT = [...AMOUNT_UNITS, ...PERCENT_UNITS, ...MEASURES]
  .sort((a, b) => b.length - a.length)
  .map((u) => (AMOUNT_UNITS.includes(u) && u.length > 1 ? [...u].map(escapeRe).join(String.raw`[ \t\r\n]*`) : escapeRe(u)))
  .join('|');
/** sign? number (thousands separators optional) blanks? unit? */
const FIGURE_RE = new RegExp(String.raw`(?<![\d.,])([-+])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d])(\s*)(${UNIT_ALT}|年)?`, 'g');
const HAS_DIGIT = /\d/;
const PLACEHOLDER_RE = /(增长|下降|降低|上升|提高|增加|减少|占比?|为|的|达到?|是|率)(\s*)(%|万元|元)/g;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Full-width digits and signs to ASCII, one character for one (offsets stay valid). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９．－＋％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function findFigures(sentence: string): FigureToken[] {
  const text = asciiDigits(sentence);
  const out: FigureToken[] = [];
  // The patterns are slow to scan: skip them where what they need is absent (a digit; a % or 元).
  if (HAS_DIGIT.test(text)) {
    FIGURE_RE.lastIndex = 0;
    for (let m = FIGURE_RE.exec(text); m; m = FIGURE_RE.exec(text)) {
      const token = toToken(sentence, m);
      if (token) out.push(token);
    }
  }
  if (text.includes('%') || text.includes('元')) {
    PLACEHOLDER_RE.lastIndex = 0;
    for (let m = PLACEHOLDER_RE.exec(text); m; m = PLACEHOLDER_RE.exec(text)) if (isPlaceholder(text, m)) out.push(placeholderToken(sentence, m));
  }
  return out.sort((a, b) => a.start - b.start);
}

function placeholderToken(sentence: string, m: RegExpMatchArray): FigureToken {
  const index = m.index!;
  const unitAt = index + m[1]!.length + m[2]!.length;
  return {
    kind: 'placeholder',
    start: index,
    end: index + m[0].length,
    printed: sentence.slice(index, index + m[0].length),
    unitText: sentence.slice(unitAt, index + m[0].length),
    anchor: unitAt,
    word: m[1]!,
  };
}

/** '下降%', '增加万元': a change or share word with no number; not '单位为万元' nor '的元'. */
function isPlaceholder(text: string, m: RegExpMatchArray): boolean {
  const word = m[1]!;
  if (m[3] === '%') return true;
  if (/^(占|占比|的|是|达|达到|率)$/.test(word)) return false;
  return !/单位\s*$/.test(text.slice(0, m.index));
}

function toToken(sentence: string, m: RegExpMatchArray): FigureToken | null {
  const [whole, sign = '', num, , printedUnit] = m;
  if (!printedUnit) return null;
  const unit = /\s/.test(printedUnit) ? printedUnit.replace(/\s+/g, '') : printedUnit;
  const index = m.index!;
  const numStart = index + sign.length;
  const normalised = num!.includes(',') ? num!.replace(/,/g, '') : num!;
  const point = normalised.indexOf('.');
  const decimals = point < 0 ? 0 : normalised.length - point - 1;
  if (unit === '年') return yearToken(sentence, numStart, normalised, whole.length - sign.length, index);
  const kind: FigureKind = AMOUNT_UNITS.includes(unit) ? 'amount' : PERCENT_UNITS.includes(unit) ? 'percent' : 'count';
  if (kind === 'count' && NOT_A_MEASURE[unit]?.test(sentence.slice(index + whole.length))) return null;
  // A sign belongs to a percentage or an amount ('差异率-26.35%'), not to a range '5-12 月'.
  const signed = kind !== 'count' && sign !== '' && !/\d/.test(sentence[index - 1] ?? '');
  const start = signed ? index : numStart;
  const end = index + whole.length;
  const value = (signed && sign === '-' ? '-' : '') + normalised;
  const token: FigureToken = {
    kind, start, end, printed: sentence.slice(start, end), value, decimals, unitText: unit, anchor: start,
  };
  if (kind === 'amount') {
    const amount = amountOf(value, unit, sentence.slice(start, end - printedUnit.length).trim());
    if (amount) token.amount = amount;
  }
  return token;
}

function yearToken(sentence: string, numStart: number, normalised: string, length: number, index: number): FigureToken | null {
  if (!/^(19|20)\d\d$/.test(normalised)) return null;
  const end = numStart + length;
  return { kind: 'year', start: numStart, end, printed: sentence.slice(numStart, end), value: normalised, decimals: 0, unitText: '年', anchor: Math.max(index, numStart) };
}

/** 元 and 万元 parse as printed; 亿元 and 千元 are not units of the model and carry no amount. */
function amountOf(value: string, unit: string, printedNumber: string): Amount | undefined {
  if (unit !== '元' && unit !== '万元') return undefined;
  const a = parseAmount(value, unit);
  return a ? { ...a, printed: printedNumber } : undefined;
}
