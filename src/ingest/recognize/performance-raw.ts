/**
 * A RawDocument from plain text for the performance tests and fixtures: one RawLine per line, cells
 * split on tabs (the layout of the corpus text files). The project's text reader is readText in
 * src/ingest/text/read-text.ts; this helper keeps the performance tests independent of it.
 */
import type { RawDocument } from '../raw.js';

export function rawFromText(text: string, name?: string): RawDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((t, i) => {
    const cells = t.split('\t').map((c) => c.trim());
    return { line: i + 1, text: t, cells, tabular: cells.length > 1 };
  });
  return name === undefined ? { format: 'text', lines } : { format: 'text', name, lines };
}
