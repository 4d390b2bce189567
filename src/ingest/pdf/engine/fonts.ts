/**
 * Fonts for text extraction: what a glyph says (its Unicode, from /ToUnicode or the encoding) and how
 * wide it is (/Widths, /W) — no font program is parsed or converted. Covered: simple TrueType and
 * Type1 fonts with /Widths, and composite (Type0) fonts with Identity-H. Anything else (Type3 fonts,
 * vertical writing, predefined CJK CMaps without /ToUnicode, standard fonts without widths) is
 * Unsupported and the document goes to pdf.js, so the answers match pdf.js where both read.
 */
import type { PdfFile } from './document.js';
import { Cmd, Dict, EOF, Lexer, Name, Parser, PdfStream, Unsupported, type PdfObj } from './objects.js';

export interface Glyph {
  /** The character code (1 or 2 bytes). */
  code: number;
  unicode: string;
  /** Advance in glyph space (thousandths of the font size). */
  width: number;
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}

// pdf.js's categories (getCharUnicodeCategory) so items split where pdf.js splits them.
const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u;

const WIN_ANSI_NAMES = ['space', 'exclam', 'quotedbl', 'numbersign', 'dollar', 'percent', 'ampersand', 'quotesingle', 'parenleft', 'parenright', 'asterisk', 'plus', 'comma', 'hyphen', 'period', 'slash', 'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'colon', 'semicolon', 'less', 'equal', 'greater', 'question', 'at', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'bracketleft', 'backslash', 'bracketright', 'asciicircum', 'underscore', 'grave', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'braceleft', 'bar', 'braceright', 'asciitilde', 'bullet', 'Euro', 'bullet', 'quotesinglbase', 'florin', 'quotedblbase', 'ellipsis', 'dagger', 'daggerdbl', 'circumflex', 'perthousand', 'Scaron', 'guilsinglleft', 'OE', 'bullet', 'Zcaron', 'bullet', 'bullet', 'quoteleft', 'quoteright', 'quotedblleft', 'quotedblright', 'bullet', 'endash', 'emdash', 'tilde', 'trademark', 'scaron', 'guilsinglright', 'oe', 'bullet', 'zcaron', 'Ydieresis', 'space', 'exclamdown', 'cent', 'sterling', 'currency', 'yen', 'brokenbar', 'section', 'dieresis', 'copyright', 'ordfeminine', 'guillemotleft', 'logicalnot', 'hyphen', 'registered', 'macron', 'degree', 'plusminus', 'twosuperior', 'threesuperior', 'acute', 'mu', 'paragraph', 'periodcentered', 'cedilla', 'onesuperior', 'ordmasculine', 'guillemotright', 'onequarter', 'onehalf', 'threequarters', 'questiondown', 'Agrave', 'Aacute', 'Acircumflex', 'Atilde', 'Adieresis', 'Aring', 'AE', 'Ccedilla', 'Egrave', 'Eacute', 'Ecircumflex', 'Edieresis', 'Igrave', 'Iacute', 'Icircumflex', 'Idieresis', 'Eth', 'Ntilde', 'Ograve', 'Oacute', 'Ocircumflex', 'Otilde', 'Odieresis', 'multiply', 'Oslash', 'Ugrave', 'Uacute', 'Ucircumflex', 'Udieresis', 'Yacute', 'Thorn', 'germandbls', 'agrave', 'aacute', 'acircumflex', 'atilde', 'adieresis', 'aring', 'ae', 'ccedilla', 'egrave', 'eacute', 'ecircumflex', 'edieresis', 'igrave', 'iacute', 'icircumflex', 'idieresis', 'eth', 'ntilde', 'ograve', 'oacute', 'ocircumflex', 'otilde', 'odieresis', 'divide', 'oslash', 'ugrave', 'uacute', 'ucircumflex', 'udieresis', 'yacute', 'thorn', 'ydieresis'];

/** Encodings as code → glyph name (codes below 32 have none). */
const WIN_ANSI: string[] = [...Array(32).fill(''), ...WIN_ANSI_NAMES];
const STANDARD: string[] = WIN_ANSI.slice(0, 127).map((n, i) => (i === 0x27 ? 'quoteright' : i === 0x60 ? 'quoteleft' : n));

/** Glyph name → Unicode for the names of these encodings and a few more (pdf.js knows the whole AGL). */
const GLYPH_UNICODE = new Map<string, string>();
{
  // Windows-1252 0x80–0x9F (Node's TextDecoder reads 'windows-1252' as Latin-1); the rest is Latin-1.
  const C1 = '\u20ac\u2022\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u2022\u017d\u2022\u2022\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u2022\u017e\u0178';
  WIN_ANSI.forEach((name, code) => {
    if (!name || GLYPH_UNICODE.has(name)) return;
    GLYPH_UNICODE.set(name, name === 'bullet' ? '\u2022' : code >= 0x80 && code <= 0x9f ? C1[code - 0x80]! : String.fromCharCode(code));
  });
  GLYPH_UNICODE.set('space', ' ');
  GLYPH_UNICODE.set('hyphen', '-');
  const extra: [string, string][] = [['fi', '\ufb01'], ['fl', '\ufb02'], ['fraction', '\u2044'], ['dotlessi', '\u0131'], ['Lslash', '\u0141'], ['lslash', '\u0142'], ['breve', '\u02d8'], ['dotaccent', '\u02d9'], ['ring', '\u02da'], ['hungarumlaut', '\u02dd'], ['ogonek', '\u02db'], ['caron', '\u02c7'], ['minus', '\u2212'], ['nbspace', '\u00a0'], ['sfthyphen', '\u00ad']];
  for (const [k, v] of extra) GLYPH_UNICODE.set(k, v);
}

function glyphUnicode(name: string): string | undefined {
  const known = GLYPH_UNICODE.get(name);
  if (known !== undefined) return known;
  let m = /^uni([0-9A-F]{4})$/.exec(name);
  if (m) return String.fromCharCode(parseInt(m[1]!, 16));
  m = /^u([0-9A-F]{4,6})$/.exec(name);
  if (m) return String.fromCodePoint(parseInt(m[1]!, 16));
  return undefined;
}

/** pdf.js's reading of a ToUnicode destination: UTF-16BE with surrogate pairs. */
function utf16(token: string): string {
  if (token.length % 2 !== 0) token = '\u0000' + token;
  const cps: number[] = [];
  for (let k = 0; k < token.length; k += 2) {
    const w1 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
    if ((w1 & 0xf800) !== 0xd800) {
      cps.push(w1);
      continue;
    }
    k += 2;
    const w2 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
    cps.push(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
  }
  return String.fromCodePoint(...cps);
}

function codeOf(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) v = v * 256 + s.charCodeAt(i);
  return v;
}

const MAX_RANGE = 0x10000;

/** A /ToUnicode CMap (bfchar and bfrange; `usecmap` is Unsupported). */
export function parseToUnicode(data: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const parser = new Parser(new Lexer(data));
  const read = (): PdfObj | Cmd | typeof EOF => parser.read();
  for (;;) {
    const t = read();
    if (t === EOF) break;
    if (!(t instanceof Cmd)) continue;
    if (t.cmd === 'usecmap') throw new Unsupported('a ToUnicode CMap uses another CMap');
    if (t.cmd === 'beginbfchar') {
      for (;;) {
        const src = read();
        if (src === EOF || (src instanceof Cmd && src.cmd === 'endbfchar')) break;
        const dst = read();
        if (typeof src === 'string' && typeof dst === 'string') map.set(codeOf(src), utf16(dst));
      }
    } else if (t.cmd === 'beginbfrange') {
      for (;;) {
        const lo = read();
        if (lo === EOF || (lo instanceof Cmd && lo.cmd === 'endbfrange')) break;
        const hi = read();
        const dst = read();
        if (typeof lo !== 'string' || typeof hi !== 'string') continue;
        let low = codeOf(lo);
        const high = codeOf(hi);
        // a range over more codes than a font has glyphs maps nothing real (a damaged or hostile
        // CMap): skipped, the rest of the map kept. Sent to pdf.js instead, such a range was expanded
        // code by code (a fuzzed 88 KB file: 8 s and 900 MB before the time limit refused it)
        if (high - low > MAX_RANGE) continue;
        if (Array.isArray(dst)) {
          for (const d of dst) {
            if (low > high) break;
            if (typeof d === 'string') map.set(low, utf16(d));
            low++;
          }
        } else if (typeof dst === 'string' && dst.length > 0) {
          let d = dst;
          const last = d.length - 1;
          while (low <= high) {
            map.set(low++, utf16(d));
            const next = d.charCodeAt(last) + 1;
            if (next > 0xff) {
              d = d.substring(0, last - 1) + String.fromCharCode(d.charCodeAt(last - 1) + 1) + '\x00';
              continue;
            }
            d = d.substring(0, last) + String.fromCharCode(next);
          }
        }
      }
    }
  }
  return map;
}

export class Font {
  private cache = new Map<string, Glyph[]>();
  private glyphCache = new Map<number, Glyph>();
  constructor(
    /** The font's name (pdf.js compares it to decide whether a font change splits a text item). */
    readonly name: string,
    private readonly twoByte: boolean,
    private readonly widths: Map<number, number>,
    private readonly defaultWidth: number,
    private readonly toUnicode: Map<number, string>,
    /** Codes the reader cannot map the way pdf.js would (a missing base encoding): Unsupported when shown. */
    private readonly strict: boolean,
  ) {}

  private glyph(code: number): Glyph {
    let g = this.glyphCache.get(code);
    if (g) return g;
    let unicode = this.toUnicode.get(code);
    if (unicode === undefined || unicode === '') {
      if (this.strict && code >= 32) throw new Unsupported(`a glyph (code ${code}) without a Unicode mapping the fast reader knows`);
      unicode = String.fromCharCode(code);
    }
    const groups = SPECIAL.exec(unicode);
    g = {
      code,
      unicode,
      width: this.widths.get(code) ?? this.defaultWidth,
      isWhitespace: !!groups?.[1],
      isZeroWidthDiacritic: !!groups?.[2],
      isInvisibleFormatMark: !!groups?.[3],
    };
    this.glyphCache.set(code, g);
    return g;
  }

  glyphs(chars: string): Glyph[] {
    let out = this.cache.get(chars);
    if (out) return out;
    out = [];
    if (this.twoByte) {
      for (let i = 0; i < chars.length; i += 2) {
        const code = i + 1 < chars.length ? (chars.charCodeAt(i) << 8) | chars.charCodeAt(i + 1) : chars.charCodeAt(i);
        out.push(this.glyph(code));
      }
    } else for (let i = 0; i < chars.length; i++) out.push(this.glyph(chars.charCodeAt(i)));
    if (this.cache.size < 4096) this.cache.set(chars, out);
    return out;
  }
}

function nameOf(o: PdfObj | undefined): string | undefined {
  return o instanceof Name ? o.name : undefined;
}

function simpleEncoding(file: PdfFile, dict: Dict): { names: string[] | undefined; differences: Map<number, string>; base: boolean } {
  const enc = file.get(dict, 'Encoding');
  let baseName: string | undefined;
  const differences = new Map<number, string>();
  if (enc instanceof Name) baseName = enc.name;
  else if (enc instanceof Dict) {
    baseName = nameOf(file.get(enc, 'BaseEncoding'));
    const diffs = file.get(enc, 'Differences');
    if (Array.isArray(diffs)) {
      let code = 0;
      for (const d of diffs) {
        const v = file.resolve(d);
        if (typeof v === 'number') code = v;
        else if (v instanceof Name) differences.set(code++, v.name);
      }
    }
  }
  const names = baseName === 'WinAnsiEncoding' ? WIN_ANSI : baseName === 'StandardEncoding' ? STANDARD : undefined;
  if (baseName && !names) return { names: undefined, differences, base: false };
  return { names: names ?? STANDARD, differences, base: !!names };
}

function readWidthsW(file: PdfFile, w: PdfObj | undefined, out: Map<number, number>): void {
  if (!Array.isArray(w)) return;
  for (let i = 0; i < w.length; i++) {
    const start = file.resolve(w[i]);
    if (typeof start !== 'number') break;
    const next = file.resolve(w[i + 1]);
    if (Array.isArray(next)) {
      let c = start;
      for (const x of next) {
        const v = file.resolve(x);
        if (typeof v === 'number') out.set(c, v);
        c++;
      }
      i += 1;
    } else if (typeof next === 'number') {
      const width = file.resolve(w[i + 2]);
      if (typeof width === 'number' && next - start <= MAX_RANGE) for (let c = start; c <= next; c++) out.set(c, width);
      i += 2;
    } else break;
  }
}

function toUnicodeOf(file: PdfFile, dict: Dict): Map<number, string> | undefined {
  const tu = file.get(dict, 'ToUnicode');
  if (tu instanceof PdfStream) return parseToUnicode(file.decode(tu));
  if (tu !== undefined && tu !== null) throw new Unsupported('a ToUnicode that is not a CMap stream');
  return undefined;
}

/** The name pdf.js gives a font (translateFont): the descriptor's FontName unless BaseFont extends it. */
function fontName(descriptorName: string | undefined, baseFont: string | undefined): string {
  if (descriptorName && baseFont && descriptorName !== baseFont && baseFont.startsWith(descriptorName)) return baseFont;
  return descriptorName ?? baseFont ?? '';
}

let fallback: Font | undefined;

/**
 * The font of a `Tf` whose name is not in the resources (a damaged or edited file): pdf.js then uses
 * a standard font with WinAnsiEncoding, and so does this reader (one-byte codes, a width of half an
 * em) instead of handing the whole document to pdf.js — whose parsing of the other, embedded fonts
 * took 3–15 s on such fuzz cases. Text shown in it is usually garbled, which the text-layer check
 * then reports.
 */
export function fallbackFont(): Font {
  if (!fallback) {
    const unicode = new Map<number, string>();
    WIN_ANSI.forEach((n, code) => {
      const u = n ? glyphUnicode(n) : undefined;
      if (u !== undefined) unicode.set(code, u);
    });
    fallback = new Font('PDFJS-FallbackFont', false, new Map(), 500, unicode, false);
  }
  return fallback;
}

/** Reads a font dictionary; Unsupported for what the fast reader does not cover. */
export function loadFont(file: PdfFile, dict: Dict): Font {
  const subtype = nameOf(file.get(dict, 'Subtype'));
  const baseFont = nameOf(file.get(dict, 'BaseFont')) ?? '';
  if (subtype === 'Type0') {
    const enc = file.get(dict, 'Encoding');
    if (!(enc instanceof Name) || enc.name !== 'Identity-H') throw new Unsupported(`composite font encoding ${enc instanceof Name ? enc.name : 'embedded CMap'}`);
    const kids = file.get(dict, 'DescendantFonts');
    const desc = Array.isArray(kids) ? file.resolve(kids[0]) : undefined;
    if (!(desc instanceof Dict)) throw new Unsupported('composite font without a descendant');
    const toUnicode = toUnicodeOf(file, dict);
    if (!toUnicode) throw new Unsupported('composite font without ToUnicode');
    const dw = file.get(desc, 'DW');
    const widths = new Map<number, number>();
    readWidthsW(file, file.get(desc, 'W'), widths);
    const fd = file.get(desc, 'FontDescriptor');
    const name = fontName(fd instanceof Dict ? nameOf(file.get(fd, 'FontName')) : undefined, nameOf(file.get(desc, 'BaseFont')));
    return new Font(name, true, widths, typeof dw === 'number' ? Math.ceil(dw) : 1000, toUnicode, false);
  }
  if (subtype !== 'TrueType' && subtype !== 'Type1' && subtype !== 'MMType1') throw new Unsupported(`font type ${subtype ?? '?'}`);
  const widthsArr = file.get(dict, 'Widths');
  if (!Array.isArray(widthsArr)) throw new Unsupported('simple font without /Widths (standard font metrics)');
  const first = file.get(dict, 'FirstChar');
  const widths = new Map<number, number>();
  let c = typeof first === 'number' ? first : 0;
  for (const w of widthsArr) {
    const v = file.resolve(w);
    if (typeof v === 'number') widths.set(c, v);
    c++;
  }
  const fd = file.get(dict, 'FontDescriptor');
  const missing = fd instanceof Dict ? file.get(fd, 'MissingWidth') : undefined;
  const name = fontName(fd instanceof Dict ? nameOf(file.get(fd, 'FontName')) : undefined, baseFont);
  const enc = simpleEncoding(file, dict);
  const fromEncoding = new Map<number, string>();
  let unknownName = false;
  if (enc.names) {
    const codes = new Map<number, string>();
    enc.names.forEach((n, code) => n && codes.set(code, n));
    for (const [code, n] of enc.differences) if (n !== '.notdef') codes.set(code, n);
    for (const [code, n] of codes) {
      const u = glyphUnicode(n);
      if (u !== undefined) fromEncoding.set(code, u);
      else unknownName = true;
    }
  }
  const toUnicode = toUnicodeOf(file, dict);
  if (toUnicode) {
    for (const [code, u] of fromEncoding) if (!toUnicode.has(code)) toUnicode.set(code, u);
    return new Font(name, false, widths, typeof missing === 'number' ? missing : 0, toUnicode, false);
  }
  // Without ToUnicode, pdf.js falls back to the font program's own encoding or cmap when there is no
  // named base encoding: not read here.
  if (!enc.base || unknownName) throw new Unsupported('simple font without ToUnicode or a standard base encoding');
  return new Font(name, false, widths, typeof missing === 'number' ? missing : 0, fromEncoding, true);
}
