import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLocator } from './locate.js';
import { disclosure, section, table } from '../rules/utils/fixtures.js';

const doc = () => disclosure({
  entity: '某局', year: 2023, unit: '万元',
  tables: [table('T03', { columns: ['total', 'basic'], rows: [['total', '合计', '100.00', '60.00'], ['2101501', '行政运行', '60.00', '60.00']] })],
  sections: [section('三、支出决算情况说明', ['支出合计 100.00 万元。'], { children: [section('（一）基本支出', ['人员经费 50.00 万元。'])] })],
});

test('locate: a cell or row of a table gets that table without a hint', () => {
  const d = doc();
  const loc = createLocator(d);
  const t = d.tables[0]!;
  const cell = t.rows[1]!.cells.total!;
  assert.deepEqual([loc.locate(cell.prov).table, loc.locate(cell.prov).tableTitle], ['T03', t.title]);
  assert.equal(loc.locate({ line: t.rows[0]!.prov.line }).table, 'T03');
});

test('locate: a line inside a table that is not one of its rows (title, a gap) gets no table', () => {
  const d = doc();
  const t = d.tables[0]!;
  assert.ok(!t.rows.some((r) => r.prov.line === t.prov.line), 'fixture: the title line is not a row');
  const loc = createLocator(d);
  assert.equal(loc.locate({ line: t.prov.line }).table, undefined);
  assert.equal(loc.locate({ line: 1 }).table, undefined);
  // a rule that names the table still gets it
  assert.equal(loc.locate({ line: t.prov.line }, { table: 'T03' }).tableTitle, t.title);
});

test('locate: a 目录 line never gets a table, even one whose span holds it', () => {
  const d = doc();
  const t = d.tables[0]!;
  const rowLine = t.rows[1]!.prov.line;
  d.toc = [{ text: '三、支出决算表', table: 'T03', prov: { line: rowLine } }];
  assert.equal(createLocator(d).locate({ line: rowLine }).table, undefined);
});

test('locate: the deepest section holding the line, and the page of the line', () => {
  const d = doc();
  const child = d.sections[0]!.children[0]!;
  const line = child.paragraphs[0]!.prov.line;
  d.lines = d.lines.map((l) => ({ ...l, page: l.line >= line ? 2 : 1 }));
  const loc = createLocator(d).locate({ line });
  assert.equal(loc.section, '（一）基本支出');
  assert.equal(loc.page, 2);
  assert.equal(createLocator(d).locate({ line: d.sections[0]!.prov.line }).section, '三、支出决算情况说明');
  assert.deepEqual(createLocator(d).locate({ line: 0 }), {});
});
