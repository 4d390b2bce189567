/**
 * Page checks of a printed disclosure (tests only): the text of each PDF page (poppler's
 * pdftotext), PNG renderings (pdftoppm), LibreOffice and Chromium conversions, and where each
 * table's rows fall — so a test can assert that every table starts on a page of its own, how many
 * pages it takes and that no row is split across pages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableBlock } from '../blocks.js';

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** The text of each page, whitespace removed (so that wrapped and spaced text compares). */
export function pageTexts(pdf: string): string[] {
  const n = pageCount(pdf);
  return [...Array(n)].map((_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).replace(/[\s\u2060]+/g, ''));
}

/** Page sizes: true where the page is landscape. */
export function landscapePages(pdf: string): boolean[] {
  const n = pageCount(pdf);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(n), pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]));
}

/** Renders every page to `dir/<prefix>-NN.png` (the folder is emptied of that prefix first); the files. */
export function renderPngs(pdf: string, dir: string, prefix: string, dpi = 60): string[] {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) rmSync(join(dir, f));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(dir, prefix)]);
  return readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png')).sort().map((f) => join(dir, f));
}

/** A cell's text as a page shows it: the first characters (a longer text may wrap inside its cell). */
function probe(text: string): string {
  return text.replace(/\s+/g, '').slice(0, 3);
}

export interface TablePages {
  id: string;
  title: string;
  /** 1-based page of the title. */
  start: number;
  /** 1-based pages the body rows fall on (one per row), or 0 where a row's cells are on no single page. */
  rowPages: number[];
  /** Pages from the title to the last row. */
  pages: number;
}

/**
 * Where each table falls: its title's page (searched from the previous table's on, with its first
 * row), then each body
 * row's page — the first page from there holding every cell of the row. A row whose cells are on no
 * single page was split (rowPages 0).
 */
export function locateTables(texts: string[], tables: TableBlock[]): TablePages[] {
  let from = 0;
  return tables.map((t) => {
    const title = t.title.replace(/\s+/g, '');
    const first = (t.body[0]?.cells ?? []).map((c) => probe(c.text)).filter(Boolean);
    // The title's page is the one with the first row too (a 目录 lists the titles alone).
    let start = texts.findIndex((p, i) => i >= from && p.includes(title) && first.every((c) => p.includes(c)));
    if (start < 0) start = from;
    let page = start;
    const rowPages = t.body.map((r) => {
      const cells = r.cells.map((c) => probe(c.text)).filter(Boolean);
      for (let p = page; p < texts.length && p <= page + 3; p++) {
        if (cells.every((c) => texts[p]!.includes(c))) {
          page = p;
          return p + 1;
        }
      }
      return 0;
    });
    from = Math.max(start, page) + 1;
    const last = Math.max(start + 1, ...rowPages);
    return { id: t.id, title: t.title, start: start + 1, rowPages, pages: last - start };
  });
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** HTML printed to PDF by headless Chromium (CSS page sizes honoured); null when Chromium is absent. */
export async function htmlToPdf(html: string, out: string): Promise<string | null> {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    await page.setContent(html, { waitUntil: 'load' });
    writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    return out;
  } finally {
    await browser.close();
  }
}

/** Any office file printed to PDF by LibreOffice with a profile of its own; the PDF's path. */
export function officeToPdf(file: string, outDir: string, soffice: string): string {
  const profile = join(outDir, `lo-${process.pid}-${Date.now()}`);
  try {
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file], { stdio: 'ignore', timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, file.replace(/^.*\//, '').replace(/\.[^.]+$/, '.pdf'));
}
