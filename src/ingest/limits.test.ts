import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { readRaw } from './index.js';
import { limit, setLimits } from './limits.js';
import { scanXml, scanZip } from './limits-zip.js';
import { InputError } from './raw.js';
import { decodeText } from './text/decode.js';
import { decodeHtmlBytes } from './html/decode.js';
import { writeZip } from '../../test/fuzz/zip.js';
import { sampleXlsx } from '../../test/fixtures-formats/write-office.js';

const isLimit = (re: RegExp) => (e: unknown): boolean => e instanceof InputError && /^(.*: )?limit exceeded: /.test(e.message) && re.test(`${e.message} (${e.hint})`) && !e.message.includes('\n');

test('limits: env variables and setLimits override the defaults', () => {
  assert.equal(limit('zipEntries'), 10_000);
  process.env.JUESUAN_MAX_ZIP_ENTRIES = '5';
  try {
    assert.equal(limit('zipEntries'), 5);
    setLimits({ zipEntries: 7 });
    assert.equal(limit('zipEntries'), 7);
  } finally {
    delete process.env.JUESUAN_MAX_ZIP_ENTRIES;
    setLimits({});
  }
});

test('limits: a zip bomb is refused by its declared size, and by its inflated size when the directory lies', () => {
  const zeros = Buffer.alloc(8 * 1024 * 1024);
  const honest = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8 }]);
  setLimits({ unzippedBytes: 1024 * 1024 });
  try {
    assert.throws(() => scanZip(honest), isLimit(/uncompressed size of the ZIP container is 8\.0 MB.*JUESUAN_MAX_UNZIPPED_MB/));
    // The same entry declaring 10 bytes: inflation stops at the cap.
    const lying = Buffer.from(honest);
    const dir = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(10, dir + 24);
    assert.throws(() => scanZip(new Uint8Array(lying)), isLimit(/more than 1\.0 MB/));
  } finally {
    setLimits({});
  }
  assert.ok(deflateRawSync(zeros).length < 64 * 1024);
});

test('limits: entry count, nesting depth, one XML root', () => {
  setLimits({ zipEntries: 3, depth: 10 });
  try {
    const files = Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('<a/>'), method: 0 as const }));
    assert.throws(() => scanZip(writeZip(files)), isLimit(/entries in the ZIP container is 4/));
    assert.throws(() => scanXml(Buffer.from('<a>'.repeat(11) + '</a>'.repeat(11))), isLimit(/nesting depth/));
    assert.equal(scanXml(Buffer.from('<?xml version="1.0"?><!-- x --><a><b/><c>t</c></a>')).depth, 2);
    assert.throws(() => scanXml(Buffer.from('<a></a><b></b>')), /more than one root/);
  } finally {
    setLimits({});
  }
});

test('limits: workbook cells and merged ranges are counted before exceljs parses; far cells read sparsely', async () => {
  const xlsx = await sampleXlsx();
  setLimits({ sheetCells: 10 });
  try {
    await assert.rejects(readRaw(xlsx, 'x.xlsx'), isLimit(/non-empty cells in the workbook/));
  } finally {
    setLimits({});
  }
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.getCell('A1').value = '标题';
  ws.getCell('XFD1048576').value = 1;
  const far = new Uint8Array(await wb.xlsx.writeBuffer());
  setLimits({ columns: 100_000 });
  try {
    const doc = await readRaw(far, 'far.xlsx');
    assert.equal(doc.lines.length, 2);
  } finally {
    setLimits({});
  }
  await assert.rejects(readRaw(far, 'far.xlsx'), isLimit(/cells in one row is 16,384.*JUESUAN_MAX_COLUMNS/));
  ws.mergeCells('B2:Z200');
  setLimits({ mergedCells: 1000 });
  try {
    await assert.rejects(readRaw(new Uint8Array(await wb.xlsx.writeBuffer()), 'm.xlsx'), isLimit(/merged ranges/));
  } finally {
    setLimits({});
  }
});

test('limits: web page nesting, rows and lines; text lines', async () => {
  const nested = `<html><body>${'<div>'.repeat(300)}x${'</div>'.repeat(300)}</body></html>`;
  await assert.rejects(readRaw(new Uint8Array(Buffer.from(nested)), 'n.html'), isLimit(/nesting depth of elements/));
  setLimits({ lines: 50 });
  try {
    const rows = `<html><body><table>${'<tr><td>a</td><td>1</td></tr>'.repeat(60)}</table></body></html>`;
    await assert.rejects(readRaw(new Uint8Array(Buffer.from(rows)), 'r.html'), isLimit(/web page table rows: .*lines/));
    await assert.rejects(readRaw(new Uint8Array(Buffer.from('行\n'.repeat(60))), 't.txt'), isLimit(/lines .*JUESUAN_MAX_LINES/));
  } finally {
    setLimits({});
  }
});

test('encodings: UTF-16 without BOM (一 is U+4E00), Big5 read, Shift-JIS refused, HTML saying gbk but UTF-8', () => {
  const text = '一、部门职责\n2023年度收入合计1,234.56万元，支出合计1,234.56万元。\n';
  assert.equal(decodeText(new Uint8Array(Buffer.from(text, 'utf16le'))).text, text);
  assert.equal(decodeText(new Uint8Array(Buffer.from(text, 'utf16le').swap16())).encoding, 'utf-16be');
  const iconv = (to: string, s: string): Uint8Array | undefined => {
    try {
      return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: s }));
    } catch {
      return undefined;
    }
  };
  const big5 = iconv('BIG5', '一、部門職責：負責全縣財政收支管理和國有資產管理工作。本年收入合計一千二百萬元。');
  if (big5) assert.equal(decodeText(big5).encoding, 'big5');
  const gbk = iconv('GBK', text);
  if (gbk) assert.equal(decodeText(gbk).text, text);
  const sjis = iconv('SHIFT_JIS', 'これは日本語のテキストです。カタカナとひらがな。');
  if (sjis) assert.throws(() => decodeText(sjis), /Shift-JIS/);
  const page = `<html><head><meta charset="gbk"></head><body><p>${text}</p></body></html>`;
  assert.ok(decodeHtmlBytes(new Uint8Array(Buffer.from(page, 'utf8'))).includes('部门职责'));
});

test('limits: the cells of all table rows of a web page or a tab-separated text are bounded', async () => {
  setLimits({ gridCells: 1_000 });
  try {
    const row = `<tr>${'<td>1</td>'.repeat(20)}</tr>`;
    const page = (rows: number) => new Uint8Array(Buffer.from(`<html><body><table>${row.repeat(rows)}</table></body></html>`));
    await assert.rejects(readRaw(page(60), 'wide.html'), isLimit(/cells of the table rows read .*JUESUAN_MAX_GRID_CELLS/));
    assert.ok((await readRaw(page(40), 'fits.html')).lines.length >= 40, 'a page under the limit is read');
    const text = (rows: number) => new Uint8Array(Buffer.from(`${Array.from({ length: rows }, () => Array(20).fill('1').join('\t')).join('\n')}\n`));
    await assert.rejects(readRaw(text(60), 'wide.txt'), isLimit(/cells of the table rows read/));
    assert.ok((await readRaw(text(40), 'fits.txt')).lines.length >= 40);
  } finally {
    setLimits({});
  }
});
