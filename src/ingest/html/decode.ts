/**
 * Bytes of a web page → its HTML text: the charset from the BOM, the caller, or the page's own
 * <meta charset>; GBK/GB2312 decoded as GB18030 (its superset). A saved web page (.mht, MIME
 * multipart/related) → the HTML of its first text/html part, quoted-printable or base64 decoded.
 */
import { InputError } from '../raw.js';
import { guessLegacyEncoding, utf16WithoutBom } from '../text/decode.js';

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'gb_2312-80': 'gb18030',
  'gb-2312': 'gb18030', euccn: 'gb18030', 'euc-cn': 'gb18030', hz: 'gb18030', utf8: 'utf-8',
  unicode: 'utf-16le', 'utf-16': 'utf-16le', 'big5-hkscs': 'big5',
};

function canonicalCharset(label: string): string | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = ALIASES[l] ?? l;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return undefined;
  }
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv content-type), when any. */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)/i.exec(head);
  return m ? m[1] : undefined;
}

/**
 * Decodes page bytes: a BOM; else UTF-8 when the bytes are valid UTF-8 (whatever the page
 * declares: a page saved as UTF-8 that still says gbk is common, and GBK text is practically never
 * valid UTF-8); else the declared charset (the caller's, then the page's meta), checked against the
 * bytes for GBK; else UTF-16 without BOM, GBK/GB18030 or Big5 by the bytes; else refused.
 */
export function decodeHtmlBytes(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const hasNul = bytes.includes(0);
  if (!hasNul) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      /* not UTF-8: the declared charset, or a guess from the bytes */
    }
  }
  for (const label of [declared, sniffMetaCharset(bytes)]) {
    const enc = label ? canonicalCharset(label) : undefined;
    if (!enc || enc === 'utf-8' || (hasNul && !enc.startsWith('utf-16'))) continue;
    if (enc !== 'gb18030') return new TextDecoder(enc).decode(bytes);
    const guess = guessLegacyEncoding(bytes);
    if ('encoding' in guess && guess.encoding === 'big5') return new TextDecoder('big5').decode(bytes);
    return new TextDecoder('gb18030').decode(bytes);
  }
  const wide = utf16WithoutBom(bytes);
  if (wide) return new TextDecoder(wide).decode(bytes);
  if (hasNul) throw new InputError('the web page holds binary data (NUL bytes), not text', 'give an HTML page or a saved web page (.mht)');
  const guess = guessLegacyEncoding(bytes);
  if ('refused' in guess) throw new InputError(`the web page: ${guess.refused}`, 'save the page as UTF-8 or GBK');
  return new TextDecoder(guess.encoding).decode(bytes);
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function splitPart(raw: string): MimePart {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { headers: parseHeaders(raw), body: '' };
  return { headers: parseHeaders(raw.slice(0, m.index)), body: raw.slice(m.index + m[0].length) };
}

function param(value: string | undefined, name: string): string | undefined {
  const m = new RegExp(`${name}\\s*=\\s*("([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return m ? (m[2] ?? m[3]) : undefined;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function decodeTransfer(body: string, encoding: string | undefined): Uint8Array {
  const enc = (encoding ?? '').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (enc === 'quoted-printable') {
    const soft = body.replace(/=\r?\n/g, '');
    const bytes = new Uint8Array(soft.length);
    let n = 0;
    for (let i = 0; i < soft.length; i++) {
      const hi = soft.charCodeAt(i) === 0x3d ? hexValue(soft.charCodeAt(i + 1)) : -1;
      const lo = hi >= 0 ? hexValue(soft.charCodeAt(i + 2)) : -1;
      if (lo >= 0) {
        bytes[n++] = hi * 16 + lo;
        i += 2;
      } else bytes[n++] = soft.charCodeAt(i) & 0xff;
    }
    return bytes.subarray(0, n);
  }
  return Buffer.from(body, 'latin1');
}

/** The HTML of a saved web page (.mht/.mhtml). */
export function htmlFromMht(bytes: Uint8Array): string {
  const top = splitPart(Buffer.from(bytes).toString('latin1'));
  const type = top.headers.get('content-type') ?? '';
  let parts: MimePart[] = [top];
  const boundary = param(type, 'boundary');
  if (/multipart\//i.test(type) && boundary) {
    parts = top.body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'))
      .map((p) => splitPart(p.replace(/^\r?\n/, '')));
  }
  const html = parts.find((p) => /text\/html/i.test(p.headers.get('content-type') ?? ''));
  if (!html) throw new InputError('the saved web page (.mht) has no HTML part');
  const data = decodeTransfer(html.body, html.headers.get('content-transfer-encoding'));
  return decodeHtmlBytes(data, param(html.headers.get('content-type'), 'charset'));
}
