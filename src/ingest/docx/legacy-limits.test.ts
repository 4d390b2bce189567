/**
 * Hostile legacy Word inputs (.doc/.wps) end quickly: bytes that are no Word compound file never
 * reach LibreOffice (text is read as text, the rest refused), a damaged compound file is refused by
 * the container check, and a conversion past JUESUAN_MAX_CONVERT_SECONDS is stopped (its whole
 * process group) with a clear limit error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDisclosure } from '../index.js';
import { setLimits } from '../limits.js';
import { InputError } from '../raw.js';
import { sampleDocx } from '../../../test/fixtures-formats/write-office.js';
import { convertWithLibreOffice, findSoffice } from './libreoffice.js';

function refusedWith(pattern: RegExp) {
  return (e: Error): boolean => {
    assert.ok(e instanceof InputError, `${e.name}: ${e.message}`);
    assert.match(`${e.message} (${(e as InputError).hint ?? ''})`, pattern);
    assert.ok(!e.message.includes('\n'));
    return true;
  };
}

test('a .doc whose compound-file header is damaged is refused before LibreOffice', async () => {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x0f, 0x00], 0x18); // version 3, sector shift 15: not a valid sector size
  await assert.rejects(readDisclosure(bytes, 'hostile.doc'), refusedWith(/the Word \.doc file is damaged: .*save it again as \.docx/));
  await assert.rejects(readDisclosure(bytes, 'hostile.wps'), refusedWith(/the Word \.doc file is damaged/));
});

test('bytes named .doc that are not a compound file: text is read as text, binary refused (no LibreOffice)', async () => {
  const text = new TextEncoder().encode('这不是Word文件\n只是文本\n');
  await assert.rejects(readDisclosure(text, 'note.doc'), (e: Error) => e instanceof InputError && !/LibreOffice/.test(e.message));
  const junk = new Uint8Array(2048).map((_, i) => (i * 37) & 0xff);
  await assert.rejects(readDisclosure(junk, 'junk.doc'), refusedWith(/is not a Word file: .*neither an OLE2 compound file/));
});

test('a LibreOffice conversion past the time limit is stopped with a clear error', { skip: !findSoffice() && 'LibreOffice (soffice) is not installed', timeout: 300_000 }, async () => {
  const doc = await convertWithLibreOffice(await sampleDocx(), 'docx', 'doc');
  setLimits({ convertSeconds: 0.05 });
  try {
    await assert.rejects(readDisclosure(doc, 'slow.doc'), refusedWith(/limit exceeded: time to convert with LibreOffice .*JUESUAN_MAX_CONVERT_SECONDS/));
  } finally {
    setLimits({});
  }
});
