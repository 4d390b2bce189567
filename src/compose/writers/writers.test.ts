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
