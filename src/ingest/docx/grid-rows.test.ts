import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { scanZip } from '../limits-zip.js';
import { docxBytes, docxCell, docxTable } from '../../../test/fixtures-formats/write-office.js';
import { crc32, padGridRows, storedZip } from './grid-rows.js';
import { readDocx } from './read-docx.js';

test('padGridRows: a row with gridBefore/gridAfter gets empty cells spanning those grid columns (nested rows kept apart)', () => {
  const xml =
    '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="2"/><w:gridAfter w:val="1"/></w:trPr><w:tc><w:p/></w:tc></w:tr>' +
    '<w:tr><w:tc><w:tbl><w:tr><w:trPr><w:trHeight w:val="5"/></w:trPr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>';
  const out = padGridRows(xml);
  const cell = (n: number) => `<w:tc><w:tcPr><w:gridSpan w:val="${n}"/></w:tcPr><w:p/></w:tc>`;
  assert.equal(
    out,
    `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="2"/><w:gridAfter w:val="1"/></w:trPr>${cell(2)}<w:tc><w:p/></w:tc>${cell(1)}</w:tr>` +
      '<w:tr><w:tc><w:tbl><w:tr><w:trPr><w:trHeight w:val="5"/></w:trPr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>',
  );
  assert.equal(padGridRows('<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>'), '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>');
});

test('storedZip: entries read back with their CRC', () => {
  const zip = storedZip([['a.txt', Buffer.from('收入支出')], ['b/c.xml', Buffer.from('<x/>')]]);
  const { parts } = scanZip(zip, () => true);
  assert.equal(parts.get('a.txt')!.toString(), '收入支出');
  assert.equal(parts.get('b/c.xml')!.toString(), '<x/>');
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.ok(inflateRawSync);
});

test('readDocx: a row starting inside the grid (gridBefore, as WPS and pasted Excel tables write it) keeps its cells in their columns', async () => {
  const table = docxTable([
    [docxCell('项目'), docxCell('行次'), docxCell('金额')],
    [docxCell('本年收入合计'), docxCell('1'), docxCell('100.00')],
    [docxCell('XXDROPXX'), docxCell('2'), docxCell('5.00')],
  ]);
  const bytes = await docxBytes([table]);
  const { entries, parts } = scanZip(bytes, () => true);
  const doc = parts.get('word/document.xml')!.toString('utf8');
  // the third row loses its first cell and says so with gridBefore
  const rows = doc.split('<w:tr>');
  const last = rows.length - 1;
  const firstCell = /<w:tc>[\s\S]*?XXDROPXX[\s\S]*?<\/w:tc>/;
  assert.ok(firstCell.test(rows[last]!));
  rows[last] = rows[last]!.replace(firstCell, '').replace(/^(<w:trPr>)?/, (m) => (m ? `${m}<w:gridBefore w:val="1"/>` : '<w:trPr><w:gridBefore w:val="1"/></w:trPr>'));
  parts.set('word/document.xml', Buffer.from(rows.join('<w:tr>'), 'utf8'));
  const patched = storedZip(entries.filter((e) => !e.name.endsWith('/')).map((e) => [e.name, parts.get(e.name)!]));
  const read = await readDocx(patched);
  assert.deepEqual(read.lines.map((l) => l.cells), [
    ['项目', '行次', '金额'],
    ['本年收入合计', '1', '100.00'],
    ['', '2', '5.00'],
  ]);
});
