/**
 * The fast PDF reader: the file structure, content streams, and fonts' Unicode maps and widths read
 * directly (no font conversion, no image decoding, no worker): text items as pdf.js makes them and
 * painted paths for rulings. What it does not cover throws Unsupported and the caller uses pdf.js.
 */
import { pageContent, type PageContent } from '../page.js';
import { readContent, type RawContent } from './content.js';
import { PdfFile, type PageInfo } from './document.js';
import type { Font } from './fonts.js';
import type { PdfLimits } from './limits.js';
import type { PdfReader } from './reader.js';

export function openFast(bytes: Uint8Array, limits: PdfLimits): PdfReader {
  const file = new PdfFile(bytes, limits);
  const pages: PageInfo[] = file.pages();
  const fontCache = new Map<unknown, Font>();
  const formCache = new WeakMap();
  const raw = new Map<number, RawContent>();
  const tick = (): void => file.budget.checkTime();
  const content = (n: number): RawContent => {
    let r = raw.get(n);
    if (!r) {
      const info = pages[n - 1]!;
      tick();
      r = readContent({ file, viewBox: info.view, fontCache, formCache, tick }, info.dict.get('Contents'), info.resources);
      raw.set(n, r);
    }
    return r;
  };
  return {
    engine: 'fast',
    numPages: pages.length,
    async page(n: number): Promise<PageContent> {
      const info = pages[n - 1]!;
      const r = content(n);
      const out = pageContent(n, info.view, info.rotate, r.items, () => r.paths, r);
      raw.delete(n);
      return out;
    },
    async textOps(n: number): Promise<number> {
      return content(n).textOps;
    },
    async close(): Promise<void> {
      raw.clear();
    },
  };
}
