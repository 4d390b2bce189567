/**
 * Bytes → string for plain-text documents: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM,
 * GBK/GB18030 when the bytes are not valid UTF-8. Binary and empty input → InputError.
 */
import { InputError } from '../raw.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
}

const HINT_BINARY = 'give a text file (UTF-8, UTF-16 or GBK), or a PDF/XLSX/DOCX/HTML document';

export function decodeText(bytes: Uint8Array, name?: string): Decoded {
  const label = name ? `${name}: ` : '';
  if (bytes.length === 0) throw new InputError(`${label}the document is empty`, 'give a file with text in it');
  const decoded = decodeByBom(bytes) ?? decodeWithoutBom(bytes, label);
  if (decoded.text.trim() === '') {
    throw new InputError(`${label}the document contains no text (only whitespace)`, 'give a file with text in it');
  }
  rejectControlHeavy(decoded.text, label);
  return decoded;
}

function decodeByBom(bytes: Uint8Array): Decoded | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  return null;
}

/** UTF-16 without BOM: Chinese and ASCII text in UTF-16 has NUL bytes at one parity only (ASCII high bytes). */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 32) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.1 && even === 0) return 'utf-16le';
  if (even > half * 0.1 && odd === 0) return 'utf-16be';
  return null;
}

function decodeWithoutBom(bytes: Uint8Array, label: string): Decoded {
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide };
  if (bytes.includes(0)) {
    throw new InputError(`${label}binary data, not text (contains NUL bytes)`, HINT_BINARY);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try the Chinese national encodings (GB18030 is a superset of GBK and GB2312)
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  const bad = countMatches(text, /\uFFFD/g);
  if (bad > Math.max(3, text.length * 0.01)) {
    throw new InputError(`${label}unrecognised text encoding (neither UTF-8 nor GBK)`, HINT_BINARY);
  }
  return { text, encoding: 'gb18030' };
}

/** Many control characters (other than tab, newline, carriage return, form feed) means binary data. */
function rejectControlHeavy(text: string, label: string): void {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const controls = countMatches(sample, /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g);
  if (controls > Math.max(2, sample.length * 0.02)) {
    throw new InputError(`${label}binary data, not text (${controls} control characters)`, HINT_BINARY);
  }
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}
