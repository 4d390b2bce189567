/**
 * PDF objects and a lexer/parser over bytes (ISO 32000-1 §7.2–7.3), shared by the file structure
 * (cross-reference, objects) and content streams. Strings are kept as byte strings (one JS char per
 * byte, as pdf.js does) so fonts can decode them.
 */

export class Name {
  constructor(readonly name: string) {}
}

export class Ref {
  constructor(readonly num: number, readonly gen: number) {}
}

export class Cmd {
  constructor(
    readonly cmd: string,
    /** The content-stream operator it is (Op.Unknown for other keywords). */
    readonly op: Op = Op.Unknown,
  ) {}
}

/**
 * Content-stream operators (ISO 32000-1 Annex A), numbered: the content interpreter switches on the
 * number, which V8 dispatches through a jump table even before the function is optimised (a switch
 * over strings compares them case by case: a third of a cold read's interpreter time).
 */
export const enum Op {
  Unknown,
  q, Q, cm, w, J, j, M, d, ri, i, gs,
  m, l, c, v, y, h, re, S, s, f, F, fStar, B, BStar, b, bStar, n, W, WStar,
  BT, ET, Tc, Tw, Tz, TL, Tf, Tr, Ts, Td, TD, Tm, TStar, Tj, TJ, Quote, DoubleQuote,
  d0, d1, CS, cs, SC, SCN, sc, scn, G, g, RG, rg, K, k, sh, BI, ID, EI, Do, MP, DP, BMC, BDC, EMC, BX, EX,
}

const OPERATORS: readonly (readonly [string, Op])[] = [
  ['q', Op.q], ['Q', Op.Q], ['cm', Op.cm], ['w', Op.w], ['J', Op.J], ['j', Op.j], ['M', Op.M], ['d', Op.d], ['ri', Op.ri], ['i', Op.i], ['gs', Op.gs],
  ['m', Op.m], ['l', Op.l], ['c', Op.c], ['v', Op.v], ['y', Op.y], ['h', Op.h], ['re', Op.re], ['S', Op.S], ['s', Op.s], ['f', Op.f], ['F', Op.F], ['f*', Op.fStar],
  ['B', Op.B], ['B*', Op.BStar], ['b', Op.b], ['b*', Op.bStar], ['n', Op.n], ['W', Op.W], ['W*', Op.WStar],
  ['BT', Op.BT], ['ET', Op.ET], ['Tc', Op.Tc], ['Tw', Op.Tw], ['Tz', Op.Tz], ['TL', Op.TL], ['Tf', Op.Tf], ['Tr', Op.Tr], ['Ts', Op.Ts], ['Td', Op.Td], ['TD', Op.TD],
  ['Tm', Op.Tm], ['T*', Op.TStar], ['Tj', Op.Tj], ['TJ', Op.TJ], ["'", Op.Quote], ['"', Op.DoubleQuote],
  ['d0', Op.d0], ['d1', Op.d1], ['CS', Op.CS], ['cs', Op.cs], ['SC', Op.SC], ['SCN', Op.SCN], ['sc', Op.sc], ['scn', Op.scn], ['G', Op.G], ['g', Op.g], ['RG', Op.RG], ['rg', Op.rg],
  ['K', Op.K], ['k', Op.k], ['sh', Op.sh], ['BI', Op.BI], ['ID', Op.ID], ['EI', Op.EI], ['Do', Op.Do], ['MP', Op.MP], ['DP', Op.DP], ['BMC', Op.BMC], ['BDC', Op.BDC], ['EMC', Op.EMC], ['BX', Op.BX], ['EX', Op.EX],
];

export class Dict {
  readonly map = new Map<string, PdfObj>();
  get(key: string): PdfObj | undefined {
    return this.map.get(key);
  }
}

/** A stream: its dictionary and the raw (still encoded) bytes. */
export class PdfStream {
  constructor(readonly dict: Dict, readonly raw: Uint8Array) {}
}

export type PdfObj = null | boolean | number | string | Name | Ref | Dict | PdfStream | PdfObj[];

/** Thrown for PDF features the fast reader does not handle: the caller falls back to pdf.js. */
export class Unsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unsupported';
  }
}

export const EOF = Symbol('EOF');
export const ARRAY_END = Symbol(']');
export const DICT_END = Symbol('>>');
type Token = PdfObj | Cmd | typeof EOF | typeof ARRAY_END | typeof DICT_END | typeof ARRAY_START | typeof DICT_START;
export const ARRAY_START = Symbol('[');
export const DICT_START = Symbol('<<');

// Character classes: 1 whitespace, 2 delimiter.
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

const decoder = new TextDecoder('latin1');
/** Keywords are interned: content streams repeat a few dozen operators. */
const CMDS = new Map<string, Cmd>();
// Pre-interned from literals: their strings are internalized, so comparing `cmd` compares pointers.
for (const [name, op] of OPERATORS) CMDS.set(name, new Cmd(name, op));
for (const kw of ['obj', 'endobj', 'stream', 'endstream', 'R', 'xref', 'trailer', 'startxref', 'usecmap', 'beginbfchar', 'endbfchar', 'beginbfrange', 'endbfrange']) CMDS.set(kw, new Cmd(kw));
const NAMES = new Map<string, Name>();

/**
 * Words, names and hex strings of a few bytes, found by a number made of their bytes instead of a
 * string: content streams repeat a few operators, resource names and (in CID text, one glyph per
 * string) two-byte codes thousands of times, and each string made and hashed on the way was a third
 * of the lexer's time and much of its garbage. A word's or name's bytes are never 0 (0 is white
 * space), so base 256 over at most SHORT bytes gives distinct keys, exact in a double.
 */
const SHORT = 6;
const WORD_BY_KEY = new Map<number, Cmd | boolean | null>();
const NAME_BY_KEY = new Map<number, Name>();
const HEX_BY_KEY = new Map<number, string>();
const MAX_KEYED = 4096;

function keyOf(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) k = k * 256 + s.charCodeAt(i);
  return k;
}
for (const [word, cmd] of CMDS) if (word.length <= SHORT) WORD_BY_KEY.set(keyOf(word), cmd);
WORD_BY_KEY.set(keyOf('true'), true);
WORD_BY_KEY.set(keyOf('false'), false);
WORD_BY_KEY.set(keyOf('null'), null);

export class Lexer {
  pos: number;
  constructor(readonly buf: Uint8Array, start = 0, readonly end = buf.length) {
    this.pos = start;
  }

  skipSpace(): void {
    const { buf, end } = this;
    let p = this.pos;
    while (p < end) {
      const c = buf[p]!;
      if (CLASS[c] === 1) p++;
      else if (c === 37) {
        // % comment to end of line
        while (p < end && buf[p] !== 10 && buf[p] !== 13) p++;
      } else break;
    }
    this.pos = p;
  }

  /** The next token: an object, a keyword (Cmd), a bracket marker or EOF. */
  next(): Token {
    this.skipSpace();
    const { buf, end } = this;
    if (this.pos >= end) return EOF;
    const c = buf[this.pos]!;
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return this.number();
    switch (c) {
      case 40: // (
        return this.literal();
      case 47: // /
        return this.name();
      case 91:
        this.pos++;
        return ARRAY_START;
      case 93:
        this.pos++;
        return ARRAY_END;
      case 60: // <
        if (buf[this.pos + 1] === 60) {
          this.pos += 2;
          return DICT_START;
        }
        return this.hex();
      case 62:
        if (buf[this.pos + 1] === 62) {
          this.pos += 2;
          return DICT_END;
        }
        this.pos++;
        return this.next();
      case 123:
      case 125:
      case 41:
        this.pos++;
        return new Cmd(String.fromCharCode(c));
    }
    const start = this.pos;
    let p = start;
    let key = 0;
    while (p < end && CLASS[buf[p]!] === 0) key = key * 256 + buf[p++]!;
    if (p === start) key = buf[p++]!;
    this.pos = p;
    const keyed = p - start <= SHORT;
    if (keyed) {
      const hit = WORD_BY_KEY.get(key);
      if (hit !== undefined) return hit;
    }
    let word: string;
    if (p - start <= 32) {
      word = '';
      for (let i = start; i < p; i++) word += String.fromCharCode(buf[i]!);
    } else word = decoder.decode(buf.subarray(start, p));
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    let cmd = CMDS.get(word);
    if (!cmd) {
      cmd = new Cmd(word);
      if (CMDS.size < 512) {
        CMDS.set(word, cmd);
        if (keyed) WORD_BY_KEY.set(key, cmd);
      }
    }
    return cmd;
  }

  private number(): number {
    const { buf, end } = this;
    let p = this.pos;
    let sign = 1;
    let seenSign = false;
    while (p < end && (buf[p] === 45 || buf[p] === 43)) {
      if (!seenSign && buf[p] === 45) sign = -1;
      seenSign = true;
      p++;
    }
    let int = 0;
    let frac = 0;
    let div = 1;
    let dot = false;
    let digits = 0;
    for (; p < end; p++) {
      const c = buf[p]!;
      if (c >= 48 && c <= 57) {
        digits++;
        if (dot) {
          frac = frac * 10 + (c - 48);
          div *= 10;
        } else int = int * 10 + (c - 48);
      } else if (c === 46 && !dot) dot = true;
      else if (c === 45 && digits === 0) continue; // "--5", "-.-5": tolerated as pdf.js does
      else break;
    }
    this.pos = p === this.pos ? p + 1 : p;
    return sign * (int + (div > 1 ? frac / div : 0));
  }

  private literal(): string {
    const { buf, end } = this;
    let p = this.pos + 1;
    let depth = 1;
    let out = '';
    while (p < end) {
      let c = buf[p++]!;
      if (c === 40) depth++;
      else if (c === 41) {
        if (--depth === 0) break;
      } else if (c === 92) {
        c = buf[p++]!;
        switch (c) {
          case 110: c = 10; break;
          case 114: c = 13; break;
          case 116: c = 9; break;
          case 98: c = 8; break;
          case 102: c = 12; break;
          case 13:
            if (buf[p] === 10) p++;
            continue;
          case 10:
            continue;
          default:
            if (c >= 48 && c <= 55) {
              let v = c - 48;
              for (let k = 0; k < 2 && buf[p]! >= 48 && buf[p]! <= 55; k++) v = v * 8 + (buf[p++]! - 48);
              c = v & 0xff;
            }
        }
      }
      out += String.fromCharCode(c);
    }
    this.pos = p;
    return out;
  }

  private hex(): string {
    const { buf, end } = this;
    // <XX> and <XXXX>, as CID text writes glyph codes: one string per code
    const q = this.pos + 1;
    const digits = q + 2 < end && buf[q + 2] === 62 ? 2 : q + 4 < end && buf[q + 4] === 62 ? 4 : 0;
    if (digits) {
      let v = 0;
      let i = 0;
      for (; i < digits; i++) {
        const d = hexValue(buf[q + i]!);
        if (d < 0) break;
        v = v * 16 + d;
      }
      if (i === digits) {
        const key = digits * 65536 + v;
        let out = HEX_BY_KEY.get(key);
        if (out === undefined) {
          out = digits === 2 ? String.fromCharCode(v) : String.fromCharCode(v >> 8) + String.fromCharCode(v & 0xff);
          if (HEX_BY_KEY.size < MAX_KEYED) HEX_BY_KEY.set(key, out);
        }
        this.pos = q + digits + 1;
        return out;
      }
    }
    let p = this.pos + 1;
    let out = '';
    let hi = -1;
    while (p < end && buf[p] !== 62) {
      const v = hexValue(buf[p++]!);
      if (v < 0) continue;
      if (hi < 0) hi = v;
      else {
        out += String.fromCharCode((hi << 4) | v);
        hi = -1;
      }
    }
    if (hi >= 0) out += String.fromCharCode(hi << 4);
    this.pos = p + 1;
    return out;
  }

  private name(): Name {
    const { buf, end } = this;
    const start = this.pos + 1;
    let p = start;
    let key = 0;
    while (p < end && p - start <= SHORT && CLASS[buf[p]!] === 0 && buf[p] !== 35) key = key * 256 + buf[p++]!;
    if (p - start <= SHORT && (p >= end || CLASS[buf[p]!] !== 0)) {
      const hit = NAME_BY_KEY.get(key);
      if (hit) {
        this.pos = p;
        return hit;
      }
    } else key = -1; // longer, or with #xx escapes: by its string only
    p = start;
    let out = '';
    while (p < end && CLASS[buf[p]!] === 0) {
      const c = buf[p++]!;
      if (c === 35 && hexValue(buf[p] ?? 0) >= 0 && hexValue(buf[p + 1] ?? 0) >= 0) {
        out += String.fromCharCode((hexValue(buf[p]!) << 4) | hexValue(buf[p + 1]!));
        p += 2;
      } else out += String.fromCharCode(c);
    }
    this.pos = p;
    let name = NAMES.get(out);
    if (!name) {
      name = new Name(out);
      if (NAMES.size < 4096) NAMES.set(out, name);
    }
    if (key >= 0 && NAME_BY_KEY.size < MAX_KEYED) NAME_BY_KEY.set(key, name);
    return name;
  }
}

export function bytesToString(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...Array.prototype.slice.call(bytes, i, i + 8192));
  return s;
}

/** Nesting limit of arrays and dictionaries (deeper input is damaged or hostile). */
const MAX_DEPTH = 200;

/**
 * Parser of objects (with `n g R` references) over a lexer. `streamBytes` resolves the bytes of a
 * stream whose dictionary was just read (file level only; content streams have none).
 */
export class Parser {
  private buffered: Token[] = [];
  constructor(
    readonly lexer: Lexer,
    private readonly refs = false,
    private readonly streamBytes?: (dict: Dict, lexer: Lexer) => Uint8Array,
  ) {}

  private shift(): Token {
    return this.buffered.length ? this.buffered.shift()! : this.lexer.next();
  }

  private peek(i: number): Token {
    while (this.buffered.length <= i) this.buffered.push(this.lexer.next());
    return this.buffered[i]!;
  }

  /** Reads one object; keywords come back as Cmd (content operators), EOF as the EOF symbol. */
  read(depth = 0): PdfObj | Cmd | typeof EOF {
    const t = this.shift();
    return this.build(t, depth);
  }

  private build(t: Token, depth: number): PdfObj | Cmd | typeof EOF {
    if (depth > MAX_DEPTH) throw new Unsupported('objects nested too deeply');
    if (t === ARRAY_START) {
      const arr: PdfObj[] = [];
      for (;;) {
        const n = this.shift();
        if (n === ARRAY_END || n === EOF) break;
        const v = this.build(n, depth + 1);
        if (v instanceof Cmd || v === EOF || v === undefined) continue;
        arr.push(v);
      }
      return arr;
    }
    if (t === DICT_START) {
      const dict = new Dict();
      for (;;) {
        const k = this.shift();
        if (k === DICT_END || k === EOF) break;
        if (!(k instanceof Name)) continue;
        const n = this.shift();
        if (n === DICT_END || n === EOF) break;
        const v = this.build(n, depth + 1);
        if (v instanceof Cmd || v === EOF) continue;
        dict.map.set(k.name, v);
      }
      if (this.streamBytes) {
        const b = this.buffered[0];
        if (b instanceof Cmd && b.cmd === 'stream' && this.buffered.length === 1) {
          this.buffered.length = 0;
          return new PdfStream(dict, this.streamBytes(dict, this.lexer));
        }
        if (this.buffered.length === 0) {
          const save = this.lexer.pos;
          const n = this.lexer.next();
          if (n instanceof Cmd && n.cmd === 'stream') return new PdfStream(dict, this.streamBytes(dict, this.lexer));
          this.lexer.pos = save;
        }
      }
      return dict;
    }
    if (t === ARRAY_END || t === DICT_END) return this.build(this.shift(), depth);
    if (typeof t === 'number' && this.refs && Number.isInteger(t) && t >= 0) {
      const g = this.peek(0);
      if (typeof g === 'number' && Number.isInteger(g) && g >= 0) {
        const r = this.peek(1);
        if (r instanceof Cmd && r.cmd === 'R') {
          this.buffered.splice(0, 2);
          return new Ref(t, g);
        }
      }
    }
    return t as PdfObj | Cmd | typeof EOF;
  }
}
