/** The sample disclosure as a Word document (docx package) and as a workbook (exceljs). */
import {
  AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { padRows, SAMPLE, type Block } from './sample.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** `size` in half-points. */
function run(text: string, size?: number): TextRun {
  return new TextRun({ text, size, font: { eastAsia: 'Noto Sans CJK SC' }, language: { eastAsia: 'zh-CN' } });
}

export function docxCell(text: string, opts: { columnSpan?: number; rowSpan?: number; size?: number } = {}): TableCell {
  const { size, ...span } = opts;
  return new TableCell({ children: [new Paragraph({ children: [run(text, size)] })], ...span });
}

export async function docxBytes(children: (Paragraph | Table)[], landscape = false): Promise<Uint8Array> {
  const page = landscape ? { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } : {};
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ properties: { page }, children }] })));
}

/** Smaller type for wide tables so that amounts do not wrap (half-points). */
function gridFont(rows: string[][], base: number): number {
  const width = Math.max(...rows.map((r) => r.length));
  return width > 12 ? Math.min(base, 9) : width > 8 ? Math.min(base, 12) : base;
}

export function docxTable(rows: TableCell[][]): Table {
  return new Table({ rows: rows.map((cells) => new TableRow({ children: cells })), width: { size: 100, type: WidthType.PERCENTAGE } });
}

export async function sampleDocx(blocks: Block[] = SAMPLE, opts: { landscape?: boolean; size?: number } = {}): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  const size = opts.size;
  for (const b of blocks) {
    if (b.kind === 'heading') children.push(new Paragraph({ heading: HEADINGS[b.level - 1] ?? HeadingLevel.HEADING_3, children: [run(b.text)] }));
    else if (b.kind === 'para') children.push(new Paragraph({ children: [run(b.text, size)] }));
    else if (b.kind === 'grid') {
      const cellSize = gridFont(b.rows, size ?? 21);
      children.push(docxTable(padRows(b.rows).map((r) => r.map((c) => docxCell(c, { size: cellSize })))), new Paragraph({ children: [] }));
    }
    else {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(b.title)] }));
      children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(b.unit)] }));
      children.push(docxTable([b.header.map((h) => docxCell(h)), ...b.rows.map((r) => r.map((c) => docxCell(c)))]));
    }
  }
  return docxBytes(children, opts.landscape);
}

const AMOUNT = /^-?[\d,]+\.\d\d$/;

/**
 * The sample on one sheet: paragraphs in column A, table titles merged across the table's width,
 * the first table's amounts as numbers formatted '#,##0.00', the others' stored as text.
 */
export async function sampleXlsx(blocks: Block[] = SAMPLE): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('决算');
  let r = 1;
  let tableNo = 0;
  for (const b of blocks) {
    if (b.kind === 'grid') {
      for (const row of b.rows) {
        row.forEach((text, c) => {
          if (text !== '') ws.getCell(r, c + 1).value = text;
        });
        r++;
      }
      continue;
    }
    if (b.kind !== 'table') {
      ws.getCell(r++, 1).value = b.text;
      continue;
    }
    ws.mergeCells(r, 1, r, b.header.length);
    ws.getCell(r++, 1).value = b.title;
    ws.getCell(r++, 1).value = b.unit;
    b.header.forEach((h, c) => (ws.getCell(r, c + 1).value = h));
    r++;
    for (const row of b.rows) {
      row.forEach((text, c) => {
        const cell = ws.getCell(r, c + 1);
        if (tableNo === 0 && AMOUNT.test(text)) {
          cell.value = Number(text.replace(/,/g, ''));
          cell.numFmt = '#,##0.00';
        } else if (text !== '') cell.value = text;
      });
      r++;
    }
    r++;
    tableNo++;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
