/**
 * DOCX (docx package): zh-CN text with East Asian fonts (宋体 body, 黑体 headings), tables as Word
 * tables with repeating header rows; the tables are set on landscape pages.
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
  type ISectionOptions,
} from 'docx';
import type { Block, ComposedDocument, TableBlock } from '../blocks.js';

const LANG = { value: 'zh-CN', eastAsia: 'zh-CN' };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEAD_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const NUMERIC = /^-?[\d,]+(\.\d+)?%?$/;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '444444' };
const TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

/** Body runs inherit the document's default font and language (宋体, zh-CN); headings set 黑体. */
function run(text: string, opts: { bold?: boolean; size?: number; heading?: boolean } = {}): TextRun {
  return new TextRun({ text, ...(opts.heading && { font: HEAD_FONT, language: LANG }), ...(opts.bold && { bold: true }), ...(opts.size && { size: opts.size }) });
}

/** Table text uses the paragraph styles Cell / CellSmall (size set once there, not on every run). */
function cellParagraph(text: string, bold: boolean, style: string): Paragraph {
  if (!text) return new Paragraph({ style });
  return new Paragraph({ style, ...(NUMERIC.test(text) && { alignment: AlignmentType.RIGHT }), children: [bold ? run(text, { bold }) : new TextRun(text)] });
}

const CELL_STYLES = [
  { id: 'Cell', name: 'Table Cell', run: { size: 16 }, paragraph: { spacing: { before: 0, after: 0 } } },
  { id: 'CellSmall', name: 'Table Cell Small', run: { size: 14 }, paragraph: { spacing: { before: 0, after: 0 } } },
];

/** Landscape A4 text width in twips (16838 − 2 × 1134). */
const TABLE_WIDTH = 14570;

/** Display width of a text: CJK characters count double. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Column widths proportional to the widest cell (clamped), filling the page width. */
export function columnWidths(rows: string[][], width: number): number[] {
  const n = Math.max(...rows.map((r) => r.length), 1);
  const want = [...Array(n)].map((_, c) => Math.min(26, Math.max(10, ...rows.map((r) => displayWidth(r[c] ?? '')))));
  const total = want.reduce((a, b) => a + b, 0);
  return want.map((w) => Math.floor((w / total) * width));
}

function renderTable(b: TableBlock): (Paragraph | Table)[] {
  const style = b.body[0] && b.body[0].cells.length > 8 ? 'CellSmall' : 'Cell';
  const width = Math.max(...b.header.map((r) => r.length), ...b.body.map((r) => r.cells.length), 1);
  const pad = (cells: string[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill('')];
  const headerRows = b.header.map((r) => new TableRow({
    tableHeader: true,
    children: pad(r).map((c) => new TableCell({ shading: { fill: 'F1F1F1' }, children: [new Paragraph({ style, alignment: AlignmentType.CENTER, children: [run(c, { bold: true })] })] })),
  }));
  const bodyRows = b.body.map((r) => new TableRow({
    cantSplit: true,
    children: pad(r.cells.map((c) => c.text)).map((c) => new TableCell({ children: [cellParagraph(c, !!r.strong, style)] })),
  }));
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, alignment: AlignmentType.CENTER, children: [run(b.title, { heading: true, bold: true, size: 28 })] }),
    ...(b.ordinal ? [new Paragraph({ keepNext: true, alignment: AlignmentType.RIGHT, children: [run(b.ordinal, { size: 18 })] })] : []),
    ...b.preLines.map((l) => new Paragraph({ keepNext: true, children: [run(l, { size: 18 })] })),
    new Table({
      width: { size: TABLE_WIDTH, type: WidthType.DXA },
      columnWidths: columnWidths([...b.header, ...b.body.map((r) => r.cells.map((c) => c.text))].map((r) => pad(r)), TABLE_WIDTH),
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      rows: [...headerRows, ...bodyRows],
    }),
    ...b.notes.map((n) => new Paragraph({ children: [run(n, { size: 16 })] })),
  ];
}

function renderBlock(b: Block, first: boolean): (Paragraph | Table)[] {
  if (b.kind === 'table') return renderTable(b);
  if (b.kind === 'paragraph') return [new Paragraph({ indent: { firstLine: 480 }, spacing: { line: 360 }, children: [run(b.text)] })];
  if (first) return [new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(b.text, { heading: true, bold: true, size: 40 })] })];
  return [new Paragraph({ heading: HEADINGS[Math.min(b.level, 3)], children: [run(b.text, { heading: true, bold: true, size: [32, 28, 26, 24][Math.min(b.level, 3)] })] })];
}

/** Consecutive blocks on the same orientation: tables (and the headings just before them) landscape. */
function sections(doc: ComposedDocument): ISectionOptions[] {
  const wide = doc.blocks.map((b, i) => {
    if (b.kind === 'table') return true;
    if (b.kind !== 'heading') return false;
    const next = doc.blocks.slice(i + 1).find((x) => x.kind !== 'heading');
    return next?.kind === 'table';
  });
  const out: ISectionOptions[] = [];
  let start = 0;
  for (let i = 1; i <= doc.blocks.length; i++) {
    if (i < doc.blocks.length && wide[i] === wide[start]) continue;
    const landscape = wide[start]!;
    out.push({
      properties: { page: { size: { orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
      children: doc.blocks.slice(start, i).flatMap((b, k) => renderBlock(b, start + k === 0)),
    });
    start = i;
  }
  return out;
}

export async function writeDocx(doc: ComposedDocument): Promise<Uint8Array> {
  const document = new Document({
    title: doc.title,
    creator: 'juesuan',
    styles: { default: { document: { run: { font: BODY_FONT, size: 24, language: LANG } } }, paragraphStyles: CELL_STYLES },
    sections: sections(doc),
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
