import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { readDocx } from './read-docx.js';
import { convertWithLibreOffice, findSoffice } from './libreoffice.js';
import { InputError } from '../raw.js';
import { sampleCells } from '../../../test/fixtures-formats/sample.js';
import { docxBytes, docxCell, docxTable, sampleDocx } from '../../../test/fixtures-formats/write-office.js';
import { NO_SOFFICE } from '../../../test/fixtures-formats/write-pdf.js';

test('readDocx: headings, paragraphs and tables give the lines of the text form', async () => {
  const doc = await readDocx(await sampleDocx(), 'sample.docx');
  assert.equal(doc.format, 'docx');
  assert.deepEqual(doc.lines.map((l) => l.cells), sampleCells());
  assert.equal(doc.lines[0]!.headingLevel, 1);
  assert.equal(doc.lines[1]!.headingLevel, 2);
});

test('readDocx: gridSpan and vMerge keep the column positions (blank cells)', async () => {
  const table = docxTable([
    [docxCell('项目', { rowSpan: 2 }), docxCell('本年支出', { columnSpan: 3 })],
    [docxCell('合计'), docxCell('基本支出'), docxCell('项目支出')],
    [docxCell('一般公共服务支出'), docxCell('10.00'), docxCell('6.00'), docxCell('4.00')],
  ]);
  const bytes = await docxBytes([new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('支出决算表')] }), table]);
  const doc = await readDocx(bytes);
  assert.deepEqual(doc.lines.map((l) => l.cells), [
    ['支出决算表'],
    ['项目', '本年支出', '', ''],
    ['', '合计', '基本支出', '项目支出'],
    ['一般公共服务支出', '10.00', '6.00', '4.00'],
  ]);
  assert.deepEqual(doc.lines.map((l) => l.tabular), [false, true, true, true]);
});

test('readDocx: Chinese heading style names, and paragraphs laid out with tabs become cells', async () => {
  const bytes = await docxBytes([
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('二、收入决算情况说明')] }),
    new Paragraph({ children: [new TextRun('项目'), new TextRun({ text: '\t' }), new TextRun('金额')] }),
    new Paragraph({ children: [new TextRun('本年收入合计\t\t1,234.56')] }),
    new Paragraph({ children: [new TextRun('\t首行缩进的段落。')] }),
  ]);
  const doc = await readDocx(bytes);
  assert.deepEqual(doc.lines.map((l) => [l.tabular, l.headingLevel, ...l.cells]), [
    [false, 1, '二、收入决算情况说明'],
    [true, undefined, '项目', '金额'],
    [true, undefined, '本年收入合计', '1,234.56'],
    [false, undefined, '首行缩进的段落。'],
  ]);
});

test('readDocx: a damaged .docx is an InputError', async () => {
  const bytes = await sampleDocx();
  await assert.rejects(readDocx(bytes.slice(0, 200), 'broken.docx'), InputError);
});

test('readDocx: legacy .doc through LibreOffice', { skip: !findSoffice() && NO_SOFFICE, timeout: 180_000 }, async () => {
  const doc = await convertWithLibreOffice(await sampleDocx(), 'docx', 'doc');
  assert.deepEqual([...doc.subarray(0, 4)], [0xd0, 0xcf, 0x11, 0xe0]);
  const raw = await readDocx(doc, 'old.doc');
  assert.equal(raw.format, 'doc');
  assert.deepEqual(raw.lines.map((l) => l.cells), sampleCells());
});
