/**
 * An HTML document → RawLines: every data table row is a tabular line of cells (colspan pads blank
 * cells after the cell, rowspan leaves blank cells below it, so columns stay aligned); p, div,
 * h1–h6, li … are one-cell lines; <br> breaks a line. Scripts, styles, form controls and navigation are
 * dropped. Layout tables (a table that holds other tables, one column, or long text in one or two
 * columns or rows) are walked as blocks. Shared by the web page and Word readers; for Word documents
 * (and pages saved by Word) paragraphs are read as the text form reads lines: tabs are cell
 * boundaries, tables saved as text fold into rows (./word-paragraphs.ts). The tree is the one a
 * browser builds (./dom.ts: parse5, linear, bounded while parsing); what a browser does not show
 * (noscript, noembed, noframes content) is dropped too.
 */
import { attr, childNodes, isElement, isText, parseHtml, tagOf, type HtmlElement, type HtmlNode } from './dom.js';
import { BoundedSink, Budget, checkLimit, limit, limitError } from '../limits.js';
import { LineSink, normalizeCell, normalizeText } from '../normalize.js';
import type { RawLine } from '../raw.js';
import { splitLines } from '../text/split-lines.js';
import { wordParagraphLines, type WordParagraph } from './word-paragraphs.js';

const DROP = new Set([
  'head', 'script', 'style', 'noscript', 'noembed', 'noframes', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'nav',
  'header', 'footer', 'aside', 'select', 'option', 'button', 'input', 'textarea', 'map', 'img',
]);
const BLOCK = new Set([
  // a form is read as a block, its controls dropped: many sites (ASP.NET WebForms) wrap the whole page in one <form>
  'form', 'fieldset',
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'section', 'article', 'main', 'center',
  'pre', 'address', 'figure', 'figcaption', 'hr', 'body', 'html', 'caption', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot',
]);
const NAV_NAME = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|toolbar|topbar|skip|position|location)([\s_-]|$)/i;

interface Ctx {
  sink: LineSink;
  buf: string[];
  heading?: number;
  /** Split paragraphs at tab characters into cells (Word documents laid out with tab stops). */
  tabCells: boolean;
  /** Word documents: paragraphs held back until a table or the end, read as the text form reads lines (./word-paragraphs.ts). */
  paragraphs?: WordParagraph[];
  /** Paragraphs laid out with runs of spaces split into cells at them (a document of such lines). */
  spaceCells?: boolean;
}

function isDropped(el: HtmlElement): boolean {
  const tag = tagOf(el);
  if (DROP.has(tag)) return true;
  if (attr(el, 'role') === 'navigation' || attr(el, 'aria-hidden') === 'true') return true;
  if (/display\s*:\s*none/i.test(attr(el, 'style') ?? '')) return true;
  return NAV_NAME.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`);
}

function flush(ctx: Ctx): void {
  const raw = ctx.buf.join('');
  ctx.buf = [];
  if (ctx.paragraphs) {
    if (raw.trim() !== '' || raw.includes('\t')) ctx.paragraphs.push({ raw, heading: ctx.heading });
    return;
  }
  const text = normalizeCell(raw);
  if (text) ctx.sink.add([text], { tabular: false, headingLevel: ctx.heading });
}

/** The paragraphs held back (Word documents) become lines, before a table or the end. */
function settle(ctx: Ctx): void {
  flush(ctx);
  if (!ctx.paragraphs?.length) return;
  for (const l of wordParagraphLines(ctx.paragraphs, ctx.spaceCells ?? false)) {
    ctx.sink.add(l.cells, { tabular: l.tabular, headingLevel: l.headingLevel });
  }
  ctx.paragraphs = [];
}

/** A tab as Word writes it in a web page: a span of spaces styled mso-tab-count. */
const MSO_TABS = /mso-tab-count\s*:\s*(\d+)/i;

function walkBlock(node: HtmlNode, ctx: Ctx): void {
  for (const el of childNodes(node)) {
    if (isText(el)) {
      ctx.buf.push(el.value);
      continue;
    }
    if (!isElement(el)) continue;
    if (isDropped(el)) continue;
    const tag = tagOf(el);
    const level = /^h([1-6])$/.exec(tag);
    const tabs = ctx.tabCells && tag === 'span' ? MSO_TABS.exec(attr(el, 'style') ?? '') : null;
    if (tabs) ctx.buf.push('\t'.repeat(Math.min(Number(tabs[1]), 50)));
    else if (tag === 'br') flush(ctx);
    else if (tag === 'pre') {
      // preformatted text (a text file saved as a web page) reads as the text reader reads it
      settle(ctx);
      for (const l of splitLines(textOf(el)).lines) {
        ctx.sink.add(l.cells, { tabular: l.tabular, cellX: l.cellX, headingLevel: l.headingLevel ?? ctx.heading });
      }
    } else if (tag === 'table') {
      settle(ctx);
      walkTable(el, ctx);
    } else if (level) {
      flush(ctx);
      const outer = ctx.heading;
      ctx.heading = Number(level[1]);
      walkBlock(el, ctx);
      flush(ctx);
      ctx.heading = outer;
    } else if (BLOCK.has(tag)) {
      flush(ctx);
      const held = ctx.paragraphs?.length;
      walkBlock(el, ctx);
      flush(ctx);
      // an empty Word paragraph separates rows of a table saved as text
      if (tag === 'p' && held !== undefined && ctx.paragraphs?.length === held) ctx.paragraphs.push({ raw: '' });
    } else walkBlock(el, ctx);
  }
}

/** The text of a node with block boundaries as spaces (collapsed later). */
function textOf(node: HtmlNode): string {
  if (isText(node)) return node.value;
  if (!isElement(node)) return childNodes(node).map(textOf).join('');
  const el = node;
  if (isDropped(el)) return '';
  const tag = tagOf(el);
  if (tag === 'br') return '\n';
  const inner = el.childNodes.map(textOf).join('');
  return BLOCK.has(tag) ? `\n${inner}\n` : inner;
}

function childElements(el: HtmlElement, tags: string[]): HtmlElement[] {
  return el.childNodes.filter((c): c is HtmlElement => isElement(c) && tags.includes(tagOf(c)));
}

function rowsOf(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of childElements(table, ['tr', 'thead', 'tbody', 'tfoot'])) {
    if (tagOf(child) === 'tr') rows.push(child);
    else rows.push(...childElements(child, ['tr']));
  }
  return rows;
}

/** Whether an element holds a <table> anywhere below it (walked without recursion or selectors). */
function holdsTable(el: HtmlElement): boolean {
  const stack: HtmlNode[] = [...el.childNodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (tagOf(node) === 'table') return true;
    for (const child of node.childNodes) stack.push(child);
  }
  return false;
}

/**
 * A table used to lay out the page: one that holds other tables, one column, or long text in a
 * table of one or two columns or rows. A form of several columns and rows with a long cell (部门职责,
 * 年度总体目标 of a performance form) is a data table.
 */
function isLayoutTable(rows: HtmlElement[]): boolean {
  let maxCells = 0;
  let long = false;
  for (const row of rows) {
    const cells = childElements(row, ['td', 'th']);
    maxCells = Math.max(maxCells, cells.length);
    if (cells.some(holdsTable)) return true;
    if (!long && cells.some((c) => textOf(c).length > 400)) long = true;
  }
  return maxCells <= 1 || (long && (maxCells <= 2 || rows.length <= 2));
}

function span(el: HtmlElement, name: string): number {
  const n = parseInt(attr(el, name) ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 200) : 1;
}

/** One <tr> → its cells, honouring the rowspans still open from rows above. */
function rowCells(row: HtmlElement, open: number[]): string[] {
  const cells: string[] = [];
  let col = 0;
  const skipOpen = (): void => {
    while ((open[col] ?? 0) > 0) {
      open[col] = (open[col] ?? 1) - 1;
      cells[col++] = '';
    }
  };
  for (const td of childElements(row, ['td', 'th'])) {
    skipOpen();
    const colspan = span(td, 'colspan');
    const rowspan = span(td, 'rowspan');
    cells[col] = normalizeCell(textOf(td));
    for (let k = 0; k < colspan; k++) {
      if (k > 0) cells[col + k] = '';
      if (rowspan > 1) open[col + k] = rowspan - 1;
    }
    col += colspan;
  }
  for (; col < open.length; col++) {
    if ((open[col] ?? 0) > 0) open[col] = (open[col] ?? 1) - 1;
    cells[col] = '';
  }
  return Array.from(cells, (c) => c ?? '');
}

function walkTable(table: HtmlElement, ctx: Ctx): void {
  const rows = rowsOf(table);
  if (isLayoutTable(rows)) {
    walkBlock(table, ctx);
    flush(ctx);
    return;
  }
  for (const caption of childElements(table, ['caption'])) {
    ctx.buf.push(textOf(caption));
    settle(ctx);
  }
  const open: number[] = [];
  let width = 0;
  for (const row of rows) width = Math.max(width, childElements(row, ['td', 'th']).reduce((n, td) => n + span(td, 'colspan'), 0));
  const spanning = rows.map((row) => {
    const tds = childElements(row, ['td', 'th']);
    return width > 1 && tds.length === 1 && span(tds[0]!, 'colspan') >= width;
  });
  const first = spanning.indexOf(false);
  const last = spanning.lastIndexOf(false);
  rows.forEach((row, k) => {
    const cells = rowCells(row, open);
    // A title or unit row spanning the whole table above or below its body reads as a line of text,
    // as in the text form; one inside the body (a group label: 其中：…, 四、项目支出) stays a row.
    const whole = spanning[k]! && (k < first || k > last);
    ctx.sink.add(whole ? [cells[0] ?? ''] : cells, { tabular: !whole });
  });
}

/**
 * Removes comments, Word's downlevel conditionals (<![if !supportLists]>, which parsers keep as
 * text), doctype and XML declarations, in one pass: an unclosed one runs to the end of the page,
 * as in a browser (a pattern per kind re-scanned the rest of the page for each unclosed one).
 */
function cleanMarkup(html: string): string {
  const out: string[] = [];
  let from = 0;
  for (let i = html.indexOf('<', 0); i >= 0; i = html.indexOf('<', i + 1)) {
    const c = html[i + 1];
    if (c !== '!' && c !== '?') continue;
    let end: number;
    if (html.startsWith('<!--', i)) end = endOf(html, '-->', i + 4);
    else if (html.startsWith('<![', i) && /^<!\[(end)?if/i.test(html.slice(i, i + 8))) end = endOf(html, ']>', i + 3);
    else if (/^<!doctype/i.test(html.slice(i, i + 9)) || html.startsWith('<?xml', i)) end = endOf(html, '>', i + 2);
    else continue;
    out.push(html.slice(from, i));
    from = end;
    i = end - 1;
  }
  out.push(html.slice(from));
  return out.join('');
}

function endOf(html: string, close: string, from: number): number {
  const at = html.indexOf(close, from);
  return at < 0 ? html.length : at + close.length;
}

/**
 * Elements (open tags) and table rows of the markup, counted in one pass before it is parsed
 * (a page of 130k rows was parsed whole before its lines could be counted).
 */
function checkMarkup(html: string): void {
  checkLimit('textChars', html.length);
  const nodes = new Budget('htmlNodes');
  const rows = new Budget('lines', 'web page table rows');
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      nodes.add();
      if ((c === 116 || c === 84) && (html.charCodeAt(i + 2) | 0x20) === 114 && !/[\w-]/.test(html[i + 3] ?? '')) rows.add();
    }
  }
}

/** The nesting depth of the parsed page, walked without recursion; refused past the limit (the walkers recurse). */
function checkDepth(root: HtmlNode): void {
  const max = limit('depth');
  const stack: [HtmlNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) throw limitError('depth', depth, true, 'web page');
    for (const child of childNodes(node)) if (isElement(child)) stack.push([child, depth + 1]);
  }
}

/**
 * Whether the paragraphs are laid out with runs of spaces (a `pdftotext -layout` text pasted into
 * a Word document), as the text reader decides it: several paragraphs without tabs hold three or
 * more columns two spaces apart, and they outnumber the paragraphs with tabs.
 */
function isSpaceLaidOut(root: HtmlNode): boolean {
  let columnar = 0;
  let tabbed = 0;
  for (const line of textOf(root).split('\n')) {
    if (line.includes('\t')) tabbed++;
    else if (normalizeText(line).trim().split(/ {2,}/).length >= 3) columnar++;
  }
  return columnar >= 5 && columnar > tabbed;
}

/** A web page saved by Word ("Save as Web Page", .mht): its paragraphs read as a Word document's. */
export function isWordHtml(html: string): boolean {
  const head = html.slice(0, 20_000);
  return /<meta[^>]+content=["']?Microsoft Word/i.test(head) || /xmlns:w=["']?urn:schemas-microsoft-com:office:word/i.test(head);
}

/** The lines of an HTML document (`tabCells`: paragraphs split into cells at tab characters, as a Word document's). */
export function htmlToLines(html: string, opts: { tabCells?: boolean } = {}, sink: LineSink = new BoundedSink()): RawLine[] {
  checkMarkup(html);
  const root = parseHtml(cleanMarkup(html));
  checkDepth(root);
  const tabCells = opts.tabCells ?? false;
  const ctx: Ctx = tabCells ? { sink, buf: [], tabCells, paragraphs: [], spaceCells: isSpaceLaidOut(root) } : { sink, buf: [], tabCells };
  walkBlock(root, ctx);
  settle(ctx);
  return sink.lines;
}
