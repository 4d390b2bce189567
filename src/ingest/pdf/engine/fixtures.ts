/**
 * Small PDFs written by hand for tests of the fast reader and its limits: pages of text in a
 * non-embedded TrueType font with /Widths and WinAnsiEncoding (both readers decode it), optional
 * ruled boxes, extra streams, and a correct cross-reference table.
 */
import { deflateSync } from 'node:zlib';

export interface FixturePage {
  /** Lines of ASCII text, top to bottom. */
  lines: string[];
  /** Draw a ruled box around the text. */
  box?: boolean;
}

export interface FixtureOptions {
  /** Extra stream objects (already encoded) and their /Filter. */
  extraStreams?: { data: Uint8Array; filter?: string }[];
  /** Write the page tree with this /Count and no kids (zero pages). */
  empty?: boolean;
  /** Compress page content with Flate. */
  flate?: boolean;
  /** A /ToUnicode CMap (its text) for the font. */
  toUnicode?: string;
}

function esc(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

export function makePdf(pages: FixturePage[], opts: FixtureOptions = {}): Uint8Array {
  const objs: (string | { dict: string; data: Uint8Array })[] = [];
  const add = (o: string | { dict: string; data: Uint8Array }): number => objs.push(o);
  const catalog = add('');
  const tree = add('');
  const widths = Array.from({ length: 95 }, () => 500).join(' ');
  const cmap = opts.toUnicode === undefined ? undefined : new TextEncoder().encode(opts.toUnicode);
  const toUnicode = cmap ? ` /ToUnicode ${add({ dict: `<< /Length ${cmap.length} >>`, data: cmap })} 0 R` : '';
  const font = add(`<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 /Widths [${widths}] /Encoding /WinAnsiEncoding${toUnicode} /FontDescriptor << /Type /FontDescriptor /FontName /Arial /Flags 32 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >> >>`);
  const kids: number[] = [];
  for (const p of opts.empty ? [] : pages) {
    let content = 'BT /F1 12 Tf\n';
    p.lines.forEach((l, i) => {
      content += `1 0 0 1 72 ${720 - i * 20} Tm (${esc(l)}) Tj\n`;
    });
    content += 'ET\n';
    if (p.box) content += `0.5 w 66 ${720 - p.lines.length * 20} 300 ${p.lines.length * 20 + 16} re S\n`;
    const raw = new TextEncoder().encode(content);
    const data = opts.flate ? deflateSync(raw) : raw;
    const c = add({ dict: `<< /Length ${data.length}${opts.flate ? ' /Filter /FlateDecode' : ''} >>`, data });
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${c} 0 R >>`));
  }
  for (const s of opts.extraStreams ?? []) add({ dict: `<< /Length ${s.data.length}${s.filter ? ` /Filter /${s.filter}` : ''} >>`, data: s.data });
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${tree} 0 R >>`;
  objs[tree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array | string): void => {
    const u = typeof b === 'string' ? new TextEncoder().encode(b) : b;
    chunks.push(u);
    size += u.length;
  };
  push('%PDF-1.7\n%\xe2\xe3\n');
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(size);
    if (typeof o === 'string') push(`${i + 1} 0 obj\n${o}\nendobj\n`);
    else {
      push(`${i + 1} 0 obj\n${o.dict}\nstream\n`);
      push(o.data);
      push('\nendstream\nendobj\n');
    }
  });
  const xref = size;
  push(`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(size);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
