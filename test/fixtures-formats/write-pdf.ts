/**
 * PDFs for the reader's tests, from two producers: pdfkit with an embedded CJK font (ruled tables,
 * right-aligned amounts, running page numbers, optional landscape pages), and LibreOffice (from
 * the sample .docx). Also an image-only PDF (a scan) and an encrypted one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { convertWithLibreOffice, findSoffice } from '../../src/ingest/docx/libreoffice.js';
import { padRows, SAMPLE, type Block } from './sample.js';
import { sampleDocx } from './write-office.js';

export interface CjkFont {
  path: string;
  family?: string;
}

/** A Simplified Chinese font on this machine (fc-list :lang=zh), preferring Noto Sans CJK SC. */
export function findCjkFont(): CjkFont | undefined {
  let listing = '';
  try {
    listing = execFileSync('fc-list', [':lang=zh', 'file', 'postscriptname'], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
  const fonts = listing
    .split('\n')
    .map((l) => /^(.+?):\s*:?postscriptname=(.+)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null && existsSync(m[1]!) && /\.(ttf|otf|ttc)$/i.test(m[1]!))
    .map((m) => ({ path: m[1]!, family: m[2]!.trim() }));
  const rank = (f: CjkFont): number =>
    (/sc-Regular$/.test(f.family ?? '') ? 0 : 2) + (/Mono/.test(f.family ?? '') ? 1 : 0) + (/\.ttc$/i.test(f.path) ? 0 : 0);
  const best = fonts.sort((a, b) => rank(a) - rank(b))[0];
  if (!best) return undefined;
  return /\.ttc$/i.test(best.path) ? best : { path: best.path };
}

export const NO_CJK_FONT = 'no Chinese font found by `fc-list :lang=zh` (install fonts-noto-cjk): pdfkit PDF tests skipped';
export const NO_SOFFICE = 'LibreOffice (soffice) not installed: LibreOffice PDF tests skipped';

export interface PdfOptions {
  landscape?: boolean;
  /** Draw every page's content turned 90° (a landscape table printed sideways on a portrait page). */
  sideways?: boolean;
  pageNumbers?: boolean;
  /** Repeat the blocks this many times (long documents for the bench). */
  repeat?: number;
  fontSize?: number;
  /** Tables without ruling lines (cells placed by position only). */
  borderless?: boolean;
  /** Start every repetition on a new page (so `repeat` pages for a one-page sample). */
  pagePerRepeat?: boolean;
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
}

class Layout {
  y: number;
  page = 1;
  constructor(readonly doc: PDFKit.PDFDocument, readonly opts: PdfOptions, public size: number) {
    this.y = doc.page.margins.top;
  }
  get left(): number { return this.doc.page.margins.left; }
  get right(): number { return (this.opts.sideways ? this.doc.page.height : this.doc.page.width) - this.doc.page.margins.right; }
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    if (this.opts.sideways) this.doc.restore();
    this.doc.addPage({ layout: this.opts.landscape ? 'landscape' : 'portrait', margin: 56 });
    this.turn();
    this.page++;
    this.y = this.doc.page.margins.top;
    return true;
  }
  /** Sideways: the content of a landscape page drawn turned 90° clockwise on the portrait page. */
  turn(): void {
    if (!this.opts.sideways) return;
    this.doc.save();
    this.doc.translate(this.doc.page.width, 0).rotate(90);
  }
  get bottom(): number {
    return this.opts.sideways ? this.doc.page.width - this.doc.page.margins.bottom : this.doc.page.height - this.doc.page.margins.bottom;
  }
  text(s: string, align: 'left' | 'center' | 'right' = 'left', size = this.size): void {
    this.ensure(size * 1.8);
    const w = this.doc.fontSize(size).widthOfString(s);
    const x = align === 'left' ? this.left : align === 'right' ? this.right - w : (this.left + this.right - w) / 2;
    this.doc.text(s, x, this.y, { lineBreak: false });
    this.y += size * 1.8;
  }
}

const NUMERIC = /^-?[\d,]+(\.\d+)?%?$/;

function drawRow(l: Layout, cells: string[], widths: number[], height: number): void {
  let x = l.left;
  const doc = l.doc;
  cells.forEach((c, i) => {
    const w = widths[i]!;
    if (!l.opts.borderless) doc.rect(x, l.y, w, height).lineWidth(0.5).stroke();
    const tw = doc.fontSize(l.size).widthOfString(c);
    const tx = NUMERIC.test(c) ? x + w - tw - 3 : x + 3;
    if (c) doc.text(c, tx, l.y + (height - l.size) / 2, { lineBreak: false });
    x += w;
  });
  l.y += height;
}

/** Column widths from the widest text of each column (plus padding), scaled to the page width. */
function columnWidths(l: Layout, rows: string[][]): number[] {
  const need = rows[0]!.map((_, i) => Math.max(24, ...rows.map((r) => l.doc.fontSize(l.size).widthOfString(r[i] ?? '') + 8)));
  const sum = need.reduce((a, c) => a + c, 0);
  return need.map((w) => (w / sum) * (l.right - l.left));
}

/** A ruled table; the header rows are repeated when the table continues on the next page. */
function drawGrid(l: Layout, rows: string[][], headerRows: number): void {
  const padded = padRows(rows);
  const size = l.size;
  const need = padded[0]!.reduce((sum, _, i) => sum + Math.max(24, ...padded.map((r) => l.doc.fontSize(size).widthOfString(r[i] ?? '') + 8)), 0);
  l.size = Math.max(5, size * Math.min(1, (l.right - l.left) / need));
  const widths = columnWidths(l, padded);
  const height = l.size * 2;
  padded.forEach((row, i) => {
    if (l.ensure(height) && i >= headerRows) padded.slice(0, headerRows).forEach((h) => drawRow(l, h, widths, height));
    drawRow(l, row, widths, height);
  });
  l.size = size;
  l.y += l.size;
}

function drawTable(l: Layout, b: Extract<Block, { kind: 'table' }>): void {
  l.text(b.title, 'center', l.size + 4);
  l.text(b.unit, 'right');
  drawGrid(l, [b.header, ...b.rows], 1);
}

/** The blocks drawn by pdfkit with the CJK font embedded. */
export async function pdfkitBytes(font: CjkFont, blocks: Block[] = SAMPLE, opts: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', layout: opts.landscape ? 'landscape' : 'portrait', margin: 56, bufferPages: true });
  const done = collect(doc);
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const l = new Layout(doc, opts, opts.fontSize ?? 10);
  l.turn();
  for (let k = 0; k < (opts.repeat ?? 1); k++) {
    if (k > 0 && opts.pagePerRepeat) l.ensure(Infinity);
    for (const b of blocks) {
      if (b.kind === 'heading') l.text(b.text, b.level === 1 ? 'center' : 'left', b.level === 1 ? 16 : 12);
      else if (b.kind === 'para') l.text(b.text);
      else if (b.kind === 'grid') drawGrid(l, b.rows, 0);
      else drawTable(l, b);
    }
  }
  if (opts.sideways) doc.restore();
  if (opts.pageNumbers) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const label = `- ${i + 1} -`;
      const w = doc.fontSize(9).widthOfString(label);
      doc.text(label, (doc.page.width - w) / 2, doc.page.height - 40, { lineBreak: false });
    }
  }
  doc.end();
  return done;
}

/** A "scanned" PDF: shapes (and no text layer) on two pages. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4' });
  const done = collect(doc);
  doc.rect(50, 50, 400, 300).fill('#888888');
  doc.addPage();
  doc.circle(200, 200, 80).fill('#333333');
  doc.end();
  return done;
}

/** An encrypted PDF (user password required to open). */
export async function encryptedPdf(font: CjkFont): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
  const done = collect(doc);
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk').text('机密文件', 100, 100);
  doc.end();
  return done;
}

/** The sample as LibreOffice makes it: .docx → PDF. Undefined when soffice is absent. */
export async function libreOfficePdf(blocks: Block[] = SAMPLE, docx?: Uint8Array): Promise<Uint8Array | undefined> {
  if (!findSoffice()) return undefined;
  return convertWithLibreOffice(docx ?? (await sampleDocx(blocks)), 'docx', 'pdf');
}
