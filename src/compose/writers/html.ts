/**
 * Self-contained, print-ready HTML (zh-CN): headings and paragraphs as elements, tables as real
 * <table>s whose rows hold the same cells as the text rendering, so a generic HTML reader (rows →
 * lines of cells, paragraphs/headings → lines) reads back the same document.
 */
import type { Block, ComposedDocument, TableBlock } from '../blocks.js';

const CSS = `
@page { size: A4; margin: 18mm 15mm; }
@page wide { size: A4 landscape; margin: 15mm 12mm; }
html { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", serif; font-size: 11pt; line-height: 1.7; color: #111; }
body { max-width: 190mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 1.2em; }
h2 { font-size: 15pt; margin: 1.4em 0 0.6em; page-break-after: avoid; }
h3 { font-size: 13pt; margin: 1.1em 0 0.4em; page-break-after: avoid; }
h4, h5 { font-size: 11.5pt; margin: 0.9em 0 0.3em; page-break-after: avoid; }
p { text-indent: 2em; margin: 0.3em 0; text-align: justify; }
section.table { margin: 1.2em 0 1.6em; page-break-inside: auto; }
section.table.wide { page: wide; }
section.table h3 { text-align: center; }
section.table p { text-indent: 0; font-size: 9.5pt; margin: 0.1em 0; }
section.table p.ordinal { text-align: right; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.35; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 0.5pt solid #444; padding: 2px 4px; vertical-align: middle; }
th { background: #f1f1f1; font-weight: 600; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.strong td { font-weight: 700; }
p.note { font-size: 9pt; color: #333; }
@media screen { body { padding: 12mm; } section.table { overflow-x: auto; } }
@media print { body { max-width: none; padding: 0; } }
`;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NUMERIC = /^-?[\d,]+(\.\d+)?%?$/;

function renderTable(b: TableBlock): string {
  const head = b.header.map((r) => `<tr>${r.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`).join('\n');
  const body = b.body
    .map((r) => `<tr${r.strong ? ' class="strong"' : ''}>${r.cells.map((c) => `<td${NUMERIC.test(c.text) ? ' class="num"' : ''}>${escapeHtml(c.text)}</td>`).join('')}</tr>`)
    .join('\n');
  return [
    `<section class="table${b.wide ? ' wide' : ''}" id="${escapeHtml(b.id)}">`,
    `<h3>${escapeHtml(b.title)}</h3>`,
    ...(b.ordinal ? [`<p class="ordinal">${escapeHtml(b.ordinal)}</p>`] : []),
    ...b.preLines.map((l) => `<p>${escapeHtml(l)}</p>`),
    '<table>',
    ...(head ? [`<thead>\n${head}\n</thead>`] : []),
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    ...b.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    '</section>',
  ].join('\n');
}

function renderBlock(b: Block, first: boolean): string {
  if (b.kind === 'table') return renderTable(b);
  if (b.kind === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`;
  const tag = first ? 'h1' : `h${Math.min(b.level + 2, 5)}`;
  return `<${tag}>${escapeHtml(b.text)}</${tag}>`;
}

export function renderHtml(doc: ComposedDocument): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="juesuan compose">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...doc.blocks.map((b, i) => renderBlock(b, i === 0)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function writeHtmlBytes(doc: ComposedDocument): Uint8Array {
  return new TextEncoder().encode(renderHtml(doc));
}
