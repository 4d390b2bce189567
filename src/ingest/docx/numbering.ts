/**
 * Word's automatic numbering written out as text. A heading numbered by Word ("一、" "（二）" "3."
 * from numbering.xml, on the paragraph or through its style) carries no number in its text, and
 * mammoth drops it: "部门职责" where the page shows "一、部门职责", a numbered list without its
 * numbers. The label Word would show is computed (counters per list and level, restarts, the
 * level's format and text) and put in front of the paragraph's text in the document XML, before
 * mammoth reads it. Bullets and unnumbered levels add nothing.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  /** The style that takes this level (lvl/pStyle). */
  style?: string;
  /** Level after which this one restarts (lvlRestart; default: any higher level). */
  restart?: number;
}

interface Numbering {
  /** abstractNumId → levels by ilvl. */
  abstract: Map<string, Map<number, Level>>;
  /** numId → abstractNumId and its start overrides by ilvl. */
  nums: Map<string, { abstract: string; overrides: Map<number, number> }>;
  /** styleId → numbering of the style (own numPr, its basedOn chain, or a level naming the style). */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
  styleLevels: Map<string, { abstract: string; ilvl: number }>;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function elements(xml: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<w:${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</w:${name}>)`, 'g');
  for (const m of xml.matchAll(re)) out.push(m[0]);
  return out;
}

const valOf = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<w:${name}\\b[^>]*?w:val="([^"]*)"`).exec(xml);
  return m?.[1];
};

function readNumbering(numberingXml: string, stylesXml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const styleLevels = new Map<string, { abstract: string; ilvl: number }>();
  for (const a of elements(numberingXml, 'abstractNum')) {
    const id = attr(a, 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of elements(a, 'lvl')) {
      const ilvl = Number(attr(l, 'w:ilvl') ?? '0');
      const level: Level = { start: Number(valOf(l, 'start') ?? '1'), format: valOf(l, 'numFmt') ?? 'decimal', text: valOf(l, 'lvlText') ?? '' };
      const style = valOf(l, 'pStyle');
      const restart = valOf(l, 'lvlRestart');
      if (style) {
        level.style = style;
        styleLevels.set(style, { abstract: id, ilvl });
      }
      if (restart !== undefined) level.restart = Number(restart);
      levels.set(ilvl, level);
    }
    abstract.set(id, levels);
  }
  const nums = new Map<string, { abstract: string; overrides: Map<number, number> }>();
  for (const n of elements(numberingXml, 'num')) {
    const id = attr(n, 'w:numId');
    const a = valOf(n, 'abstractNumId');
    if (id === undefined || a === undefined) continue;
    const overrides = new Map<number, number>();
    for (const o of elements(n, 'lvlOverride')) {
      const start = valOf(o, 'startOverride');
      if (start !== undefined) overrides.set(Number(attr(o, 'w:ilvl') ?? '0'), Number(start));
    }
    nums.set(id, { abstract: a, overrides });
  }
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const s of elements(stylesXml, 'style')) {
    const id = attr(s, 'w:styleId');
    if (id === undefined) continue;
    const numPr = elements(s, 'numPr')[0];
    const entry: { numId?: string; ilvl?: number; basedOn?: string } = {};
    const basedOn = valOf(s, 'basedOn');
    if (basedOn) entry.basedOn = basedOn;
    if (numPr) {
      const numId = valOf(numPr, 'numId');
      const ilvl = valOf(numPr, 'ilvl');
      if (numId !== undefined) entry.numId = numId;
      if (ilvl !== undefined) entry.ilvl = Number(ilvl);
    }
    styles.set(id, entry);
  }
  return { abstract, nums, styles, styleLevels };
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : CN_DIGITS[d]) + unit;
  });
  return out;
}

function letters(n: number, upper: boolean): string {
  const c = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A counter in a level's format; undefined for bullets and unnumbered levels. */
export function formatNumber(n: number, format: string): string | undefined {
  switch (format) {
    case 'bullet':
    case 'none':
      return undefined;
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return format === 'ideographDigital' ? String(n).split('').map((d) => CN_DIGITS[Number(d)]).join('') : chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10];
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12];
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The numbering a paragraph takes: its own numPr, else its style's (basedOn chain, or a level naming the style). */
function numberingOf(pPr: string, n: Numbering): { abstract: string; numId: string; ilvl: number } | undefined {
  const numPr = elements(pPr, 'numPr')[0];
  let numId = numPr ? valOf(numPr, 'numId') : undefined;
  let ilvl = numPr ? valOf(numPr, 'ilvl') : undefined;
  const styleId = valOf(pPr, 'pStyle');
  const seen = new Set<string>();
  for (let s = styleId; s && !seen.has(s) && (numId === undefined || ilvl === undefined); ) {
    seen.add(s);
    const st = n.styles.get(s);
    const linked = n.styleLevels.get(s);
    if (numId === undefined && st?.numId !== undefined) numId = st.numId;
    if (ilvl === undefined && st?.ilvl !== undefined) ilvl = String(st.ilvl);
    if (ilvl === undefined && linked) ilvl = String(linked.ilvl);
    s = st?.basedOn;
  }
  if (numId === undefined || numId === '0') return undefined;
  const num = n.nums.get(numId);
  if (!num) return undefined;
  return { abstract: num.abstract, numId, ilvl: Number(ilvl ?? '0') };
}

const PARAGRAPH = /<w:p(?=[\s>/])[^>]*?(\/?)>/g;

/** The document XML with the labels of numbered paragraphs written in (the XML itself when nothing is numbered). */
export function writeNumbering(xml: string, numberingXml: string | undefined, stylesXml = ''): string {
  if (!numberingXml || !/<w:numPr\b/.test(xml + stylesXml)) return xml;
  const n = readNumbering(numberingXml, stylesXml);
  // counters per list: a numId with start overrides counts alone, the others share their abstract list
  const counters = new Map<string, (number | undefined)[]>();
  const out: string[] = [];
  let from = 0;
  for (const m of xml.matchAll(PARAGRAPH)) {
    if (m[1] === '/') continue;
    const open = m.index + m[0].length;
    if (!xml.startsWith('<w:pPr>', open) && !xml.startsWith('<w:pPr ', open)) continue;
    const close = xml.indexOf('</w:pPr>', open);
    if (close < 0) continue;
    const pPr = xml.slice(open, close + 8);
    const num = numberingOf(pPr, n);
    if (!num) continue;
    const levels = n.abstract.get(num.abstract);
    const level = levels?.get(num.ilvl);
    if (!levels || !level) continue;
    const overrides = n.nums.get(num.numId)!.overrides;
    const key = overrides.size ? `n${num.numId}` : `a${num.abstract}`;
    let counts = counters.get(key);
    if (!counts) counters.set(key, (counts = []));
    const startOf = (l: number): number => overrides.get(l) ?? levels.get(l)?.start ?? 1;
    counts[num.ilvl] = (counts[num.ilvl] ?? startOf(num.ilvl) - 1) + 1;
    for (let l = num.ilvl + 1; l < 9; l++) {
      const deeper = levels.get(l);
      // lvlRestart r: restarts when a level up to r (1-based) counts; 0: never
      if (deeper?.restart === 0 || (deeper?.restart !== undefined && deeper.restart < num.ilvl + 1)) continue;
      counts[l] = undefined;
    }
    let missing = false;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const f = formatNumber(counts![l] ?? startOf(l), levels.get(l)?.format ?? 'decimal');
      if (f === undefined) missing = true;
      return f ?? '';
    });
    if (missing || formatNumber(1, level.format) === undefined || !label.trim()) continue;
    const sep = /[、，,.．)）:：]$/.test(label) ? '' : ' ';
    const at = open + pPr.length;
    out.push(xml.slice(from, at), `<w:r><w:t xml:space="preserve">${escapeXml(label + sep)}</w:t></w:r>`);
    from = at;
  }
  if (!out.length) return xml;
  out.push(xml.slice(from));
  return out.join('');
}
