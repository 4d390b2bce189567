/**
 * The format of a document from its bytes (magic numbers, then a look inside containers), and from
 * its file name's extension only when the content does not decide.
 */
import type { SourceFormat } from '../model/index.js';
import { InputError } from './raw.js';
import { utf16WithoutBom } from './text/decode.js';

const EXTENSIONS: Record<string, SourceFormat> = {
  pdf: 'pdf', xlsx: 'xlsx', xlsm: 'xlsx', xls: 'xls', docx: 'docx', docm: 'docx', doc: 'doc',
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html', mht: 'mht', mhtml: 'mht', json: 'json',
  txt: 'text', text: 'text', csv: 'text', tsv: 'text', md: 'text',
  // WPS Office saves Word- and Excel-compatible files under its own extensions.
  wps: 'doc', wpt: 'doc', et: 'xls', ett: 'xls',
};

function extensionOf(name?: string): SourceFormat | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(name ?? '');
  return m ? EXTENSIONS[m[1]!.toLowerCase()] : undefined;
}

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function contains(bytes: Uint8Array, needle: string, encoding: 'latin1' | 'utf16le' = 'latin1'): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(needle, encoding));
}

function zipFormat(bytes: Uint8Array, ext?: SourceFormat): SourceFormat {
  if (contains(bytes, 'word/document') || contains(bytes, 'word/_rels')) return 'docx';
  if (contains(bytes, 'xl/workbook') || contains(bytes, 'xl/worksheets')) return 'xlsx';
  if (ext === 'docx' || ext === 'xlsx') return ext;
  if (contains(bytes, 'OFD.xml')) {
    throw new InputError('OFD documents (版式文档) are not supported yet', 'export it to PDF and try again');
  }
  if (contains(bytes, 'content.xml') && contains(bytes, 'opendocument')) {
    throw new InputError('OpenDocument files (.odt/.ods) are not supported', 'save it as .docx/.xlsx or PDF');
  }
  throw new InputError('a ZIP archive that is neither a Word (.docx) nor an Excel (.xlsx) file');
}

function oleFormat(bytes: Uint8Array, ext?: SourceFormat): SourceFormat {
  if (contains(bytes, 'WordDocument', 'utf16le')) return 'doc';
  if (contains(bytes, 'Workbook', 'utf16le') || contains(bytes, 'Book', 'utf16le')) return 'xls';
  if (ext === 'doc' || ext === 'xls') return ext;
  throw new InputError('an OLE2 compound file that is neither a Word (.doc) nor an Excel (.xls) file');
}

/** The first characters of a text file as lowercase ASCII-ish text (BOM and UTF-16 handled). */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(head).toLowerCase();
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(head).toLowerCase();
  return Buffer.from(head).toString('latin1').replace(/^\uFEFF|^\xef\xbb\xbf/, '').toLowerCase();
}

function textFormat(bytes: Uint8Array, ext?: SourceFormat): SourceFormat | undefined {
  const head = headText(bytes);
  const start = head.trimStart();
  if (/^(mime-version:|from:|subject:|date:|content-type:\s*multipart\/related)/m.test(head.slice(0, 1024))
    && /content-type:\s*(multipart\/related|text\/html)/.test(head)) return 'mht';
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /^<\?xml[^>]*>\s*(<!doctype html|<html)/.test(start)) return 'html';
  if (start.startsWith('<') && /<(html|body|table|meta)[\s>]/.test(start)) return 'html';
  if (start.startsWith('{') && (ext === 'json' || /^\{\s*"/.test(start))) return 'json';
  return undefined;
}

/**
 * Bytes named .doc/.wps/.xls/.et that are neither an OLE2 compound file nor a ZIP: never handed to
 * LibreOffice or SheetJS (a text renamed .doc took 35 s and 2.5 GB there; SYLK text renamed .xls
 * ran for minutes). Text is read as text; anything else is refused.
 */
function legacyOfficeNotContainer(bytes: Uint8Array, ext: 'doc' | 'xls', name?: string): SourceFormat {
  const head = headText(bytes).trimStart();
  const what = ext === 'doc' ? 'Word' : 'Excel';
  const label = name ?? `the .${ext} file`;
  if (/^id;p/.test(head)) {
    throw new InputError(`${label} is a SYLK spreadsheet (text starting "ID;P"), not an Excel workbook`, 'save it as .xlsx from Excel or WPS');
  }
  if (head.startsWith('<?xml') || head.startsWith('<')) {
    throw new InputError(`${label} is an XML file (Word/Excel 2003 XML?), not a ${what} .${ext} file`, `save it as .${ext}x from ${what} or WPS`);
  }
  if (looksLikeText(bytes)) return 'text';
  throw new InputError(
    `${label} is not a ${what} file: its bytes are neither an OLE2 compound file (.${ext}) nor a ZIP (.${ext}x)`,
    `save it again as .${ext}x from ${what} or WPS`,
  );
}

/** Text by its first bytes: a BOM, UTF-16 code units of ordinary text, or no NUL and few control bytes. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || startsWith(head, [0xef, 0xbb, 0xbf])) return true;
  if (utf16WithoutBom(head)) return true;
  let controls = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  return controls <= Math.max(2, head.length * 0.02);
}

/** The format of `bytes`: magic bytes first, then the extension of `name`, else plain text. */
export function detectFormat(bytes: Uint8Array, name?: string): SourceFormat {
  const ext = extensionOf(name);
  if (bytes.length === 0) throw new InputError('the file is empty');
  const pdfAt = Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-');
  if (pdfAt >= 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipFormat(bytes, ext);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleFormat(bytes, ext);
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new InputError('RTF documents are not supported', 'save it as .docx or PDF');
  }
  const byContent = textFormat(bytes, ext);
  if (byContent) return byContent;
  if (ext === 'doc' || ext === 'xls') return legacyOfficeNotContainer(bytes, ext, name);
  return ext ?? 'text';
}
