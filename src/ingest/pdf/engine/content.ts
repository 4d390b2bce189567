/**
 * A page's content streams → text items (as pdf.js's getTextContent makes them) and ruling lines.
 * One pass over the operators tracks the graphics state (CTM through q/Q/cm and form XObjects), the
 * text state, and paths; images are counted, never decoded; fonts give Unicode and widths only.
 *
 * The grouping of glyphs into items (where a space is inserted, where a new item starts) follows
 * pdf.js's `getTextContent` (src/core/evaluator.js, Apache-2.0), so the layout code sees the same
 * boxes whichever reader ran.
 */
import type { PdfFile } from './document.js';
import { fallbackFont, Font, loadFont, type Glyph } from './fonts.js';
import { Cmd, Dict, EOF, Lexer, Name, Op, Parser, PdfStream, Ref, Unsupported, type PdfObj } from './objects.js';
import { IDENTITY, multiply, type Matrix } from '../matrix.js';


export interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

/** A stroked or filled path piece, in page space (before the viewport). */
export interface RawRule {
  kind: 'stroke' | 'fill';
  pts: number[];
}

export interface RawContent {
  items: TextItem[];
  /** Polylines of painted paths (flattened x,y pairs), with how they were painted. */
  paths: RawRule[];
  textOps: number;
  imageOps: number;
}

class TextState {
  ctm: Matrix = IDENTITY;
  font: Font | null = null;
  fontName: string | null = null;
  fontSize = 0;
  tm: number[] = [...IDENTITY];
  tlm: number[] = [...IDENTITY];
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;

  clone(): TextState {
    return new TextState().copyFrom(this);
  }
  /** Makes this a copy of `src` (this object's own tm and tlm arrays kept). */
  copyFrom(src: TextState): this {
    this.ctm = src.ctm;
    this.font = src.font;
    this.fontName = src.fontName;
    this.fontSize = src.fontSize;
    for (let i = 0; i < 6; i++) {
      this.tm[i] = src.tm[i]!;
      this.tlm[i] = src.tlm[i]!;
    }
    this.charSpacing = src.charSpacing;
    this.wordSpacing = src.wordSpacing;
    this.leading = src.leading;
    this.textHScale = src.textHScale;
    this.textRise = src.textRise;
    return this;
  }
  translateTm(x: number, y: number): void {
    const m = this.tm;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  translateTlm(x: number, y: number): void {
    const m = this.tlm;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  carriageReturn(): void {
    this.translateTlm(0, -this.leading);
    this.syncTm();
  }
  /** tm := tlm, in place (no allocation: text operators run for every glyph run). */
  syncTm(): void {
    const tm = this.tm;
    const tlm = this.tlm;
    for (let i = 0; i < 6; i++) tm[i] = tlm[i]!;
  }
}

const NORMALIZE = /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
function normalizeUnicode(s: string): string {
  return s.replace(NORMALIZE, (_m, p1: string | undefined, p2: string | undefined) => (p1 ? p1.normalize('NFKC') : 'ſt'.repeat(p2!.length)));
}

const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

const MAX_FORM_DEPTH = 16;
const MAX_OPERANDS = 10_000;

export interface PageContext {
  file: PdfFile;
  /** pdf.js's page.view: the clip for glyph positions. */
  viewBox: number[];
  fontCache: Map<unknown, Font>;
  /** Decoded form XObjects of the document (a logo or header form is drawn on every page). */
  formCache: WeakMap<PdfStream, Uint8Array>;
  /** Called every few thousand operators (wall-clock budget). */
  tick: () => void;
}

/** Reads a page's content (one stream or an array of them) with its resources. */
export function readContent(ctx: PageContext, contents: PdfObj | undefined, resources: Dict | undefined): RawContent {
  const { file } = ctx;
  const parts = Array.isArray(contents) ? contents.map((c) => file.resolve(c)) : [file.resolve(contents)];
  const chunks: Uint8Array[] = [];
  for (const p of parts) if (p instanceof PdfStream) chunks.push(file.decode(p));
  const data = chunks.length === 1 ? chunks[0]! : joinChunks(chunks);
  const out: RawContent = { items: [], paths: [], textOps: 0, imageOps: 0 };
  new Interpreter(ctx, out).run(data, resources, new TextState(), new Set(), 0);
  return out;
}

function joinChunks(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.length + 1, 0);
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
    out[p++] = 10;
  }
  return out;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

class Interpreter {
  constructor(private readonly ctx: PageContext, private readonly out: RawContent) {}

  private font(resources: Dict | undefined, name: string): Font | null {
    const { file, fontCache } = this.ctx;
    const fonts = file.get(resources, 'Font');
    if (!(fonts instanceof Dict)) return null;
    const raw = fonts.get(name);
    const key: unknown = raw instanceof Ref ? raw.num : raw;
    if (key === undefined) return null;
    let f = fontCache.get(key);
    if (!f) {
      const dict = file.resolve(raw);
      if (!(dict instanceof Dict)) return null;
      f = loadFont(file, dict);
      fontCache.set(key, f);
    }
    return f;
  }

  run(data: Uint8Array, resources: Dict | undefined, initial: TextState, seen: Set<number>, depth: number): void {
    const { ctx, out } = this;
    const { file } = ctx;
    const viewBox = ctx.viewBox;
    const items = out.items;
    let textState = initial;
    const stack: TextState[] = [];
    // states a Q replaced, reused by the next q (some producers wrap every glyph in q … Q): nothing
    // else holds them — currentTextState and a form's initial state are clones of their own
    const spare: TextState[] = [];
    let currentTextState: TextState | null = null;

    // ── pdf.js text-item state ──
    const item = {
      initialized: false,
      str: [] as string[],
      totalWidth: 0,
      totalHeight: 0,
      width: 0,
      height: 0,
      hasPrev: false,
      prevTextRise: 0,
      textAdvanceScale: 0,
      spaceInFlowMin: 0,
      spaceInFlowMax: 0,
      trackingSpaceMin: Infinity,
      negativeSpaceMax: -Infinity,
      notASpace: -Infinity,
      transform: null as number[] | null,
      fontName: null as string | null,
    };
    const twoLastChars = [' ', ' '];
    let twoLastCharsPos = 0;
    const saveLastChar = (char: string): boolean => {
      const nextPos = (twoLastCharsPos + 1) % 2;
      const ret = twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[nextPos] === ' ';
      twoLastChars[twoLastCharsPos] = char;
      twoLastCharsPos = nextPos;
      return ret;
    };
    const shouldAddWhitespace = (): boolean => twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[(twoLastCharsPos + 1) % 2] === ' ';
    const resetLastChars = (): void => {
      twoLastChars[0] = twoLastChars[1] = ' ';
      twoLastCharsPos = 0;
    };
    // ctm × tm × [fontSize·hScale 0 0 fontSize 0 rise] (pdf.js's getCurrentTextTransform), into `out`
    // without allocating: this runs for every glyph.
    const transformInto = (out: number[] | Float64Array): void => {
      const ts = textState;
      const fs = ts.fontSize;
      const h = fs * ts.textHScale;
      const rise = ts.textRise;
      const tm = ts.tm;
      const a = tm[0]! * h, b = tm[1]! * h, c = tm[2]! * fs, d = tm[3]! * fs;
      const e = tm[2]! * rise + tm[4]!, f = tm[3]! * rise + tm[5]!;
      const m = ts.ctm;
      out[0] = m[0] * a + m[2] * b;
      out[1] = m[1] * a + m[3] * b;
      out[2] = m[0] * c + m[2] * d;
      out[3] = m[1] * c + m[3] * d;
      out[4] = m[0] * e + m[2] * f + m[4];
      out[5] = m[1] * e + m[3] * f + m[5];
    };
    const currentTransform = (): number[] => {
      const out = [0, 0, 0, 0, 0, 0];
      transformInto(out);
      return out;
    };
    const curT = new Float64Array(6);
    const prev = new Float64Array(6);
    const flush = (): void => {
      if (!item.initialized) return;
      item.totalWidth += item.width * item.textAdvanceScale;
      const str = normalizeUnicode(item.str.join(''));
      items.push({ str, transform: item.transform!, width: Math.abs(item.totalWidth) });
      item.initialized = false;
      item.str.length = 0;
    };
    const ensureItem = (): void => {
      if (item.initialized) return;
      item.fontName = textState.fontName;
      const trm = (item.transform = currentTransform());
      item.width = item.totalWidth = 0;
      item.height = item.totalHeight = Math.hypot(trm[2]!, trm[3]!);
      item.textAdvanceScale = advanceScale();
      const { fontSize } = textState;
      item.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
      item.notASpace = fontSize * NOT_A_SPACE_FACTOR;
      item.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
      item.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
      item.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
      item.initialized = true;
    };
    // |ctm's x axis| × |tlm's x axis|, remembered for the last ctm and tlm[0..1]: Tm runs once per
    // glyph in some producers' streams, with the same scale each time
    let scaleCtm: Matrix | null = null;
    let scaleA = NaN;
    let scaleB = NaN;
    let scale = 0;
    const advanceScale = (): number => {
      const { tlm, ctm } = textState;
      if (ctm !== scaleCtm || tlm[0] !== scaleA || tlm[1] !== scaleB) {
        scaleCtm = ctm;
        scaleA = tlm[0]!;
        scaleB = tlm[1]!;
        scale = Math.hypot(ctm[0], ctm[1]) * Math.hypot(scaleA, scaleB);
      }
      return scale;
    };
    const updateAdvanceScale = (): void => {
      if (!item.initialized) return;
      const f = advanceScale();
      if (f === item.textAdvanceScale) return;
      item.totalWidth += item.width * item.textAdvanceScale;
      item.width = 0;
      item.textAdvanceScale = f;
    };
    const appendEOL = (): void => {
      resetLastChars();
      if (item.initialized) flush();
    };
    const addFakeSpaces = (width: number, orientation: number): boolean => {
      if (orientation * item.spaceInFlowMin <= width && width <= orientation * item.spaceInFlowMax) {
        if (item.initialized) {
          resetLastChars();
          item.str.push(' ');
        }
        return false;
      }
      flush();
      resetLastChars();
      return true;
    };
    const compareWithLastPosition = (glyphWidth: number): boolean => {
      const cur = curT;
      transformInto(cur);
      let posX = cur[4]!;
      let posY = cur[5]!;
      if (posX + glyphWidth < viewBox[0]! || posX > viewBox[2]! || posY < viewBox[1]! || posY > viewBox[3]!) return false;
      if (!textState.font || !item.hasPrev) return true;
      let lastX = prev[4]!;
      let lastY = prev[5]!;
      if (lastX === posX && lastY === posY) return true;
      let rotate = -1;
      if (cur[0] && cur[1] === 0 && cur[2] === 0) rotate = cur[0] > 0 ? 0 : 180;
      else if (cur[1] && cur[0] === 0 && cur[3] === 0) rotate = cur[1] > 0 ? 90 : 270;
      switch (rotate) {
        case 0:
          break;
        case 90:
          [posX, posY] = [posY, posX];
          [lastX, lastY] = [lastY, lastX];
          break;
        case 180:
          [posX, posY, lastX, lastY] = [-posX, -posY, -lastX, -lastY];
          break;
        case 270:
          [posX, posY] = [-posY, -posX];
          [lastX, lastY] = [-lastY, -lastX];
          break;
        default: {
          const inv = (x: number, y: number, m: ArrayLike<number>): [number, number] => {
            const s = Math.hypot(m[0]!, m[1]!);
            return [(m[0]! * x + m[1]! * y) / s, (m[2]! * x + m[3]! * y) / s];
          };
          [posX, posY] = inv(posX, posY, cur);
          [lastX, lastY] = inv(lastX, lastY, prev);
        }
      }
      const advanceX = (posX - lastX) / item.textAdvanceScale;
      const advanceY = posY - lastY;
      const orientation = Math.sign(item.width || item.totalWidth);
      if (advanceX < orientation * item.negativeSpaceMax) {
        if (Math.abs(advanceY) > 0.5 * item.height) {
          appendEOL();
          return true;
        }
        resetLastChars();
        flush();
        return true;
      }
      const riseDelta = textState.textRise - item.prevTextRise;
      const advanceYCorrected = riseDelta === 0 ? advanceY : advanceY - (cur[3]! / textState.fontSize) * riseDelta;
      if (Math.abs(advanceYCorrected) > item.height) {
        appendEOL();
        return true;
      }
      if (advanceX <= orientation * item.notASpace) resetLastChars();
      if (advanceX <= orientation * item.trackingSpaceMin) {
        if (shouldAddWhitespace()) {
          resetLastChars();
          flush();
        } else item.width += advanceX;
      } else if (!addFakeSpaces(advanceX, orientation)) {
        if (item.str.length === 0) resetLastChars();
        else item.width += advanceX;
      }
      if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT_RATIO) flush();
      return true;
    };
    const buildText = (chars: string, extraSpacing: number): void => {
      const cts = currentTextState!;
      if (cts !== textState && (cts.fontSize !== textState.fontSize || (cts.fontName !== textState.fontName && cts.font?.name !== textState.font?.name))) {
        flush();
        currentTextState = textState.clone();
      }
      const font = textState.font!;
      const baseCharSpacing = textState.charSpacing;
      if (!chars) {
        const cs = baseCharSpacing + extraSpacing;
        if (cs) textState.translateTm(cs * textState.textHScale, 0);
        return;
      }
      const glyphs: Glyph[] = font.glyphs(chars);
      const scale = 0.001 * textState.fontSize;
      for (let i = 0, ii = glyphs.length; i < ii; i++) {
        const glyph = glyphs[i]!;
        if (glyph.isInvisibleFormatMark) continue;
        let charSpacing = baseCharSpacing + (i + 1 === ii ? extraSpacing : 0);
        let scaledDim = glyph.width * scale;
        if (glyph.code === 0x20) charSpacing += textState.wordSpacing;
        if (glyph.isWhitespace) {
          charSpacing += scaledDim;
          textState.translateTm(charSpacing * textState.textHScale, 0);
          saveLastChar(' ');
          continue;
        }
        if (!glyph.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {
          textState.translateTm(scaledDim * textState.textHScale, 0);
          continue;
        }
        ensureItem();
        if (glyph.isZeroWidthDiacritic) scaledDim = 0;
        scaledDim *= textState.textHScale;
        textState.translateTm(scaledDim, 0);
        item.width += scaledDim;
        if (scaledDim) {
          transformInto(prev);
          item.hasPrev = true;
          item.prevTextRise = textState.textRise;
        }
        if (saveLastChar(glyph.unicode)) item.str.push(' ');
        item.str.push(glyph.unicode);
        if (charSpacing) textState.translateTm(charSpacing * textState.textHScale, 0);
      }
    };

    // ── paths ──
    let path: number[][] = [];
    let cur: number[] = [];
    let cx = 0;
    let cy = 0;
    const pt = (x: number, y: number): void => {
      const m = textState.ctm;
      cur.push(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
      cx = x;
      cy = y;
    };
    const endSub = (): void => {
      if (cur.length > 2) path.push(cur);
      cur = [];
    };
    const paint = (kind: 'stroke' | 'fill' | null): void => {
      endSub();
      if (kind) for (const p of path) out.paths.push({ kind, pts: p });
      path = [];
    };

    const parser = new Parser(new Lexer(data));
    // The operands of the operator at hand: a[0 … n-1]. The array is kept and its used slots cleared
    // after each operator (`length = 0` would free its store, and the next push allocate a new one:
    // thousands of operators a page); a slot at or past n reads undefined, as in an emptied array.
    const operands: unknown[] = [];
    let n = 0;
    let count = 0;
    let formResources = resources;
    for (;;) {
      const t = parser.read();
      if (t === EOF) break;
      if (!(t instanceof Cmd)) {
        if (n < MAX_OPERANDS) operands[n++] = t;
        continue;
      }
      if ((++count & 4095) === 0) ctx.tick();
      const op = t.op;
      const a = operands;
      textState = textState ?? initial;
      currentTextState ??= textState.clone();
      switch (op) {
        case Op.q:
          stack.push(spare.length ? spare.pop()!.copyFrom(textState) : textState.clone());
          break;
        case Op.Q:
          if (stack.length) {
            spare.push(textState);
            textState = stack.pop()!;
          }
          break;
        case Op.cm:
          if (n >= 6) textState.ctm = multiply(textState.ctm, a.slice(n - 6, n).map(num));
          break;
        // text state
        case Op.Tf: {
          const name = a[0] instanceof Name ? a[0].name : null;
          const size = num(a[1]);
          if (textState.font && name === textState.fontName && size === textState.fontSize) break;
          textState.fontName = name;
          textState.fontSize = size;
          textState.font = name ? this.font(formResources, name) : null;
          if (!textState.font) textState.font = fallbackFont();
          break;
        }
        case Op.Ts:
          textState.textRise = num(a[0]);
          break;
        case Op.Tz:
          textState.textHScale = num(a[0]) / 100;
          break;
        case Op.TL:
          textState.leading = num(a[0]);
          break;
        case Op.Td:
          textState.translateTlm(num(a[0]), num(a[1]));
          textState.syncTm();
          break;
        case Op.TD:
          textState.leading = -num(a[1]);
          textState.translateTlm(num(a[0]), num(a[1]));
          textState.syncTm();
          break;
        case Op.TStar:
          textState.carriageReturn();
          break;
        case Op.Tm:
          if (n >= 6) {
            const k = n - 6;
            const { tm, tlm } = textState;
            for (let i = 0; i < 6; i++) tm[i] = tlm[i] = num(a[k + i]);
            updateAdvanceScale();
          }
          break;
        case Op.Tc:
          textState.charSpacing = num(a[0]);
          break;
        case Op.Tw:
          textState.wordSpacing = num(a[0]);
          break;
        case Op.BT:
          for (let i = 0; i < 6; i++) textState.tm[i] = textState.tlm[i] = IDENTITY[i]!;
          break;
        case Op.TJ: {
          out.textOps++;
          if (!textState.font) break;
          const arr = Array.isArray(a[0]) ? (a[0] as unknown[]) : [];
          const spaceFactor = -textState.fontSize / 1000;
          let buf = '';
          for (const el of arr) {
            if (typeof el === 'string') buf += el;
            else if (typeof el === 'number' && el !== 0) {
              buildText(buf, el * spaceFactor);
              buf = '';
            }
          }
          if (buf.length > 0) buildText(buf, 0);
          break;
        }
        case Op.Tj:
          out.textOps++;
          if (textState.font && typeof a[0] === 'string') buildText(a[0], 0);
          break;
        case Op.Quote:
          out.textOps++;
          if (!textState.font) break;
          textState.carriageReturn();
          if (typeof a[0] === 'string') buildText(a[0], 0);
          break;
        case Op.DoubleQuote:
          out.textOps++;
          if (!textState.font) break;
          textState.wordSpacing = num(a[0]);
          textState.charSpacing = num(a[1]);
          textState.carriageReturn();
          if (typeof a[2] === 'string') buildText(a[2], 0);
          break;
        // paths
        case Op.m:
          endSub();
          pt(num(a[0]), num(a[1]));
          break;
        case Op.l:
          if (cur.length === 0) pt(cx, cy);
          pt(num(a[0]), num(a[1]));
          break;
        case Op.c:
          if (cur.length === 0) pt(cx, cy);
          pt(num(a[4]), num(a[5]));
          break;
        case Op.v:
        case Op.y:
          if (cur.length === 0) pt(cx, cy);
          pt(num(a[2]), num(a[3]));
          break;
        case Op.h:
          if (cur.length > 2) cur.push(cur[0]!, cur[1]!);
          break;
        case Op.re: {
          endSub();
          const [x, y, w, h] = [num(a[0]), num(a[1]), num(a[2]), num(a[3])];
          pt(x, y);
          pt(x + w, y);
          pt(x + w, y + h);
          pt(x, y + h);
          cur.push(cur[0]!, cur[1]!);
          endSub();
          cx = x;
          cy = y;
          break;
        }
        case Op.S:
        case Op.s:
        case Op.B:
        case Op.BStar:
        case Op.b:
        case Op.bStar:
          paint('stroke');
          break;
        case Op.f:
        case Op.F:
        case Op.fStar:
          paint('fill');
          break;
        case Op.n:
          paint(null);
          break;
        case Op.W:
        case Op.WStar:
          break;
        // marked content ends the current text item (as in pdf.js)
        case Op.BMC:
        case Op.BDC:
        case Op.EMC:
          flush();
          break;
        // XObjects and images
        case Op.Do: {
          flush();
          const name = a[0] instanceof Name ? a[0].name : null;
          const xobjs = file.get(formResources, 'XObject');
          if (!name || !(xobjs instanceof Dict)) break;
          const raw = xobjs.get(name);
          const x = file.resolve(raw);
          if (!(x instanceof PdfStream)) break;
          const sub = file.get(x.dict, 'Subtype');
          if (!(sub instanceof Name)) break;
          if (sub.name === 'Image') {
            out.imageOps++;
            break;
          }
          if (sub.name !== 'Form') break;
          const id = raw instanceof Ref ? raw.num : -1;
          if ((id >= 0 && seen.has(id)) || depth >= MAX_FORM_DEPTH) break;
          const state = textState.clone();
          const matrix = file.get(x.dict, 'Matrix');
          if (Array.isArray(matrix) && matrix.length === 6 && matrix.every((v) => typeof v === 'number')) state.ctm = multiply(state.ctm, matrix as number[]);
          const res = file.get(x.dict, 'Resources');
          const inner = new Set(seen);
          if (id >= 0) inner.add(id);
          let data = ctx.formCache.get(x);
          if (!data) ctx.formCache.set(x, (data = file.decode(x)));
          this.run(data, res instanceof Dict ? res : formResources, state, inner, depth + 1);
          break;
        }
        case Op.BI: {
          out.imageOps++;
          skipInlineImage(parser);
          break;
        }
        case Op.gs: {
          const name = a[0] instanceof Name ? a[0].name : null;
          const gstates = file.get(formResources, 'ExtGState');
          const gs = name && gstates instanceof Dict ? file.get(gstates, name) : undefined;
          if (gs instanceof Dict && gs.get('Font') !== undefined) throw new Unsupported('a font set through ExtGState');
          break;
        }
        case Op.d0:
        case Op.d1:
          throw new Unsupported('glyph procedures');
        default:
          break;
      }
      for (let i = 0; i < n; i++) operands[i] = undefined;
      n = 0;
    }
    flush();
    formResources = undefined;
  }
}

/** Skips an inline image (BI … ID <binary> EI) without decoding it. */
function skipInlineImage(parser: Parser): void {
  const lexer = parser.lexer;
  // The dictionary up to ID.
  for (let i = 0; i < 1000; i++) {
    const t = parser.read();
    if (t === EOF) return;
    if (t instanceof Cmd && t.cmd === 'ID') break;
  }
  const buf = lexer.buf;
  let p = lexer.pos + 1;
  const isWs = (c: number | undefined): boolean => c === undefined || c === 32 || c === 10 || c === 13 || c === 9 || c === 0 || c === 12;
  while (p + 1 < lexer.end) {
    if (buf[p] === 69 && buf[p + 1] === 73 && isWs(buf[p - 1]) && isWs(buf[p + 2])) {
      lexer.pos = p + 2;
      return;
    }
    p++;
  }
  lexer.pos = lexer.end;
}
