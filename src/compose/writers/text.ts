/**
 * The plain-text rendering: one line per heading and paragraph, tables as tab-separated rows, a
 * blank line between blocks — the layout of the text the project's text reader reads.
 */
import type { ComposedDocument } from '../blocks.js';
import { layoutLines } from '../layout.js';

export function renderText(doc: ComposedDocument): string {
  return layoutLines(doc).map((l) => l.text).join('\n') + '\n';
}

export function writeTextBytes(doc: ComposedDocument): Uint8Array {
  return new TextEncoder().encode(renderText(doc));
}
