/**
 * ZIP containers (.xlsx, .docx) checked before any library inflates them: the central directory is
 * read first (entry count and declared sizes against the limits), then every entry is inflated here
 * with a byte cap (declared sizes can lie), so a zip bomb is refused after inflating at most the
 * limit. The parts a reader wants to look into (sheet XML, document.xml) are kept and returned;
 * the others are dropped as soon as they are counted. `scanXml` then reads a part's tags in one
 * linear pass (nesting depth, counts of chosen elements) before the library parses it.
 */
import { inflateRawSync } from 'node:zlib';
import { checkLimit, limit, limitError } from './limits.js';
import { InputError } from './raw.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipScan {
  entries: ZipEntry[];
  /** The inflated bytes of the entries `keep` asked for. */
  parts: Map<string, Buffer>;
  /** Total inflated bytes of all entries. */
  inflated: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(what: string): InputError {
  // Entry names come from the file: control characters (a damaged name with a line break) are
  // shown escaped, so that the message stays one line.
  const line = what.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return new InputError(`damaged ZIP container (.xlsx/.docx): ${line}`, 'save the file again from Excel/Word/WPS');
}

function findEocd(buf: Buffer): number {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  throw damaged('no end-of-central-directory record');
}

/** Reads a little-endian 64-bit size as a number (refusing values JavaScript cannot hold exactly). */
function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('a ZIP64 size out of range');
  return Number(v);
}

function zip64Directory(buf: Buffer, eocd: number): { count: number; offset: number } | undefined {
  const loc = eocd - 20;
  if (loc < 0 || buf.readUInt32LE(loc) !== EOCD64_LOCATOR) return undefined;
  const at = u64(buf, loc + 8);
  if (at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) throw damaged('a bad ZIP64 end record');
  return { count: u64(buf, at + 32), offset: u64(buf, at + 48) };
}

/** The central directory, checked against the entry-count and declared-size limits. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) throw damaged('too short');
  const eocd = findEocd(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const z = zip64Directory(buf, eocd);
    if (z) ({ count, offset } = z);
  }
  checkLimit('zipEntries', count);
  const entries: ZipEntry[] = [];
  let p = offset;
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw damaged(`central directory entry ${i + 1} of ${count} is missing`);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > buf.length) throw damaged('the central directory runs past the end of the file');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      ({ size, compressedSize, localOffset } = zip64Extra(buf, p + 46 + nameLen, extraLen, { size, compressedSize, localOffset }));
    }
    declared += size;
    entries.push({ name, method, compressedSize, size, localOffset });
    p = end;
  }
  checkLimit('unzippedBytes', declared);
  return entries;
}

function zip64Extra(buf: Buffer, at: number, len: number, e: { size: number; compressedSize: number; localOffset: number }): typeof e {
  const out = { ...e };
  for (let q = at; q + 4 <= at + len;) {
    const id = buf.readUInt16LE(q);
    const n = buf.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      if (e.size === 0xffffffff && r + 8 <= q + 4 + n) { out.size = u64(buf, r); r += 8; }
      if (e.compressedSize === 0xffffffff && r + 8 <= q + 4 + n) { out.compressedSize = u64(buf, r); r += 8; }
      if (e.localOffset === 0xffffffff && r + 8 <= q + 4 + n) out.localOffset = u64(buf, r);
      return out;
    }
    q += 4 + n;
  }
  return out;
}

function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw damaged(`the entry ${e.name} is missing`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw damaged(`the entry ${e.name} runs past the end of the file`);
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * Checks a ZIP container against the limits, inflating every entry with a cap of what remains of
 * the uncompressed-size budget; returns the inflated parts `keep` asks for.
 */
export function scanZip(bytes: Uint8Array, keep: (name: string) => boolean = () => false): ZipScan {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(bytes);
  const max = limit('unzippedBytes');
  const parts = new Map<string, Buffer>();
  let inflated = 0;
  for (const e of entries) {
    if (e.name.endsWith('/') && e.size === 0) continue;
    const data = entryData(buf, e);
    let out: Buffer;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      const room = max - inflated;
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
          throw limitError('unzippedBytes', max, true);
        }
        throw damaged(`the entry ${e.name} cannot be inflated (${(err as Error).message})`);
      }
    } else throw damaged(`the entry ${e.name} uses compression method ${e.method}, which is not supported`);
    inflated += out.length;
    if (inflated > max) throw limitError('unzippedBytes', inflated, true);
    if (keep(e.name)) parts.set(e.name, out);
  }
  return { entries, parts, inflated };
}

export interface XmlScan {
  /** Deepest element nesting met. */
  depth: number;
  /** Open tags by local name (for the names asked for). */
  counts: Map<string, number>;
  /** The raw text of each open tag of the names in `capture` (e.g. mergeCell, to read its ref). */
  captured: Map<string, string[]>;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

function isNameEnd(b: number | undefined): boolean {
  return b === undefined || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === SLASH;
}

/**
 * One linear pass over the tags of an XML part: nesting depth (refused past the depth limit as
 * soon as it is reached), one root element and no stray closing tag (else refused as damaged),
 * and counts of the local names in `count`.
 */
export function scanXml(xml: Buffer, opts: { count?: string[]; capture?: string[]; where?: string } = {}): XmlScan {
  const maxDepth = limit('depth');
  const counts = new Map<string, number>((opts.count ?? []).map((n) => [n, 0]));
  const captured = new Map<string, string[]>((opts.capture ?? []).map((n) => [n, []]));
  let depth = 0;
  let deepest = 0;
  let roots = 0;
  const malformed = (what: string): InputError =>
    new InputError(`${opts.where ? `${opts.where}: ` : ''}malformed XML (${what}): the file is damaged`, 'open it in Word/Excel/WPS and save it again');
  let i = xml.indexOf(LT);
  while (i >= 0 && i < xml.length) {
    const next = xml[i + 1];
    if (next === SLASH) {
      if (depth === 0) throw malformed('a closing tag without its opening tag');
      depth--;
      i = xml.indexOf(LT, i + 2);
      continue;
    }
    if (next === 0x21 /* ! */) {
      const isComment = xml[i + 2] === 0x2d && xml[i + 3] === 0x2d;
      const isCdata = !isComment && xml.toString('latin1', i + 2, i + 9) === '[CDATA[';
      const close = isComment ? xml.indexOf('-->', i + 4) : isCdata ? xml.indexOf(']]>', i + 9) : xml.indexOf(GT, i + 2);
      if (close < 0) break;
      i = xml.indexOf(LT, close);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', i + 2);
      if (close < 0) break;
      i = xml.indexOf(LT, close);
      continue;
    }
    let j = i + 1;
    let colon = -1;
    while (j < xml.length && !isNameEnd(xml[j])) {
      if (xml[j] === 0x3a) colon = j;
      j++;
    }
    const gt = xml.indexOf(GT, j);
    if (gt < 0) break;
    const selfClosing = xml[gt - 1] === SLASH;
    // A second top-level element: the XML library inserts every later element at the document
    // level and checks each insertion against all the others (a damaged part took minutes).
    if (depth === 0 && ++roots > 1) throw malformed('more than one root element');
    if (!selfClosing) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > maxDepth) throw limitError('depth', deepest, true, opts.where);
      }
    }
    if (counts.size || captured.size) {
      const local = xml.toString('latin1', colon >= 0 ? colon + 1 : i + 1, j);
      const n = counts.get(local);
      if (n !== undefined) counts.set(local, n + 1);
      captured.get(local)?.push(xml.toString('latin1', i, gt + 1));
    }
    i = xml.indexOf(LT, gt + 1);
  }
  return { depth: deepest, counts, captured };
}
