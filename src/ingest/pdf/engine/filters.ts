/**
 * Stream decoding: FlateDecode (bounded by the document's budget), PNG/TIFF predictors,
 * ASCIIHexDecode and ASCII85Decode. Image filters are never decoded (the reader needs no pixels);
 * anything else is Unsupported and the document goes to pdf.js.
 */
import { constants, inflateSync } from 'node:zlib';
import type { Budget } from './limits.js';
import { Dict, Name, PdfStream, Unsupported, type PdfObj } from './objects.js';

function tooLarge(err: unknown): boolean {
  return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;
}

/**
 * A damaged deflate stream decodes up to the damage, as pdf.js and viewers do: inflate stops at
 * the first bad code, so the longest prefix of the input that inflates without an error (found by
 * bisection: a prefix that reaches the damage fails, a shorter one does not) gives the salvageable
 * output — what precedes the damage, never a guess. Sending such documents to pdf.js instead made
 * fuzz cases take 16–93 s (its font parser on a damaged font program). Exact for streams up to
 * 256 KB (content streams, CMaps); past that the bisection stops within 1/64 of the stream (about
 * 7 inflates, each bounded by the inflation limits, and the document's time limit between them):
 * Node's synchronous inflate cannot be fed in pieces.
 */
function salvage(data: Uint8Array, max: number, budget: Budget): Uint8Array {
  let lo = 0;
  let hi = data.length;
  let best: Uint8Array = new Uint8Array(0);
  const precision = data.length > 256 * 1024 ? Math.ceil(data.length / 64) : 1;
  while (hi - lo > precision) {
    budget.checkTime();
    const mid = (lo + hi) >>> 1;
    try {
      best = inflateSync(data.subarray(0, mid), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, max) });
      lo = mid;
    } catch (err) {
      if (tooLarge(err)) budget.exceeded(data.length);
      hi = mid;
    }
  }
  return best;
}

function inflate(data: Uint8Array, budget: Budget): Uint8Array {
  const max = budget.maxOutput(data.length);
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, max) });
  } catch (err) {
    if (tooLarge(err)) budget.exceeded(data.length);
    return salvage(data, max, budget);
  }
}

function png(data: Uint8Array, colors: number, bpc: number, columns: number): Uint8Array {
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  let prev = new Uint8Array(rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = data.subarray(r * (rowLen + 1) + 1, (r + 1) * (rowLen + 1));
    const row = out.subarray(r * rowLen, (r + 1) * rowLen);
    for (let i = 0; i < rowLen; i++) {
      const left = i >= bpp ? row[i - bpp]! : 0;
      const up = prev[i]!;
      const upLeft = i >= bpp ? prev[i - bpp]! : 0;
      let v = src[i]!;
      switch (type) {
        case 1: v += left; break;
        case 2: v += up; break;
        case 3: v += (left + up) >> 1; break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
          v += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
      }
      row[i] = v & 0xff;
    }
    prev = row;
  }
  return out;
}

function predict(data: Uint8Array, parms: PdfObj | undefined): Uint8Array {
  if (!(parms instanceof Dict)) return data;
  const predictor = parms.get('Predictor');
  if (typeof predictor !== 'number' || predictor <= 1) return data;
  const num = (k: string, d: number): number => {
    const v = parms.get(k);
    return typeof v === 'number' ? v : d;
  };
  if (predictor >= 10) return png(data, num('Colors', 1), num('BitsPerComponent', 8), num('Columns', 1));
  throw new Unsupported('TIFF predictor');
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let hi = -1;
  for (const c of data) {
    if (c === 62) break;
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (v < 0) continue;
    if (hi < 0) hi = v;
    else {
      out.push((hi << 4) | v);
      hi = -1;
    }
  }
  if (hi >= 0) out.push(hi << 4);
  return Uint8Array.from(out);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let group: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 126) break; // ~>
    if (c === 122 && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 33 || c > 117) continue;
    group.push(c - 33);
    if (group.length === 5) {
      let v = 0;
      for (const g of group) v = v * 85 + g;
      out.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
      group = [];
    }
  }
  if (group.length > 1) {
    const n = group.length;
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const g of group) v = v * 85 + g;
    const bytes = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    out.push(...bytes.slice(0, n - 1));
  }
  return Uint8Array.from(out);
}

const IMAGE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode']);

/** Decoded bytes of a stream (resolve: fetches indirect filter entries). */
export function decodeStream(stream: PdfStream, budget: Budget, resolve: (o: PdfObj | undefined) => PdfObj | undefined): Uint8Array {
  const filter = resolve(stream.dict.get('Filter') ?? stream.dict.get('F'));
  const parmsObj = resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP'));
  const filters = Array.isArray(filter) ? filter.map((f) => resolve(f)) : filter ? [filter] : [];
  const parms = Array.isArray(parmsObj) ? parmsObj.map((p) => resolve(p)) : [parmsObj];
  let data = stream.raw;
  filters.forEach((f, i) => {
    if (!(f instanceof Name)) throw new Unsupported('a stream filter is not a name');
    switch (f.name) {
      case 'FlateDecode':
      case 'Fl':
        data = predict(inflate(data, budget), parms[i]);
        break;
      case 'ASCIIHexDecode':
      case 'AHx':
        data = asciiHex(data);
        break;
      case 'ASCII85Decode':
      case 'A85':
        data = ascii85(data);
        break;
      default:
        if (IMAGE_FILTERS.has(f.name)) throw new Unsupported(`image data (${f.name}) outside an image`);
        throw new Unsupported(`stream filter ${f.name}`);
    }
  });
  budget.add(data.length);
  return data;
}
