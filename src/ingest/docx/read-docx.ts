/**
 * Word documents: .docx via mammoth (to HTML, then the web page walker: headings, paragraphs,
 * tables with gridSpan/vMerge as colspan/rowspan → blank cells that keep the column positions;
 * rows starting or ending inside the grid (gridBefore/gridAfter) padded with empty cells first,
 * automatic numbering ("一、" "（二）") written into the text (./numbering.ts), embedded web pages
 * (altChunk) read in their place (./alt-chunks.ts);
 * paragraphs read as the text form reads lines — ../html/word-paragraphs.ts);
 * legacy .doc via a LibreOffice conversion to .docx first.
 */
import mammoth from 'mammoth';
import { detectFormat } from '../detect.js';
import { htmlToLines } from '../html/walk.js';
import { Budget } from '../limits.js';
import { scanXml, scanZip } from '../limits-zip.js';
import { InputError, type RawDocument } from '../raw.js';
import { insertAltChunks, markAltChunks, readAltChunks, RELS_PART } from './alt-chunks.js';
import { padGridRows, rewriteZip } from './grid-rows.js';
import { writeNumbering } from './numbering.js';
import { convertWithLibreOffice } from './libreoffice.js';
import { installStrictXml } from './strict-xml.js';

installStrictXml();

/** Headings by the names Chinese Word and WPS give the built-in styles (mammoth knows 'Heading 1'…). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题 ${n}'] => h${n}:fresh`),
];

/** Images are not read (the walker drops them): no base64 copy of every picture in the HTML. */
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: '' }));

const XML_PART = /^word\/[^/]+\.xml$/i;

/**
 * The document checked before mammoth converts it: the ZIP container (entries, inflated size),
 * then the XML of the body, notes and headers in one pass (nesting depth, paragraphs).
 */
function checkDocx(bytes: Uint8Array): Map<string, Buffer> {
  const { parts } = scanZip(bytes, (name) => XML_PART.test(name) || name === RELS_PART);
  const paragraphs = new Budget('paragraphs');
  for (const [name, xml] of parts) {
    const scan = scanXml(xml, { count: ['p'], where: name });
    paragraphs.add(scan.counts.get('p') ?? 0);
  }
  return parts;
}

/**
 * The document as mammoth should see it: rows starting or ending inside the grid padded, and the
 * labels of Word's automatic numbering written into the text (the bytes themselves when neither applies).
 */
function rewriteDocument(bytes: Uint8Array, parts: Map<string, Buffer>): { bytes: Uint8Array; chunks: Map<string, string> } {
  const changed = new Map<string, Buffer>();
  const numbering = parts.get('word/numbering.xml')?.toString('utf8');
  const styles = parts.get('word/styles.xml')?.toString('utf8');
  let chunks = new Map<string, string>();
  for (const [name, xml] of parts) {
    if (!xml.includes('<w:body')) continue;
    const text = xml.toString('utf8');
    if (name === 'word/document.xml') chunks = readAltChunks(bytes, text, parts.get(RELS_PART)?.toString('utf8'));
    const out = writeNumbering(padGridRows(markAltChunks(text, name === 'word/document.xml' ? chunks : new Map())), numbering, styles);
    if (out !== text) changed.set(name, Buffer.from(out, 'utf8'));
  }
  return { bytes: changed.size ? rewriteZip(bytes, changed) : bytes, chunks };
}

/** A library failure as one line (the XML parser's messages span lines and carry tabs and positions). */
function damagedDocument(err: unknown): InputError {
  const raw = (err instanceof Error ? err.message : String(err)).split(/\r?\n/)[0]!.replace(/\s+/g, ' ').replace(/@#\[line:.*$/, '').trim();
  const jsError = err instanceof TypeError || err instanceof RangeError || /undefined|null|is not|Invalid (array|string)/.test(raw);
  const detail = jsError || !raw ? 'its parts are inconsistent' : raw.replace(/^(warning|error): \[xmldom (warning|error)\] ?/i, 'malformed XML: ').slice(0, 160);
  return new InputError(`cannot read the Word document (damaged .docx?): ${detail}`, 'open it in Word or WPS and save it again');
}

async function docxToHtml(input: Uint8Array): Promise<string> {
  const { bytes, chunks } = rewriteDocument(input, checkDocx(input));
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { ignoreEmptyParagraphs: false, includeDefaultStyleMap: true, styleMap: STYLE_MAP, convertImage: NO_IMAGES },
    );
    return insertAltChunks(result.value, chunks);
  } catch (err) {
    throw damagedDocument(err);
  }
}

function isDoc(bytes: Uint8Array, name?: string): boolean {
  try {
    return detectFormat(bytes, name) === 'doc';
  } catch {
    return false;
  }
}

export async function readDocx(bytes: Uint8Array, name?: string): Promise<RawDocument> {
  const legacy = isDoc(bytes, name);
  const docx = legacy ? await convertWithLibreOffice(bytes, 'doc', 'docx') : bytes;
  const lines = htmlToLines(await docxToHtml(docx), { tabCells: true });
  if (lines.length === 0) throw new InputError(`no text found in the Word document${name ? ` ${name}` : ''}`);
  return { format: legacy ? 'doc' : 'docx', name, lines };
}
