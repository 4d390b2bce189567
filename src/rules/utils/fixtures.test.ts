import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountFigure, disclosure, evaluation, percentFigure, section, table } from './fixtures.js';

const t03 = () => table('T03', {
  columns: ['total', 'basic', 'project'],
  rows: [['total', '合计', '100.00', '60.00', '40.00'], ['2101501', '行政运行', '60.00', '60.00', ''], ['2101502', '一般行政管理事务', '40.00', '-', '40.00']],
});

test('fixtures: table cells are parsed and rows keyed by code', () => {
  const d = disclosure({ unit: '万元', tables: [t03()] });
  const t = d.tables[0]!;
  assert.equal(t.key, 'T03');
  assert.equal(t.rows[0]!.key, 'total');
  assert.equal(t.rows[1]!.code, '2101501');
  assert.equal(t.rows[1]!.codeLevel, 'item');
  const total = t.rows[0]!.cells.total!;
  assert.deepEqual(total.value, { kind: 'amount', amount: { fen: 100_000_000, unit: '万元', decimals: 2, printed: '100.00' } });
  assert.equal(t.rows[1]!.cells.project!.value.kind, 'blank');
  assert.equal(t.rows[2]!.cells.basic!.value.kind, 'dash');
});

test('fixtures: parts get distinct increasing lines and the lines array quotes them', () => {
  const d = disclosure({
    tables: [t03(), t03()],
    sections: [section('三、支出决算情况说明', ['支出合计 100.00 万元。其中基本支出 60.00 万元，占 60.00%。'])],
    performance: [evaluation({ project: '医疗救助', funding: [['total', '年度资金总额', '1.00', '2.00', '1.00', '10', '50.00%', '5.00']] })],
  });
  const lines = d.lines.map((l) => l.line);
  assert.deepEqual(lines, Array.from({ length: lines.length }, (_, i) => i + 1));
  const [a, b] = d.tables;
  assert.equal(a!.prov.line, 1);
  assert.equal(b!.prov.line, a!.endLine + 1);
  const totalCell = b!.rows[0]!.cells.total!;
  assert.match(d.lines[totalCell.prov.line - 1]!.text, /^合计\t100\.00/);
  const s = d.sections[0]!;
  assert.equal(s.number, '三、');
  assert.equal(s.heading, '支出决算情况说明');
  assert.equal(s.prov.line, b!.endLine + 1);
  assert.equal(s.paragraphs[0]!.sentences.length, 2);
  const ev = d.performance[0]!;
  assert.ok(ev.prov.line > s.paragraphs[0]!.prov.line);
  assert.equal(ev.funding[0]!.executed!.prov.line, ev.prov.line + 2);
});

test('fixtures: explicit figures carry amounts, percent decimals and offsets', () => {
  const s = section('（一）支出', [{
    text: '支出合计 100.00 万元，基本支出占 60.00%。',
    figures: [amountFigure('100.00 万元', { subject: '支出合计', role: 'value' }), percentFigure('60.00%', { subject: '基本支出', role: 'share' })],
  }]);
  const figs = s.paragraphs[0]!.sentences[0]!.figures;
  assert.equal(figs[0]!.amount!.fen, 100_000_000);
  assert.equal(figs[0]!.role, 'value');
  assert.equal(figs[1]!.decimals, 2);
  assert.equal(figs[1]!.value, '60.00');
  assert.equal(figs[1]!.prov.offset, '支出合计 100.00 万元，基本支出占 '.length);
  assert.equal(s.level, 2);
});

test('fixtures: object rows with side and cells by key', () => {
  const t = table('T01', {
    columns: ['amount'],
    rows: [{ key: 'incomeTotal', name: '本年收入合计', side: 'income', cells: { amount: '2,502.70' } }],
  });
  assert.equal(t.rows[0]!.side, 'income');
  const v = t.rows[0]!.cells.amount!.value;
  assert.ok(v.kind === 'amount' && v.amount.fen === 2_502_700_000);
});

test('fixtures: sentences without explicit figures get their amounts and percentages found', () => {
  const s = section('三、支出决算情况说明', ['2023 年度支出合计 100.00 万元，其中基本支出占 60.00%。']);
  const figs = s.paragraphs[0]!.sentences[0]!.figures;
  const amount = figs.find((f) => f.kind === 'amount');
  const pct = figs.find((f) => f.kind === 'percent');
  assert.equal(amount?.amount?.fen, 100_000_000);
  assert.equal(pct?.value, '60.00');
  const text = s.paragraphs[0]!.text;
  assert.equal(text.slice(amount!.prov.offset!, amount!.prov.offset! + 6), '100.00');
});
