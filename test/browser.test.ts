/**
 * A new user's path in a real browser (Debian's Chromium driven by playwright-core): open the page,
 * upload a disclosure, see the findings, open one and see its cells highlighted, compare two years.
 * Screenshots are kept in artifacts/browser/. Skips with a message when Chromium is not installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildServer } from '../src/server/app.js';
import { openDb } from '../src/store/db.js';
import { storeDocument } from '../src/store/corpus.js';
import { sampleDisclosureText } from './support/sample-disclosure.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '..');
const artifacts = join(root, 'artifacts', 'browser');
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: browser tests skipped (apt-get install chromium, as .ci/run does)`;

test('browser: upload, findings, highlighted cells, compare years', { skip, timeout: 400_000 }, async () => {
  const build = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', 'web', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  mkdirSync(artifacts, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-browser-'));
  const opened = await openDb(join(dir, 'b.sqlite'));
  await storeDocument(opened.db, { bytes: new TextEncoder().encode(sampleDisclosureText({ year: 2023 })), name: 'prior.txt' });
  const app = await buildServer({ db: opened.db, mode: 'single', webDir: join(root, 'web', 'dist') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(90_000); // a loaded 2-core CI machine is slow to start the page; no assertion is about time
    await page.goto(base);
    await page.getByTestId('dropzone').waitFor();
    await page.screenshot({ path: join(artifacts, '1-upload.png') });
    const file = join(dir, '2024.txt');
    writeFileSync(file, sampleDisclosureText({ year: 2024, wrongShare: true }));
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('findings').waitFor();
    const title = await page.getByTestId('doc-title').textContent();
    assert.match(title ?? '', /示例县民政局.*2024/);
    await page.screenshot({ path: join(artifacts, '2-document.png'), fullPage: true });
    const finding = page.getByTestId('finding').filter({ hasText: '75.00' }).first();
    await finding.click();
    await page.locator('.hl').first().waitFor();
    assert.ok((await page.locator('.hl').count()) > 0, 'the finding highlights its sentence or cells');
    await page.screenshot({ path: join(artifacts, '3-finding-highlighted.png'), fullPage: true });
    await page.getByTestId('tab-charts').click();
    await page.getByTestId('charts').waitFor();
    await page.screenshot({ path: join(artifacts, '4-charts.png'), fullPage: true });
    await page.goto(`${base}/#/compare/?entity=${encodeURIComponent('示例县民政局')}`);
    await page.getByTestId('compare-table').waitFor();
    const header = await page.getByTestId('compare-table').locator('thead').textContent();
    assert.match(header ?? '', /2023/);
    assert.match(header ?? '', /2024/);
    await page.screenshot({ path: join(artifacts, '5-compare.png'), fullPage: true });
    await page.goto(`${base}/#/corpus`);
    await page.getByTestId('corpus-table').locator('tbody tr').nth(1).waitFor();
    await page.screenshot({ path: join(artifacts, '6-corpus.png'), fullPage: true });
  } finally {
    await browser.close();
    await app.close();
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
