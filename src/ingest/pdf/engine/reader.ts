/** What read-pdf needs from a PDF engine: page count, each page's content, and teardown. */
import type { PageContent } from '../page.js';

export interface PdfReader {
  engine: 'fast' | 'pdfjs';
  numPages: number;
  page(n: number): Promise<PageContent>;
  /** Text-showing operators of page n, counted even when no text could be decoded. */
  textOps(n: number): Promise<number>;
  close(): Promise<void>;
}
