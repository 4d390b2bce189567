/** The sample disclosure as an HTML page (UTF-8 or GBK) and as a saved page (.mht). */
import { execFileSync } from 'node:child_process';
import { padRows, SAMPLE, type Block } from './sample.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function sampleHtml(blocks: Block[] = SAMPLE, charset = 'utf-8'): string {
  const body: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') body.push(`<h${b.level}>${esc(b.text)}</h${b.level}>`);
    else if (b.kind === 'para') body.push(`<p>${esc(b.text)}</p>`);
    else if (b.kind === 'grid') {
      const rows = padRows(b.rows).map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
      body.push(`<table border="1">\n${rows.join('\n')}\n</table>`);
    }
    else {
      body.push(`<p style="text-align:center">${esc(b.title)}</p>`, `<p style="text-align:right">${esc(b.unit)}</p>`);
      const rows = [`<tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`];
      for (const r of b.rows) rows.push(`<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
      body.push(`<table border="1" cellspacing="0" style="border-collapse:collapse">\n${rows.join('\n')}\n</table>`);
    }
  }
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="${charset}"><title>决算公开</title>
<style>td{text-align:right}</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a></nav>
<div class="content">\n${body.join('\n')}\n</div><div class="footer">主办单位：示例县人民政府</div></body></html>\n`;
}

/** GBK bytes of a page (iconv); undefined when iconv is absent. */
export function gbkBytes(text: string): Uint8Array | undefined {
  try {
    return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));
  } catch {
    return undefined;
  }
}

function quotedPrintable(bytes: Uint8Array): string {
  let out = '';
  let lineLen = 0;
  for (const b of bytes) {
    const piece = b === 0x0a ? '\r\n' : (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\r\n') lineLen = 0;
    else if (lineLen + piece.length > 75) {
      out += '=\r\n';
      lineLen = 0;
    }
    out += piece;
    lineLen += piece === '\r\n' ? 0 : piece.length;
  }
  return out;
}

/** A saved web page: multipart/related with the page quoted-printable (or base64) and an image part. */
export function sampleMht(html: string, encoding: 'quoted-printable' | 'base64' = 'quoted-printable'): string {
  const bytes = new Uint8Array(Buffer.from(html, 'utf8'));
  const body = encoding === 'base64' ? Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n') : quotedPrintable(bytes);
  return [
    'From: <Saved by Blink>',
    'Subject: =?utf-8?Q?x?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    '\tboundary="----MultipartBoundary--abc123----"',
    '',
    '',
    '------MultipartBoundary--abc123----',
    'Content-Type: text/html; charset="utf-8"',
    `Content-Transfer-Encoding: ${encoding}`,
    'Content-Location: http://www.example.gov.cn/xxgk/1.html',
    '',
    body,
    '------MultipartBoundary--abc123----',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    '',
    'iVBORw0KGgo=',
    '------MultipartBoundary--abc123------',
    '',
  ].join('\r\n');
}
