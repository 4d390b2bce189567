/**
 * Self-contained, print-ready HTML (zh-CN): headings and paragraphs as elements, tables as real
 * <table>s that follow the table's layout (src/catalog/layouts.ts): header cells merged with
 * colspan/rowspan as on the official form, column widths, number alignment; form-like tables
 * (绩效自评表) merge their blank body cells. Print CSS: A4, a cover page, each table on a new page
 * in the orientation of its form (named @page), header rows repeated on every page (thead), no row
 * split across pages, numbers never broken across lines.
 * A generic HTML reader (rows → lines of cells with spans expanded to blanks, paragraphs/headings →
 * lines) reads back the same lines as the text rendering.
 */
import { bodySpans, columnWidthsMm, type ColumnFormat, type HeaderCell } from '../../catalog/layouts.js';
import type { Block, ComposedDocument, TableBlock } from '../blocks.js';
import { layoutOf, PRINTED_NUMBER } from '../layout.js';

const SERIF = '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif';
const SONG = '"宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif';
const HEI = '"黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", sans-serif';

const CSS = `
@page { size: A4 portrait; margin: 25mm 20mm 22mm 22mm; }
@page landscape { size: A4 landscape; margin: 14mm 18mm 12mm 18mm; }
html { font-family: ${SERIF}; font-size: 12pt; line-height: 1.75; color: #000; }
body { max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
h1, h2, h3, h4, h5 { font-family: ${HEI}; font-weight: normal; color: #000; break-after: avoid; page-break-after: avoid; }
h1.cover { font-size: 24pt; text-align: center; margin: 0; padding: 80mm 0 0; min-height: 160mm; break-after: page; page-break-after: always; letter-spacing: 0.05em; }
h2 { font-size: 16pt; margin: 1.2em 0 0.6em; text-align: center; }
h2.part { break-before: page; page-break-before: always; }
h3 { font-size: 14pt; margin: 0.9em 0 0.4em; }
h4, h5 { font-size: 12pt; margin: 0.7em 0 0.3em; font-family: ${SERIF}; font-weight: bold; }
p { text-indent: 2em; margin: 0.2em 0; text-align: justify; }
span.n { white-space: nowrap; }
section.table { break-before: page; page-break-before: always; margin: 0; }
section.table.landscape { page: landscape; }
section.table h3 { text-align: center; font-size: 15pt; margin: 0 0 0.3em; }
section.table p { text-indent: 0; font-family: ${SONG}; font-size: 9.5pt; margin: 0; line-height: 1.5; }
section.table p.ordinal, section.table p.unit { text-align: right; }
section.table p.note { font-size: 9pt; margin-top: 0.3em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-family: ${SONG}; line-height: 1.2; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 0.8pt 3pt; vertical-align: middle; overflow-wrap: anywhere; }
th { font-weight: normal; text-align: center; }
td.amount, td.count, td.percent, td.score { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.code, td.lineNo, td.label { text-align: center; white-space: nowrap; }
tr.strong td { font-weight: bold; }
@media screen { html { background: #f3f3f3; } body { background: #fff; padding: 12mm 16mm; box-shadow: 0 0 4px #bbb; } section.table { margin: 2em 0; overflow-x: auto; } section.table.landscape { max-width: none; } h1.cover { padding: 20mm 0; min-height: 0; } }
@media print { html { background: none; } body { max-width: none; padding: 0; } }
`;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escaped text whose numbers (with unit or %) are nowrap spans. */
function textHtml(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(PRINTED_NUMBER)) {
    if (m[0].length < 2) continue;
    out += escapeHtml(s.slice(last, m.index)) + `<span class="n">${escapeHtml(m[0])}</span>`;
    last = m.index! + m[0].length;
  }
  return out + escapeHtml(s.slice(last));
}

const NUMERIC = /^[-+]?[\d,]+(\.\d+)?%?$/;

function cellClass(format: ColumnFormat | undefined, text: string): string {
  if (format && format !== 'text') return NUMERIC.test(text) || text === '' || text === '—' ? format : 'text';
  return NUMERIC.test(text) ? 'amount' : '';
}

function spanAttrs(c: { colSpan: number; rowSpan: number }): string {
  return `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
}

function renderTable(b: TableBlock): string {
  const layout = layoutOf(b);
  const width = layout.columns.length;
  const widths = columnWidthsMm(layout, 100);
  const colgroup = `<colgroup>${widths.map((w) => `<col style="width:${w.toFixed(2)}%">`).join('')}</colgroup>`;
  const head = layout.header.map((row: HeaderCell[]) => `<tr>${row.map((c) => `<th${spanAttrs(c)}>${escapeHtml(c.text)}</th>`).join('')}</tr>`).join('\n');
  const texts = b.body.map((r) => r.cells.map((c) => c.text));
  const spans = bodySpans(layout, texts, b.body.map((r) => !!r.strong));
  const covered = new Set<string>();
  const starts = new Map<string, HeaderCell>();
  for (const s of spans) {
    starts.set(`${s.row},${s.col}`, s);
    for (let i = 0; i < s.rowSpan; i++) for (let k = 0; k < s.colSpan; k++) if (i || k) covered.add(`${s.row + i},${s.col + k}`);
  }
  const body = b.body
    .map((r, ri) => {
      const cells: string[] = [];
      for (let c = 0; c < Math.max(width, r.cells.length); c++) {
        if (covered.has(`${ri},${c}`)) continue;
        const text = r.cells[c]?.text ?? '';
        const span = starts.get(`${ri},${c}`);
        const cls = cellClass(layout.columns[c]?.format, text);
        const klass = span && span.colSpan > 1 && layout.body === 'grid' ? 'label' : cls;
        cells.push(`<td${klass ? ` class="${klass}"` : ''}${span ? spanAttrs(span) : ''}>${escapeHtml(text)}</td>`);
      }
      return `<tr${r.strong ? ' class="strong"' : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return [
    `<section class="table ${layout.orientation}" id="${escapeHtml(b.id)}">`,
    `<h3>${escapeHtml(b.title)}</h3>`,
    ...(b.ordinal ? [`<p class="ordinal">${escapeHtml(b.ordinal)}</p>`] : []),
    ...b.preLines.map((l) => `<p${/单位：/.test(l) && !/编制/.test(l) ? ' class="unit"' : ''}>${escapeHtml(l)}</p>`),
    `<table style="font-size:${layout.fontPt}pt">`,
    colgroup,
    ...(head ? [`<thead>\n${head}\n</thead>`] : []),
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    ...b.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    '</section>',
  ].join('\n');
}

function renderBlock(b: Block, first: boolean): string {
  if (b.kind === 'table') return renderTable(b);
  if (b.kind === 'paragraph') return `<p>${textHtml(b.text)}</p>`;
  if (first) return `<h1 class="cover">${escapeHtml(b.text)}</h1>`;
  const tag = `h${Math.min(b.level + 2, 5)}`;
  return `<${tag}${b.level === 0 ? ' class="part"' : ''}>${textHtml(b.text)}</${tag}>`;
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
