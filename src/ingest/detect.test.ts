import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { detectFormat } from './detect.js';
import { InputError } from './raw.js';
import { docxBytes } from '../../test/fixtures-formats/write-office.js';
import { Paragraph } from 'docx';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

test('detectFormat: magic bytes win over a misleading extension', async () => {
  assert.equal(detectFormat(bytes('%PDF-1.7\n...'), 'report.txt'), 'pdf');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('a').getCell('A1').value = 'x';
  const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
  assert.equal(detectFormat(xlsx, 'report.docx'), 'xlsx');
  const docx = await docxBytes([new Paragraph('x')]);
  assert.equal(detectFormat(docx, 'report.xlsx'), 'docx');
  assert.equal(detectFormat(docx), 'docx');
});

test('detectFormat: OLE2 files by their stream names, then the extension', () => {
  const ole = new Uint8Array(2048);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const withStream = (name: string): Uint8Array => {
    const b = ole.slice();
    b.set(Buffer.from(name, 'utf16le'), 1024);
    return b;
  };
  assert.equal(detectFormat(withStream('WordDocument')), 'doc');
  assert.equal(detectFormat(withStream('Workbook')), 'xls');
  assert.equal(detectFormat(ole, 'old.xls'), 'xls');
  assert.equal(detectFormat(ole, 'wps-saved.et'), 'xls');
  assert.throws(() => detectFormat(ole), InputError);
});

test('detectFormat: web pages, saved pages, JSON and text', () => {
  assert.equal(detectFormat(bytes('\ufeff<!DOCTYPE html><html><body>x</body></html>')), 'html');
  assert.equal(detectFormat(bytes('  <html lang="zh"><head>')), 'html');
  assert.equal(detectFormat(bytes('<meta charset="gbk"><table><tr><td>1</td></tr></table>')), 'html');
  assert.equal(detectFormat(bytes('From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary="x"\r\n')), 'mht');
  assert.equal(detectFormat(bytes('{"meta": {}}')), 'json');
  assert.equal(detectFormat(bytes('2023年度部门决算\n收入\t支出\n')), 'text');
  assert.equal(detectFormat(bytes('2023年度部门决算'), 'a.html'), 'html');
});

test('detectFormat: empty, RTF and foreign ZIP files are refused with a reason', () => {
  assert.throws(() => detectFormat(new Uint8Array(0)), /empty/);
  assert.throws(() => detectFormat(bytes('{\\rtf1\\ansi x}')), /RTF/);
  const zip = new Uint8Array(64);
  zip.set([0x50, 0x4b, 0x03, 0x04]);
  zip.set(Buffer.from('photos/cat.jpg'), 30);
  assert.throws(() => detectFormat(zip), /neither a Word/);
  const ofd = zip.slice();
  ofd.set(Buffer.from('OFD.xml'), 30);
  assert.throws(() => detectFormat(ofd), /OFD/);
});
