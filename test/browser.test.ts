/**
 * The reviewer's workbench in a real browser (Debian's Chromium driven by playwright-core): the home
 * page; one upload and its findings; a PDF page with the selected finding boxed on it; the findings
 * filtered and walked with the keyboard; a batch of 10 uploads and a .zip with per-file progress and
 * the batch page; the corpus; compare across years; the 绩效自评 view; Chinese error messages.
 * Screenshots are kept in artifacts/browser/ (gitignored). Skips with a message when Chromium is not
 * installed; the PDF flow skips when no Chinese font is installed (the PDF is drawn by pdfkit).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildServer } from '../src/server/app.js';
import { openDb } from '../src/store/db.js';
import { storeDocument } from '../src/store/corpus.js';
import { composeDocument, parseComposeInput, renderFormat } from '../src/compose/index.js';
import { sampleDisclosureText } from './support/sample-disclosure.js';
import { findCjkFont, pdfkitBytes } from './fixtures-formats/write-pdf.js';
import { linesToBlocks } from './fixtures-formats/sample.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '..');
const artifacts = join(root, 'artifacts', 'browser');
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: browser tests skipped (apt-get install chromium, as .ci/run does)`;

/** CRC-32 (zip entries). */
function crc32(b: Uint8Array): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A .zip with stored (uncompressed) entries and UTF-8 names. */
function zipOf(files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x800, 6); local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(f.bytes.length, 18); local.writeUInt32LE(f.bytes.length, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x800, 8);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(f.bytes.length, 20); central.writeUInt32LE(f.bytes.length, 24); central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(f.bytes));
    centrals.push(central, name);
    offset += 30 + name.length + f.bytes.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const text = (s: string) => new TextEncoder().encode(s);

test('browser: the reviewer\'s workbench', { skip, timeout: 600_000 }, async (t) => {
  const build = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', 'web', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  assert.ok(existsSync(join(root, 'web', 'dist', 'pdfjs', 'cmaps')), 'pdf.js CMaps are copied beside the app');
  rmSync(artifacts, { recursive: true, force: true }); // only this run's screenshots
  mkdirSync(artifacts, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-browser-'));
  const opened = await openDb(join(dir, 'b.sqlite'));
  await storeDocument(opened.db, { bytes: text(sampleDisclosureText({ year: 2023 })), name: '示例县民政局2023年度部门决算.txt' });
  // a composed disclosure with 绩效自评 tables (the medical insurance example), as text
  const example = parseComposeInput(JSON.parse(readFileSync(join(root, 'examples', 'county-medical-insurance-bureau.json'), 'utf8')));
  const perf = await storeDocument(opened.db, { bytes: await renderFormat(composeDocument(example).document, 'txt'), name: '医疗保障局决算.txt' });
  // and its budget of the same year (budget against actual)
  const budget = parseComposeInput(JSON.parse(readFileSync(join(root, 'examples', 'budget-county-medical-insurance-bureau.json'), 'utf8')));
  await storeDocument(opened.db, { bytes: await renderFormat(composeDocument(budget).document, 'txt'), name: '医疗保障局预算.txt' });
  const app = await buildServer({ db: opened.db, mode: 'single', webDir: join(root, 'web', 'dist') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const errors: string[] = [];
  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(90_000); // a loaded 2-core CI machine is slow to start the page; no assertion is about time
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };
  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(artifacts, name), fullPage });
  try {
    const page = await newPage();

    await t.test('home page and one upload: its findings, the finding marked in the text', async () => {
      await page.goto(base);
      await page.getByTestId('dropzone').waitFor();
      await shot(page, '1-home.png');
      const file = join(dir, '示例县民政局2024.txt');
      writeFileSync(file, sampleDisclosureText({ year: 2024, wrongShare: true }));
      await page.getByTestId('file-input').setInputFiles(file);
      await page.getByTestId('findings').waitFor();
      assert.match((await page.getByTestId('doc-title').textContent()) ?? '', /示例县民政局.*2024/);
      await page.getByTestId('finding').filter({ hasText: '75.00' }).first().click();
      await page.locator('.hl').first().waitFor();
      const meta = (await page.getByTestId('finding').filter({ hasText: '75.00' }).first().locator('.meta').textContent()) ?? '';
      assert.doesNotMatch(meta, /行 \d+|line \d+/, 'no internal line numbers in the location');
      await shot(page, '2-document-text.png');
    });

    await t.test('a PDF page with the selected finding boxed on it', { skip: findCjkFont() ? false : 'no Chinese font (fc-list :lang=zh): PDF flow skipped' }, async () => {
      const font = findCjkFont()!;
      const sample = sampleDisclosureText({ year: 2024, entity: '示例县民政局', wrongShare: true });
      const blocks = linesToBlocks(sample.split('\n').map((l) => ({ cells: l.split('\t'), tabular: l.includes('\t') })));
      const pdf = join(dir, '示例县民政局2024年度部门决算.pdf');
      writeFileSync(pdf, await pdfkitBytes(font, blocks, { pageNumbers: true }));
      await page.goto(base);
      await page.getByTestId('file-input').setInputFiles(pdf);
      await page.getByTestId('tab-page').waitFor();
      await page.getByTestId('pdf-canvas').and(page.locator('[data-rendered=yes]')).waitFor();
      await page.getByTestId('finding').filter({ hasText: '75.00' }).first().click();
      const box = page.getByTestId('pdf-box').first();
      await box.waitFor();
      const b = await box.boundingBox();
      assert.ok(b && b.width > 10 && b.width < 300, `the box frames the printed figure, not the page (${JSON.stringify(b)})`);
      assert.equal(await page.getByTestId('locate-note').count(), 0, 'boxed at the figure, no fallback note');
      const scrollY = await page.evaluate(() => window.scrollY);
      assert.equal(scrollY, 0, 'the page itself did not scroll');
      await shot(page, '3-pdf-finding-boxed.png');
      const html = await page.request.get(`${base}${(await page.getByTestId('findings').locator('a', { hasText: '审核意见（网页' }).getAttribute('href')) ?? ''}`);
      assert.equal(html.status(), 200, 'the document\'s review report opens');
    });

    await t.test('findings filtered by severity and family, walked with the keyboard, rule explained', async () => {
      const all = await page.getByTestId('finding').count();
      await page.getByTestId('filter-info').uncheck();
      await page.getByTestId('filter-warning').uncheck();
      const errorsOnly = page.getByTestId('finding');
      const n = await errorsOnly.count();
      assert.ok(n > 0 && n <= all, `errors only: ${n} of ${all}`);
      for (let i = 0; i < n; i++) assert.match((await errorsOnly.nth(i).getAttribute('class')) ?? '', /\berror\b/);
      await page.getByTestId('filter-family').selectOption('narrative');
      assert.ok((await page.getByTestId('finding').count()) >= 1);
      for (const r of await page.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))) assert.match(r ?? '', /^narrative\./);
      await page.getByTestId('filter-family').selectOption('');
      await page.getByTestId('findings-list').focus();
      const before = await page.locator('.finding.selected .finding-msg').textContent();
      await page.keyboard.press('ArrowUp');
      await page.locator('.finding.selected').waitFor();
      assert.notEqual(await page.locator('.finding.selected .finding-msg').textContent(), before, '↑ selects the finding above');
      await page.keyboard.press('Enter');
      await page.getByTestId('rule-explain').waitFor();
      assert.match((await page.getByTestId('rule-explain').textContent()) ?? '', /依据/);
      await shot(page, '4-findings-filtered.png');
    });

    await t.test('a batch of 10 uploads with per-file progress, then the batch page', async () => {
      const files = Array.from({ length: 10 }, (_, i) => {
        const f = join(dir, `示例县第${i + 1}局2024.txt`);
        writeFileSync(f, sampleDisclosureText({ year: 2024, entity: `示例县第${i + 1}局`, reception: i % 3 === 0 ? '1.30' : '1.20' }));
        return f;
      });
      await page.goto(base);
      await page.getByTestId('file-input').setInputFiles(files);
      await page.getByTestId('batch-progress').waitFor();
      assert.equal(await page.getByTestId('batch-row').count(), 10);
      await page.getByTestId('batch-link').waitFor();
      assert.equal(await page.locator('[data-testid=batch-row][data-phase=done]').count(), 10);
      await shot(page, '5-batch-10-uploads.png', true);
      await page.getByTestId('batch-link').click();
      await page.getByTestId('batch-page').waitFor();
      await page.getByTestId('batch-row').nth(9).waitFor();
      assert.match((await page.getByTestId('batch-table').textContent()) ?? '', /示例县第10局/);
      const report = page.getByTestId('batch-page').locator('a', { hasText: '审核意见（Excel）' });
      const href = (await report.getAttribute('href')) ?? '';
      const xlsx = await page.request.get(`${base}${href}`);
      assert.equal(xlsx.status(), 200, `the batch review report downloads (${href})`);
      assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
      await shot(page, '6-batch-page.png', true);
    });

    await t.test('a .zip is a batch: its disclosures checked, other files skipped', async () => {
      const zip = join(dir, '部门决算.zip');
      writeFileSync(zip, zipOf([
        { name: '决算/甲局.txt', bytes: text(sampleDisclosureText({ year: 2022, entity: '示例县甲局' })) },
        { name: '决算/乙局.txt', bytes: text(sampleDisclosureText({ year: 2022, entity: '示例县乙局' })) },
        { name: '决算/说明.md', bytes: text('# 说明') },
      ]));
      await page.goto(base);
      await page.getByTestId('file-input').setInputFiles(zip);
      await page.getByTestId('batch-link').waitFor();
      assert.equal(await page.locator('[data-testid=batch-row][data-phase=done]').count(), 2);
      assert.equal(await page.locator('[data-testid=batch-row][data-phase=skipped]').count(), 1);
    });

    await t.test('an unreadable upload is explained in Chinese', async () => {
      const bad = join(dir, 'notes.txt');
      writeFileSync(bad, 'hello world, nothing to see here\n');
      await page.goto(base);
      await page.getByTestId('file-input').setInputFiles(bad);
      const msg = (await page.getByTestId('upload-error').textContent()) ?? '';
      assert.match(msg, /无法读取|未识别/);
      assert.doesNotMatch(msg, /no disclosure found/);
    });

    await t.test('corpus: Chinese kinds, file names and upload times', async () => {
      await page.goto(`${base}/#/corpus`);
      await page.getByTestId('corpus-table').locator('tbody tr').nth(5).waitFor();
      const table = (await page.getByTestId('corpus-table').textContent()) ?? '';
      assert.match(table, /文件名/);
      assert.match(table, /上传时间/);
      assert.match(table, /部门决算/);
      assert.doesNotMatch(table, /final-accounts/);
      await shot(page, '7-corpus.png', true);
    });

    await t.test('compare across years: Chinese row names, 万元, change and %', async () => {
      await page.goto(`${base}/#/compare/?entity=${encodeURIComponent('示例县民政局')}`);
      await page.getByTestId('compare-table').waitFor();
      const header = (await page.getByTestId('compare-table').locator('thead').textContent()) ?? '';
      assert.match(header, /2023/);
      assert.match(header, /2024/);
      assert.match(header, /增减%/);
      assert.match(header, /万元/);
      const body = (await page.getByTestId('compare-table').locator('tbody').textContent()) ?? '';
      assert.match(body, /208 社会保障和就业支出/);
      assert.match(body, /“三公”经费决算·公务接待费/);
      assert.doesNotMatch(body, /fn:|threePublic\./);
      assert.match(body, /135\.00/, 'amounts in the documents\' 万元');
      await shot(page, '8-compare.png', true);
    });

    await t.test('budget against actual: 执行率 per function class', async () => {
      await page.goto(`${base}/#/compare/?mode=execution&entity=${encodeURIComponent('青川县医疗保障局')}&year=2024`);
      await page.getByTestId('execution-table').waitFor();
      const table = (await page.getByTestId('execution-table').textContent()) ?? '';
      assert.match(table, /执行率/);
      assert.match(table, /\d+\.\d{2}%/);
      assert.match(table, /卫生健康/);
      await shot(page, '11-budget-vs-actual.png', true);
    });

    await t.test('the 绩效自评 view: indicators, scores, grades', async () => {
      await page.goto(`${base}/#/doc/${perf.id}`);
      await page.getByTestId('tab-performance').click();
      await page.getByTestId('performance-overview').waitFor();
      const overview = (await page.getByTestId('performance-overview').textContent()) ?? '';
      assert.match(overview, /自评等级/);
      assert.ok((await page.getByTestId('performance-table').count()) >= 1);
      assert.match((await page.getByTestId('performance-table').first().textContent()) ?? '', /三级指标/);
      await shot(page, '9-performance.png', true);
      await page.getByTestId('tab-charts').click();
      await page.getByTestId('charts').waitFor();
      await shot(page, '10-charts.png', true);
    });

    await t.test('compose: input problems in Chinese', async () => {
      await page.goto(`${base}/#/compose`);
      const input = join(dir, 'input.json');
      writeFileSync(input, JSON.stringify({ year: 2024 }));
      await page.getByTestId('compose-input').setInputFiles(input);
      const msg = (await page.getByTestId('compose-error').textContent()) ?? '';
      assert.match(msg, /编制输入有问题/);
      assert.doesNotMatch(msg, /Invalid input/);
    });

    assert.deepEqual(errors, [], 'no script errors in the page');
  } finally {
    await browser.close();
    await app.close();
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
