import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import XLSX from 'xlsx';
import { checkCompoundFile } from './cfb-check.js';
import { InputError } from '../raw.js';

function sampleXls(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['项目', '金额'], ['一般公共预算', 12.5]]), 'T01');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
}

test('checkCompoundFile: a genuine .xls container passes, other bytes are left alone', () => {
  checkCompoundFile(sampleXls());
  checkCompoundFile(new TextEncoder().encode('ID;P\nC;Y1;X1;K"a"\nE\n'));
});

test('checkCompoundFile: directory links that loop are refused before SheetJS', () => {
  const repro = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../test/fuzz/repro/xls-memory-1161.xls', import.meta.url))));
  assert.throws(() => checkCompoundFile(repro), (e: unknown) => e instanceof InputError && /the \.xls file is damaged: the directory links loop/.test(e.message));
});

test('checkCompoundFile: a header claiming more FAT sectors than the file holds is refused', () => {
  const bytes = sampleXls().slice();
  new DataView(bytes.buffer).setUint32(0x2c, 0x10000000, true);
  assert.throws(() => checkCompoundFile(bytes), /the \.xls file is damaged: the header claims \d+ FAT sectors/);
});
