/**
 * The plain-text reader: bytes (UTF-8 / UTF-16 with BOM / GBK) → RawDocument of lines of cells.
 * See split-lines.ts for the tabular forms it understands.
 */
import type { RawDocument } from '../raw.js';
import { checkLimit, limit, limitError } from '../limits.js';
import { decodeText } from './decode.js';
import { splitLines } from './split-lines.js';

export function readText(bytes: Uint8Array, name?: string): RawDocument {
  const { text } = decodeText(bytes, name);
  checkTextSize(text, name);
  const { lines, pages } = splitLines(text);
  const doc: RawDocument = { format: 'text', lines };
  if (name !== undefined) doc.name = name;
  if (pages > 1) doc.pages = pages;
  return doc;
}

/** Size and line count of a decoded text against the limits, before it is split into lines. */
export function checkTextSize(text: string, name?: string): void {
  checkLimit('textChars', text.length, name);
  const max = limit('lines');
  const columns = limit('columns');
  const maxCells = limit('gridCells');
  let lines = 1;
  let cells = 1;
  /** Cells of the tab-separated lines so far. */
  let tabbed = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (++lines > max) throw limitError('lines', lines, true, name);
      cells = 1;
    } else if (c === 9) {
      if (++cells > columns) throw limitError('columns', cells, true, `${name ? `${name}, ` : ''}line ${lines}`);
      tabbed += cells === 2 ? 2 : 1;
      if (tabbed > maxCells) throw limitError('gridCells', tabbed, true, name);
    }
  }
}

/** The same from a string already decoded (tests, other readers that render text). */
export function readTextString(text: string, name?: string): RawDocument {
  return readText(new TextEncoder().encode(text), name);
}
