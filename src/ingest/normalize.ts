/**
 * Text normalisation shared by the format readers (PDF, Excel, Word, web pages), and the small
 * helper that numbers RawLines. Display text is kept as printed (full-width punctuation such as
 * （）：stays), except for code points that are artefacts of the producer:
 * - CJK Radicals Supplement (U+2E80–2EF3: ⻔ → 门), which NFKC leaves alone: a mapping table;
 * - Kangxi Radicals (U+2F00–2FD5: ⽬ → 目): NFKC, per character;
 * - NBSP and other odd spaces → a plain space; zero-width characters removed.
 * Numeric cells (full-width digits １２３．４５) are rewritten with NFKC.
 */
import type { RawLine } from './raw.js';

/** CJK Radicals Supplement → the unified ideograph it stands for (Unicode EquivalentUnifiedIdeograph). */
const RADICALS_SUPPLEMENT: Record<number, string> = {
  0x2e81: '厂', 0x2e82: '乛', 0x2e83: '乚', 0x2e84: '乙', 0x2e85: '亻', 0x2e86: '冂', 0x2e89: '刂',
  0x2e8a: '卜', 0x2e8b: '㔾', 0x2e8c: '小', 0x2e8d: '小', 0x2e8e: '兀', 0x2e8f: '尣', 0x2e90: '尢',
  0x2e92: '巳', 0x2e93: '幺', 0x2e94: '彑', 0x2e95: '彐', 0x2e96: '忄', 0x2e97: '心', 0x2e98: '扌',
  0x2e99: '攵', 0x2e9b: '旡', 0x2e9c: '日', 0x2e9d: '月', 0x2e9e: '歺', 0x2e9f: '母', 0x2ea0: '民',
  0x2ea1: '氵', 0x2ea2: '氺', 0x2ea3: '灬', 0x2ea4: '爫', 0x2ea6: '丬', 0x2ea7: '牛', 0x2ea8: '犭',
  0x2ea9: '王', 0x2eaa: '疋', 0x2eab: '罒', 0x2eac: '示', 0x2ead: '礻', 0x2eaf: '糹', 0x2eb0: '纟',
  0x2eb1: '罓', 0x2eb2: '罒', 0x2eb6: '羊', 0x2eb7: '羊', 0x2eb9: '耂', 0x2eba: '肀', 0x2ebc: '月',
  0x2ebd: '臼', 0x2ebe: '艹', 0x2ebf: '艹', 0x2ec0: '艹', 0x2ec1: '虎', 0x2ec2: '衤', 0x2ec3: '覀',
  0x2ec4: '西', 0x2ec5: '见', 0x2ec6: '角', 0x2ec8: '讠', 0x2ec9: '贝', 0x2eca: '足', 0x2ecb: '车',
  0x2ecc: '辶', 0x2ecd: '辶', 0x2ece: '辶', 0x2ecf: '阝', 0x2ed0: '钅', 0x2ed1: '長', 0x2ed2: '镸',
  0x2ed3: '长', 0x2ed4: '门', 0x2ed5: '阜', 0x2ed6: '阝', 0x2ed7: '雨', 0x2ed8: '青', 0x2ed9: '韦',
  0x2eda: '页', 0x2edb: '风', 0x2edc: '飞', 0x2edd: '食', 0x2edf: '飠', 0x2ee0: '饣', 0x2ee2: '马',
  0x2ee3: '骨', 0x2ee4: '鬼', 0x2ee5: '鱼', 0x2ee6: '鸟', 0x2ee7: '卤', 0x2ee8: '麦', 0x2ee9: '黄',
  0x2eea: '黾', 0x2eeb: '斉', 0x2eec: '齐', 0x2eed: '歯', 0x2eee: '齿', 0x2eef: '竜', 0x2ef0: '龙',
  0x2ef1: '龜', 0x2ef2: '亀', 0x2ef3: '龟',
};

// eslint-disable-next-line no-control-regex
const ODD_CHARS = /[\u2e80-\u2ef3\u2f00-\u2fd5\u00a0\u2000-\u200b\u200c-\u200f\u2028\u2029\u202f\u205f\u2060\ufeff\u00ad]/g;

function fixChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x2e80 && cp <= 0x2ef3) return RADICALS_SUPPLEMENT[cp] ?? ch;
  if (cp >= 0x2f00 && cp <= 0x2fd5) return ch.normalize('NFKC');
  if (cp === 0x00a0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f) return ' ';
  return '';
}

/** Fixes producer artefacts (radicals, odd spaces, zero-width characters); keeps the printed text otherwise. */
export function normalizeText(s: string): string {
  return s.replace(ODD_CHARS, fixChar);
}

const CJK = '\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60';
const BROKEN_LINE = new RegExp(`([${CJK}])[ \\t]*[\\r\\n][\\s]*(?=[${CJK}])`, 'g');

/** True when the character is Chinese (ideographs, CJK punctuation, full-width forms). */
const CJK_CHAR = new RegExp(`^[${CJK}]$`);
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}

/**
 * Whitespace as a reader should keep it: a line break between two Chinese characters (a wrapped
 * line in markup or a cell) disappears; other runs (also U+3000) become one space; trimmed.
 */
export function collapseSpaces(s: string): string {
  return s.replace(BROKEN_LINE, '$1').replace(/[\s\u3000]+/g, ' ').trim();
}

const NUMERIC_NFKC = /^[\s(（\-－—+＋]*[0-9０-９][0-9０-９,，.．\s%％)）]*$/;

/** A cell as the readers emit it: artefacts fixed, spaces collapsed, full-width digits of numeric cells made ASCII. */
export function normalizeCell(s: string): string {
  const text = collapseSpaces(normalizeText(s));
  if (!/[０-９]/.test(text) || !NUMERIC_NFKC.test(text)) return text;
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/，/g, ',');
}

/**
 * Appends lines with 1-based increasing numbers. A line whose cells are all blank is skipped.
 * Tabular lines keep every cell, trailing blanks included (the table's width, as a tab-separated
 * text has it); other lines drop trailing blank cells. `tabular` defaults to "more than one cell
 * up to the last non-blank one".
 */
export class LineSink {
  readonly lines: RawLine[] = [];

  add(cells: string[], opts: Omit<RawLine, 'line' | 'text' | 'cells' | 'tabular'> & { tabular?: boolean } = {}): RawLine | undefined {
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '') end--;
    if (end === 0) return undefined;
    const tabular = opts.tabular ?? end > 1;
    const kept = tabular ? [...cells] : cells.slice(0, end);
    const line: RawLine = { line: this.lines.length + 1, text: kept.join('\t'), cells: kept, tabular };
    for (const [k, v] of Object.entries(opts)) {
      if (k === 'tabular' || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      if ((k === 'cellX' || k === 'refs') && Array.isArray(v)) (line as unknown as Record<string, unknown>)[k] = v.slice(0, kept.length);
      else (line as unknown as Record<string, unknown>)[k] = v;
    }
    this.lines.push(line);
    return line;
  }
}
