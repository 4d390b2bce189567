/**
 * Bytes → string for plain-text documents: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM,
 * UTF-16 without BOM (by the code units it reads as), GBK/GB18030 or Big5 when the bytes are not
 * valid UTF-8. Binary, empty, Shift-JIS and unrecognised input → InputError.
 */
import { InputError } from '../raw.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
}

const HINT_BINARY = 'give a text file (UTF-8, UTF-16, GBK or Big5), or a PDF/XLSX/DOCX/HTML document';

export function decodeText(bytes: Uint8Array, name?: string): Decoded {
  const label = name ? `${name}: ` : '';
  if (bytes.length === 0) throw new InputError(`${label}the document is empty`, 'give a file with text in it');
  const decoded = decodeByBom(bytes) ?? decodeWithoutBom(bytes, label);
  if (decoded.text.trim() === '') {
    throw new InputError(`${label}the document contains no text (only whitespace)`, 'give a file with text in it');
  }
  rejectControlHeavy(decoded.text, label);
  return decoded;
}

function decodeByBom(bytes: Uint8Array): Decoded | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  return null;
}

/** Line breaks, spaces, 。 and ， as UTF-16 code units. */
const BREAKS = new Set([0x0a, 0x0d, 0x20, 0x3000, 0x3002, 0xff0c]);

/** A UTF-16 code unit that ordinary Chinese or English text is made of. */
function plausibleUnit(u: number): boolean {
  return u === 9 || u === 10 || u === 13 || (u >= 0x20 && u < 0x7f) || (u >= 0xa0 && u < 0x250)
    || (u >= 0x2000 && u < 0x2070) || (u >= 0x2100 && u < 0x2200) || (u >= 0x2460 && u < 0x2700)
    || (u >= 0x3000 && u < 0x3100) || (u >= 0x3400 && u < 0x4dc0) || (u >= 0x4e00 && u < 0xa000)
    || (u >= 0xf900 && u < 0xfb00) || (u >= 0xfe30 && u < 0xfe50) || (u >= 0xff00 && u < 0xfff0);
}

/**
 * UTF-16 without a BOM: the byte order whose code units read as ordinary text (CJK, ASCII,
 * punctuation). Only asked when the bytes hold NULs or are not UTF-8 (ASCII read as UTF-16 looks
 * like CJK too). Note 一 is U+4E00: Chinese text has NUL bytes at both parities.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 16384) & ~1;
  if (n < 32) return null;
  let le = 0;
  let be = 0;
  let leBreaks = 0;
  let beBreaks = 0;
  for (let i = 0; i < n; i += 2) {
    const l = bytes[i]! | (bytes[i + 1]! << 8);
    const b = (bytes[i]! << 8) | bytes[i + 1]!;
    if (plausibleUnit(l)) le++;
    if (plausibleUnit(b)) be++;
    if (BREAKS.has(l)) leBreaks++;
    if (BREAKS.has(b)) beBreaks++;
  }
  const units = n / 2;
  // Text has line breaks, spaces or sentence punctuation; random bytes rarely form exactly those units.
  if (le >= units * 0.95 && le > be && leBreaks > 0) return 'utf-16le';
  if (be >= units * 0.95 && be > le && beBreaks > 0) return 'utf-16be';
  return null;
}

function isUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The legacy (non-Unicode) encoding of Chinese text, judged from its double-byte characters. */
export type LegacyGuess = { encoding: 'gb18030' | 'big5' } | { refused: string };

/**
 * GBK/GB18030, Big5 or neither. Read as GBK, ordinary simplified Chinese is almost all in GB2312's
 * hanzi rows (B0–F7) and punctuation rows (A1–A3); Big5 and Shift-JIS text read as GBK is not
 * (their trail bytes 40–7E are GBK extensions, their leads A4–AF are kana and Greek rows in GB2312).
 */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyGuess {
  const n = Math.min(bytes.length, 1 << 20);
  let gbPairs = 0;
  let gbCommon = 0;
  let bigPairs = 0;
  let bigCommon = 0;
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    const t = bytes[i + 1] ?? 0;
    if (b < 0x80) { i++; continue; }
    if (b >= 0x81 && b <= 0xfe && t >= 0x30 && t <= 0x39) { gbPairs++; i += 4; continue; }
    if (b >= 0x81 && b <= 0xfe && t >= 0x40 && t !== 0x7f && t !== 0xff) {
      gbPairs++;
      if (((b >= 0xa1 && b <= 0xa3) || (b >= 0xb0 && b <= 0xf7)) && t >= 0xa1 && t <= 0xfe) gbCommon++;
      i += 2;
      continue;
    }
    i++;
  }
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    const t = bytes[i + 1] ?? 0;
    if (b < 0x80) { i++; continue; }
    if (b >= 0x81 && b <= 0xfe && ((t >= 0x40 && t <= 0x7e) || (t >= 0xa1 && t <= 0xfe))) {
      bigPairs++;
      if (b >= 0xa1 && b <= 0xc6) bigCommon++;
      i += 2;
      continue;
    }
    i++;
  }
  const gbShare = gbPairs ? gbCommon / gbPairs : 0;
  const bigShare = bigPairs ? bigCommon / bigPairs : 0;
  if (gbShare >= 0.8 || (gbPairs > 0 && gbPairs < 8 && gbShare >= 0.5)) return { encoding: 'gb18030' };
  if (bigShare >= 0.9 && gbShare < 0.6 && decodesStrictly(bytes, 'big5')) return { encoding: 'big5' };
  if (decodesStrictly(bytes, 'shift_jis')) {
    const text = new TextDecoder('shift_jis').decode(bytes.subarray(0, n));
    let kana = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x3040 && text.charCodeAt(i) < 0x3100) kana++;
    if (kana > 0) return { refused: 'Japanese text (Shift-JIS) is not supported' };
  }
  if (gbShare >= 0.6) return { encoding: 'gb18030' };
  return { refused: `unrecognised text encoding (not UTF-8, UTF-16, GBK or Big5; ${Math.round(gbShare * 100)}% of its double-byte characters are common GBK)` };
}

function decodesStrictly(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    return true;
  } catch {
    return false;
  }
}

function decodeWithoutBom(bytes: Uint8Array, label: string): Decoded {
  const hasNul = bytes.includes(0);
  const utf8 = hasNul ? null : isUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide };
  if (hasNul) {
    throw new InputError(`${label}binary data, not text (contains NUL bytes)`, HINT_BINARY);
  }
  const guess = guessLegacyEncoding(bytes);
  if ('refused' in guess) throw new InputError(`${label}${guess.refused}`, HINT_BINARY);
  const text = new TextDecoder(guess.encoding).decode(bytes);
  const bad = countMatches(text, /\uFFFD/g);
  if (bad > Math.max(3, text.length * 0.01)) {
    throw new InputError(`${label}unrecognised text encoding (neither UTF-8 nor ${guess.encoding === 'big5' ? 'Big5' : 'GBK'})`, HINT_BINARY);
  }
  return { text, encoding: guess.encoding };
}

/** Many control characters (other than tab, newline, carriage return, form feed) means binary data. */
function rejectControlHeavy(text: string, label: string): void {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const controls = countMatches(sample, /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g);
  if (controls > Math.max(2, sample.length * 0.02)) {
    throw new InputError(`${label}binary data, not text (${controls} control characters)`, HINT_BINARY);
  }
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}
