/**
 * A disclosure in its text form (tab-separated table rows) → a Word document: consecutive tabular
 * lines become one bordered table (rows padded to the table's width), other lines paragraphs; pages
 * landscape so that wide tables fit. Used to turn the seeds into PDFs through LibreOffice.
 */
import { Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

function run(text: string, size: number): TextRun {
  return new TextRun({ text, size, font: { eastAsia: 'Noto Sans CJK SC' }, language: { eastAsia: 'zh-CN' } });
}

function table(rows: string[][], base: number): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const size = width > 12 ? Math.min(base, 9) : width > 8 ? Math.min(base, 12) : base;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r) => new TableRow({
      children: Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph({ children: [run(r[i] ?? '', size)] })] })),
    })),
  });
}

export async function textToDocx(text: string, opts: { fontHalfPoints?: number } = {}): Promise<Uint8Array> {
  const size = opts.fontHalfPoints ?? 16;
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length) children.push(table(rows, size), new Paragraph({ children: [] }));
    rows = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) rows.push(line.split('\t').map((c) => c.trim()));
    else {
      flush();
      if (line.trim()) children.push(new Paragraph({ children: [run(line.trim(), size)] }));
    }
  }
  flush();
  const doc = new Document({
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
