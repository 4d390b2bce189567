/**
 * The file structure of a PDF: cross-reference tables and streams (with /Prev chains and object
 * streams), a rebuilt cross-reference when offsets are wrong, indirect objects, and the page tree
 * with inherited attributes. Bounded by the document's limits (objects, pages, decoded bytes).
 */
import { InputError } from '../../raw.js';
import { decodeStream } from './filters.js';
import { Budget, PdfLimitError, type PdfLimits } from './limits.js';
import { Cmd, Dict, EOF, Lexer, Name, Parser, PdfStream, Ref, Unsupported, type PdfObj } from './objects.js';

type Entry = { type: 1; offset: number; gen: number } | { type: 2; stm: number; idx: number };

export interface PageInfo {
  dict: Dict;
  resources: Dict | undefined;
  /** The visible box (CropBox ∩ MediaBox), normalised: [x0, y0, x1, y1]. */
  view: number[];
  rotate: number;
}

const latin1 = new TextDecoder('latin1');

function normalizeRect(r: PdfObj | undefined): number[] | undefined {
  if (!Array.isArray(r) || r.length !== 4 || !r.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const [a, b, c, d] = r as number[];
  return [Math.min(a!, c!), Math.min(b!, d!), Math.max(a!, c!), Math.max(b!, d!)];
}

export class PdfFile {
  readonly budget: Budget;
  private entries = new Map<number, Entry>();
  trailer = new Dict();
  private cache = new Map<number, PdfObj>();
  private objStms = new Map<number, Map<number, PdfObj>>();
  private rebuilt = false;
  private fetching = new Set<number>();

  constructor(readonly buf: Uint8Array, readonly limits: PdfLimits) {
    this.budget = new Budget(limits);
    if (!this.isPdf()) throw new Unsupported('no %PDF header');
    try {
      this.readXref();
    } catch (err) {
      if (err instanceof InputError) throw err;
      this.rebuild();
    }
    if (!(this.trailer.get('Root') instanceof Ref) && !(this.trailer.get('Root') instanceof Dict)) this.rebuild();
    if (this.trailer.get('Encrypt') !== undefined) throw new Unsupported('encrypted');
    if (this.entries.size > limits.maxObjects) throw new PdfLimitError(`more than ${limits.maxObjects} objects (${this.entries.size})`, 'JUESUAN_PDF_MAX_OBJECTS');
  }

  private isPdf(): boolean {
    const head = latin1.decode(this.buf.subarray(0, 1024));
    return head.includes('%PDF-');
  }

  // ── cross-reference ─────────────────────────────────────────────────────────────────────────
  private readXref(): void {
    const tail = latin1.decode(this.buf.subarray(Math.max(0, this.buf.length - 2048)));
    const at = tail.lastIndexOf('startxref');
    if (at < 0) throw new Error('no startxref');
    const m = /startxref\s+(\d+)/.exec(tail.slice(at));
    if (!m) throw new Error('bad startxref');
    let offset = Number(m[1]);
    const seen = new Set<number>();
    let first = true;
    while (offset >= 0 && !seen.has(offset)) {
      if (seen.size > 1000) throw new Error('too many cross-reference sections');
      seen.add(offset);
      if (offset >= this.buf.length) throw new Error('cross-reference offset past the end');
      const lexer = new Lexer(this.buf, offset);
      const tok = lexer.next();
      let trailer: Dict;
      if (tok instanceof Cmd && tok.cmd === 'xref') trailer = this.readXrefTable(lexer);
      else trailer = this.readXrefStream(offset);
      if (first) {
        for (const [k, v] of trailer.map) if (k !== 'Prev' && k !== 'XRefStm') this.trailer.map.set(k, v);
        first = false;
      } else for (const [k, v] of trailer.map) if (!this.trailer.map.has(k) && k !== 'Prev' && k !== 'XRefStm') this.trailer.map.set(k, v);
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.readXrefStream(stm);
      }
      const prev = trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : -1;
    }
    if (this.entries.size === 0) throw new Error('empty cross-reference');
  }

  private setEntry(num: number, e: Entry): void {
    if (!this.entries.has(num)) {
      this.entries.set(num, e);
      if (this.entries.size > this.limits.maxObjects) throw new PdfLimitError(`more than ${this.limits.maxObjects} objects`, 'JUESUAN_PDF_MAX_OBJECTS');
    }
  }

  private readXrefTable(lexer: Lexer): Dict {
    for (;;) {
      const t = lexer.next();
      if (t instanceof Cmd && t.cmd === 'trailer') break;
      if (typeof t !== 'number') throw new Error('bad cross-reference table');
      const count = lexer.next();
      if (typeof count !== 'number') throw new Error('bad cross-reference table');
      if (count > this.limits.maxObjects) throw new PdfLimitError(`more than ${this.limits.maxObjects} objects (${count})`, 'JUESUAN_PDF_MAX_OBJECTS');
      for (let i = 0; i < count; i++) {
        const off = lexer.next();
        const gen = lexer.next();
        const kind = lexer.next();
        if (typeof off !== 'number' || typeof gen !== 'number' || !(kind instanceof Cmd)) throw new Error('bad cross-reference entry');
        const num = t + i;
        if (kind.cmd === 'n' && off > 0) this.setEntry(num, { type: 1, offset: off, gen });
        else if (!this.entries.has(num)) this.entries.set(num, { type: 1, offset: -1, gen });
      }
    }
    const trailer = new Parser(lexer, true).read();
    if (!(trailer instanceof Dict)) throw new Error('no trailer dictionary');
    return trailer;
  }

  private readXrefStream(offset: number): Dict {
    const obj = this.parseAt(offset);
    if (!(obj instanceof PdfStream)) throw new Error('no cross-reference stream');
    const dict = obj.dict;
    const w = dict.get('W');
    if (!Array.isArray(w) || w.length < 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8)) throw new Error('bad /W');
    const [w0, w1, w2] = w as number[];
    const size = dict.get('Size');
    if (typeof size === 'number' && size > this.limits.maxObjects) throw new PdfLimitError(`more than ${this.limits.maxObjects} objects (${size})`, 'JUESUAN_PDF_MAX_OBJECTS');
    const index = dict.get('Index');
    const ranges = Array.isArray(index) ? (index as number[]) : [0, typeof size === 'number' ? size : 0];
    const data = decodeStream(obj, this.budget, (o) => this.resolve(o));
    const rowLen = w0! + w1! + w2!;
    let p = 0;
    const field = (n: number, d: number): number => {
      if (n === 0) return d;
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + (data[p++] ?? 0);
      return v;
    };
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const start = ranges[r]!;
      const count = ranges[r + 1]!;
      for (let i = 0; i < count && p + rowLen <= data.length; i++) {
        const type = field(w0!, 1);
        const a = field(w1!, 0);
        const b = field(w2!, 0);
        const num = start + i;
        if (type === 1) this.setEntry(num, { type: 1, offset: a, gen: b });
        else if (type === 2) this.setEntry(num, { type: 2, stm: a, idx: b });
        else if (!this.entries.has(num)) this.entries.set(num, { type: 1, offset: -1, gen: 0 });
      }
    }
    return dict;
  }

  /** Rebuilds the cross-reference by scanning for "n g obj" (damaged or edited files). */
  private rebuild(): void {
    if (this.rebuilt) return;
    this.rebuilt = true;
    this.entries.clear();
    this.cache.clear();
    const text = latin1.decode(this.buf);
    const re = /(?:^|[^\d])(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const num = Number(m[1]);
      const offset = m.index + m[0].indexOf(m[1]!);
      this.entries.set(num, { type: 1, offset, gen: Number(m[2]) });
      if (this.entries.size > this.limits.maxObjects) throw new PdfLimitError(`more than ${this.limits.maxObjects} objects`, 'JUESUAN_PDF_MAX_OBJECTS');
    }
    const trailer = new Dict();
    let at = text.lastIndexOf('trailer');
    while (at >= 0) {
      const t = new Parser(new Lexer(this.buf, at + 7), true).read();
      if (t instanceof Dict) for (const [k, v] of t.map) if (!trailer.map.has(k)) trailer.map.set(k, v);
      at = text.lastIndexOf('trailer', at - 1);
      if (trailer.get('Root')) break;
    }
    this.trailer = trailer;
    if (!trailer.get('Root')) {
      // Object streams of a rebuilt file are found through xref-stream dictionaries and catalogs.
      for (const [num, e] of this.entries) {
        if (e.type !== 1) continue;
        let obj: PdfObj;
        try {
          obj = this.fetch(new Ref(num, e.gen));
        } catch {
          continue;
        }
        const dict = obj instanceof PdfStream ? obj.dict : obj;
        if (dict instanceof Dict) {
          const type = dict.get('Type');
          if (type instanceof Name && type.name === 'XRef' && dict.get('Root')) {
            for (const [k, v] of dict.map) if (!trailer.map.has(k)) trailer.map.set(k, v);
          } else if (type instanceof Name && type.name === 'Catalog' && !trailer.get('Root')) trailer.map.set('Root', new Ref(num, e.gen));
        }
      }
      // Objects inside object streams are not in the scan: index them.
      for (const [num, e] of [...this.entries]) {
        if (e.type !== 1) continue;
        let obj: PdfObj;
        try {
          obj = this.fetch(new Ref(num, e.gen));
        } catch {
          continue;
        }
        if (obj instanceof PdfStream) {
          const type = obj.dict.get('Type');
          if (type instanceof Name && type.name === 'ObjStm') {
            try {
              const objs = this.objStm(num);
              let idx = 0;
              for (const n of objs.keys()) if (!this.entries.has(n)) this.entries.set(n, { type: 2, stm: num, idx: idx++ });
            } catch {
              /* damaged object stream */
            }
          }
        }
      }
    }
    if (!trailer.get('Root')) throw new Unsupported('no document catalog');
  }

  // ── objects ──────────────────────────────────────────────────────────────────────────────────
  private streamBytes = (dict: Dict, lexer: Lexer): Uint8Array => {
    const buf = this.buf;
    let p = lexer.pos;
    if (buf[p] === 13) p++;
    if (buf[p] === 10) p++;
    let length = dict.get('Length');
    if (length instanceof Ref) {
      try {
        length = this.fetch(length);
      } catch {
        length = undefined;
      }
    }
    let end = -1;
    if (typeof length === 'number' && length >= 0 && p + length <= buf.length) {
      let q = p + length;
      while (q < buf.length && (buf[q] === 10 || buf[q] === 13 || buf[q] === 32)) q++;
      if (latin1.decode(buf.subarray(q, q + 9)) === 'endstream') end = p + length;
    }
    if (end < 0) {
      const idx = Buffer.from(buf.buffer, buf.byteOffset, buf.length).indexOf('endstream', p, 'latin1');
      end = idx < 0 ? buf.length : idx;
      while (end > p && (buf[end - 1] === 10 || buf[end - 1] === 13)) end--;
    }
    lexer.pos = end;
    return buf.subarray(p, end);
  };

  private parseAt(offset: number, num?: number): PdfObj {
    const lexer = new Lexer(this.buf, offset);
    const parser = new Parser(lexer, true, this.streamBytes);
    const n = parser.read();
    const g = parser.read();
    const kw = parser.read();
    if (typeof n !== 'number' || typeof g !== 'number' || !(kw instanceof Cmd) || kw.cmd !== 'obj' || (num !== undefined && n !== num)) {
      throw new Error(`object ${num ?? '?'} not found at offset ${offset}`);
    }
    const obj = parser.read();
    if (obj instanceof Cmd || obj === EOF) return null;
    return obj;
  }

  private objStm(num: number): Map<number, PdfObj> {
    let objs = this.objStms.get(num);
    if (objs) return objs;
    const stm = this.fetch(new Ref(num, 0));
    if (!(stm instanceof PdfStream)) throw new Error('not an object stream');
    const data = decodeStream(stm, this.budget, (o) => this.resolve(o));
    const n = stm.dict.get('N');
    const first = stm.dict.get('First');
    if (typeof n !== 'number' || typeof first !== 'number') throw new Error('bad object stream');
    const header = new Lexer(data, 0, Math.min(first, data.length));
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const a = header.next();
      const b = header.next();
      if (typeof a !== 'number' || typeof b !== 'number') break;
      pairs.push([a, b]);
    }
    objs = new Map();
    for (const [i, [objNum, off]] of pairs.entries()) {
      const end = i + 1 < pairs.length ? first + pairs[i + 1]![1] : data.length;
      const parser = new Parser(new Lexer(data, first + off, Math.min(end, data.length)), true);
      const v = parser.read();
      if (!objs.has(objNum)) objs.set(objNum, v instanceof Cmd || v === EOF ? null : v);
    }
    this.objStms.set(num, objs);
    return objs;
  }

  fetch(ref: Ref): PdfObj {
    const cached = this.cache.get(ref.num);
    if (cached !== undefined) return cached;
    if (this.fetching.has(ref.num)) throw new Unsupported(`circular reference to object ${ref.num}`);
    this.fetching.add(ref.num);
    try {
      const e = this.entries.get(ref.num);
      let obj: PdfObj = null;
      if (e?.type === 1 && e.offset >= 0) {
        try {
          obj = this.parseAt(e.offset, ref.num);
        } catch (err) {
          if (this.rebuilt) throw err;
          this.rebuild();
          this.fetching.delete(ref.num);
          return this.fetch(ref);
        }
      } else if (e?.type === 2) {
        obj = this.objStm(e.stm).get(ref.num) ?? null;
      }
      this.cache.set(ref.num, obj);
      return obj;
    } finally {
      this.fetching.delete(ref.num);
    }
  }

  resolve = (obj: PdfObj | undefined): PdfObj | undefined => {
    let o = obj;
    for (let i = 0; o instanceof Ref && i < 32; i++) o = this.fetch(o);
    return o instanceof Ref ? null : o;
  };

  get(dict: Dict | undefined, key: string): PdfObj | undefined {
    return dict ? this.resolve(dict.get(key)) : undefined;
  }

  decode(stream: PdfStream): Uint8Array {
    return decodeStream(stream, this.budget, this.resolve);
  }

  // ── pages ────────────────────────────────────────────────────────────────────────────────────
  pages(): PageInfo[] {
    const root = this.resolve(this.trailer.get('Root'));
    if (!(root instanceof Dict)) throw new Unsupported('no document catalog');
    const out: PageInfo[] = [];
    const seen = new Set<number>();
    const walk = (node: PdfObj | undefined, inherited: { res?: Dict; media?: number[]; crop?: number[]; rotate?: number }, depth: number): void => {
      if (node instanceof Ref) {
        if (seen.has(node.num)) return;
        seen.add(node.num);
      }
      const dict = this.resolve(node);
      if (!(dict instanceof Dict) || depth > 64) return;
      const res = this.get(dict, 'Resources');
      const media = normalizeRect(this.resolve(dict.get('MediaBox')) as PdfObj);
      const crop = normalizeRect(this.resolve(dict.get('CropBox')) as PdfObj);
      const rot = this.get(dict, 'Rotate');
      const here = {
        res: res instanceof Dict ? res : inherited.res,
        media: media ?? inherited.media,
        crop: crop ?? inherited.crop,
        rotate: typeof rot === 'number' ? rot : inherited.rotate,
      };
      const kids = this.get(dict, 'Kids');
      const type = this.get(dict, 'Type');
      if (Array.isArray(kids) && !(type instanceof Name && type.name === 'Page')) {
        for (const kid of kids) walk(kid, here, depth + 1);
        return;
      }
      if (out.length >= this.limits.maxPages) throw new PdfLimitError(`more than ${this.limits.maxPages} pages`, 'JUESUAN_PDF_MAX_PAGES');
      out.push(pageInfo(dict, here));
    };
    walk(root.get('Pages'), {}, 0);
    return out;
  }
}

function pageInfo(dict: Dict, a: { res?: Dict; media?: number[]; crop?: number[]; rotate?: number }): PageInfo {
  const media = a.media && a.media[2]! - a.media[0]! > 0 && a.media[3]! - a.media[1]! > 0 ? a.media : [0, 0, 612, 792];
  let view = media;
  if (a.crop) {
    const c = a.crop;
    const box = [Math.max(c[0]!, media[0]!), Math.max(c[1]!, media[1]!), Math.min(c[2]!, media[2]!), Math.min(c[3]!, media[3]!)];
    if (box[2]! - box[0]! > 0 && box[3]! - box[1]! > 0) view = box;
  }
  let rotate = a.rotate ?? 0;
  if (rotate % 90 !== 0) rotate = 0;
  else if (rotate >= 360) rotate %= 360;
  else if (rotate < 0) rotate = ((rotate % 360) + 360) % 360;
  return { dict, resources: a.res, view, rotate };
}
