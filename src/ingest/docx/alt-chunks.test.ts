import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Paragraph, TextRun } from 'docx';
import { scanZip } from '../limits-zip.js';
import { docxBytes } from '../../../test/fixtures-formats/write-office.js';
import { storedZip } from './grid-rows.js';
import { readDocx } from './read-docx.js';

/** A .docx whose body holds a paragraph, then an embedded web page (altChunk), then a paragraph. */
async function withChunk(name: string, page: string): Promise<Uint8Array> {
  const bytes = await docxBytes([new Paragraph({ children: [new TextRun('前言')] }), new Paragraph({ children: [new TextRun('CHUNKHERE')] }), new Paragraph({ children: [new TextRun('结语')] })]);
  const { entries, parts } = scanZip(bytes, () => true);
  const doc = parts.get('word/document.xml')!.toString('utf8');
  const chunkAt = /<w:p>(?:(?!<w:p>)[\s\S])*?CHUNKHERE[\s\S]*?<\/w:p>/;
  assert.ok(chunkAt.test(doc));
  parts.set('word/document.xml', Buffer.from(doc.replace(chunkAt, '<w:altChunk r:id="rIdChunk1"/>'), 'utf8'));
  const rels = parts.get('word/_rels/document.xml.rels')!.toString('utf8');
  parts.set('word/_rels/document.xml.rels', Buffer.from(rels.replace('</Relationships>', `<Relationship Id="rIdChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${name}"/></Relationships>`), 'utf8'));
  const all: [string, Uint8Array][] = entries.filter((e) => !e.name.endsWith('/')).map((e) => [e.name, parts.get(e.name)!]);
  all.push([`word/${name}`, Buffer.from(page, 'utf8')]);
  return storedZip(all);
}

test('readDocx: an embedded web page (altChunk, as office systems write documents) is read in its place', async () => {
  const page = '<html><head><meta charset="utf-8"><title>x</title></head><body><h2>收入决算表</h2><table><tr><td>项目</td><td>金额</td></tr><tr><td>本年收入合计</td><td>1,234.56</td></tr></table></body></html>';
  const doc = await readDocx(await withChunk('afchunk.htm', page));
  assert.deepEqual(doc.lines.map((l) => [l.headingLevel, ...l.cells]), [
    [undefined, '前言'],
    [2, '收入决算表'],
    [undefined, '项目', '金额'],
    [undefined, '本年收入合计', '1,234.56'],
    [undefined, '结语'],
  ]);
});

test('readDocx: an embedded plain text reads as the text form', async () => {
  const doc = await readDocx(await withChunk('chunk.txt', '项目\t金额\n本年支出合计\t99.00\n'));
  assert.deepEqual(doc.lines.map((l) => l.cells), [['前言'], ['项目', '金额'], ['本年支出合计', '99.00'], ['结语']]);
});
