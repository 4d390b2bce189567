/**
 * The review report as PDF: its printable HTML printed by a headless Chromium (A4 landscape from the
 * page's own @page rule, backgrounds kept). Chromium is found at JUESUAN_CHROMIUM / CHROMIUM_PATH or on
 * PATH (chromium, chromium-browser, google-chrome); without it the error says to print the HTML instead.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { InputError } from '../ingest/raw.js';

export function findChromium(): string | null {
  for (const v of [process.env.JUESUAN_CHROMIUM, process.env.CHROMIUM_PATH]) if (v) return existsSync(v) ? v : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return null;
}

export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const exe = findChromium();
  if (!exe) throw new InputError('PDF output needs Chromium: it was not found on PATH', 'install it (Debian: apt-get install chromium), or write --format html and print it from a browser');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], timeout: 60_000 });
  try {
    const page = await browser.newPage();
    // the report is self-contained: nothing is fetched
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}
