/**
 * Web pages: a government page (HTML in UTF-8 or GBK, by its meta charset) or a saved page (.mht)
 * with the disclosure as <table>s and paragraphs → RawDocument.
 */
import type { SourceFormat } from '../../model/index.js';
import { detectFormat } from '../detect.js';
import { InputError, type RawDocument } from '../raw.js';
import { decodeHtmlBytes, htmlFromMht } from './decode.js';
import { htmlToLines, isWordHtml } from './walk.js';

export async function readHtml(bytes: Uint8Array, name?: string): Promise<RawDocument> {
  let format: SourceFormat;
  try {
    format = detectFormat(bytes, name) === 'mht' ? 'mht' : 'html';
  } catch {
    format = 'html';
  }
  const html = format === 'mht' ? htmlFromMht(bytes) : decodeHtmlBytes(bytes);
  // a page saved by Word keeps its tab-laid-out paragraphs' cells, as the Word reader does
  const lines = htmlToLines(html, { tabCells: isWordHtml(html) });
  if (lines.length === 0) throw new InputError(`no text found in the web page${name ? ` ${name}` : ''}`);
  return { format, name, lines };
}
