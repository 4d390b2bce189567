/**
 * PDF reading speed: a 25-page disclosure made with pdfkit (the CJK font found by fc-list, ruled
 * tables, page numbers) read by `readPdf`; pages per second and peak memory. Wired into `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { readPdf } from '../src/ingest/pdf/read-pdf.js';

export interface PdfBenchResult {
  pages: number;
  'pages/s': number;
  'ms per 25-page document': number;
  'peak RSS MB': number;
  'RSS growth while reading MB': number;
  'peak heap MB': number;
  producer: string;
}

/** Reads a generated 25-page PDF `runs` times (after one warm-up); the median run decides the speed. */
export async function benchPdf(runs = 5): Promise<PdfBenchResult> {
  const { findCjkFont, pdfkitBytes } = await import('../test/fixtures-formats/write-pdf.js');
  const { SAMPLE } = await import('../test/fixtures-formats/sample.js');
  const font = findCjkFont();
  if (!font) throw new Error('no Chinese font (fc-list :lang=zh): install fonts-noto-cjk');
  const bytes = await pdfkitBytes(font, SAMPLE, { pageNumbers: true, repeat: 25, pagePerRepeat: true });
  const pages = (await readPdf(bytes)).pages ?? 0;
  (globalThis as { gc?: () => void }).gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await readPdf(bytes);
      times.push(performance.now() - t0);
    }
  } finally {
    clearInterval(timer);
  }
  const ms = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  return {
    pages,
    'pages/s': pages / (ms / 1000),
    'ms per 25-page document': (ms / pages) * 25,
    'peak RSS MB': peakRss / 1024 / 1024,
    'RSS growth while reading MB': (peakRss - baseRss) / 1024 / 1024,
    'peak heap MB': peakHeap / 1024 / 1024,
    producer: `pdfkit, ${font.family ?? font.path}`,
  };
}
