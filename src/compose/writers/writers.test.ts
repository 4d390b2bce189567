import { test } from 'node:test';
import assert from 'node:assert/strict';
import XLSX from 'xlsx';
import mammoth from 'mammoth';
import { parse, type HTMLElement } from 'node-html-parser';
import { composeDocument, renderHtml, renderText, writeDocx, writeXlsx } from '../index.js';
import { exampleInputs, small } from '../testing/fixtures.js';
import { blockLines } from '../blocks.js';

const medical = exampleInputs().find((e) => e.name.startsWith('county-medical'))!;
const composed = composeDocument(medical.input);

test('text: one line per heading, paragraph and table row, numbered as the model says', () => {
  const lines = renderText(composed.document).split('\n');
  assert.equal(lines.length - 1, composed.disclosure.lines.length);
  const t01 = composed.disclosure.tables.find((t) => t.key === 'T01')!;
  assert.equal(lines[t01.prov.line - 1], '收入支出决算总表');
  assert.match(lines[t01.rows.find((r) => r.key === 'incomeTotal')!.prov.line - 1]!, /^本年收入合计\t27\t/);
});

/** Rows of cells with colspan/rowspan expanded to blanks (right of / below the cell), as readers see them. */
function expandSpans(rows: HTMLElement[][]): string[][] {
  const out: string[][] = [];
  rows.forEach((cells, r) => {
    const row: string[] = (out[r] ??= []);
    let col = 0;
    for (const c of cells) {
      while (row[col] !== undefined) col++;
      const cs = Number(c.getAttribute('colspan') ?? 1);
      const rs = Number(c.getAttribute('rowspan') ?? 1);
      for (let k = 0; k < cs; k++) {
        row[col + k] = k === 0 ? c.text : '';
        for (let i = 1; i < rs; i++) (out[r + i] ??= [])[col + k] = '';
      }
      col += cs;
    }
  });
  return out.map((r) => [...r].map((x) => x ?? ''));
}

test('html: self-contained zh-CN page whose tables and paragraphs are the text lines', () => {
  const html = renderHtml(composed.document);
  const root = parse(html);
  assert.equal(root.querySelector('html')!.getAttribute('lang'), 'zh-CN');
  assert.equal(root.querySelectorAll('script').length, 0);
  assert.equal(root.querySelectorAll('[src]').length + root.querySelectorAll('link').length, 0, 'no external resources');
  assert.match(html, /@page/);
  const tables = root.querySelectorAll('table');
  const blocks = composed.document.blocks.filter((b) => b.kind === 'table');
  assert.equal(tables.length, blocks.length);
  tables.forEach((t, i) => {
    const b = blocks[i]!;
    const rows = expandSpans(t.querySelectorAll('tr').map((tr) => tr.querySelectorAll('th,td')));
    const lines = blockLines(b);
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (r: string[]) => [...r, ...Array(Math.max(0, width - r.length)).fill('')];
    assert.deepEqual(rows, lines.slice(lines.length - b.notes.length - rows.length, lines.length - b.notes.length).map(pad));
  });
  const paragraphs = root.querySelectorAll('body > p').map((p) => p.text);
  assert.deepEqual(paragraphs, composed.document.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : '')));
});

test('docx: opens with mammoth and holds the headings, tables and figures', async () => {
  const bytes = await writeDocx(composed.document);
  // U+2060 (word joiner) keeps a figure with its unit (万元) on one line; readers drop it.
  const value = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\u2060/g, '');
  for (const s of ['青川县医疗保障局2024年度部门决算', '收入支出决算总表', '2,253.11', '财政拨款“三公”经费支出决算表', '完成年初预算的102.87%', '名词解释']) assert.ok(value.includes(s), s);
  const xml = Buffer.from(bytes).toString('latin1');
  assert.ok(xml.length > 1000);
});

/** Evaluates a formula made of cell references joined by + and − (the sums), from the cached values. */
function evalSum(formula: string, sheet: XLSX.WorkSheet, wb: XLSX.WorkBook): number | null {
  if (!/^[+-]?('[^']+'!)?[A-Z]+\d+([+-]('[^']+'!)?[A-Z]+\d+)*$/.test(formula)) return null;
  let total = 0;
  for (const m of formula.matchAll(/([+-]?)(?:'([^']+)'!)?([A-Z]+\d+)/g)) {
    const ws = m[2] ? wb.Sheets[m[2].replace(/''/g, "'")]! : sheet;
    const v = Number(ws[m[3]!]?.v ?? 0);
    total += m[1] === '-' ? -v : v;
  }
  return total;
}

test('xlsx: one sheet per table, every computed cell a formula with a cached result that recomputes', async () => {
  for (const input of [small, exampleInputs()[0]!.input]) {
    const { document } = composeDocument(input);
    const wb = XLSX.read(await writeXlsx(document), { type: 'array', cellFormula: true });
    for (const key of ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09']) assert.ok(wb.SheetNames.some((n) => n.startsWith(`${key} `)), key);
    let formulas = 0;
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name]!;
      for (const [addr, cell] of Object.entries(ws)) {
        if (addr.startsWith('!') || !(cell as XLSX.CellObject).f) continue;
        const c = cell as XLSX.CellObject;
        formulas++;
        assert.equal(typeof c.v, 'number', `${name}!${addr} has a cached result`);
        const recomputed = evalSum(c.f!, ws, wb);
        if (recomputed !== null) assert.ok(Math.abs(recomputed - (c.v as number)) < 1e-6, `${name}!${addr} ${c.f} = ${recomputed} ≠ ${c.v}`);
      }
    }
    assert.ok(formulas > 50);
  }
});

/** A file of a zip package (DOCX, XLSX) as text. */
function zipText(bytes: Uint8Array, path: string): string {
  const cfb = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, `/${path}`);
  assert.ok(entry, `${path} in the package`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

test('html: merged header cells, print CSS (A4, a named landscape page, page break per table, repeated thead)', () => {
  const html = renderHtml(composed.document);
  const root = parse(html);
  const t09 = root.querySelector('section#T09')!;
  assert.match(t09.getAttribute('class')!, /landscape/);
  assert.ok(t09.querySelector('th[colspan="6"]')!.text === '预算数');
  assert.ok(t09.querySelectorAll('th[rowspan="2"]').some((th) => th.text === '公务接待费'));
  assert.equal(root.querySelector('section#T01')!.getAttribute('class'), 'table portrait');
  for (const css of ['@page { size: A4 portrait', '@page landscape { size: A4 landscape', 'section.table { break-before: page', 'thead { display: table-header-group', 'tr { break-inside: avoid']) assert.ok(html.includes(css), css);
  assert.ok(root.querySelectorAll('p span.n').some((s) => s.text === '2253.11万元'), 'numbers in text never wrap');
});

test('docx: merged cells, repeated header rows, a landscape section per wide table, 目录 fields, page numbers, zh-CN fonts, black headings', async () => {
  const bytes = await writeDocx(composed.document);
  const xml = zipText(bytes, 'word/document.xml');
  assert.ok(/<w:gridSpan w:val="6"\/>/.test(xml), 'gridSpan (预算数 over six columns)');
  assert.ok(/<w:vMerge w:val="restart"\/>/.test(xml) && /<w:vMerge(?: w:val="continue")?\/>/.test(xml), 'vMerge restart and continue');
  assert.ok(/<w:tblHeader\/>|<w:tblHeader w:val="(1|true)"\/>/.test(xml), 'header rows repeat on every page');
  assert.ok(/<w:cantSplit\/>|<w:cantSplit w:val="(1|true)"\/>/.test(xml), 'rows never split');
  const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!;
  const tables = composed.document.blocks.filter((b) => b.kind === 'table');
  assert.ok(sections.length >= tables.length + 2, `a section per table, plus cover and 目录 (${sections.length})`);
  assert.ok(sections.filter((s) => /w:orient="landscape"/.test(s)).length >= 6, 'the wide forms are landscape');
  assert.match(xml, /PAGEREF _jsToc_T01/, '目录 entries are PAGEREF fields to bookmarks');
  assert.match(xml, /<w:bookmarkStart[^>]*w:name="_jsToc_T01"/);
  assert.match(zipText(bytes, 'word/footer1.xml'), /PAGE/, 'page numbers in the footer');
  assert.match(xml, /<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/, 'runs in zh-CN');
  assert.match(xml, /<w:lang w:val="en-US" w:eastAsia="en-US"\/><\/w:rPr><w:t xml:space="preserve">2253\.11\u2060万元<\/w:t>/, 'a figure and its unit form one run that never breaks');
  const styles = zipText(bytes, 'word/styles.xml');
  for (const f of ['仿宋_GB2312', '黑体']) assert.ok(styles.includes(`w:eastAsia="${f}"`), f);
  assert.ok(xml.includes('w:eastAsia="宋体"'), '宋体 in tables');
  const headingStyles = [...styles.matchAll(/<w:style [^>]*w:styleId="(Title|Heading\d)"[\s\S]*?<\/w:style>/g)];
  assert.ok(headingStyles.length >= 5);
  for (const [style, id] of headingStyles) {
    const colors = [...style.matchAll(/<w:color w:val="([0-9A-Fa-f]{6})"/g)].map((m) => m[1]!.toUpperCase());
    assert.ok(colors.every((c) => c === '000000'), `${id} is black (${colors.join(', ')})`);
  }
});

test('xlsx: merged headers, landscape fit to one page wide, print titles and area, frozen header rows, widths per table', async () => {
  const bytes = await writeXlsx(composed.document);
  const wb = XLSX.read(bytes, { type: 'array', cellStyles: true });
  const t09 = wb.SheetNames.indexOf(wb.SheetNames.find((n) => n.startsWith('T09 '))!);
  const sheet = zipText(bytes, `xl/worksheets/sheet${t09 + 1}.xml`);
  assert.match(sheet, /<pageSetUpPr fitToPage="1"\/>/);
  assert.match(sheet, /orientation="landscape"/);
  assert.match(sheet, /fitToWidth="1"/);
  assert.match(sheet, /fitToHeight="0"/);
  assert.match(sheet, /paperSize="9"/);
  assert.match(sheet, /<pane [^>]*ySplit="\d+"[^>]*state="frozen"/);
  const merges = wb.Sheets[wb.SheetNames[t09]!]!['!merges']!.map((m) => XLSX.utils.encode_range(m));
  assert.ok(merges.includes('A5:F5') && merges.includes('G5:L5'), `预算数 / 决算数 merged (${merges.join(' ')})`);
  const workbook = zipText(bytes, 'xl/workbook.xml');
  assert.match(workbook, /_xlnm\.Print_Titles/);
  assert.match(workbook, /_xlnm\.Print_Area/);
  const t01 = wb.Sheets[wb.SheetNames.find((n) => n.startsWith('T01 '))!]!['!cols']!.map((c) => c.wch ?? c.width);
  const t03 = wb.Sheets[wb.SheetNames.find((n) => n.startsWith('T03 '))!]!['!cols']!.map((c) => c.wch ?? c.width);
  assert.notDeepEqual(t01, t03, 'each table its own widths');
});
