/**
 * The plain-text reader: bytes (UTF-8 / UTF-16 with BOM / GBK) → RawDocument of lines of cells.
 * See split-lines.ts for the tabular forms it understands.
 */
import type { RawDocument } from '../raw.js';
import { decodeText } from './decode.js';
import { splitLines } from './split-lines.js';

export function readText(bytes: Uint8Array, name?: string): RawDocument {
  const { text } = decodeText(bytes, name);
  const { lines, pages } = splitLines(text);
  const doc: RawDocument = { format: 'text', lines };
  if (name !== undefined) doc.name = name;
  if (pages > 1) doc.pages = pages;
  return doc;
}

/** The same from a string already decoded (tests, other readers that render text). */
export function readTextString(text: string, name?: string): RawDocument {
  return readText(new TextEncoder().encode(text), name);
}
