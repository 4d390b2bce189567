/**
 * The PDF is readable by a person: page 1 rendered to PNG (artifacts/compose-page1.png) and the
 * Chinese text extracts as written. Skipped with a message when LibreOffice or poppler is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument, convertDocxToPdf, findSoffice, writeDocx } from '../index.js';
import { exampleInputs } from '../testing/fixtures.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = [!findSoffice() && 'soffice (LibreOffice)', !has('pdftoppm') && 'pdftoppm', !has('pdftotext') && 'pdftotext'].filter(Boolean);
const skip = missing.length ? `${missing.join(', ')} not installed: PDF test skipped` : false;

test('pdf: LibreOffice renders the DOCX; page 1 becomes a PNG artifact and the Chinese text extracts', { skip, timeout: 180_000 }, async () => {
  const medical = exampleInputs().find((e) => e.name.startsWith('county-medical'))!;
  const composed = composeDocument(medical.input);
  const { document } = composed;
  const pdf = await convertDocxToPdf(await writeDocx(document));
  assert.equal(Buffer.from(pdf.slice(0, 5)).toString('latin1'), '%PDF-');
  const work = mkdtempSync(join(tmpdir(), 'compose-pdf-'));
  const file = join(work, 'document.pdf');
  writeFileSync(file, pdf);
  const artifacts = join(ROOT, 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, join(artifacts, 'compose-page1')]);
  const png = join(artifacts, 'compose-page1.png');
  assert.ok(existsSync(png) && statSync(png).size > 5000, 'page 1 rendered');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
  for (const s of ['青川县医疗保障局2024年度部门决算', '部门职责', '收入支出决算总表', '2,253.11', '名词解释']) assert.ok(text.includes(s), `extracts ${s}`);
  assert.doesNotMatch(text, /[⺀-⻳⼀-⿕]/, 'no CJK radical code points instead of characters');
  const { readDisclosure } = await import('../../ingest/index.js');
  const { factsOf } = await import('../../facts/facts.js');
  const canonical = (v: unknown) => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
  const back = await readDisclosure(pdf, 'composed.pdf');
  assert.equal(canonical(factsOf(back)), canonical(factsOf(composed.disclosure)), 'the PDF reads back with the same facts');
});
