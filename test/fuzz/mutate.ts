/**
 * Mutations of a seed document: byte-level (bit flips, interesting bytes, chunks deleted, inserted,
 * repeated, spliced from another seed, truncation) and structure-aware ones per format — text and
 * markup edits (deep nesting, long digit runs and lines, spans, unclosed comments, charsets and
 * encodings), ZIP containers taken apart and put back (XML parts edited, far cell refs, huge merges,
 * entries dropped or duplicated, directory fields corrupted), PDF tokens (numbers, xref offsets,
 * lengths, operators, streams re-deflated with edits). Every mutation is a pure function of the
 * seed and the PRNG, so a case is reproduced from (run seed, case index).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { Rng } from './rng.js';
import type { Seed } from './seeds.js';
import { readZip, writeZip, type ZipFile } from './zip.js';

/** Largest mutated document (the limits themselves are tested by the hostile files). */
export const MAX_CASE_BYTES = 4 * 1024 * 1024;

export interface Mutant {
  name: string;
  bytes: Uint8Array;
  /** The mutations applied, in order (for the report). */
  ops: string[];
}

type Op = (b: Uint8Array, rng: Rng, ctx: Ctx) => Uint8Array;

interface Ctx {
  seed: Seed;
  others: Seed[];
}

const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0x01, 0x20, 0x0a, 0x0d, 0x09, 0x3c, 0x3e, 0x22, 0x25, 0x2f, 0x5c, 0xfe, 0xef, 0xbb, 0xbf];

const cat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

// ---------------------------------------------------------------- bytes

const byteOps: Record<string, Op> = {
  flipBits(b, rng) {
    const out = Uint8Array.from(b);
    for (let k = rng.range(1, 8); k > 0 && out.length; k--) out[rng.int(out.length)]! ^= 1 << rng.int(8);
    return out;
  },
  interestingBytes(b, rng) {
    const out = Uint8Array.from(b);
    for (let k = rng.range(1, 6); k > 0 && out.length; k--) out[rng.int(out.length)] = rng.pick(INTERESTING);
    return out;
  },
  deleteChunk(b, rng) {
    const at = rng.int(b.length);
    return cat(b.subarray(0, at), b.subarray(Math.min(b.length, at + rng.size(b.length))));
  },
  insertRandom(b, rng) {
    const at = rng.int(b.length + 1);
    const junk = new Uint8Array(rng.size(4096)).map(() => rng.int(256));
    return cat(b.subarray(0, at), junk, b.subarray(at));
  },
  repeatChunk(b, rng) {
    const at = rng.int(b.length);
    const chunk = b.subarray(at, at + rng.size(256));
    const times = rng.size(2000);
    return cat(b.subarray(0, at), ...Array.from({ length: times }, () => chunk), b.subarray(at));
  },
  truncate(b, rng) {
    return b.subarray(0, rng.int(b.length));
  },
  spliceOther(b, rng, ctx) {
    const other = rng.pick(ctx.others.length ? ctx.others : [ctx.seed]).bytes;
    const at = rng.int(b.length);
    const from = rng.int(other.length);
    return cat(b.subarray(0, at), other.subarray(from, from + rng.size(other.length)), b.subarray(at));
  },
  swapChunks(b, rng) {
    const n = rng.size(512);
    const i = rng.int(Math.max(1, b.length - n));
    const j = rng.int(Math.max(1, b.length - n));
    const out = Uint8Array.from(b);
    out.set(b.subarray(j, j + n), i);
    out.set(b.subarray(i, i + n), j);
    return out;
  },
};

// ---------------------------------------------------------------- text and markup

const SNIPPETS = [
  '\u0000', '\uFFFD', '\uD800', '\u202E', '\u3000', '\t', '\t\t\t', '\r', '\f', '（', '）', '%', '％', '万元', '元',
  '-', '—', '1,234.56', '-0.00', '1e309', '99999999999999999999.99', '０１２３', '合计', '本年收入合计', '小计',
  '一、', '（一）', '第一部分', '公开01表', '金额单位：万元', '：', '。', '；', '<', '>', '&amp;', '&#x0;', '&#99999999;',
  '2023年', '增长100%', '下降', '比上年', '绩效', '项目', '个', '"', "'", '\\', '\u00A0', '\u200B', '　　',
];

function str(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}

function bytes(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf8'));
}

const textOps: Record<string, (s: string, rng: Rng) => string> = {
  digitRun(s, rng) {
    const at = rng.int(s.length + 1);
    return s.slice(0, at) + '9'.repeat(rng.size(100_000)) + rng.pick(['', '个项目', '万元', '%', '.5']) + s.slice(at);
  },
  longLine(s, rng) {
    const at = rng.int(s.length + 1);
    return s.slice(0, at) + rng.pick(['本年支出', '一', 'a ', '\t', '，']).repeat(rng.size(50_000)) + s.slice(at);
  },
  manyLines(s, rng) {
    const lines = s.split('\n');
    const i = rng.int(lines.length);
    const copies = Array.from({ length: rng.size(20_000) }, () => lines[i]!);
    lines.splice(i, 0, ...copies.slice(0, 20_000));
    return lines.join('\n');
  },
  joinLines(s, rng) {
    const at = rng.int(s.length);
    const end = at + rng.size(s.length);
    return s.slice(0, at) + s.slice(at, end).replace(/\r?\n/g, rng.pick(['', ' ', '\t'])) + s.slice(end);
  },
  snippet(s, rng) {
    let out = s;
    for (let k = rng.range(1, 8); k > 0; k--) {
      const at = rng.int(out.length + 1);
      out = out.slice(0, at) + rng.pick(SNIPPETS) + out.slice(at);
    }
    return out;
  },
  numbers(s, rng) {
    return s.replace(/\d[\d,.]*/g, (m) => (rng.chance(0.2) ? rng.pick(['0', '-1', '1e309', '9'.repeat(rng.size(400)), '', 'NaN', '1,2,3', '.', '0.000001', '１２']) : m));
  },
  dropLines(s, rng) {
    return s.split('\n').filter(() => !rng.chance(0.2)).join('\n');
  },
  shuffleLines(s, rng) {
    const lines = s.split('\n');
    for (let k = rng.range(1, 20); k > 0; k--) {
      const i = rng.int(lines.length);
      const j = rng.int(lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return lines.join('\n');
  },
  tabs(s, rng) {
    return s.replace(/\t| {2,}/g, () => rng.pick(['', '\t', '\t\t', '  ', ' ']));
  },
};

const htmlOps: Record<string, (s: string, rng: Rng) => string> = {
  nest(s, rng) {
    const depth = rng.size(5000);
    const open = rng.pick(['<table><tr><td>', '<div>', '<ul><li>', '<b>', '<table><tbody><tr><td>x</td><td>']);
    const at = rng.int(s.length + 1);
    return s.slice(0, at) + open.repeat(depth) + '文本' + (rng.chance(0.5) ? '' : '</td></tr></table>'.repeat(depth)) + s.slice(at);
  },
  spans(s, rng) {
    return s.replace(/<t([dh])/g, (m, k) => (rng.chance(0.3) ? `<t${k} ${rng.pick(['colspan', 'rowspan'])}="${rng.pick(['0', '-1', '2', '200', '99999', 'x', '1e9'])}"` : m));
  },
  rowsRepeat(s, rng) {
    return s.replace(/<tr>[\s\S]*?<\/tr>/, (m) => m.repeat(rng.size(20_000)));
  },
  dropTags(s, rng) {
    return s.replace(/<\/?[a-z][^>]*>/gi, (m) => (rng.chance(0.15) ? '' : m));
  },
  unclosed(s, rng) {
    const at = rng.int(s.length + 1);
    const what = rng.pick(['<!--', '<![if !supportLists]>', '<![if', '<!doctype', '<?xml', '<script>', '<style>', '<table', '<td colspan="', '"', '<']);
    return s.slice(0, at) + what.repeat(rng.size(3000)) + s.slice(at);
  },
  charset(s, rng) {
    const cs = rng.pick(['gbk', 'utf-8', 'big5', 'shift_jis', 'utf-16', 'x-unknown', 'gb2312', '"', '']);
    return /charset=/i.test(s) ? s.replace(/charset=["']?[\w-]*/i, `charset=${cs}`) : `<meta charset="${cs}">${s}`;
  },
  entities(s, rng) {
    const at = rng.int(s.length + 1);
    return s.slice(0, at) + rng.pick(['&#0;', '&#xD800;', '&#1114112;', '&nbsp;', '&amp;amp;', '&#x10FFFF;', '&lt;td&gt;']).repeat(rng.size(1000)) + s.slice(at);
  },
};

// ---------------------------------------------------------------- encodings

function encodeAs(s: string, rng: Rng): Uint8Array {
  const kind = rng.pick(['utf16le', 'utf16be', 'utf16le-bom', 'utf8-bom', 'latin1']);
  if (kind === 'utf16le') return new Uint8Array(Buffer.from(s, 'utf16le'));
  if (kind === 'utf16le-bom') return cat(Uint8Array.of(0xff, 0xfe), new Uint8Array(Buffer.from(s, 'utf16le')));
  if (kind === 'utf16be') return new Uint8Array(Buffer.from(s, 'utf16le').swap16());
  if (kind === 'utf8-bom') return cat(Uint8Array.of(0xef, 0xbb, 0xbf), bytes(s));
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

// ---------------------------------------------------------------- ZIP containers

const xmlOps: Record<string, (s: string, rng: Rng) => string> = {
  farRefs(s, rng) {
    return s.replace(/\br="([A-Z]+)(\d+)"/g, (m) => (rng.chance(0.1) ? `r="${rng.pick(['XFD1048576', 'A1048576', 'XFD1', 'ZZZZ9', 'A0', 'A-1', '1A', ''])}"` : m));
  },
  bigMerge(s, rng) {
    const ref = rng.pick(['A1:XFD1048576', 'B2:Z200', 'A1:A1', 'C3:B2', 'A1:XFD2', 'A1:B2']);
    const merge = `<mergeCell ref="${ref}"/>`;
    if (/<mergeCells[^>]*>/.test(s)) return s.replace(/<mergeCells[^>]*>/, (m) => m + merge.repeat(rng.size(50)));
    return s.replace(/<\/sheetData>/, `</sheetData><mergeCells count="1">${merge}</mergeCells>`);
  },
  dimension(s, rng) {
    return s.replace(/<dimension ref="[^"]*"/, `<dimension ref="${rng.pick(['A1:XFD1048576', 'A1', '', 'ZZ:ZZ'])}"`);
  },
  duplicateElement(s, rng) {
    const tag = rng.pick(['row', 'c', 'w:p', 'w:tr', 'w:tc', 'si', 'w:r']);
    const re = new RegExp(`<${tag}[ >][\\s\\S]*?</${tag}>`);
    return s.replace(re, (m) => m.repeat(rng.size(5000)));
  },
  nestElement(s, rng) {
    const tag = rng.pick(['w:tbl><w:tr><w:tc', 'w:p', 'row', 'w:r', 'w:sdt><w:sdtContent']);
    const depth = rng.size(3000);
    const at = s.indexOf('>', Math.max(0, s.indexOf('<w:body') >= 0 ? s.indexOf('<w:body') : s.indexOf('<sheetData'))) + 1;
    if (at <= 0) return s;
    const open = `<${tag}>`.repeat(depth);
    const names = tag.split('><').reverse();
    const close = names.map((n) => `</${n.split(' ')[0]}>`).join('').repeat(depth);
    return s.slice(0, at) + open + close + s.slice(at);
  },
  dropTag(s, rng) {
    return s.replace(/<\/?[\w:]+[^>]*>/g, (m) => (rng.chance(0.03) ? '' : m));
  },
  attrValues(s, rng) {
    return s.replace(/="(\d+)"/g, (m) => (rng.chance(0.1) ? `="${rng.pick(['-1', '0', '4294967296', '99999999', 'x', ''])}"` : m));
  },
  cellText(s, rng) {
    return s.replace(/<(v|t|w:t)([^>]*)>([^<]*)</g, (m, t, a) => (rng.chance(0.1) ? `<${t}${a}>${rng.pick(SNIPPETS)}${rng.chance(0.2) ? '9'.repeat(rng.size(20000)) : ''}<` : m));
  },
  namespace(s, rng) {
    return s.replace(/xmlns(:\w+)?="[^"]*"/, (m) => (rng.chance(0.5) ? m.replace(/\.org/, '.rg') : ''));
  },
};

function mutateZip(b: Uint8Array, rng: Rng, ops: string[]): Uint8Array {
  const files = readZip(b);
  if (!files?.length) return byteOps.flipBits!(b, rng, undefined as never);
  const what = rng.int(10);
  if (what < 6) {
    const xml = files.filter((f) => /\.(xml|rels)$/i.test(f.name));
    const f = rng.pick(xml.length ? xml : files);
    const name = rng.pick(Object.keys(xmlOps));
    ops.push(`zip:${name}@${f.name}`);
    f.data = Buffer.from(xmlOps[name]!(f.data.toString('utf8'), rng), 'utf8');
  } else if (what === 6) {
    const i = rng.int(files.length);
    ops.push(`zip:drop@${files[i]!.name}`);
    files.splice(i, 1);
  } else if (what === 7) {
    const f = rng.pick(files);
    ops.push(`zip:duplicate@${f.name}`);
    files.push({ ...f, data: Buffer.from(f.data) });
  } else if (what === 8) {
    const f = rng.pick(files);
    ops.push(`zip:bytes@${f.name}`);
    f.data = Buffer.from(byteOps.flipBits!(f.data, rng, undefined as never));
  } else {
    ops.push('zip:directory');
    return corruptDirectory(writeZip(files.map((f) => ({ ...f, method: rng.chance(0.5) ? 0 : 8 }) as ZipFile)), rng);
  }
  return writeZip(files.map((f) => ({ ...f, method: rng.chance(0.8) ? 8 : 0 }) as ZipFile));
}

/** A field of the central directory or end record set to a hostile value. */
function corruptDirectory(b: Uint8Array, rng: Rng): Uint8Array {
  const buf = Buffer.from(b);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const dirs: number[] = [];
  for (let i = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) dirs.push(i);
  const value = rng.pick([0, 1, 0xffff, 0xffffffff, 0x7fffffff, rng.int(buf.length), buf.length + 10]);
  if (rng.chance(0.3) && eocd >= 0) {
    const field = rng.pick([8, 10, 12, 16, 20]);
    if (field === 8 || field === 10 || field === 20) buf.writeUInt16LE(value & 0xffff, eocd + field);
    else buf.writeUInt32LE(value >>> 0, eocd + field);
  } else if (dirs.length) {
    const at = rng.pick(dirs);
    const field = rng.pick([10, 20, 24, 28, 30, 42]);
    if (field === 10 || field === 28 || field === 30) buf.writeUInt16LE(value & 0xffff, at + field);
    else buf.writeUInt32LE(value >>> 0, at + field);
  }
  return new Uint8Array(buf);
}

// ---------------------------------------------------------------- PDF

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

const pdfOps: Record<string, (s: string, rng: Rng) => string> = {
  numbers(s, rng) {
    return s.replace(/(?<![\w.])\d+(?![\w.])/g, (m) => (rng.chance(0.05) ? rng.pick(['0', '-1', '4294967296', '99999999999', String(Number(m) + rng.range(-50, 50)), '1.5', '']) : m));
  },
  xrefOffsets(s, rng) {
    return s.replace(/^(\d{10}) (\d{5}) ([nf])/gm, (m, off: string, gen: string, t: string) => (rng.chance(0.3) ? `${String(Math.max(0, Number(off) + rng.range(-200, 200))).padStart(10, '0')} ${gen} ${t}` : m));
  },
  startxref(s, rng) {
    return s.replace(/startxref\s+(\d+)/, (_m, n: string) => `startxref\n${rng.pick([0, Number(n) + rng.range(-100, 100), 99999999])}`);
  },
  lengths(s, rng) {
    return s.replace(/\/Length (\d+)/g, (m, n: string) => (rng.chance(0.4) ? `/Length ${rng.pick([0, Number(n) + rng.range(-20, 20), 999999999, -5])}` : m));
  },
  counts(s, rng) {
    return s.replace(/\/(Count|Size|N|First|W|Index|Columns|Predictor) (\d+)/g, (m, k: string) => (rng.chance(0.5) ? `/${k} ${rng.pick([0, -1, 1, 99999999, 2147483648])}` : m));
  },
  names(s, rng) {
    return s.replace(/\/(Type|Subtype|Filter|Encoding|Kids|Parent|Contents|Resources|Font|MediaBox|Root)\b/g, (m) => (rng.chance(0.15) ? rng.pick(['/X', '/Type', '/FlateDecode', '/Kids', '/Parent', '/Null', '/']) : m));
  },
  structure(s, rng) {
    const kw = rng.pick(['endobj', 'endstream', 'stream', 'obj', 'xref', 'trailer', '>>', '<<', ' R', '[', ']']);
    return s.replace(new RegExp(kw.replace(/[[\]]/g, '\\$&'), 'g'), (m) => (rng.chance(0.15) ? rng.pick(['', m + m, '<<', '(', '%']) : m));
  },
  selfReference(s, rng) {
    return s.replace(/(\d+) 0 R/g, (m) => (rng.chance(0.1) ? `${rng.range(0, 12)} 0 R` : m));
  },
  operators(s, rng) {
    return s.replace(/\b(Tj|TJ|Td|TD|Tm|Tf|BT|ET|re|cm|q|Q|m|l|S|f|Do)\b/g, (m) => (rng.chance(0.1) ? rng.pick(['', 'BT', 'q', 'Tj', '9 9 9 9 9 9 cm', 'BI', '(', '<']) : m));
  },
};

/** A FlateDecode stream inflated, edited (operators, numbers, strings) and deflated back. */
function mutatePdfStream(b: Uint8Array, rng: Rng, ops: string[]): Uint8Array {
  const s = latin1(b);
  const streams: { start: number; end: number }[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const end = s.indexOf('endstream', m.index + m[0].length);
    if (end > 0) streams.push({ start: m.index + m[0].length, end });
  }
  if (!streams.length) return b;
  const st = rng.pick(streams);
  let body = Buffer.from(s.slice(st.start, st.end), 'latin1');
  let inflated: string;
  try {
    inflated = inflateSync(body).toString('latin1');
  } catch {
    inflated = '';
  }
  if (!inflated) {
    ops.push('pdf:stream-bytes');
    body = Buffer.from(byteOps.flipBits!(body, rng, undefined as never));
    return new Uint8Array(Buffer.from(s.slice(0, st.start) + body.toString('latin1') + s.slice(st.end), 'latin1'));
  }
  const op = rng.pick(['operators', 'numbers', 'bytes', 'repeat']);
  ops.push(`pdf:stream-${op}`);
  let edited: string;
  if (op === 'bytes') edited = Buffer.from(byteOps.flipBits!(Buffer.from(inflated, 'latin1'), rng, undefined as never)).toString('latin1');
  else if (op === 'repeat') edited = inflated.repeat(rng.size(200));
  else edited = pdfOps[op]!(inflated, rng);
  const out = deflateSync(Buffer.from(edited, 'latin1')).toString('latin1');
  return new Uint8Array(Buffer.from(s.slice(0, st.start) + out + s.slice(st.end), 'latin1'));
}

// ---------------------------------------------------------------- one case

function structural(b: Uint8Array, rng: Rng, ctx: Ctx, ops: string[]): Uint8Array {
  const f = ctx.seed.format;
  if (f === 'docx' || f === 'xlsx') return mutateZip(b, rng, ops);
  if (f === 'pdf') {
    if (rng.chance(0.4)) return mutatePdfStream(b, rng, ops);
    const name = rng.pick(Object.keys(pdfOps));
    ops.push(`pdf:${name}`);
    return new Uint8Array(Buffer.from(pdfOps[name]!(latin1(b), rng), 'latin1'));
  }
  if (f === 'xls') {
    // BIFF records: 16/32-bit fields set to extremes at random places
    const out = Uint8Array.from(b);
    const view = Buffer.from(out.buffer);
    for (let k = rng.range(1, 6); k > 0 && out.length > 8; k--) {
      const at = rng.int(out.length - 4);
      if (rng.chance(0.5)) view.writeUInt16LE(rng.pick([0, 0xffff, 0x7fff, 0x8000, 1]), at);
      else view.writeUInt32LE(rng.pick([0, 0xffffffff, 0x7fffffff, 0x10000, 1]) >>> 0, at);
    }
    ops.push('xls:fields');
    return out;
  }
  const isMarkup = f === 'html' || f === 'mht';
  const text = f === 'text' && ctx.seed.name.includes('utf16') ? Buffer.from(b).toString('utf16le') : str(b);
  if (rng.chance(0.1)) {
    ops.push('encode');
    return encodeAs(text, rng);
  }
  const table = isMarkup && rng.chance(0.6) ? htmlOps : textOps;
  const name = rng.pick(Object.keys(table));
  ops.push(`${isMarkup && table === htmlOps ? 'html' : 'text'}:${name}`);
  return bytes((table as Record<string, (s: string, rng: Rng) => string>)[name]!(text, rng));
}

/** One fuzz case from a seed: 1–3 mutations, structure-aware about two times in three. */
export function mutate(seed: Seed, others: Seed[], rng: Rng): Mutant {
  const ctx: Ctx = { seed, others };
  let b = seed.bytes;
  const ops: string[] = [];
  for (let k = rng.chance(0.7) ? 1 : rng.range(2, 3); k > 0; k--) {
    if (rng.chance(0.65)) b = structural(b, rng, ctx, ops);
    else {
      const name = rng.pick(Object.keys(byteOps));
      ops.push(`bytes:${name}`);
      b = byteOps[name]!(b, rng, ctx);
    }
    if (b.length > MAX_CASE_BYTES) b = b.subarray(0, MAX_CASE_BYTES);
  }
  // Other names (never .doc/.wps for OLE bytes: those go to LibreOffice, which the fuzz leaves out).
  const ole = b[0] === 0xd0 && b[1] === 0xcf;
  const names = ['x.xls', 'x.et', 'x', 'x.json', 'x.pdf', 'x.docx', 'x.xlsx', 'x.htm', 'x.csv', ...(ole ? [] : ['x.doc', 'x.wps'])];
  const name = rng.chance(0.05) ? rng.pick(names) : seed.name;
  return { name, bytes: b, ops };
}
