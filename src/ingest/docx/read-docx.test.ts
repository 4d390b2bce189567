import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { readDocx } from './read-docx.js';
import { convertWithLibreOffice, findSoffice } from './libreoffice.js';
import { InputError } from '../raw.js';
import { setLimits } from '../limits.js';
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

test('readDocx: Chinese heading style names, and paragraphs laid out with tabs become cells (every tab a boundary, as in the text form)', async () => {
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
    [true, undefined, '本年收入合计', '', '1,234.56'],
    [false, undefined, '首行缩进的段落。'],
  ]);
});

test('readDocx: a row starting in a later column keeps its leading empty cells and its width', async () => {
  const bytes = await docxBytes([
    new Paragraph({ children: [new TextRun('收入\t\t\t支出\t\t')] }),
    new Paragraph({ children: [new TextRun('一、一般公共预算财政拨款收入\t1\t6,663,125.83\t一、一般公共服务支出\t31\t')] }),
    new Paragraph({ children: [new TextRun('\t9\t\t九、卫生健康支出\t39\t6,039,490.19')] }),
    new Paragraph({ children: [new TextRun('\t\t1,234.00')] }),
  ]);
  const doc = await readDocx(bytes);
  assert.deepEqual(doc.lines.map((l) => l.cells), [
    ['收入', '', '', '支出', '', ''],
    ['一、一般公共预算财政拨款收入', '1', '6,663,125.83', '一、一般公共服务支出', '31', ''],
    ['', '9', '', '九、卫生健康支出', '39', '6,039,490.19'],
    ['', '', '1,234.00'],
  ]);
  assert.ok(doc.lines.every((l) => l.tabular));
});

test('readDocx: a table saved as text (one cell per paragraph, rows between empty paragraphs) folds into rows; tab-indented prose stays prose', async () => {
  const p = (t: string): Paragraph => new Paragraph({ children: t ? [new TextRun(t)] : [] });
  const bytes = await docxBytes([
    p('## 部门整体支出绩效评价基础数据表'),
    p('\t经费控制情况'), p('\t2022年决算数'), p('\t2023年预算数'), p(''),
    p('\t一、部门基本支出'), p('\t610.11'), p('\t610.11'), p(''),
    p('\t二、部门项目'), p('支出'), p('\t12.00'), p('\t13.00'), p(''),
    p('- 说明'),
    p('\t本部门主要职责是贯彻执行国家有关方针政策。'),
    p('\t内设机构三个。'),
  ]);
  const doc = await readDocx(bytes);
  assert.deepEqual(doc.lines.map((l) => [l.tabular, l.headingLevel, ...l.cells]), [
    [false, 2, '部门整体支出绩效评价基础数据表'],
    [true, undefined, '经费控制情况', '2022年决算数', '2023年预算数'],
    [true, undefined, '一、部门基本支出', '610.11', '610.11'],
    [true, undefined, '二、部门项目支出', '12.00', '13.00'],
    [false, undefined, '说明'],
    [false, undefined, '本部门主要职责是贯彻执行国家有关方针政策。'],
    [false, undefined, '内设机构三个。'],
  ]);
});

test('readDocx: paragraphs laid out with runs of spaces split into cells when the document is laid out so', async () => {
  const rows = [
    '项目          行次      金额',
    '一般公共预算财政拨款收入    1     6,663,125.83',
    '政府性基金预算财政拨款收入    2     0.00',
    '上级补助收入    3     12.00',
    '事业收入    4     13.00',
    '经营收入    5     14.00',
  ];
  const bytes = await docxBytes([new Paragraph({ children: [new TextRun('收入决算表')] }), ...rows.map((r) => new Paragraph({ children: [new TextRun(r)] }))]);
  const doc = await readDocx(bytes);
  assert.deepEqual(doc.lines[0]!.cells, ['收入决算表']);
  assert.deepEqual(doc.lines[2]!.cells, ['一般公共预算财政拨款收入', '1', '6,663,125.83']);
  assert.ok(doc.lines.slice(1).every((l) => l.tabular && l.cells.length === 3));
});

test('readDocx: a damaged .docx is an InputError', async () => {
  const bytes = await sampleDocx();
  await assert.rejects(readDocx(bytes.slice(0, 200), 'broken.docx'), InputError);
});

test('readDocx: legacy .doc through LibreOffice', { skip: !findSoffice() && NO_SOFFICE, timeout: 180_000 }, async () => {
  // what is tested is the conversion, not its speed: a loaded machine may need more than the default limit
  setLimits({ convertSeconds: 170 });
  try {
    const doc = await convertWithLibreOffice(await sampleDocx(), 'docx', 'doc');
    assert.deepEqual([...doc.subarray(0, 4)], [0xd0, 0xcf, 0x11, 0xe0]);
    const raw = await readDocx(doc, 'old.doc');
    assert.equal(raw.format, 'doc');
    assert.deepEqual(raw.lines.map((l) => l.cells), sampleCells());
  } finally {
    setLimits({});
  }
});
