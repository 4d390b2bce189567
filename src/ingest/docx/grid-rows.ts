/**
 * Word table rows that start or end inside the table's grid: `<w:gridBefore w:val="n"/>` /
 * `<w:gridAfter>` in a row's properties leave n grid columns without a cell (tables pasted from
 * Excel or edited in WPS, a row whose first cells were deleted). mammoth ignores them, so such a
 * row's cells would shift left into the wrong columns (and vertical merges below them would be
 * matched to the wrong column). The row is given empty cells spanning those grid columns instead,
 * in the document XML, before mammoth reads it; the package is written back as a stored ZIP.
 */
import { scanZip } from '../limits-zip.js';

const ROW_TAG = /<(\/?)w:(tr|trPr|gridBefore|gridAfter)\b([^>]*)>/g;

function emptyCells(span: number): string {
  return span > 0 ? `<w:tc><w:tcPr><w:gridSpan w:val="${Math.min(span, 63)}"/></w:tcPr><w:p/></w:tc>` : '';
}

function spanOf(attrs: string): number {
  const m = /w:val="(\d+)"/.exec(attrs);
  return m ? Number(m[1]) : 0;
}

/** The document XML with every gridBefore/gridAfter row given its empty leading/trailing cells (the XML itself when none). */
export function padGridRows(xml: string): string {
  if (!/<w:grid(Before|After)\b/.test(xml)) return xml;
  const out: string[] = [];
  let from = 0;
  // open rows (nested tables hold rows inside cells): each with the spans read from its properties
  const rows: { before: number; after: number; inProps: boolean }[] = [];
  for (const m of xml.matchAll(ROW_TAG)) {
    const [tag, close, name, attrs] = [m[0], m[1] === '/', m[2]!, m[3] ?? ''];
    const at = m.index;
    const row = rows[rows.length - 1];
    if (name === 'tr') {
      if (!close && !tag.endsWith('/>')) rows.push({ before: 0, after: 0, inProps: false });
      else if (close && row) {
        rows.pop();
        out.push(xml.slice(from, at), emptyCells(row.after));
        from = at;
      }
    } else if (name === 'trPr' && row) {
      if (!close && !tag.endsWith('/>')) row.inProps = true;
      else if (close) {
        row.inProps = false;
        out.push(xml.slice(from, at + tag.length), emptyCells(row.before));
        from = at + tag.length;
      }
    } else if (row?.inProps && !close) {
      if (name === 'gridBefore') row.before = spanOf(attrs);
      else row.after = spanOf(attrs);
    }
  }
  out.push(xml.slice(from));
  return out.join('');
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A ZIP of stored (uncompressed) entries. */
export function storedZip(parts: [string, Uint8Array][]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dirBytes, end]);
}

/** The .docx with the parts in `changed` replaced (every part read again and written stored). */
export function rewriteZip(bytes: Uint8Array, changed: Map<string, Buffer>): Uint8Array {
  const all = scanZip(bytes, () => true);
  const entries: [string, Uint8Array][] = [];
  for (const e of all.entries) {
    if (e.name.endsWith('/') && e.size === 0) continue;
    entries.push([e.name, changed.get(e.name) ?? all.parts.get(e.name)!]);
  }
  return storedZip(entries);
}
