/**
 * Word documents that carry their content as embedded web pages (`<w:altChunk>`: documents made by
 * office systems and web editors, html-docx tools): Word shows the embedded page, mammoth drops it.
 * Each altChunk is replaced by a marker paragraph before mammoth reads the document, and the marker
 * by the embedded page's body in mammoth's HTML (a plain-text chunk as preformatted text), so that
 * the walker reads it in its place.
 */
import { decodeHtmlBytes, htmlFromMht } from '../html/decode.js';
import { scanZip } from '../limits-zip.js';

const ALT_CHUNK = /<w:altChunk\b[^>]*?\br:id="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/w:altChunk>)/g;
const MARKER = 'JUESUANALTCHUNK';
export const RELS_PART = 'word/_rels/document.xml.rels';

/** The embedded pages by relationship id, read from the package (none when the body has no altChunk). */
export function readAltChunks(bytes: Uint8Array, body: string, rels: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!rels || !body.includes('<w:altChunk')) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (!id || !target || /TargetMode="External"/.test(m[0])) continue;
    targets.set(id, target.startsWith('/') ? target.slice(1) : `word/${target}`.replace(/[^/]+\/\.\.\//g, ''));
  }
  const wanted = new Set<string>();
  for (const m of body.matchAll(ALT_CHUNK)) {
    const t = targets.get(m[1]!);
    if (t) wanted.add(t);
  }
  if (!wanted.size) return out;
  const { parts } = scanZip(bytes, (name) => wanted.has(name));
  for (const [id, target] of targets) {
    const data = parts.get(target);
    if (!data) continue;
    const head = data.subarray(0, 2000).toString('latin1');
    if (/\.(mht|mhtml)$/i.test(target) || /^\s*(MIME-Version|Content-Type:\s*multipart)/im.test(head)) out.set(id, bodyOf(htmlFromMht(data)));
    else if (/\.(txt|text)$/i.test(target)) out.set(id, `<pre>${escapeHtml(decodeHtmlBytes(data))}</pre>`);
    else if (/\.(html?|xhtml)$/i.test(target) || /<(html|body|table|p)\b/i.test(head)) out.set(id, bodyOf(decodeHtmlBytes(data)));
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The inside of a page's <body> (the page itself when it has none). */
function bodyOf(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  if (!open) return html;
  const close = html.toLowerCase().lastIndexOf('</body>');
  return html.slice(open.index + open[0].length, close > open.index ? close : html.length);
}

/** The document XML with each readable altChunk replaced by its marker paragraph. */
export function markAltChunks(xml: string, chunks: Map<string, string>): string {
  if (!chunks.size) return xml;
  return xml.replace(ALT_CHUNK, (m, id: string) => (chunks.has(id) ? `<w:p><w:r><w:t>${MARKER}${encodeURIComponent(id).replace(/%/g, '_')}</w:t></w:r></w:p>` : m));
}

/** mammoth's HTML with the marker paragraphs replaced by the embedded pages. */
export function insertAltChunks(html: string, chunks: Map<string, string>): string {
  if (!chunks.size) return html;
  const byMarker = new Map([...chunks].map(([id, page]) => [`${MARKER}${encodeURIComponent(id).replace(/%/g, '_')}`, page]));
  return html.replace(new RegExp(`<p>(${MARKER}[\\w.-]+)</p>`, 'g'), (m, marker: string) => {
    const page = byMarker.get(marker);
    return page === undefined ? m : `<div>${page}</div>`;
  });
}
