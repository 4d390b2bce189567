/**
 * DOCX (docx package), laid out like a published 部门决算:
 *   - a cover page (the title), a 目录 page whose entries carry PAGEREF fields to bookmarks on the
 *     headings and tables (page numbers filled in by Word/LibreOffice when laid out);
 *   - the text in portrait sections; each table in a section of its own (new page) in the
 *     orientation of its form, following its layout (src/catalog/layouts.ts): merged header cells
 *     (gridSpan/vMerge), column widths, number alignment, header rows repeated on every page, rows
 *     that never split across pages; form tables (绩效自评表) merge their blank body cells;
 *   - page header (the title) and footer (— page number —) on every page but the cover;
 *   - fonts 仿宋_GB2312 (text), 宋体 (tables), 黑体 (headings), Times New Roman for Latin and digits,
 *     every run marked zh-CN (East Asian language), which is what makes LibreOffice shape Noto CJK
 *     with the Simplified-Chinese glyph forms; black headings;
 *   - each printed number with its unit or % a run of its own in en-US, so LibreOffice never breaks
 *     “1875.20万元” or “100.00%” across lines (its zh line breaking splits digits anywhere; U+2060 does not help).
 */
import {
  AlignmentType, Bookmark, LineRuleType, BorderStyle, Document, Footer, Header, HeadingLevel, LeaderType, Packer, PageNumber, PageOrientation, PageReference, Paragraph,
  SectionType, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlignTable, WidthType, type ISectionOptions,
} from 'docx';
import { bodySpans, columnWidthsMm, pageGeometry, type ColumnFormat, type HeaderCell, type Orientation } from '../../catalog/layouts.js';
import type { Block, ComposedDocument, HeadingBlock, TableBlock } from '../blocks.js';
import { layoutOf, PRINTED_NUMBER } from '../layout.js';

/** Latin script (digits) in en-US: LibreOffice's zh rules break numbers at “.” and “%”; CJK in zh-CN. */
const LANG = { value: 'zh-CN', eastAsia: 'zh-CN' };
const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN });
/** The East Asian fonts of the official documents; LibreOffice substitutes Noto CJK SC (see pdf.ts). */
export const FONTS = { text: '仿宋_GB2312', table: '宋体', heading: '黑体' } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const NUMERIC = /^[-+]?[\d,]+(\.\d+)?%?$/;

interface RunOpts {
  bold?: boolean;
  /** Points. */
  size?: number;
  font?: string;
}

/** Numbers (with unit or %) are marked en-US: LibreOffice's zh line breaking splits “92.60%” anywhere. */
const NUMBER_LANG = { value: 'en-US', eastAsia: 'en-US' };

function textRun(text: string, o: RunOpts, language: typeof LANG): TextRun {
  return new TextRun({
    text,
    language,
    ...(o.font && { font: font(o.font) }),
    ...(o.bold && { bold: true }),
    ...(o.size && { size: Math.round(o.size * 2) }),
  });
}

/** The runs of a text: zh-CN text, and each printed number (with its unit or %) a run of its own that never breaks. */
function runs(text: string, o: RunOpts = {}): TextRun[] {
  const out: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(PRINTED_NUMBER)) {
    if (m[0].length < 2) continue;
    if (m.index! > last) out.push(textRun(text.slice(last, m.index), o, LANG));
    // U+2060 between the figure and its unit: ICU (the en-US line breaking) may break before 万元 otherwise.
    out.push(textRun(m[0].replace(/(\d)(?=[\u4e00-\u9fff])/, '$1\u2060'), o, NUMBER_LANG));
    last = m.index! + m[0].length;
  }
  if (last < text.length || !out.length) out.push(textRun(text.slice(last), o, LANG));
  return out;
}

function pageProps(o: Orientation) {
  const g = pageGeometry(o);
  return {
    page: {
      // docx swaps width and height for landscape itself: give the portrait A4 size.
      size: { width: twips(210), height: twips(297), orientation: o === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { top: twips(g.top), bottom: twips(g.bottom), left: twips(g.left), right: twips(g.right), header: twips(10), footer: twips(9) },
    },
  };
}

function printableWidth(o: Orientation): number {
  const g = pageGeometry(o);
  return g.width - g.left - g.right;
}

function alignment(format: ColumnFormat | undefined, text: string) {
  if (format === 'code' || format === 'lineNo') return AlignmentType.CENTER;
  if ((format && format !== 'text') || NUMERIC.test(text)) return NUMERIC.test(text) ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return AlignmentType.LEFT;
}

function cellParagraph(text: string, o: { size: number; bold?: boolean; align: (typeof AlignmentType)[keyof typeof AlignmentType] }): Paragraph {
  return new Paragraph({
    alignment: o.align,
    // Exact line height (1.3 × the size): Noto CJK's own line gap would make rows a third taller.
    spacing: { before: 0, after: 0, line: Math.round(o.size * 26), lineRule: LineRuleType.EXACT },
    children: text ? runs(text, { size: o.size, font: FONTS.table, ...(o.bold && { bold: true }) }) : [],
  });
}

/** Rows of cells with spans: `cells(r)` lists the cells starting in row r (covered positions omitted). */
function tableRows(count: number, cells: (r: number) => { cell: TableCell }[], opts: { header: boolean }): TableRow[] {
  return [...Array(count)].map((_, r) => new TableRow({ ...(opts.header ? { tableHeader: true } : {}), cantSplit: true, children: cells(r).map((c) => c.cell) }));
}

function renderTable(b: TableBlock): (Paragraph | Table)[] {
  const layout = layoutOf(b);
  const width = layout.columns.length;
  const total = printableWidth(layout.orientation);
  const widths = columnWidthsMm(layout, total).map(twips);
  const size = layout.fontPt;
  const cellWidth = (col: number, span: number) => ({ size: widths.slice(col, col + span).reduce((a, w) => a + w, 0), type: WidthType.DXA });
  const headerCell = (c: HeaderCell) => ({
    cell: new TableCell({
      width: cellWidth(c.col, c.colSpan),
      ...(c.colSpan > 1 && { columnSpan: c.colSpan }),
      ...(c.rowSpan > 1 && { rowSpan: c.rowSpan }),
      verticalAlign: VerticalAlignTable.CENTER,
      children: [cellParagraph(c.text, { size, align: AlignmentType.CENTER })],
    }),
  });
  const headerRows = tableRows(layout.header.length, (r) => layout.header[r]!.map(headerCell), { header: layout.repeatHeader });
  const texts = b.body.map((r) => r.cells.map((c) => c.text));
  const spans = bodySpans(layout, texts, b.body.map((r) => !!r.strong));
  const covered = new Set<string>();
  const starts = new Map<string, HeaderCell>();
  for (const s of spans) {
    starts.set(`${s.row},${s.col}`, s);
    for (let i = 0; i < s.rowSpan; i++) for (let k = 0; k < s.colSpan; k++) if (i || k) covered.add(`${s.row + i},${s.col + k}`);
  }
  const bodyRows = tableRows(b.body.length, (r) => {
    const row = b.body[r]!;
    const out: { cell: TableCell }[] = [];
    for (let c = 0; c < Math.max(width, row.cells.length); c++) {
      if (covered.has(`${r},${c}`)) continue;
      const text = row.cells[c]?.text ?? '';
      const span = starts.get(`${r},${c}`) ?? { colSpan: 1, rowSpan: 1 };
      const format = layout.columns[c]?.format;
      out.push({
        cell: new TableCell({
          width: cellWidth(c, span.colSpan),
          ...(span.colSpan > 1 && { columnSpan: span.colSpan }),
          ...(span.rowSpan > 1 && { rowSpan: span.rowSpan }),
          verticalAlign: VerticalAlignTable.CENTER,
          children: [cellParagraph(text, { size, bold: !!row.strong, align: span.colSpan > 1 ? (layout.body === 'form' ? AlignmentType.LEFT : AlignmentType.CENTER) : alignment(format, text) })],
        }),
      });
    }
    return out;
  }, { header: false });
  const small = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], keepNext = true) =>
    new Paragraph({ alignment: align, keepNext, spacing: { before: 0, after: 0 }, children: runs(text, { size: 10, font: FONTS.table }) });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 0, after: 120 },
      children: [new Bookmark({ id: bookmarkId(b.id), children: runs(b.title, { size: 16, font: FONTS.heading }) })],
    }),
    ...(b.ordinal ? [small(b.ordinal, AlignmentType.RIGHT)] : []),
    ...b.preLines.map((l) => small(l, /单位：/.test(l) && !/编制/.test(l) ? AlignmentType.RIGHT : AlignmentType.LEFT)),
    new Table({
      width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      rows: [...headerRows, ...bodyRows],
    }),
    ...b.notes.map((n) => new Paragraph({ spacing: { before: 60, after: 0 }, children: runs(n, { size: 9, font: FONTS.table }) })),
  ];
}

const HEADING_SIZE = [16, 15, 14, 14];

function renderHeading(b: HeadingBlock, id: string | undefined): Paragraph {
  const level = Math.min(b.level, 3);
  const text = runs(b.text, { size: HEADING_SIZE[level], font: level <= 1 ? FONTS.heading : FONTS.text, ...(level >= 2 && { bold: true }) });
  return new Paragraph({
    heading: HEADINGS[level],
    keepNext: true,
    ...(level === 0 && { alignment: AlignmentType.CENTER }),
    spacing: { before: level === 0 ? 240 : 120, after: level === 0 ? 240 : 60, line: Math.round(HEADING_SIZE[level]! * 1.6 * 20), lineRule: LineRuleType.EXACT },
    ...(level > 0 && { indent: { firstLine: 560 } }),
    children: id ? [new Bookmark({ id, children: text })] : text,
  });
}

/**
 * Text lines 1.6 × the 14 pt size apart, exactly: with “1.5 lines” LibreOffice sets Noto CJK lines so
 * close that their glyph boxes overlap and a PDF reader merges two lines into one.
 */
const TEXT_LINE = { line: Math.round(14 * 1.6 * 20), lineRule: LineRuleType.EXACT };

function renderParagraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.LEFT, indent: { firstLine: 560 }, spacing: { ...TEXT_LINE, before: 0, after: 0 }, children: runs(text) });
}

/** Bookmark names: letters, digits, underscore, ≤ 40 characters, starting with a letter. */
function bookmarkId(key: string): string {
  return `_jsToc_${key.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 40);
}

interface TocEntry {
  level: number;
  text: string;
  id: string;
}

/**
 * The 目录 entries: the parts (第一部分 …), their 一、 sections and the tables (by title).
 */
function tocEntries(doc: ComposedDocument): Map<Block, TocEntry> {
  const out = new Map<Block, TocEntry>();
  let n = 0;
  doc.blocks.forEach((b, i) => {
    if (i === 0) return;
    if (b.kind === 'heading' && b.level <= 1) out.set(b, { level: b.level, text: b.text, id: bookmarkId(`h${++n}`) });
    if (b.kind === 'table') out.set(b, { level: 1, text: b.title, id: bookmarkId(b.id) });
  });
  return out;
}

function tocParagraphs(entries: TocEntry[]): Paragraph[] {
  const right = twips(printableWidth('portrait'));
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 360 }, children: runs('目录', { size: 18, font: FONTS.heading }) }),
    ...entries.map((e) => new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: right, leader: LeaderType.DOT }],
      indent: { left: e.level * 420 },
      spacing: { before: e.level === 0 ? 120 : 0, after: 0, line: 320 },
      children: [...runs(e.text, { size: e.level === 0 ? 13 : 12, font: e.level === 0 ? FONTS.heading : FONTS.text }), new TextRun({ text: '\t', language: LANG }), new PageReference(e.id)],
    })),
  ];
}

function furniture(title: string) {
  return {
    headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: runs(title, { size: 9, font: FONTS.table }) })] }) },
    footers: {
      default: new Footer({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 18, font: font(FONTS.table), language: LANG })] })],
      }),
    },
  };
}

/**
 * Sections: cover, 目录, then text sections (portrait) and one section per table in its layout's
 * orientation; each starts on a new page.
 */
function sections(doc: ComposedDocument): ISectionOptions[] {
  const toc = tocEntries(doc);
  const out: ISectionOptions[] = [];
  const first = doc.blocks[0];
  const coverTitle = first && first.kind === 'heading' ? first.text : doc.title;
  out.push({
    properties: { ...pageProps('portrait'), verticalAlign: 'center' },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children: runs(coverTitle, { size: 26, font: FONTS.heading }) }),
    ],
  });
  out.push({ properties: { ...pageProps('portrait'), type: SectionType.NEXT_PAGE }, ...furniture(doc.title), children: tocParagraphs([...toc.values()]) });
  let text: (Paragraph | Table)[] = [];
  const flush = () => {
    if (text.length) out.push({ properties: { ...pageProps('portrait'), type: SectionType.NEXT_PAGE }, ...furniture(doc.title), children: text });
    text = [];
  };
  doc.blocks.forEach((b, i) => {
    if (i === 0 && b.kind === 'heading') return;
    if (b.kind === 'table') {
      flush();
      out.push({ properties: { ...pageProps(layoutOf(b).orientation), type: SectionType.NEXT_PAGE }, ...furniture(doc.title), children: renderTable(b) });
      return;
    }
    if (b.kind === 'heading' && b.level === 0) flush();
    text.push(b.kind === 'heading' ? renderHeading(b, toc.get(b)?.id) : renderParagraph(b.text));
  });
  flush();
  return out;
}

export async function writeDocx(doc: ComposedDocument): Promise<Uint8Array> {
  const headingStyle = (size: number, eastAsia: string) => ({ run: { font: font(eastAsia), size: size * 2, color: '000000', bold: false, italics: false, language: LANG }, paragraph: { spacing: { before: 120, after: 60 } } });
  const document = new Document({
    title: doc.title,
    creator: 'juesuan',
    styles: {
      default: {
        document: { run: { font: font(FONTS.text), size: 28, language: LANG } },
        title: headingStyle(26, FONTS.heading),
        heading1: headingStyle(16, FONTS.heading),
        heading2: headingStyle(15, FONTS.heading),
        heading3: headingStyle(14, FONTS.text),
        heading4: headingStyle(14, FONTS.text),
        heading5: headingStyle(14, FONTS.text),
        heading6: headingStyle(14, FONTS.text),
      },
    },
    features: { updateFields: true },
    sections: sections(doc),
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
